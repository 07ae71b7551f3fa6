#include "engine/cases/listings.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/cases/lookup.hpp"
#include "workflows/assignment.hpp"

namespace bevaka::engine {
namespace {

void keep_only_body(std::vector<assignment>& assignments, id_t body_id) {
  std::erase_if(assignments, [&](const assignment& a) { return a.body_id != body_id; });
}

}  // namespace

std::vector<round_view> all_rounds(case_listings& listings, std::optional<id_t> only_body,
                                   date day) {
  std::vector<round_view> views;
  for (auto& r : listings.rounds_as_of(day)) {
    auto assignments = listings.assignments_as_of(r.id, day);
    if (only_body) {
      keep_only_body(assignments, *only_body);
      if (assignments.empty()) continue;
    }
    views.push_back(round_view{std::move(r), std::move(assignments)});
  }
  return views;
}

outcome<round_view> round_as_of(case_store& cases, case_listings& listings,
                                std::string_view round_key, date day) {
  const auto found = find_round(cases, round_key);
  if (!found) return found.error();
  if (auto r = listings.round_as_of(found->id, day))
    return round_view{std::move(*r), listings.assignments_as_of(found->id, day)};
  return make_error(errc::not_found,
                    fmt::format("round {} did not exist yet on {}", found->ref, format_date(day)));
}

std::vector<obligation> obligations_of(case_store& cases, case_listings& listings, const body& b,
                                       date today) {
  std::vector<obligation> found;
  for (auto& a : listings.assignments_of_body(b.id)) {
    auto r = cases.round_by_id(a.round_id);
    if (!r) continue;
    obligation o{std::move(*r), std::move(a)};
    const int days = working_days_between(o.a.deadline.effective, today);
    if (workflows::assignment_awaits_answer(o.a.state) && days > 0) o.working_days_overdue = days;
    found.push_back(std::move(o));
  }
  return found;
}

}  // namespace bevaka::engine
