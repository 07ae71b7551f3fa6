#pragma once
// The report's Swedish words for the engine's states, outcomes and dates. Internal to
// adapters/report.

#include <string>
#include <string_view>
#include <vector>

#include "engine/report/annual_report.hpp"

namespace bevaka::report::detail {

// 84, 0,5: a number as Swedish text writes it (a decimal comma).
[[nodiscard]] std::string number_text(double value);

// "31 mars 2017"
[[nodiscard]] std::string swedish_date(engine::date day);
[[nodiscard]] std::string_view swedish(engine::delivery d);
[[nodiscard]] std::string_view swedish(engine::wanted_direction d);
[[nodiscard]] std::string_view swedish(engine::indicator_outcome o);

// The action-item states in lifecycle order, with their Swedish column names.
struct state_word {
  std::string_view state;
  std::string_view swedish;
};
[[nodiscard]] const std::vector<state_word>& action_item_state_words();

// "2015: 84 %, 2016: 85 %"
[[nodiscard]] std::string values_text(const engine::indicator& i);
// The latest year's outcome in words ("uppnått 2016"), or "–".
[[nodiscard]] std::string latest_outcome_text(const engine::indicator& i);

// "grön (72)", "röd", "ej bedömd", with " *" when a person set it: one goal's year in the table.
[[nodiscard]] std::string goal_year_text(const engine::goal_year& y);

// "sen, 1 arbetsdag", "sen, 3 arbetsdagar" and the like, for the status table.
[[nodiscard]] std::string delivery_text(const engine::body_report& body);

}  // namespace bevaka::report::detail
