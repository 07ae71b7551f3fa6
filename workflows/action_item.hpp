#pragma once
// The lifecycle of an action item: one row of a follow-up table, from proposed through ongoing
// (with one progress report per half-year) to evaluated, or cancelled. A pure function of
// (state, event, facts): the engine loads the state name, fires, then saves the new name and
// carries out the effects. No I/O, no shared state; safe to call from any thread.

#include <span>
#include <string_view>

#include "workflows/transition.hpp"

namespace bevaka::workflows {

// The names of the states and events, as stored and as the CLI types the events. The machine's
// states and events carry these constants, so each name is spelled here and nowhere else.
namespace action_item_state {
inline constexpr std::string_view proposed = "proposed";
inline constexpr std::string_view planned = "planned";
inline constexpr std::string_view ongoing = "ongoing";
inline constexpr std::string_view completed = "completed";
inline constexpr std::string_view evaluated = "evaluated";
inline constexpr std::string_view cancelled = "cancelled";
}  // namespace action_item_state

namespace action_item_event {
inline constexpr std::string_view plan = "plan";
inline constexpr std::string_view start = "start";
inline constexpr std::string_view report = "report";
inline constexpr std::string_view complete = "complete";
inline constexpr std::string_view evaluate = "evaluate";
inline constexpr std::string_view cancel = "cancel";
}  // namespace action_item_event

enum class action_item_effect {
  record_report,      // store the progress report for the current half-year
  record_evaluation,  // store the evaluation (method and result)
};

// What the guards need to know, supplied by the engine.
struct action_item_facts {
  bool period_already_reported = false;  // the current half-year has its progress report
  bool has_evaluation_method = false;
  bool has_evaluation_result = false;
};

// Restores the lifecycle to `state` and fires `event` (both spelled as in the lists below).
// Refuses unknown names, events the state has no row for, and events a rule forbids.
[[nodiscard]] fire_result<action_item_effect> fire_action_item(std::string_view state,
                                                               std::string_view event,
                                                               const action_item_facts& facts);

// proposed, planned, ongoing, completed, evaluated, cancelled.
[[nodiscard]] std::span<const std::string_view> action_item_states();

// plan, start, report, complete, evaluate, cancel.
[[nodiscard]] std::span<const std::string_view> action_item_events();

}  // namespace bevaka::workflows
