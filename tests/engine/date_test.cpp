#include "engine/shared/date.hpp"

#include <catch2/catch.hpp>

using namespace bevaka::engine;
using namespace std::chrono;

TEST_CASE("a well-formed date is read and written back unchanged", "[engine][date]") {
  const auto day = parse_date("2017-03-31");
  REQUIRE(day);
  CHECK(*day == 2017y / March / 31d);
  CHECK(format_date(*day) == "2017-03-31");
}

TEST_CASE("impossible and malformed dates are refused", "[engine][date]") {
  for (const char* text : {"2017-02-30", "2017-13-01", "2017-3-31", "17-03-31", "2017-03-31x",
                           "2017/03/31", "", "2017-00-10", "abcd-ef-gh"}) {
    INFO(text);
    CHECK_FALSE(parse_date(text));
  }
  CHECK(parse_date("2016-02-29"));
}

TEST_CASE("days are counted across month and year ends", "[engine][date]") {
  CHECK(calendar_days_between(2016y / December / 30d, 2017y / January / 2d) == 3);
  CHECK(add_days(2017y / March / 31d, 1) == 2017y / April / 1d);
  CHECK(add_days(2017y / March / 1d, -1) == 2017y / February / 28d);
}
