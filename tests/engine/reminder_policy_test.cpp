// Reminder policies: how "-20,-10,-3,+1,+5!" reads, and when each reminder falls due.
#include "engine/reminders/reminder_policy.hpp"

#include <catch2/catch.hpp>

#include "engine/shared/clock.hpp"
#include "tests/support/catch_outcome.hpp"

using namespace bevaka::engine;

namespace {

date ymd(int y, unsigned m, unsigned d) { return std::chrono::year{y} / m / d; }

std::string local(instant t) { return stockholm_time(t).iso(); }

}  // namespace

TEST_CASE("The default policy reads as three reminders, one overdue notice and an escalation",
          "[engine]") {
  const auto policy = parse_reminder_policy("-20,-10,-3,+1,+5!");
  REQUIRE(policy);
  const std::vector<reminder_offset> expected{
      {-20, false}, {-10, false}, {-3, false}, {1, false}, {5, true}};
  CHECK(policy->offsets == expected);
  CHECK(policy->offsets[0].kind() == reminder_kind::reminder);
  CHECK(policy->offsets[3].kind() == reminder_kind::overdue);
  CHECK(policy->offsets[4].kind() == reminder_kind::escalation);
  CHECK(to_string(*policy) == "-20,-10,-3,+1,+5!");
}

TEST_CASE("A policy may have spaces around its commas, and none means no reminders", "[engine]") {
  CHECK(to_string(parse_reminder_policy(" -5 , 0, +1 ,2!").value()) == "-5,+0,+1,+2!");
  CHECK(parse_reminder_policy("none").value().offsets.empty());
  CHECK(to_string(reminder_policy{}) == "none");
}

TEST_CASE("A malformed policy is refused, naming the part that is wrong", "[engine]") {
  const auto refused = [](std::string_view text) {
    const auto policy = parse_reminder_policy(text);
    REQUIRE_FALSE(policy);
    CHECK(policy.error().code == errc::bad_input);
    return policy.error().message;
  };
  CHECK_THAT(refused("-10,x"), Catch::Contains("'x' is not a number of working days"));
  CHECK_THAT(refused("-10,,+1"), Catch::Contains("'' is empty"));
  CHECK_THAT(refused(""), Catch::Contains("is empty"));
  CHECK_THAT(refused("-10,+1!!"), Catch::Contains("'+1!!'"));
  CHECK_THAT(refused("+-3"), Catch::Contains("'+-3'"));
  CHECK_THAT(refused("-10,-10"), Catch::Contains("'-10' is written twice"));
  CHECK_THAT(refused("-400"), Catch::Contains("more than 250 working days"));
}

TEST_CASE(
    "Offsets count working days: -10 from Friday 31 March 2017 is Friday 17 March, +1 is "
    "Monday 3 April, at 08:00 Stockholm time",
    "[engine]") {
  const auto deadline = ymd(2017, 3, 31);
  CHECK(local(reminder_due_at(deadline, {-10, false})) == "2017-03-17T08:00:00+01:00");
  CHECK(local(reminder_due_at(deadline, {1, false})) == "2017-04-03T08:00:00+02:00");
  CHECK(local(reminder_due_at(deadline, {0, false})) == "2017-03-31T08:00:00+02:00");
  // Easter 2017: långfredagen 14 April and annandag påsk 17 April are not working days.
  CHECK(local(reminder_due_at(deadline, {10, true})) == "2017-04-18T08:00:00+02:00");
}
