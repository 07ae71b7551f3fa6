#include "engine/calendar/calendar.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <utility>

using namespace bevaka::engine;
using namespace std::chrono;

namespace {

// The days in `year` that carry `name`: none, one, or (never so far) more.
std::vector<date> days_named(year y, std::string_view name) {
  std::vector<date> result;
  for (const holiday& h : holidays_of(y)) {
    if (h.name == name) result.push_back(h.day);
  }
  return result;
}

std::optional<date> day_named(year y, std::string_view name) {
  const std::vector<date> found = days_named(y, name);
  if (found.size() != 1) return std::nullopt;
  return found.front();
}

// The definition, day by day: slow and obviously right.
int working_days_by_walking(date from, date to) {
  int count = 0;
  for (date day = add_days(from, 1); day <= to; day = add_days(day, 1)) {
    if (is_working_day(day)) ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("Easter Sunday follows the Gregorian computus", "[engine][calendar]") {
  const std::pair<year, date> known[] = {
      {2016y, 2016y / March / 27d}, {2017y, 2017y / April / 16d}, {2024y, 2024y / March / 31d},
      {2025y, 2025y / April / 20d}, {2038y, 2038y / April / 25d}, {1818y, 1818y / March / 22d},
      {2285y, 2285y / March / 22d}, {2008y, 2008y / March / 23d}, {2011y, 2011y / April / 24d},
  };
  for (const auto& [y, easter] : known) {
    INFO(format_date(easter));
    CHECK(day_named(y, "påskdagen") == easter);
  }
}

TEST_CASE("the holidays around Easter and Whitsun move with Easter", "[engine][calendar]") {
  CHECK(day_named(2024y, "långfredagen") == 2024y / March / 29d);
  CHECK(day_named(2024y, "annandag påsk") == 2024y / April / 1d);
  CHECK(day_named(2024y, "Kristi himmelsfärdsdag") == 2024y / May / 9d);
  CHECK(day_named(2024y, "pingstdagen") == 2024y / May / 19d);
}

TEST_CASE("midsummer and All Saints fall on the Saturday in their week", "[engine][calendar]") {
  CHECK(day_named(2017y, "midsommarafton") == 2017y / June / 23d);
  CHECK(day_named(2017y, "midsommardagen") == 2017y / June / 24d);
  CHECK(day_named(2024y, "midsommarafton") == 2024y / June / 21d);
  CHECK(day_named(2024y, "midsommardagen") == 2024y / June / 22d);
  CHECK(day_named(2017y, "alla helgons dag") == 2017y / November / 4d);
  CHECK(day_named(2015y, "alla helgons dag") == 2015y / October / 31d);
  CHECK(day_named(2014y, "alla helgons dag") == 2014y / November / 1d);
}

TEST_CASE("annandag pingst gave way to Sveriges nationaldag in 2005", "[engine][calendar]") {
  CHECK(day_named(2004y, "annandag pingst") == 2004y / May / 31d);
  CHECK(days_named(2004y, "Sveriges nationaldag").empty());
  CHECK(days_named(2005y, "annandag pingst").empty());
  CHECK(day_named(2005y, "Sveriges nationaldag") == 2005y / June / 6d);
  CHECK(is_working_day(2004y / June / 7d));  // a Monday, no longer special
  CHECK(is_working_day(2005y / May / 16d));  // what would have been annandag pingst
  CHECK_FALSE(is_working_day(2005y / June / 6d));
}

TEST_CASE("a year lists its holidays and eves in date order", "[engine][calendar]") {
  for (int y = 1990; y <= 2100; ++y) {
    const std::vector<holiday> all = holidays_of(year{y});
    INFO(y);
    CHECK(all.size() == 16);
    CHECK(std::ranges::is_sorted(all, {}, &holiday::day));
    CHECK(std::ranges::all_of(all, [y](const holiday& h) { return h.day.year() == year{y}; }));
  }
}

TEST_CASE("the non-working weekdays of 2017 are the ones a coordinator expects",
          "[engine][calendar]") {
  // Nyårsdagen, julafton and nyårsafton 2017 were Sundays, so they are not in the list.
  CHECK(weekday{sys_days{2017y / January / 1d}} == Sunday);
  CHECK(weekday{sys_days{2017y / December / 24d}} == Sunday);
  CHECK(weekday{sys_days{2017y / December / 31d}} == Sunday);

  const std::vector<std::pair<date, std::string_view>> expected{
      {2017y / January / 6d, "trettondedag jul"},    {2017y / April / 14d, "långfredagen"},
      {2017y / April / 17d, "annandag påsk"},        {2017y / May / 1d, "första maj"},
      {2017y / May / 25d, "Kristi himmelsfärdsdag"}, {2017y / June / 6d, "Sveriges nationaldag"},
      {2017y / June / 23d, "midsommarafton"},        {2017y / December / 25d, "juldagen"},
      {2017y / December / 26d, "annandag jul"},
  };
  std::vector<std::pair<date, std::string_view>> actual;
  for (const holiday& h : non_working_weekdays(2017y)) actual.emplace_back(h.day, h.name);
  CHECK(actual == expected);
}

TEST_CASE("a holiday's name wins over the weekday as the reason", "[engine][calendar]") {
  CHECK(non_working_reason(2016y / December / 24d) == "julafton");  // a Saturday
  CHECK(non_working_reason(2016y / May / 1d) == "första maj");      // a Sunday
  CHECK(non_working_reason(2016y / April / 30d) == "en lördag");
  CHECK(non_working_reason(2016y / May / 8d) == "en söndag");
  CHECK(non_working_reason(2017y / March / 31d) == std::nullopt);
  CHECK(non_working_reason(2017y / December / 31d) == "nyårsafton");
}

TEST_CASE("two holidays on one day are named together and counted once", "[engine][calendar]") {
  // Easter 2008 was 23 March, so Kristi himmelsfärdsdag fell on första maj, a Thursday.
  CHECK(day_named(2008y, "Kristi himmelsfärdsdag") == 2008y / May / 1d);
  CHECK(non_working_reason(2008y / May / 1d) == "första maj och Kristi himmelsfärdsdag");
  CHECK(working_days_between(2008y / April / 30d, 2008y / May / 2d) == 1);
  CHECK(working_days_between(2008y / April / 25d, 2008y / May / 9d) == 9);
}

TEST_CASE("a deadline on a non-working day moves to the next working day", "[engine][calendar]") {
  SECTION("påskdagen 2024 moves past annandag påsk to Tuesday") {
    const shifted_deadline d = shift_deadline(2024y / March / 31d);
    CHECK(d.nominal == 2024y / March / 31d);
    CHECK(d.effective == 2024y / April / 2d);
    CHECK(d.reason == "31 mars 2024 är påskdagen");
  }
  SECTION("a Saturday moves to Monday") {
    const shifted_deadline d = shift_deadline(2016y / April / 30d);
    CHECK(d.effective == 2016y / May / 2d);
    CHECK(d.reason == "30 april 2016 är en lördag");
  }
  SECTION("julafton moves past the Christmas holidays") {
    const shifted_deadline d = shift_deadline(2017y / December / 24d);
    CHECK(d.effective == 2017y / December / 27d);
    CHECK(d.reason == "24 december 2017 är julafton");
  }
  SECTION("midsommarafton moves to the Monday after midsommardagen") {
    const shifted_deadline d = shift_deadline(2017y / June / 23d);
    CHECK(d.effective == 2017y / June / 26d);
    CHECK(d.reason == "23 juni 2017 är midsommarafton");
  }
  SECTION("a working day stays, with no reason") {
    const shifted_deadline d = shift_deadline(2017y / March / 31d);
    CHECK(d.effective == 2017y / March / 31d);
    CHECK(d.reason.empty());
  }
}

TEST_CASE("days overdue count working days after the deadline", "[engine][calendar]") {
  const date deadline = 2017y / March / 31d;  // a Friday
  CHECK(working_days_between(deadline, 2017y / April / 3d) == 1);
  CHECK(working_days_between(deadline, deadline) == 0);
  CHECK(working_days_between(deadline, 2017y / April / 1d) == 0);
  CHECK(working_days_between(deadline, 2017y / March / 20d) == 0);
  // 3–7 April (5), 10–13 April (4; långfredagen 14th), annandag påsk 17th, 18 April (1).
  CHECK(working_days_between(deadline, 2017y / April / 18d) == 10);
  // 2017 has 260 weekdays, 9 of them non-working.
  CHECK(working_days_between(2016y / December / 31d, 2017y / December / 31d) == 251);
}

TEST_CASE("counting working days agrees with walking the calendar day by day",
          "[engine][calendar]") {
  std::mt19937 random{20170331};
  const sys_days first{2002y / December / 1d};
  std::uniform_int_distribution<int> offset{0, 8 * 366};
  std::uniform_int_distribution<int> length{-10, 800};
  for (int i = 0; i < 2000; ++i) {
    const date from{first + days{offset(random)}};
    const date to = add_days(from, length(random));
    INFO(format_date(from) << " .. " << format_date(to));
    REQUIRE(working_days_between(from, to) == working_days_by_walking(from, to));
  }
}

TEST_CASE("reminder offsets step over weekends and holidays", "[engine][calendar]") {
  const date deadline = 2017y / March / 31d;  // a Friday
  CHECK(add_working_days(deadline, -10) == 2017y / March / 17d);
  CHECK(add_working_days(deadline, 1) == 2017y / April / 3d);
  CHECK(add_working_days(deadline, 0) == deadline);
  CHECK(add_working_days(2017y / April / 1d, 0) == 2017y / April / 1d);  // even a Saturday
  CHECK(add_working_days(2017y / April / 13d, 1) == 2017y / April / 18d);
  CHECK(add_working_days(2017y / April / 18d, -1) == 2017y / April / 13d);
  CHECK(add_working_days(2017y / April / 1d, -1) == 2017y / March / 31d);
}

TEST_CASE("adding working days and counting them agree", "[engine][calendar]") {
  for (date from = 2017y / January / 1d; from <= 2017y / December / 31d; from = add_days(from, 1)) {
    for (int n : {1, 5, 20}) {
      INFO(format_date(from) << " + " << n);
      CHECK(working_days_between(from, add_working_days(from, n)) == n);
      if (is_working_day(from)) CHECK(working_days_between(add_working_days(from, -n), from) == n);
    }
  }
}
