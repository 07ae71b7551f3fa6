#include "engine/calendar/calendar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace bevaka::engine {
namespace {

using namespace std::chrono;

// Every year has the same number of entries: annandag pingst (until 2004) and Sveriges
// nationaldag (from 2005) take turns. A fixed-size array keeps working_days_between free of
// allocations, since it runs for every row of a report.
constexpr std::size_t holidays_per_year = 16;
using holiday_table = std::array<holiday, holidays_per_year>;

// The anonymous Gregorian computus (Meeus, "Astronomical Algorithms", ch. 8).
date easter_sunday(year y) {
  const int n = static_cast<int>(y);
  const int a = n % 19, b = n / 100, c = n % 100;
  const int d = b / 4, e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month_and_day = h + l - 7 * m + 114;
  return y / month{static_cast<unsigned>(month_and_day / 31)} /
         day{static_cast<unsigned>(month_and_day % 31 + 1)};
}

// The first `wd` on or after `first`: midsommardagen is "the Saturday 20–26 June".
date first_weekday_from(date first, weekday wd) {
  const sys_days start{first};
  return date{start + (wd - weekday{start})};
}

// Lag (1989:253) and Lag (1930:173) §2, in the order the reason text lists names that share a
// day (första maj and Kristi himmelsfärdsdag in 2008).
holiday_table holidays_in(year y) {
  const date easter = easter_sunday(y);
  const date midsommardagen = first_weekday_from(y / June / 20, Saturday);
  const bool has_nationaldag = y >= year{2005};
  return {{
      {y / January / 1, "nyårsdagen"},
      {y / January / 6, "trettondedag jul"},
      {add_days(easter, -2), "långfredagen"},
      {easter, "påskdagen"},
      {add_days(easter, 1), "annandag påsk"},
      {y / May / 1, "första maj"},
      {add_days(easter, 39), "Kristi himmelsfärdsdag"},
      {add_days(easter, 49), "pingstdagen"},
      has_nationaldag ? holiday{y / June / 6, "Sveriges nationaldag"}
                      : holiday{add_days(easter, 50), "annandag pingst"},
      {add_days(midsommardagen, -1), "midsommarafton"},
      {midsommardagen, "midsommardagen"},
      {first_weekday_from(y / October / 31, Saturday), "alla helgons dag"},
      {y / December / 24, "julafton"},
      {y / December / 25, "juldagen"},
      {y / December / 26, "annandag jul"},
      {y / December / 31, "nyårsafton"},
  }};
}

bool is_weekend(date day) {
  const weekday wd{sys_days{day}};
  return wd == Saturday || wd == Sunday;
}

bool is_holiday(date day) {
  const holiday_table table = holidays_in(day.year());
  return std::ranges::any_of(table, [day](const holiday& h) { return h.day == day; });
}

// Monday to Friday from a fixed Monday up to and including `day`; only differences of it mean
// anything. Floor division keeps it monotonic before the reference Monday too.
long weekdays_through(date day) {
  constexpr sys_days reference_monday{days{-3}};  // 1969-12-29
  const long k = (sys_days{day} - reference_monday).count();
  const long weeks = (k >= 0 ? k : k - 6) / 7;
  const long into_week = k - 7 * weeks;  // 0 is Monday
  return 5 * weeks + std::min(into_week + 1, 5L);
}

// Holidays on Monday to Friday with from < day <= to, each date once: första maj and Kristi
// himmelsfärdsdag can share a Thursday.
int holiday_weekdays_between(date from, date to) {
  int count = 0;
  for (year y = from.year(); y <= to.year(); ++y) {
    holiday_table table = holidays_in(y);
    std::ranges::sort(table, {}, &holiday::day);
    for (std::size_t i = 0; i < table.size(); ++i) {
      const date day = table[i].day;
      if (i > 0 && table[i - 1].day == day) continue;
      if (from < day && day <= to && !is_weekend(day)) ++count;
    }
  }
  return count;
}

std::string_view month_name(month m) {
  static constexpr std::array<std::string_view, 12> names{
      "januari", "februari", "mars",      "april",   "maj",      "juni",
      "juli",    "augusti",  "september", "oktober", "november", "december"};
  return names[static_cast<unsigned>(m) - 1];
}

}  // namespace

std::vector<holiday> holidays_of(year y) {
  const holiday_table table = holidays_in(y);
  std::vector<holiday> result(table.begin(), table.end());
  // Stable, so that names sharing a day keep the order of holidays_in.
  std::ranges::stable_sort(result, {}, &holiday::day);
  return result;
}

std::vector<holiday> non_working_weekdays(year y) {
  std::vector<holiday> result = holidays_of(y);
  std::erase_if(result, [](const holiday& h) { return is_weekend(h.day); });
  return result;
}

std::string swedish_date(date day) {
  return fmt::format("{} {} {}", static_cast<unsigned>(day.day()), month_name(day.month()),
                     static_cast<int>(day.year()));
}

bool is_working_day(date day) { return !is_weekend(day) && !is_holiday(day); }

std::optional<std::string> non_working_reason(date day) {
  std::string names;
  for (const holiday& h : holidays_in(day.year())) {
    if (h.day != day) continue;
    if (!names.empty()) names += " och ";
    names += h.name;
  }
  if (!names.empty()) return names;
  const weekday wd{sys_days{day}};
  if (wd == Saturday) return "en lördag";
  if (wd == Sunday) return "en söndag";
  return std::nullopt;
}

shifted_deadline shift_deadline(date nominal) {
  const std::optional<std::string> reason = non_working_reason(nominal);
  if (!reason) return {nominal, nominal, {}};
  date effective = add_days(nominal, 1);
  while (!is_working_day(effective)) effective = add_days(effective, 1);
  return {nominal, effective, fmt::format("{} är {}", swedish_date(nominal), *reason)};
}

int working_days_between(date from, date to) {
  if (to <= from) return 0;
  const long weekdays = weekdays_through(to) - weekdays_through(from);
  return static_cast<int>(weekdays) - holiday_weekdays_between(from, to);
}

date add_working_days(date from, int n) {
  const int step = n < 0 ? -1 : 1;
  date day = from;
  for (int remaining = n < 0 ? -n : n; remaining > 0;) {
    day = add_days(day, step);
    if (is_working_day(day)) --remaining;
  }
  return day;
}

}  // namespace bevaka::engine
