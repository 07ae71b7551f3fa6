#pragma once
// The Swedish working-day calendar: public holidays (Lag (1989:253) om allmänna helgdagar),
// computed for any year, and the days that Lag (1930:173) om beräkning av lagstadgad tid §2
// treats as non-working: Saturdays, Sundays, public holidays, midsommarafton, julafton and
// nyårsafton. Pure functions; thread-safe.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/shared/date.hpp"

namespace bevaka::engine {

struct holiday {
  date day;
  std::string_view name;  // Swedish, lower case as written in running text: "långfredagen"
};

// Every public holiday and non-working eve of `year`, in date order, also those that fall on a
// Saturday or Sunday (påskdagen, pingstdagen, midsommardagen, alla helgons dag). Two entries
// can share a day (första maj and Kristi himmelsfärdsdag on 1 May 2008); both are listed.
[[nodiscard]] std::vector<holiday> holidays_of(std::chrono::year year);

// The non-working days of `year` that fall on Monday to Friday, in date order: what
// `bevaka calendar --year Y` lists.
[[nodiscard]] std::vector<holiday> non_working_weekdays(std::chrono::year year);

[[nodiscard]] bool is_working_day(date day);

// Why `day` is not a working day, in words ("påskdagen", "en lördag"), or nullopt for a working
// day. A holiday's name wins over the weekday; names sharing a day are joined with " och ".
[[nodiscard]] std::optional<std::string> non_working_reason(date day);

// A deadline as written (nominal) and as it takes effect.
struct shifted_deadline {
  date nominal;
  date effective;      // the next working day on or after `nominal`
  std::string reason;  // empty when not shifted, else e.g. "31 mars 2024 är påskdagen"
};

// A date as Swedish running text: "31 mars 2017".
[[nodiscard]] std::string swedish_date(date day);

// Moves a deadline on a non-working day to the next working day (Lag (1930:173) §2).
[[nodiscard]] shifted_deadline shift_deadline(date nominal);

// Counts the working days d with from < d <= to; 0 when `to` is not after `from`.
// This is how "days overdue" and "days late" are counted.
[[nodiscard]] int working_days_between(date from, date to);

// The n-th working day after `from` (n > 0) or before it (n < 0); `from` itself when n == 0.
// Reminder offsets use it: -10 from Friday 31 March 2017 is Friday 17 March, +1 is Monday 3 April.
[[nodiscard]] date add_working_days(date from, int n);

}  // namespace bevaka::engine
