#include "engine/followup/indicators.hpp"

namespace bevaka::engine {

std::string_view to_string(wanted_direction direction) {
  return wanted_direction_names.to_string(direction);
}

std::optional<wanted_direction> parse_wanted_direction(std::string_view text) {
  return wanted_direction_names.parse(text);
}

std::string_view to_string(indicator_outcome outcome) {
  return indicator_outcome_names.to_string(outcome);
}

indicator_outcome outcome_of(wanted_direction direction, double previous, double value) {
  if (direction == wanted_direction::hold)
    return value == previous ? indicator_outcome::met : indicator_outcome::not_met;
  if (value == previous) return indicator_outcome::unchanged;
  const bool increased = value > previous;
  return increased == (direction == wanted_direction::increase) ? indicator_outcome::met
                                                                : indicator_outcome::not_met;
}

std::vector<yearly_outcome> yearly_outcomes(const indicator& i) {
  std::vector<yearly_outcome> outcomes;
  for (const auto& v : i.values) {
    yearly_outcome o{v.year, v.value};
    for (const auto& before : i.values)
      if (before.year == v.year - 1) o.previous = before.value;
    if (o.previous) o.outcome = outcome_of(i.direction, *o.previous, v.value);
    outcomes.push_back(o);
  }
  return outcomes;
}

}  // namespace bevaka::engine
