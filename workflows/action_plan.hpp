#pragma once
// The lifecycle of an action plan (handlingsplan, åtgärdsplan) of a group or focus area: drafted,
// decided, in force for its period with one review a year ("analyseras varje år"), and evaluated
// at the end ("slututvärderas"); a decided or in-force plan may be revised back to draft. A pure
// function of (state, event, facts), like the other lifecycles; safe to call from any thread.

#include <span>
#include <string_view>

#include "workflows/transition.hpp"

namespace bevaka::workflows {

// The names of the states and events, as stored and as the CLI types the events. The machine's
// states and events carry these constants, so each name is spelled here and nowhere else.
namespace action_plan_state {
inline constexpr std::string_view draft = "draft";
inline constexpr std::string_view decided = "decided";
inline constexpr std::string_view in_force = "in-force";
inline constexpr std::string_view evaluated = "evaluated";
}  // namespace action_plan_state

namespace action_plan_event {
inline constexpr std::string_view decide = "decide";
inline constexpr std::string_view take_effect = "take-effect";
inline constexpr std::string_view review = "review";
inline constexpr std::string_view evaluate = "evaluate";
inline constexpr std::string_view revise = "revise";
}  // namespace action_plan_event

enum class action_plan_effect {
  record_review,  // store the year's review
};

// What the guards need to know, supplied by the engine.
struct action_plan_facts {
  bool has_goals = false;              // the plan has at least one measurable goal
  bool year_already_reviewed = false;  // the review's year has its review
  bool final_year_reached = false;     // the clock is in or after the last year of the period
};

// Restores the lifecycle to `state` and fires `event` (both spelled as in the lists below).
// Refuses unknown names, events the state has no row for, and events a rule forbids.
[[nodiscard]] fire_result<action_plan_effect> fire_action_plan(std::string_view state,
                                                               std::string_view event,
                                                               const action_plan_facts& facts);

// draft, decided, in-force, evaluated.
[[nodiscard]] std::span<const std::string_view> action_plan_states();

// decide, take-effect, review, evaluate, revise.
[[nodiscard]] std::span<const std::string_view> action_plan_events();

}  // namespace bevaka::workflows
