#include "engine/cases/listings.hpp"

#include <algorithm>

#include "workflows/assignment.hpp"

namespace bevaka::engine {
namespace {

void keep_only_body(std::vector<assignment>& assignments, id_t body_id) {
  std::erase_if(assignments, [&](const assignment& a) { return a.body_id != body_id; });
}

}  // namespace

std::vector<round_view> all_rounds(case_store& cases, case_listings& listings,
                                   std::optional<id_t> only_body) {
  std::vector<round_view> views;
  for (auto& r : listings.rounds()) {
    auto assignments = cases.assignments_of(r.id);
    if (only_body) {
      keep_only_body(assignments, *only_body);
      if (assignments.empty()) continue;
    }
    views.push_back(round_view{std::move(r), std::move(assignments)});
  }
  return views;
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
