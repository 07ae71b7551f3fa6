#include "adapters/views/budget_views.hpp"

namespace bevaka::views {
namespace {

json optional_text(const std::string& text) { return text.empty() ? json() : json(text); }

json to_json(const engine::budget_line& l) {
  return {{"name", l.name},
          {"planned", l.planned},
          {"spent", l.spent},
          {"note", optional_text(l.note)}};
}

json to_json(const engine::budget_area& a) {
  json lines = json::array();
  for (const auto& l : a.lines) lines.push_back(to_json(l));
  return {{"name", a.name}, {"planned", a.planned()}, {"spent", a.spent()}, {"lines", lines}};
}

}  // namespace

json to_json(const engine::budget& b) {
  json areas = json::array();
  for (const auto& a : b.areas) areas.push_back(to_json(a));
  return {{"year", b.year},
          {"owner", b.owner},
          {"total", b.total()},
          {"spent", b.spent()},
          {"areas", areas}};
}

json budget_rows(const engine::budget& b) {
  json rows = json::array();
  for (const auto& a : b.areas)
    for (const auto& l : a.lines)
      rows.push_back({{"area", a.name},
                      {"line", l.name},
                      {"planned", l.planned},
                      {"spent", l.spent},
                      {"note", optional_text(l.note)}});
  return rows;
}

json to_json(const engine::budget_spending& s, const engine::spent_line& l) {
  return {{"year", l.year},
          {"area", l.area},
          {"line", l.line.name},
          {"amount", s.amount},
          {"note", optional_text(s.note)},
          {"planned", l.line.planned},
          {"spent", l.line.spent}};
}

}  // namespace bevaka::views
