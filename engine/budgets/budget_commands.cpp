#include "engine/budgets/budget_commands.hpp"

#include <fmt/format.h>

#include <limits>
#include <map>

#include "engine/followup/followup.hpp"
#include "engine/followup/followup_events.hpp"
#include "engine/programme/group_commands.hpp"

namespace bevaka::engine {
namespace {

// Adds `amount` to `sum`; false when the result would not fit (a file of absurd amounts).
[[nodiscard]] bool add_to(kronor& sum, kronor amount) {
  constexpr auto max = std::numeric_limits<kronor>::max();
  constexpr auto min = std::numeric_limits<kronor>::min();
  if ((amount > 0 && sum > max - amount) || (amount < 0 && sum < min - amount)) return false;
  sum += amount;
  return true;
}

error too_large(std::string_view where) {
  return make_error(errc::bad_input,
                    fmt::format("{}: the amounts add up to more than bevaka can count", where));
}

// Names are compared as users type them: in any case, without surrounding spaces.
std::string name_key(std::string_view name) { return fold_case(trimmed_text(name)); }

std::optional<error> refuse_repeated_names(const imported_budget& file) {
  std::map<std::string, int> areas;
  for (const auto& area : file.areas) {
    if (const auto [at, added] = areas.emplace(name_key(area.name), area.line); !added)
      return make_error(errc::bad_input,
                        fmt::format("{}:{}: the area '{}' is already on line {}", file.source,
                                    area.line, area.name, at->second));
    std::map<std::string, int> lines;
    for (const auto& l : area.lines)
      if (const auto [at, added] = lines.emplace(name_key(l.name), l.line); !added)
        return make_error(errc::bad_input,
                          fmt::format("{}:{}: the line '{}' is already on line {} of area '{}'",
                                      file.source, l.line, l.name, at->second, area.name));
  }
  return std::nullopt;
}

std::optional<error> check_area_sum(const imported_budget& file, const imported_budget_area& area,
                                    kronor& total) {
  kronor sum = 0;
  for (const auto& l : area.lines) {
    const auto where = fmt::format("{}:{}", file.source, l.line);
    if (l.amount < 0)
      return make_error(errc::bad_input,
                        fmt::format("{}: the line '{}' has a negative amount", where, l.name));
    if (!add_to(sum, l.amount)) return too_large(where);
  }
  if (sum != area.stated_sum)
    return make_error(
        errc::bad_input,
        fmt::format("{}:{}: SUMMA {} for {} but its lines add up to {}", file.source, area.sum_line,
                    format_kronor(area.stated_sum), area.name, format_kronor(sum)));
  if (!add_to(total, sum)) return too_large(fmt::format("{}:{}", file.source, area.sum_line));
  return std::nullopt;
}

std::optional<error> check_sums(const imported_budget& file) {
  if (file.areas.empty())
    return make_error(errc::bad_input, fmt::format("{}: the budget has no areas", file.source));
  kronor total = 0;
  for (const auto& area : file.areas)
    if (auto wrong = check_area_sum(file, area, total)) return wrong;
  if (total != file.stated_total)
    return make_error(
        errc::bad_input,
        fmt::format("{}:{}: TOTAL SUMMA {} but the areas add up to {}", file.source,
                    file.total_line, format_kronor(file.stated_total), format_kronor(total)));
  return std::nullopt;
}

budget to_budget(const imported_budget& file, int year, std::string owner) {
  budget b{.year = year, .owner = std::move(owner), .source = file.source};
  for (const auto& area : file.areas) {
    budget_area stored{.name = trimmed_text(area.name)};
    for (const auto& l : area.lines)
      stored.lines.push_back(
          {.name = trimmed_text(l.name), .planned = l.amount, .note = trimmed_text(l.note)});
    b.areas.push_back(std::move(stored));
  }
  return b;
}

void record_budget(budget_store& budgets, const command_context& ctx, budget_event e) {
  budgets.append_budget_event(stamped(ctx, std::move(e)));
}

struct found_line {
  const budget_area* area;
  const budget_line* line;
};

std::string area_names(const std::vector<found_line>& found) {
  std::string names;
  for (const auto& f : found) names += (names.empty() ? "" : ", ") + f.area->name;
  return names;
}

// The one line the spending names, or why there is none.
outcome<found_line> find_line(const budget& b, const budget_spending& s) {
  const auto wanted_area = s.area ? std::optional(name_key(*s.area)) : std::nullopt;
  bool area_found = false;
  std::vector<found_line> found;
  for (const auto& area : b.areas) {
    if (wanted_area && name_key(area.name) != *wanted_area) continue;
    area_found = true;
    for (const auto& l : area.lines)
      if (name_key(l.name) == name_key(s.line)) found.push_back({&area, &l});
  }
  if (s.area && !area_found)
    return make_error(errc::not_found,
                      fmt::format("the budget for {} has no area '{}'", b.year, *s.area));
  if (found.empty())
    return make_error(errc::not_found, fmt::format("the budget for {} has no line '{}'{}", b.year,
                                                   s.line, s.area ? " in " + *s.area : ""));
  if (found.size() > 1)
    return make_error(
        errc::bad_input,
        fmt::format("the line '{}' is in {} areas of the budget for {} ({}): name "
                    "the area with --area",
                    found.front().line->name, found.size(), b.year, area_names(found)));
  return found.front();
}

}  // namespace

outcome<budget> find_budget(budget_store& budgets, int year) {
  if (auto found = budgets.budget_of_year(year)) return std::move(*found);
  return make_error(errc::not_found, fmt::format("no budget for {} has been imported", year));
}

outcome<budget> import_budget(programme_store& programme, budget_store& budgets,
                              const command_context& ctx, const imported_budget& file, int year,
                              const std::string& owner) {
  if (year < 1900 || year > 2999)
    return make_error(errc::bad_input, fmt::format("the year {} is not a budget year", year));
  auto who = trimmed_text(owner);
  if (who.empty()) return make_error(errc::bad_input, "the budget needs an owner");
  // The owner is a group of the programme (its council or working committee), named as stored.
  const auto group = find_group(programme, who);
  if (!group) return group.error();
  who = group->name;
  if (auto wrong = refuse_repeated_names(file)) return *wrong;
  if (auto wrong = check_sums(file)) return *wrong;
  if (const auto existing = budgets.budget_of_year(year))
    return make_error(errc::duplicate,
                      fmt::format("the budget for {} is already imported (from {}, owner {})", year,
                                  existing->source, existing->owner));
  const auto b = to_budget(file, year, std::move(who));
  const auto id = budgets.insert_budget(b);
  record_budget(budgets, ctx,
                {.budget_id = id,
                 .event = "import",
                 .amount = b.total(),
                 .note = fmt::format("import {}", file.source)});
  return find_budget(budgets, year);
}

outcome<spent_line> spend_from_budget(budget_store& budgets, const command_context& ctx,
                                      const budget_spending& s) {
  const auto b = find_budget(budgets, s.year);
  if (!b) return b.error();
  const auto found = find_line(*b, s);
  if (!found) return found.error();
  if (s.amount == 0) return make_error(errc::bad_input, "an outcome of 0 kronor records nothing");
  auto line = *found->line;
  if (!add_to(line.spent, s.amount)) return too_large("the outcome");
  if (line.spent < 0)
    return make_error(errc::bad_input,
                      fmt::format("a correction of {} would leave '{}' with {} spent",
                                  format_kronor(s.amount), line.name, format_kronor(line.spent)));
  record_budget(budgets, ctx,
                {.budget_id = b->id,
                 .line_id = line.id,
                 .event = "spend",
                 .amount = s.amount,
                 .note = trimmed_text(s.note)});
  return spent_line{.year = b->year, .area = found->area->name, .line = std::move(line)};
}

}  // namespace bevaka::engine
