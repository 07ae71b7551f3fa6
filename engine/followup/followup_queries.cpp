#include "engine/followup/followup_queries.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>

#include "engine/followup/followup_events.hpp"

namespace bevaka::engine {
namespace {

bool lacks(const action_item& item, missing_kind missing, const std::string& period) {
  if (missing == missing_kind::evaluation)
    return item.state != workflows::action_item_state::cancelled && item.evaluation_method.empty();
  return item.state == workflows::action_item_state::ongoing && !item.report_for(period);
}

bool matches(const action_item& item, const action_item_filter& filter) {
  if (filter.area && item.area != *filter.area) return false;
  if (filter.category && item.category != filter.category) return false;
  return !filter.missing || lacks(item, *filter.missing, format_half_year(filter.period));
}

// The latest half-year the items speak of as work done.
std::optional<half_year> latest_work_period(const std::vector<action_item>& items) {
  std::optional<half_year> latest;
  const auto consider = [&](std::optional<half_year> period) {
    if (period && (!latest || *period > *latest)) latest = period;
  };
  for (const auto& item : items) {
    for (const auto& report : item.reports) consider(parse_half_year(report.period));
    for (const auto& plan : item.plans)
      if (const auto p = parse_half_year(plan.period)) consider(previous_half_year(*p));
  }
  return latest;
}

outcome<std::string> the_only_unit(const std::vector<action_item>& items) {
  std::vector<std::string> units;
  for (const auto& item : items)
    if (std::find(units.begin(), units.end(), item.unit) == units.end()) units.push_back(item.unit);
  if (units.size() <= 1) return units.empty() ? std::string() : units.front();
  return make_error(errc::bad_input,
                    fmt::format("the items belong to {} units ({}): name one with --unit",
                                units.size(), fmt::join(units, ", ")));
}

}  // namespace

std::vector<action_item> find_action_items(followup_store& followup,
                                           const action_item_filter& filter) {
  auto items = followup.action_items(filter.unit ? std::optional<std::string_view>(*filter.unit)
                                                 : std::nullopt);
  std::erase_if(items, [&](const action_item& item) { return !matches(item, filter); });
  return items;
}

outcome<action_item> find_action_item(followup_store& followup, std::string_view id_text) {
  id_t id = 0;
  const auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  if (ec != std::errc{} || end != id_text.data() + id_text.size())
    return make_error(errc::bad_input,
                      fmt::format("'{}' is not an action item's id (a number)", id_text));
  auto item = followup.action_item_by_id(id);
  if (!item) return make_error(errc::not_found, fmt::format("no action item {}", id));
  return std::move(*item);
}

std::vector<area_summary> summarize_areas(followup_store& followup,
                                          std::optional<std::string_view> unit) {
  const auto items = followup.action_items(unit);
  std::vector<area_summary> summaries;
  for (const auto& area : followup.followup_areas(unit)) {
    area_summary s{area.unit, area.name};
    for (const auto& item : items) {
      if (item.unit != area.unit || item.area != area.name) continue;
      ++s.items;
      if (item.incomplete()) ++s.incomplete;
    }
    summaries.push_back(std::move(s));
  }
  return summaries;
}

outcome<followup_sheet> make_followup_sheet(followup_store& followup,
                                            std::optional<std::string> unit,
                                            std::optional<half_year> period, date today) {
  followup_sheet sheet;
  sheet.items = followup.action_items(unit ? std::optional<std::string_view>(*unit) : std::nullopt);
  const auto only_unit = unit ? outcome<std::string>(*unit) : the_only_unit(sheet.items);
  if (!only_unit) return only_unit.error();
  sheet.unit = *only_unit;
  sheet.areas = followup.followup_areas(sheet.unit);
  if (sheet.areas.empty() && sheet.items.empty())
    return make_error(errc::not_found,
                      unit ? fmt::format("the unit '{}' has no follow-up table", *unit)
                           : std::string("there is no follow-up table yet: import one first"));
  sheet.work_period = period.value_or(
      latest_work_period(sheet.items).value_or(previous_half_year(half_year_of(today))));
  sheet.plan_period = next_half_year(sheet.work_period);
  return sheet;
}

outcome<std::vector<followup_event>> item_timeline(followup_store& followup,
                                                   std::string_view id_text) {
  const auto item = find_action_item(followup, id_text);
  if (!item) return item.error();
  return followup.followup_events(action_item_case, item->id);
}

}  // namespace bevaka::engine
