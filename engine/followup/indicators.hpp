#pragma once
// Indicators (mätetal): what a body measures of its safety work, the direction it wants, and one
// value a year. A year's outcome is computed from the year before, as in Socialnämnden's report
// of seed 000 ("6.1: Samma värde som föregående år" is unchanged, "6.2: Värdet ökade" is met).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/cases/model.hpp"
#include "engine/shared/enum_names.hpp"

namespace bevaka::engine {

enum class wanted_direction { increase, decrease, hold };
inline constexpr enum_names<wanted_direction, 3> wanted_direction_names{{
    {wanted_direction::increase, "increase"},
    {wanted_direction::decrease, "decrease"},
    {wanted_direction::hold, "hold"},
}};
[[nodiscard]] std::string_view to_string(wanted_direction direction);
[[nodiscard]] std::optional<wanted_direction> parse_wanted_direction(std::string_view text);

enum class indicator_outcome { met, not_met, unchanged };
inline constexpr enum_names<indicator_outcome, 3> indicator_outcome_names{{
    {indicator_outcome::met, "met"},
    {indicator_outcome::not_met, "not-met"},
    {indicator_outcome::unchanged, "unchanged"},
}};
[[nodiscard]] std::string_view to_string(indicator_outcome outcome);

struct indicator_value {
  int year = 0;
  double value = 0;
};

struct indicator {
  id_t id = 0;
  std::optional<id_t> body_id{};  // the body that reports it; none for a municipality-wide one
  std::string body_name{};        // filled when read back
  std::string code{};             // "6.2", as the body numbers it
  std::string title{};
  wanted_direction direction = wanted_direction::increase;
  std::string unit{};                     // "%", "antal", ...
  std::vector<indicator_value> values{};  // one a year, oldest first
};

// Against the year before: increase and decrease are met when the value moved that way,
// unchanged when it stayed, not met otherwise; hold is met when it stayed and not met otherwise.
[[nodiscard]] indicator_outcome outcome_of(wanted_direction direction, double previous,
                                           double value);

struct yearly_outcome {
  int year = 0;
  double value = 0;
  std::optional<double> previous{};            // the value of year - 1, when there is one
  std::optional<indicator_outcome> outcome{};  // none without the year before
};

// Every year of `i` with its outcome, oldest first.
[[nodiscard]] std::vector<yearly_outcome> yearly_outcomes(const indicator& i);

}  // namespace bevaka::engine
