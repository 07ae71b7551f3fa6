#pragma once
// The JSON shapes of the safety programme's answers (groups, plans with their goals' colours, the
// legal duty), shared by the CLI and the HTTP API. They are a contract: the dashboard's programme
// page and the compiled report read them.

#include "adapters/views/json_views.hpp"
#include "engine/programme/duty.hpp"
#include "engine/programme/plan_commands.hpp"
#include "engine/programme/programme.hpp"

namespace bevaka::views {

// {id, name, kind, coordinator, members, meets_per_year, part_of}; coordinator, members and
// part_of are names (part_of and meets_per_year null when none).
[[nodiscard]] json to_json(const engine::group& g);

// {id, ref, title, group, period, state}
[[nodiscard]] json to_json(const engine::action_plan& p);

// The plan's shape above with
//  goals: [{id, position, text, indicator: {code, body, title, unit} | null, target, direction,
//           years: [{year, value, previous, computed, why, override: {status, reason, by, at} |
//                    null, status}]}],
//  reviews: [{year, note, by, at}], items: [{id, unit, area, activity, state}].
// `computed` is the colour from the values and `why` says how; `status` is the override's when
// there is one, else the computed one. Colours: green, yellow, red, not-assessed.
[[nodiscard]] json to_json(const engine::plan_view& v);

// One goal of the plan's shape above.
[[nodiscard]] json to_json(const engine::goal_view& v);

// {goal, year, status, reason, by, at}
[[nodiscard]] json to_json(const engine::goal_override& o);

// {id, period, step, ref, decided, by, plan}; plan is the plan's reference number or null.
[[nodiscard]] json to_json(const engine::duty_step& s);

// {as_of, periods: [{period, steps: [{step, done, ref, decided, by, plan, missing_since}],
//  next}], next: {period, step, missing_since} | null}
[[nodiscard]] json to_json(const engine::duty_status& s);

// A JSON array of the shapes above (json_views' to_json_array cannot see them).
template <class T>
[[nodiscard]] json to_json_rows(const std::vector<T>& items) {
  json array = json::array();
  for (const auto& item : items) array.push_back(to_json(item));
  return array;
}

}  // namespace bevaka::views
