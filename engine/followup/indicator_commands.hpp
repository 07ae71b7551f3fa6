#pragma once
// Adding indicators, recording their yearly values, and finding them. Each change is recorded
// beside the action items' (case kind "indicator").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/cases/case_store.hpp"
#include "engine/followup/followup_store.hpp"
#include "engine/followup/indicators.hpp"
#include "engine/shared/command_context.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::engine {

struct new_indicator {
  std::string code{};
  std::string title{};
  wanted_direction direction = wanted_direction::increase;
  std::string unit{};
  std::optional<std::string> body{};  // name or id
};

// Refuses an empty code or title (bad_input), an unknown body (not_found), and a code the body
// (or, without one, the municipality) already has (duplicate).
[[nodiscard]] outcome<indicator> add_indicator(case_store& cases, followup_store& followup,
                                               const command_context& ctx,
                                               const new_indicator& request);

// Sets the value for `year` (a correction replaces the year's value; the record keeps both).
// `code` with `body` as in find_indicator.
[[nodiscard]] outcome<indicator> set_indicator_value(case_store& cases, followup_store& followup,
                                                     const command_context& ctx,
                                                     std::string_view code,
                                                     std::optional<std::string> body, int year,
                                                     double value);

// The indicator with this code (of this body, when given). not_found when none; bad_input when
// several bodies have the code and none is named.
[[nodiscard]] outcome<indicator> find_indicator(case_store& cases, followup_store& followup,
                                                std::string_view code,
                                                const std::optional<std::string>& body);

// All indicators, or one body's, ordered by body and code.
[[nodiscard]] outcome<std::vector<indicator>> list_indicators(
    case_store& cases, followup_store& followup, const std::optional<std::string>& body);

}  // namespace bevaka::engine
