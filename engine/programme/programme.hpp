#pragma once
// The safety programme as a municipality organises it (seeds 002 and 004): groups (council,
// working committee, focus groups, cooperation groups) coordinated by bodies; action plans of a
// group with a period and measurable goals; and the three steps of the legal duty (Lag 2023:196).
// Plain values; the store adapter reads and writes them, the commands change them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/cases/model.hpp"
#include "engine/followup/indicators.hpp"
#include "engine/shared/enum_names.hpp"
#include "workflows/action_plan.hpp"

namespace bevaka::engine {

enum class group_kind {
  council,
  working_committee,
  strategic_group,
  crime_prevention_council,
  focus_group,
  cooperation_group
};
// As the CLI, the JSON and the database spell them: "working-committee", ...
inline constexpr enum_names<group_kind, 6> group_kind_names{{
    {group_kind::council, "council"},
    {group_kind::working_committee, "working-committee"},
    {group_kind::strategic_group, "strategic-group"},
    {group_kind::crime_prevention_council, "crime-prevention-council"},
    {group_kind::focus_group, "focus-group"},
    {group_kind::cooperation_group, "cooperation-group"},
}};
[[nodiscard]] std::string_view to_string(group_kind kind);
[[nodiscard]] std::optional<group_kind> parse_group_kind(std::string_view text);

// A råd, arbetsutskott, fokusgrupp or samverkansgrupp. Its coordinator and members are bodies.
struct group {
  id_t id = 0;
  std::string name{};
  group_kind kind = group_kind::council;
  id_t coordinator_id = 0;
  std::string coordinator{};           // the body's name, filled when read back
  std::vector<id_t> member_ids{};      // in the order given
  std::vector<std::string> members{};  // names, filled when read back
  std::optional<int> meets_per_year{};
  std::optional<id_t> part_of_id{};
  std::string part_of{};  // the larger group's name, filled when read back
};

// A span of whole years, written "2013-2015" (or "2013–2015", or one year "2024").
struct year_span {
  int first = 0;
  int last = 0;
  [[nodiscard]] bool contains(int year) const { return first <= year && year <= last; }
  bool operator==(const year_span&) const = default;
};
[[nodiscard]] std::optional<year_span> parse_year_span(std::string_view text);
[[nodiscard]] std::string format_year_span(year_span span);

// A handlingsplan of a group or focus area. `ref` is the reference number as written.
struct action_plan {
  id_t id = 0;
  std::string ref{};
  std::string title{};
  id_t group_id = 0;
  std::string group{};  // the group's name, filled when read back
  year_span period{};
  std::string state{workflows::action_plan_state::draft};
  std::int64_t version = 0;  // optimistic lock: bumped by every update
};

// The year's review of a plan in force ("analyseras varje år").
struct plan_review {
  id_t plan_id = 0;
  int year = 0;
  std::string note{};
  std::string actor{};
  std::string at{};
};

// A measurable goal of a plan, optionally tied to an indicator with a target.
struct goal {
  id_t id = 0;
  id_t plan_id = 0;
  int position = 0;  // order within its plan
  std::string text{};
  std::optional<id_t> indicator_id{};
  std::optional<double> target{};
  std::optional<wanted_direction> direction{};  // increase or decrease
};

enum class goal_colour { green, yellow, red, not_assessed };
inline constexpr enum_names<goal_colour, 4> goal_colour_names{{
    {goal_colour::green, "green"},
    {goal_colour::yellow, "yellow"},
    {goal_colour::red, "red"},
    {goal_colour::not_assessed, "not-assessed"},
}};
[[nodiscard]] std::string_view to_string(goal_colour colour);
[[nodiscard]] std::optional<goal_colour> parse_goal_colour(std::string_view text);

// A person's colour for a goal's year, with the reason. Never changed: a later one wins.
struct goal_override {
  id_t goal_id = 0;
  int year = 0;
  goal_colour status = goal_colour::not_assessed;
  std::string reason{};
  std::string actor{};
  std::string at{};
};

// The three steps of Lag 2023:196 for one period, in the order they must be taken.
enum class duty_step_kind { situation_picture, action_plan, follow_up };
inline constexpr enum_names<duty_step_kind, 3> duty_step_kind_names{{
    {duty_step_kind::situation_picture, "situation-picture"},
    {duty_step_kind::action_plan, "action-plan"},
    {duty_step_kind::follow_up, "follow-up"},
}};
[[nodiscard]] std::string_view to_string(duty_step_kind kind);
[[nodiscard]] std::optional<duty_step_kind> parse_duty_step_kind(std::string_view text);

struct duty_step {
  id_t id = 0;
  year_span period{};
  duty_step_kind kind = duty_step_kind::situation_picture;
  std::string ref{};
  date decided{};
  id_t body_id = 0;
  std::string body{};             // the deciding body's name, filled when read back
  std::optional<id_t> plan_id{};  // the action-plan step: the plan decided on the picture
  std::string plan_ref{};         // filled when read back
};

}  // namespace bevaka::engine
