#pragma once
// A goal's colour for a year, computed from its indicator's values and target; a person's
// override shown beside it. Pure functions, no store.
//
// The rules (the first four as the programme states them; the rest decided here):
//  - no value for the year: not assessed;
//  - target met (increase: value >= target, decrease: value <= target): green;
//  - not met, moved the wanted way since the year before: yellow;
//  - not met, moved the wrong way: red;
//  - not met and unchanged since the year before: red. Standing still leaves the target out of
//    reach, and red is the colour that asks the group to act;
//  - not met and no value for the year before: not assessed. The direction cannot be told, and
//    yellow or red would be a guess; the reason says so, and a person may override it;
//  - a goal without an indicator (or target): not assessed every year, until a person sets the
//    colour with an override.

#include <optional>
#include <string>
#include <vector>

#include "engine/followup/indicators.hpp"
#include "engine/programme/programme.hpp"

namespace bevaka::engine {

struct computed_colour {
  goal_colour colour = goal_colour::not_assessed;
  // In Swedish words, for the people of the programme: "84 år 2016 når målet 80".
  std::string why{};
};

// The colour of a goal with `target` and `direction` (increase or decrease) for `year`, whose
// value is `value`, against `previous` (the value of year - 1).
[[nodiscard]] computed_colour colour_of(wanted_direction direction, double target, int year,
                                        std::optional<double> value,
                                        std::optional<double> previous);

struct goal_year {
  int year = 0;
  std::optional<double> value{};
  std::optional<double> previous{};
  computed_colour computed{};
  std::optional<goal_override> override_by{};  // the latest override for the year, if any

  // The override's colour when there is one, else the computed one.
  [[nodiscard]] goal_colour status() const {
    return override_by ? override_by->status : computed.colour;
  }
};

// Each year of `period`, oldest first. `measured` is the goal's indicator (nullopt without one);
// `overrides` may hold any goal's and years', oldest first: the latest of this goal's wins.
[[nodiscard]] std::vector<goal_year> goal_years(const goal& g, const indicator* measured,
                                                year_span period,
                                                const std::vector<goal_override>& overrides);

}  // namespace bevaka::engine
