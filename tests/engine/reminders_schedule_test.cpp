// The outbox kept in step with the cases: sending a round schedules its policy's reminders,
// submitting cancels them, an extension moves them. On the in-memory store.
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "engine/cases/reminder_schedule.hpp"
#include "tests/engine/jarfalla_consultation.hpp"
#include "tests/support/catch_outcome.hpp"

using namespace bevaka::engine;
using bevaka::testing::day;
using bevaka::testing::jarfalla_consultation;

namespace {

// "Socialnämnden -10 reminder 2016-04-18T08:00:00+02:00 scheduled (deadline 2016-05-02)"
std::string line(const reminder_view& v) {
  return fmt::format("{} {:+} {} {} {} (deadline {})", v.body_name, v.r.offset_days,
                     to_string(v.r.kind), stockholm_time(v.r.due_at).iso(), to_string(v.r.state),
                     format_date(v.r.deadline));
}

std::vector<std::string> lines(const std::vector<reminder_view>& views,
                               std::string_view body = {}) {
  std::vector<std::string> found;
  for (const auto& v : views)
    if (body.empty() || v.body_name == body) found.push_back(line(v));
  return found;
}

}  // namespace

TEST_CASE("Sending a round schedules its policy's reminders at 08:00 on their working days",
          "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-02-22T10:00", "-10, -3, +1, +5!");

  std::optional<std::string> policy;
  c.store.transact([&](store_transaction& tx) {
    policy = tx.reminders().reminder_policy_of(1);
    return false;
  });
  CHECK(policy == "-10,-3,+1,+5!");

  const auto all = c.reminders();
  REQUIRE(all.size() == 12);
  // By due time, then body: the three -10 reminders come first.
  CHECK(
      lines(std::vector<reminder_view>(all.begin(), all.begin() + 3)) ==
      std::vector<std::string>{
          "Järfällahus AB -10 reminder 2016-04-18T08:00:00+02:00 scheduled (deadline 2016-05-02)",
          "Polismyndigheten -10 reminder 2016-04-18T08:00:00+02:00 scheduled (deadline "
          "2016-05-02)",
          "Socialnämnden -10 reminder 2016-04-18T08:00:00+02:00 scheduled (deadline 2016-05-02)"});
  // +5 counts past Kristi himmelsfärdsdag, Thursday 5 May.
  CHECK(lines(all, "Socialnämnden") ==
        std::vector<std::string>{
            "Socialnämnden -10 reminder 2016-04-18T08:00:00+02:00 scheduled (deadline 2016-05-02)",
            "Socialnämnden -3 reminder 2016-04-27T08:00:00+02:00 scheduled (deadline 2016-05-02)",
            "Socialnämnden +1 overdue 2016-05-03T08:00:00+02:00 scheduled (deadline 2016-05-02)",
            "Socialnämnden +5 escalation 2016-05-10T08:00:00+02:00 scheduled (deadline "
            "2016-05-02)"});
  for (const auto& v : all) {
    CHECK(v.r.next_attempt_at == v.r.due_at);
    CHECK(v.r.attempts == 0);
    CHECK(v.ref == "Kst 2015/503");
  }
}

TEST_CASE("Reminders whose time has passed when the round is sent are left out", "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-04-20T10:00", "-10,-3,+1,+5!");
  const auto all = c.reminders();
  REQUIRE(all.size() == 9);
  for (const auto& v : all) CHECK(v.r.offset_days != -10);
  CHECK(lines(all, "Polismyndigheten") ==
        std::vector<std::string>{
            "Polismyndigheten -3 reminder 2016-04-27T08:00:00+02:00 scheduled (deadline "
            "2016-05-02)",
            "Polismyndigheten +1 overdue 2016-05-03T08:00:00+02:00 scheduled (deadline "
            "2016-05-02)",
            "Polismyndigheten +5 escalation 2016-05-10T08:00:00+02:00 scheduled (deadline "
            "2016-05-02)"});
}

TEST_CASE("Submitting an answer cancels that body's reminders and no one else's", "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-02-22T10:00", "-10,-3,+1,+5!");
  REQUIRE(c.fire("Järfällahus AB", "submit", "2016-04-19T09:00"));

  for (const auto& v : c.reminders())
    CHECK(v.r.state == (v.body_name == "Järfällahus AB" ? reminder_state::cancelled
                                                        : reminder_state::scheduled));
  std::vector<std::pair<reminder_state, long long>> counts;
  c.store.transact([&](store_transaction& tx) {
    counts = tx.reminders().reminder_counts();
    return false;
  });
  CHECK(counts == std::vector<std::pair<reminder_state, long long>>{
                      {reminder_state::cancelled, 4}, {reminder_state::scheduled, 8}});
}

TEST_CASE("An extension moves the body's reminders to its new deadline", "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-02-22T10:00", "-10,-3,+1,+5!");

  const auto extended = c.fire("Polismyndigheten", "extend", "2016-04-25T11:00", day("2016-05-31"));
  REQUIRE(extended);
  CHECK(extended->state == "sent");
  CHECK(format_date(extended->deadline.nominal) == "2016-05-31");
  CHECK(format_date(extended->deadline.effective) == "2016-05-31");
  CHECK(c.events(extended->body_id).back().payload ==
        R"({"deadline":"2016-05-31","effective_deadline":"2016-05-31",)"
        R"("deadline_from":"2016-05-02","deadline_to":"2016-05-31"})");

  // The old four cancelled, four new ones counted from Tuesday 31 May; +5 skips the national
  // day, Monday 6 June.
  CHECK(lines(c.reminders(), "Polismyndigheten") ==
        std::vector<std::string>{
            "Polismyndigheten -10 reminder 2016-04-18T08:00:00+02:00 cancelled (deadline "
            "2016-05-02)",
            "Polismyndigheten -3 reminder 2016-04-27T08:00:00+02:00 cancelled (deadline "
            "2016-05-02)",
            "Polismyndigheten +1 overdue 2016-05-03T08:00:00+02:00 cancelled (deadline 2016-05-02)",
            "Polismyndigheten +5 escalation 2016-05-10T08:00:00+02:00 cancelled (deadline "
            "2016-05-02)",
            "Polismyndigheten -10 reminder 2016-05-17T08:00:00+02:00 scheduled (deadline "
            "2016-05-31)",
            "Polismyndigheten -3 reminder 2016-05-26T08:00:00+02:00 scheduled (deadline "
            "2016-05-31)",
            "Polismyndigheten +1 overdue 2016-06-01T08:00:00+02:00 scheduled (deadline "
            "2016-05-31)",
            "Polismyndigheten +5 escalation 2016-06-08T08:00:00+02:00 scheduled (deadline "
            "2016-05-31)"});
  // The others' reminders are as they were.
  CHECK(lines(c.reminders(), "Socialnämnden").size() == 4);
  for (const auto& v : c.reminders())
    if (v.body_name != "Polismyndigheten") CHECK(v.r.state == reminder_state::scheduled);
}

TEST_CASE("An extension that does not move the deadline later is refused and moves nothing",
          "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-02-22T10:00", "-10,-3,+1,+5!");
  const auto written = c.store.data_version();

  const auto refused = c.fire("Polismyndigheten", "extend", "2016-04-25T11:00", day("2016-04-29"));
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == errc::bad_input);
  CHECK(refused.error().message ==
        "assignment Kst 2015/503 / Polismyndigheten: an extension must move the deadline later "
        "than 2016-05-02");
  // 1 May is a Sunday: that deadline would fall on Monday 2 May, where it is already.
  CHECK_FALSE(c.fire("Polismyndigheten", "extend", "2016-04-25T11:00", day("2016-05-01")));
  CHECK(c.store.data_version() == written);
  CHECK(format_date(c.of("Polismyndigheten").deadline.effective) == "2016-05-02");
  for (const auto& v : c.reminders()) CHECK(v.r.state == reminder_state::scheduled);
}
