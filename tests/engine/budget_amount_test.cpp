// Amounts as Swedish budgets write them: whole kronor with spaces between thousands.
#include <catch2/catch.hpp>

#include "engine/budgets/budget.hpp"

using namespace bevaka::engine;

TEST_CASE("Amounts in whole kronor are read with spaces or no-break spaces between thousands",
          "[engine][budget]") {
  CHECK(parse_kronor("30 000") == 30'000);
  CHECK(parse_kronor("175000") == 175'000);
  CHECK(parse_kronor("175\xC2\xA0"
                     "000") == 175'000);  // no-break space
  CHECK(parse_kronor("1\xE2\x80\xAF"
                     "500\xE2\x80\xAF"
                     "000") == 1'500'000);  // narrow
  CHECK(parse_kronor("500") == 500);
  CHECK(parse_kronor("-2 500") == -2'500);
  CHECK(parse_kronor("999 999 999 999 999 999") == 999'999'999'999'999'999);
}

TEST_CASE("Anything else is not an amount", "[engine][budget]") {
  for (const auto* wrong : {"", "-", "30 OOO", "30 000 kr", "30 000,50", "1,5", "10 00", "1 0000",
                            " 500", "500 ", "30  000", "1e6", "+500", "1 000 000 000 000 000 000"})
    CHECK_FALSE(parse_kronor(wrong));
}

TEST_CASE("Amounts are written as the budget writes them", "[engine][budget]") {
  CHECK(format_kronor(500'000) == "500 000");
  CHECK(format_kronor(1'234'567) == "1 234 567");
  CHECK(format_kronor(999) == "999");
  CHECK(format_kronor(-25'000) == "-25 000");
  CHECK(format_kronor(0) == "0");
}
