#pragma once
// Dates and times as the engine's tests write them; a malformed text fails the test.

#include <catch2/catch.hpp>
#include <string_view>

#include "engine/shared/clock.hpp"
#include "engine/shared/date.hpp"

namespace bevaka::testing {

// "2016-05-04".
[[nodiscard]] inline engine::date day(std::string_view text) {
  const auto parsed = engine::parse_date(text);
  REQUIRE(parsed);
  return *parsed;
}

// "2016-05-04T09:00" (or a date alone: the start of that day), Stockholm time.
[[nodiscard]] inline engine::timestamp at(std::string_view text) {
  const auto parsed = engine::parse_timestamp(text);
  REQUIRE(parsed);
  return *parsed;
}

}  // namespace bevaka::testing
