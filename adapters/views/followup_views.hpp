#pragma once
// The JSON shapes of the follow-up table's answers: one contract for the CLI and the HTTP API.

#include "adapters/views/json_views.hpp"
#include "engine/followup/followup.hpp"
#include "engine/followup/followup_import.hpp"
#include "engine/followup/followup_queries.hpp"
#include "engine/followup/indicators.hpp"

namespace bevaka::views {

// {id, unit, area, activity, description, expected_result, evaluation_method, evaluation_result,
//  category, state, incomplete, reports: [{period, text}], plans: [{period, text}]}
[[nodiscard]] json to_json(const engine::action_item& item);
// {unit, areas, items, incomplete, created, updated, unchanged, work_period, plan_period}
[[nodiscard]] json to_json(const engine::import_summary& summary);
// {unit, area, items, incomplete}
[[nodiscard]] json to_json(const engine::area_summary& area);
// {at, event, from, to, by, note, payload}
[[nodiscard]] json to_json(const engine::followup_event& e);

// {id, code, body, title, direction, unit, values: [{year, value, previous, outcome}]}; outcome is
// met, not-met, unchanged, or null without the year before.
[[nodiscard]] json to_json(const engine::indicator& i);

// A JSON array of the shapes above (json_views' to_json_array cannot see them).
template <class T>
[[nodiscard]] json to_json_list(const std::vector<T>& items) {
  json array = json::array();
  for (const auto& item : items) array.push_back(to_json(item));
  return array;
}

}  // namespace bevaka::views
