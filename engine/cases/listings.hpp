#pragma once
// The lists the dashboard shows on one page each: every round with every body's status, and a
// body's own obligations. Read-only; like queries.hpp, anything that depends on today takes it.

#include <optional>
#include <string_view>
#include <vector>

#include "engine/cases/case_listings.hpp"
#include "engine/cases/case_store.hpp"
#include "engine/cases/model.hpp"
#include "engine/cases/queries.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::engine {

// Every round with its assignments, latest deadline first; only the rounds sent to `only_body`
// (and only its assignment in each) when given. As they stood at the end of `day`: a round
// created later is not there.
[[nodiscard]] std::vector<round_view> all_rounds(case_listings& listings,
                                                 std::optional<id_t> only_body, date day);

// One round (by id or reference number) as it stood at the end of `day`; not_found when it
// did not exist yet.
[[nodiscard]] outcome<round_view> round_as_of(case_store& cases, case_listings& listings,
                                              std::string_view round_key, date day);

// One body's part in one round, as the body's secretary sees it on `today`.
struct obligation {
  round r;
  assignment a;
  std::optional<int> working_days_overdue{};  // set while it awaits an answer and is overdue
};

// The body's assignments in every round, earliest deadline first.
[[nodiscard]] std::vector<obligation> obligations_of(case_store& cases, case_listings& listings,
                                                     const body& b, date today);

}  // namespace bevaka::engine
