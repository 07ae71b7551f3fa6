#pragma once
// The Boost.MSM plumbing the machines share: named states and events, actions that record
// effects, guards that say why they refuse, and `fire`, which restores a machine to a state by
// name, fires an event by name and reads the outcome. Included only by workflows/*.cpp, so that
// no facade header pulls MSM in.

#include <algorithm>
#include <array>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>
#include <boost/mpl/for_each.hpp>
#include <boost/mpl/size.hpp>
#include <boost/mpl/vector.hpp>
#include <boost/msm/back/state_machine.hpp>
#include <boost/msm/front/functor_row.hpp>
#include <boost/msm/front/state_machine_def.hpp>
#include <cstddef>
#include <exception>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "workflows/transition.hpp"

namespace bevaka::workflows::detail {

namespace msm = boost::msm;
namespace mp11 = boost::mp11;

// A state or event named by one of the constants its facade header exports.
template <const std::string_view& Name>
struct named_state : msm::front::state<> {
  static constexpr std::string_view name = Name;
};

template <const std::string_view& Name>
struct named_event {
  static constexpr std::string_view name = Name;
};

// The front-end base: what the guards read, what the actions write.
template <class Derived, class Effect, class Facts>
struct machine_def : msm::front::state_machine_def<Derived> {
  using effect_type = Effect;
  using facts_type = Facts;

  // A refusal is read from process_event's result instead.
  template <class Event, class Fsm>
  void no_transition(const Event&, Fsm&, int) {}

  // Actions only append to a vector: anything thrown is an infrastructure failure (bad_alloc),
  // which must reach the caller rather than be swallowed as "handled".
  template <class Event, class Fsm>
  void exception_caught(const Event&, Fsm&, std::exception&) {
    throw;
  }

  Facts facts_;
  std::vector<Effect> effects_;
  std::string_view rejected_because_;
};

template <auto... Effects>
struct record {
  template <class Event, class Fsm, class Source, class Target>
  void operator()(const Event&, Fsm& fsm, Source&, Target&) const {
    (fsm.effects_.push_back(Effects), ...);
  }
};

// A guard is a rule over the facts; `Rule` supplies `holds(facts)` and its `reason` in words.
template <class Rule>
struct guard {
  template <class Event, class Fsm, class Source, class Target>
  bool operator()(const Event&, Fsm& fsm, Source&, Target&) const {
    if (Rule::holds(fsm.facts_)) return true;
    fsm.rejected_because_ = Rule::reason;
    return false;
  }
};

// The back-end's serialize() visits, in order: the front-end (only if it declares do_serialize),
// m_states (one int per region: the active state's id), m_history, m_event_processing,
// m_is_included, then each state that declares do_serialize. This archive writes the id into
// m_states and leaves everything else as the constructor made it.
class active_state_loader {
 public:
  explicit active_state_loader(int id) : id_(id) {}

  template <std::size_t Regions>
  active_state_loader& operator&(int (&active)[Regions]) {
    static_assert(Regions == 1, "the lifecycles have one region");
    active[0] = id_;
    return *this;
  }

  template <class Other>
  active_state_loader& operator&(Other&) {
    return *this;
  }

 private:
  int id_;
};

template <class List>
inline constexpr auto names_of = []<class... T>(mp11::mp_list<T...>) {
  return std::array<std::string_view, sizeof...(T)>{T::name...};
}(List{});

template <class Front>
using machine = msm::back::state_machine<Front>;

// MSM's ids of Front::states, in the same (lifecycle) order as their names.
template <class Front>
inline constexpr auto state_ids = []<class... S>(mp11::mp_list<S...>) {
  using table = typename machine<Front>::stt;
  using all_states = typename msm::back::generate_state_set<table>::type;
  static_assert(boost::mpl::size<all_states>::value == sizeof...(S),
                "Front::states must list every state of the table");
  return std::array<int, sizeof...(S)>{msm::back::get_state_id<table, S>::value...};
}(typename Front::states{});

template <std::size_t N, class T>
std::optional<std::size_t> index_of(const std::array<T, N>& items, const T& item) {
  const auto found = std::ranges::find(items, item);
  if (found == items.end()) return std::nullopt;
  return static_cast<std::size_t>(found - items.begin());
}

template <class Front>
std::vector<std::string_view> accepted_events(int state_id) {
  using table = typename machine<Front>::stt;
  std::vector<std::string_view> events;
  boost::mpl::for_each<typename Front::transition_table>([&](auto row) {
    using row_type = decltype(row);
    constexpr auto name = row_type::Evt::name;
    if (msm::back::get_state_id<table, typename row_type::Source>::value != state_id) return;
    if (std::ranges::find(events, name) == events.end()) events.push_back(name);
  });
  return events;
}

template <class Front>
msm::back::HandledEnum fire_event(machine<Front>& fsm, std::size_t event_index) {
  using events = typename Front::events;
  return mp11::mp_with_index<mp11::mp_size<events>::value>(event_index, [&](auto i) {
    return fsm.process_event(mp11::mp_at_c<events, decltype(i)::value>{});
  });
}

template <class Front>
std::string_view state_name(int state_id) {
  const auto index = index_of(state_ids<Front>, state_id);
  return names_of<typename Front::states>[index.value()];
}

inline refusal refuse(refusal_kind kind, std::string_view state, std::string_view event,
                      std::string_view reason, std::vector<std::string_view> accepted = {}) {
  return {kind, std::string(state), std::string(event), std::string(reason), std::move(accepted)};
}

// Puts a fresh machine into `state_id`. No start() afterwards: it would enter the initial state.
template <class Front>
void restore(machine<Front>& fsm, int state_id) {
  active_state_loader loader(state_id);
  fsm.serialize(loader, 0);
}

template <class Front, class Effect = typename Front::effect_type>
fire_result<Effect> fire(std::string_view state, std::string_view event,
                         const typename Front::facts_type& facts) {
  const auto from = index_of(names_of<typename Front::states>, state);
  if (!from) return refuse(refusal_kind::unknown_state, state, event, "no such state");
  const int from_id = state_ids<Front>[*from];
  const auto which = index_of(names_of<typename Front::events>, event);
  if (!which) {
    return refuse(refusal_kind::unknown_event, state, event, "no such event",
                  accepted_events<Front>(from_id));
  }
  machine<Front> fsm;
  restore(fsm, from_id);
  fsm.facts_ = facts;
  const auto handled = fire_event<Front>(fsm, *which);
  if (handled == msm::back::HANDLED_TRUE) {
    return transition<Effect>{state_name<Front>(from_id), state_name<Front>(fsm.current_state()[0]),
                              std::move(fsm.effects_)};
  }
  const bool guarded = handled == msm::back::HANDLED_GUARD_REJECT;
  return refuse(guarded ? refusal_kind::guard_rejected : refusal_kind::not_accepted, state, event,
                guarded ? fsm.rejected_because_ : "not accepted in this state",
                accepted_events<Front>(from_id));
}

template <class List>
std::span<const std::string_view> names_span() {
  return names_of<List>;
}

}  // namespace bevaka::workflows::detail
