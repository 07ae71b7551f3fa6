#include "engine/programme/goal_status.hpp"

#include <fmt/format.h>

namespace bevaka::engine {
namespace {

std::optional<double> value_in(const indicator& i, int year) {
  for (const auto& v : i.values)
    if (v.year == year) return v.value;
  return std::nullopt;
}

bool meets(wanted_direction direction, double target, double value) {
  return direction == wanted_direction::decrease ? value <= target : value >= target;
}

// As Swedish writes numbers: a decimal comma (3,5).
std::string swedish(double number) {
  auto text = fmt::format("{}", number);
  for (auto& c : text)
    if (c == '.') c = ',';
  return text;
}

}  // namespace

computed_colour colour_of(wanted_direction direction, double target, int year,
                          std::optional<double> value, std::optional<double> previous) {
  if (!value) return {goal_colour::not_assessed, fmt::format("inget värde för {}", year)};
  if (meets(direction, target, *value))
    return {goal_colour::green,
            fmt::format("{} år {} når målet {}", swedish(*value), year, swedish(target))};
  const auto short_of =
      fmt::format("{} år {} når inte målet {}", swedish(*value), year, swedish(target));
  if (!previous)
    return {goal_colour::not_assessed,
            fmt::format("{}; inget värde för {} som visar riktningen", short_of, year - 1)};
  if (*value == *previous)
    return {goal_colour::red, fmt::format("{}; oförändrat sedan {}", short_of, year - 1)};
  const bool wanted_way = (*value > *previous) == (direction == wanted_direction::increase);
  return {wanted_way ? goal_colour::yellow : goal_colour::red,
          fmt::format("{}; {} från {} år {}", short_of, wanted_way ? "närmar sig" : "fjärmar sig",
                      swedish(*previous), year - 1)};
}

std::vector<goal_year> goal_years(const goal& g, const indicator* measured, year_span period,
                                  const std::vector<goal_override>& overrides) {
  std::vector<goal_year> years;
  for (int year = period.first; year <= period.last; ++year) {
    goal_year y{.year = year};
    if (measured && g.target) {
      y.value = value_in(*measured, year);
      y.previous = value_in(*measured, year - 1);
      y.computed = colour_of(g.direction.value_or(measured->direction), *g.target, year, y.value,
                             y.previous);
    } else {
      y.computed = {goal_colour::not_assessed,
                    "målet har ingen indikator: sätt dess färg för hand"};
    }
    for (const auto& o : overrides)
      if (o.goal_id == g.id && o.year == year) y.override_by = o;
    years.push_back(std::move(y));
  }
  return years;
}

}  // namespace bevaka::engine
