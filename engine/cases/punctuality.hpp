#pragma once
// How punctually each body has answered, year by year: the registrar's record of who answers on
// time, who late, who not at all. Read-only and independent of today: it counts what is known.
//
// Each assignment counts by its *first* answer (kept across a return for completion), so a
// body that answered on time and was asked to complete its answer stays on time:
//  - on_time: the first answer came in on or before the deadline (0 working days late);
//  - late: the first answer came in after it (more working days late than 0);
//  - unanswered: the round's answers closed without any answer from the body;
//  - declined: the body said it will not answer (and had not answered before).
// `assignments` is the sum of the four: only assignments whose outcome is known are counted. One
// still awaiting its first answer (not yet due, or overdue while the round's answers are open)
// counts nowhere until it has an outcome, so this year's row does not look better or worse than
// it is and the columns always add up. Withdrawn assignments, and those of rounds not yet sent,
// are never counted: nothing was asked of the body.
// The year is the year of the round's effective deadline (an extension does not move an
// assignment into another year).

#include <optional>
#include <string>
#include <vector>

#include "engine/cases/case_listings.hpp"
#include "engine/cases/case_store.hpp"
#include "engine/cases/model.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::engine {

// What to count; everything when nothing is given.
struct punctuality_request {
  std::optional<std::string> body{};  // its id or name, as find_body takes it
  std::optional<round_kind> kind{};
  std::optional<int> from_year{};  // the first year counted, from 1600 to 9999
  std::optional<int> to_year{};    // the last year counted, from 1600 to 9999, not before from
};

// One body's year.
struct punctuality_row {
  std::string body{};
  int year = 0;
  int assignments = 0;
  int on_time = 0;
  int late = 0;
  int unanswered = 0;
  int declined = 0;
  // Over the late first answers only; unset when none was late. The median of an even number
  // is the mean of the middle two, so it may end in .5.
  std::optional<double> median_late_working_days{};
  std::optional<int> max_late_working_days{};
};

// The rows for every body and year with at least one counted assignment, by body name (byte by
// byte, as the listings sort) and then year. bad_input for a year outside 1600-9999 or from
// after to; not_found (naming the closest bodies) for a body that does not exist.
[[nodiscard]] outcome<std::vector<punctuality_row>> punctuality(case_store& cases,
                                                                case_listings& listings,
                                                                const punctuality_request& request);

// The counting alone, over records as assignments_for_punctuality reads them.
[[nodiscard]] std::vector<punctuality_row> count_punctuality(
    const std::vector<punctuality_record>& records);

}  // namespace bevaka::engine
