#pragma once
// Action plans and their goals: creating a plan, moving it along its lifecycle, adding goals,
// overriding a goal's colour, linking action items; and reading a plan with its goals' colours.
// Each change is recorded beside the follow-up cases (case kinds "action_plan" and "goal"),
// through the follow-up port.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/cases/case_store.hpp"
#include "engine/followup/followup.hpp"
#include "engine/followup/followup_store.hpp"
#include "engine/programme/goal_status.hpp"
#include "engine/programme/programme.hpp"
#include "engine/programme/programme_store.hpp"
#include "engine/shared/command_context.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::engine {

inline constexpr std::string_view action_plan_case = "action_plan";
inline constexpr std::string_view goal_case = "goal";

struct new_plan {
  std::string ref{};  // the reference number as written; looked up exactly
  std::string title{};
  std::string group{};   // a group's name or id (a focus group is a focus area)
  std::string period{};  // "2013-2015"
};

// Refuses an empty reference or title, a period that is not YEAR-YEAR (bad_input), an unknown
// group (not_found), and a reference number another plan has (duplicate).
[[nodiscard]] outcome<action_plan> create_plan(followup_store& followup, programme_store& programme,
                                               const command_context& ctx, const new_plan& request);

struct plan_event {
  std::string event{};        // decide, take-effect, review, evaluate or revise
  std::optional<int> year{};  // review: the year reviewed (default: the clock's year)
  std::string note{};
};

// Refuses what the lifecycle refuses (deciding without goals, a second review of one year,
// evaluating before the period's last year, any event the state has no row for), and a review
// year outside the period or after the clock's year (bad_input).
[[nodiscard]] outcome<action_plan> fire_plan_event(followup_store& followup,
                                                   programme_store& programme,
                                                   const command_context& ctx,
                                                   std::string_view plan_key, const plan_event& e);

struct new_goal {
  std::string plan{};
  std::string text{};
  std::optional<std::string> indicator{};  // code
  std::optional<std::string> indicator_body{};
  std::optional<double> target{};
  std::optional<wanted_direction> direction{};  // default: the indicator's, unless it is hold
};

// Goals are added while the plan is a draft (refused otherwise). An indicator needs a target and
// a target an indicator (bad_input); the direction is increase or decrease.
[[nodiscard]] outcome<goal> add_goal(case_store& cases, followup_store& followup,
                                     programme_store& programme, const command_context& ctx,
                                     const new_goal& request);

// Records a person's colour for the goal's year with a reason; the latest for a year wins.
// `goal_key` is the goal's id. Refuses a year outside the plan's period or an empty reason.
[[nodiscard]] outcome<goal_override> override_goal(followup_store& followup,
                                                   programme_store& programme,
                                                   const command_context& ctx,
                                                   std::string_view goal_key, int year,
                                                   goal_colour status, std::string reason);

// Links the action item (its id) to the plan, or unlinks it when `plan_key` is nullopt.
[[nodiscard]] outcome<action_item> link_item_to_plan(followup_store& followup,
                                                     programme_store& programme,
                                                     const command_context& ctx,
                                                     std::string_view item_key,
                                                     const std::optional<std::string>& plan_key);

// `key` is the plan's reference number, in any case and spacing, or its id; not_found otherwise.
[[nodiscard]] outcome<action_plan> find_plan(programme_store& programme, std::string_view key);

struct goal_view {
  goal g;
  std::optional<indicator> measured{};
  std::vector<goal_year> years{};  // each year of the plan's period
};

struct plan_view {
  action_plan plan;
  std::vector<goal_view> goals{};
  std::vector<plan_review> reviews{};
  std::vector<action_item> items{};  // linked from the follow-up table
};

[[nodiscard]] outcome<plan_view> show_plan(followup_store& followup, programme_store& programme,
                                           std::string_view key);
// Every plan, or one group's (name or id), as action_plans() orders them.
[[nodiscard]] outcome<std::vector<plan_view>> list_plans(followup_store& followup,
                                                         programme_store& programme,
                                                         const std::optional<std::string>& group);

}  // namespace bevaka::engine
