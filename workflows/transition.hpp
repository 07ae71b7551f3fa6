#pragma once
// What firing an event on a lifecycle returns: the transition taken, with the effects the engine
// must carry out, or a refusal that says why nothing happened. Plain values; no Boost.MSM here.

#include <boost/system/result.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bevaka::workflows {

enum class refusal_kind {
  unknown_state,   // the stored state name is not a state of this lifecycle
  unknown_event,   // the event name is not an event of this lifecycle
  not_accepted,    // the state has no row for the event
  guard_rejected,  // the state has a row for the event, but a rule forbids it now
};

struct refusal {
  refusal_kind kind;
  std::string state;   // as given
  std::string event;   // as given
  std::string reason;  // guard_rejected: the rule in words; otherwise a short phrase
  // Events that have a row from `state` (whether or not a guard would pass), in table order;
  // empty for unknown_state and for states that have ended.
  std::vector<std::string_view> accepted_events;
};

template <class Effect>
struct transition {
  std::string_view from;  // the lifecycle's own spelling of the state; valid for the program's life
  std::string_view to;    // equal to `from` for an internal transition
  std::vector<Effect> effects;  // in the order the engine should carry them out
};

template <class Effect>
using fire_result = boost::system::result<transition<Effect>, refusal>;

// Lets fire_result<E>::value() throw on a refusal; callers normally test the result first.
[[noreturn]] inline void throw_exception_from_error(const refusal& r,
                                                    const boost::source_location&) {
  throw std::runtime_error(r.reason);
}

}  // namespace bevaka::workflows
