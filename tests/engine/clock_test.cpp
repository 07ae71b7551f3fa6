// The Stockholm clock: instants read as wall-clock time and back, across summer time.
#include "engine/shared/clock.hpp"

#include <catch2/catch.hpp>

using namespace bevaka::engine;

namespace {

std::chrono::sys_seconds utc(int y, unsigned m, unsigned d, int h, int min = 0) {
  return std::chrono::sys_days{std::chrono::year{y} / m / d} + std::chrono::hours{h} +
         std::chrono::minutes{min};
}

}  // namespace

TEST_CASE("An instant reads as Stockholm time: an hour ahead of UTC in winter, two in summer",
          "[engine]") {
  CHECK(stockholm_time(utc(2017, 3, 3, 7)).iso() == "2017-03-03T08:00:00+01:00");
  CHECK(stockholm_time(utc(2017, 3, 28, 6)).iso() == "2017-03-28T08:00:00+02:00");
  CHECK(stockholm_time(utc(2016, 12, 31, 23)).iso() == "2017-01-01T00:00:00+01:00");
}

TEST_CASE(
    "Summer time starts at 01:00 UTC on the last Sunday of March and ends at 01:00 UTC on "
    "the last Sunday of October",
    "[engine]") {
  CHECK(stockholm_time(utc(2017, 3, 26, 0, 59)).iso() == "2017-03-26T01:59:00+01:00");
  CHECK(stockholm_time(utc(2017, 3, 26, 1)).iso() == "2017-03-26T03:00:00+02:00");
  CHECK(stockholm_time(utc(2017, 10, 29, 0, 59)).iso() == "2017-10-29T02:59:00+02:00");
  CHECK(stockholm_time(utc(2017, 10, 29, 1)).iso() == "2017-10-29T02:00:00+01:00");
}

TEST_CASE("A Stockholm wall-clock time converts to UTC and back unchanged", "[engine]") {
  for (const auto* text : {"2017-03-31T10:00", "2016-02-26", "2017-12-24T15:30:05"}) {
    const auto t = parse_timestamp(text);
    REQUIRE(t);
    CHECK(stockholm_time(t->utc()).iso() == t->iso());
  }
  CHECK(parse_timestamp("2017-03-03T08:00")->utc() == utc(2017, 3, 3, 7));
}
