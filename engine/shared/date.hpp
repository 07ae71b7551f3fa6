#pragma once
// Calendar dates as the engine speaks of them: plain civil dates in Europe/Stockholm.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace bevaka::engine {

using date = std::chrono::year_month_day;

// Reads `YYYY-MM-DD` strictly: four-digit year, two-digit month and day, nothing else.
// Returns nullopt for malformed text and for dates that do not exist (2017-02-30).
[[nodiscard]] std::optional<date> parse_date(std::string_view text);

// Writes `YYYY-MM-DD`.
[[nodiscard]] std::string format_date(date day);

// Days from `from` to `to` on the calendar (negative when `to` is earlier).
[[nodiscard]] int calendar_days_between(date from, date to);

[[nodiscard]] date add_days(date day, int days);

}  // namespace bevaka::engine
