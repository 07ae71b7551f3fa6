#include "workflows/action_item.hpp"

#include "workflows/detail/machine.hpp"

namespace bevaka::workflows {
namespace {

using namespace detail;
using boost::msm::front::none;
using boost::msm::front::Row;
using effect = action_item_effect;

struct proposed : named_state<action_item_state::proposed> {};
struct planned : named_state<action_item_state::planned> {};
struct ongoing : named_state<action_item_state::ongoing> {};
struct completed : named_state<action_item_state::completed> {};
struct evaluated : named_state<action_item_state::evaluated> {};
struct cancelled : named_state<action_item_state::cancelled> {};

struct plan : named_event<action_item_event::plan> {};
struct start : named_event<action_item_event::start> {};
struct report : named_event<action_item_event::report> {};
struct complete : named_event<action_item_event::complete> {};
struct evaluate : named_event<action_item_event::evaluate> {};
struct cancel : named_event<action_item_event::cancel> {};

struct record_report : record<effect::record_report> {};
struct record_evaluation : record<effect::record_evaluation> {};

struct period_not_yet_reported : guard<period_not_yet_reported> {
  static constexpr std::string_view reason = "this half-year already has a progress report";
  static bool holds(const action_item_facts& facts) { return !facts.period_already_reported; }
};

struct evaluation_ready : guard<evaluation_ready> {
  static constexpr std::string_view reason = "evaluation needs an evaluation method and a result";
  static bool holds(const action_item_facts& facts) {
    return facts.has_evaluation_method && facts.has_evaluation_result;
  }
};

struct action_item_machine : machine_def<action_item_machine, effect, action_item_facts> {
  using initial_state = proposed;
  using states = mp11::mp_list<proposed, planned, ongoing, completed, evaluated, cancelled>;
  using events = mp11::mp_list<plan, start, report, complete, evaluate, cancel>;

  // clang-format off
  struct transition_table : boost::mpl::vector<
    //  Source     Event     Target     Action             Guard
    Row<proposed,  plan,     planned,   none,              none>,
    Row<proposed,  start,    ongoing,   none,              none>,
    Row<proposed,  cancel,   cancelled, none,              none>,

    Row<planned,   start,    ongoing,   none,              none>,
    Row<planned,   cancel,   cancelled, none,              none>,

    Row<ongoing,   report,   none,      record_report,     period_not_yet_reported>,
    Row<ongoing,   complete, completed, none,              none>,
    Row<ongoing,   cancel,   cancelled, none,              none>,

    Row<completed, evaluate, evaluated, record_evaluation, evaluation_ready>
  > {};
  // clang-format on
};

}  // namespace

fire_result<action_item_effect> fire_action_item(std::string_view state, std::string_view event,
                                                 const action_item_facts& facts) {
  return fire<action_item_machine>(state, event, facts);
}

std::span<const std::string_view> action_item_states() {
  return names_span<action_item_machine::states>();
}

std::span<const std::string_view> action_item_events() {
  return names_span<action_item_machine::events>();
}

}  // namespace bevaka::workflows
