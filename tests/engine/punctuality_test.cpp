// Punctuality per body and year, counted from first answers: Järfälla's consultation (seed 001,
// answers by Monday 2 May 2016), a later one in 2016, the committees' annual report of 2017
// whose answers close without Polismyndigheten's, and a consultation of 2017 still open. On the
// in-memory store.
#include "engine/cases/punctuality.hpp"

#include <catch2/catch.hpp>

#include "tests/engine/jarfalla_consultation.hpp"
#include "tests/support/catch_outcome.hpp"

using namespace bevaka::engine;
using namespace bevaka::testing;

namespace {

struct punctuality_scenario {
  jarfalla_consultation c;

  void create(round_kind kind, const std::string& ref, std::string_view deadline,
              std::vector<std::string> recipients, std::string_view now) {
    const new_round request{.kind = kind,
                            .ref = ref,
                            .title = "Trygghet",
                            .deadline = day(deadline),
                            .recipients = std::move(recipients)};
    REQUIRE(in_transaction(c.store, [&](store_transaction& tx) {
      return create_round(tx.cases(), tx.reminders(), {at(now), "registrator"}, request);
    }));
  }

  void fire(std::string_view ref, std::string_view body, case_event e, std::string_view now) {
    const auto fired = in_transaction(c.store, [&](store_transaction& tx) {
      return fire_assignment_event(tx.cases(), tx.reminders(), {at(now), "sekreterare"}, ref, body,
                                   e);
    });
    REQUIRE(fired);
  }

  void fire_round(std::string_view ref, std::string_view event, std::string_view now) {
    REQUIRE(in_transaction(c.store, [&](store_transaction& tx) {
      return fire_round_event(tx.cases(), tx.reminders(), {at(now), "registrator"}, ref,
                              {std::string(event), "", std::nullopt});
    }));
  }

  punctuality_scenario() {
    using enum round_kind;
    create(consultation, "Kst 2015/503", "2016-04-30",
           {"Socialnämnden", "Järfällahus AB", "Polismyndigheten", "Brandkåren Attunda"},
           "2016-02-26T10:00");
    fire("Kst 2015/503", "Brandkåren Attunda", {.event = "decline"}, "2016-04-15T10:00");
    fire("Kst 2015/503", "Järfällahus AB", {.event = "submit"}, "2016-04-28T10:00");
    fire("Kst 2015/503", "Järfällahus AB", {.event = "return", .new_deadline = day("2016-05-20")},
         "2016-04-29T10:00");
    fire("Kst 2015/503", "Socialnämnden", {.event = "decide"}, "2016-05-04T09:00");
    fire("Kst 2015/503", "Socialnämnden", {.event = "submit"}, "2016-05-04T10:00");  // 2 late
    // 3, 4, 6, 9 and 10 May: 5 May 2016 was Ascension Day.
    fire("Kst 2015/503", "Polismyndigheten", {.event = "submit"}, "2016-05-10T10:00");
    // The completed answer is late against its new deadline; the first one was on time.
    fire("Kst 2015/503", "Järfällahus AB", {.event = "submit"}, "2016-05-25T10:00");

    // Friday 30 September 2016; received on Friday 7 October, five working days late.
    create(consultation, "Kst 2016/10", "2016-09-30", {"Socialnämnden"}, "2016-09-01T10:00");
    fire("Kst 2016/10", "Socialnämnden", {.event = "decide"}, "2016-10-07T09:00");
    fire("Kst 2016/10", "Socialnämnden", {.event = "submit", .received = day("2016-10-07")},
         "2016-10-10T09:00");

    // The annual report of 2017 (31 March): Socialnämnden three working days late,
    // Polismyndigheten never.
    create(annual_report, "Kst 2017/42", "2017-03-31", {"Socialnämnden", "Polismyndigheten"},
           "2017-01-16T10:00");
    fire("Kst 2017/42", "Socialnämnden", {.event = "decide"}, "2017-04-05T09:00");
    fire("Kst 2017/42", "Socialnämnden", {.event = "submit"}, "2017-04-05T10:00");
    fire_round("Kst 2017/42", "close-answers", "2017-04-20T10:00");

    // A withdrawn consultation of 2017, and one still open for Socialnämnden.
    create(consultation, "Kst 2017/50", "2017-05-31", {"Järfällahus AB"}, "2017-05-02T10:00");
    fire_round("Kst 2017/50", "withdraw", "2017-05-03T10:00");
    create(consultation, "Kst 2017/99", "2017-10-31", {"Socialnämnden", "Polismyndigheten"},
           "2017-09-01T10:00");
    fire("Kst 2017/99", "Polismyndigheten", {.event = "submit"}, "2017-10-20T10:00");
  }

  outcome<std::vector<punctuality_row>> count(const punctuality_request& request) {
    std::optional<outcome<std::vector<punctuality_row>>> counted;
    c.store.transact([&](store_transaction& tx) {
      counted.emplace(punctuality(tx.cases(), tx.listings(), request));
      return false;
    });
    return *counted;
  }
};

struct expected_row {
  std::string body;
  int year, assignments, on_time, late, unanswered, declined;
  std::optional<double> median;
  std::optional<int> max;
};

void check_rows(const std::vector<punctuality_row>& rows,
                const std::vector<expected_row>& expected) {
  REQUIRE(rows.size() == expected.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    INFO(expected[i].body << " " << expected[i].year);
    CHECK(rows[i].body == expected[i].body);
    CHECK(rows[i].year == expected[i].year);
    CHECK(rows[i].assignments == expected[i].assignments);
    CHECK(rows[i].on_time == expected[i].on_time);
    CHECK(rows[i].late == expected[i].late);
    CHECK(rows[i].unanswered == expected[i].unanswered);
    CHECK(rows[i].declined == expected[i].declined);
    CHECK(rows[i].median_late_working_days == expected[i].median);
    CHECK(rows[i].max_late_working_days == expected[i].max);
  }
}

}  // namespace

TEST_CASE("Punctuality counts each body's first answers per year of the round's deadline",
          "[engine]") {
  punctuality_scenario s;
  const auto rows = s.count({});
  REQUIRE(rows);
  // Socialnämnden's open consultation of 2017 and Järfällahus AB's withdrawn one count nowhere.
  check_rows(*rows, {
                        {"Brandkåren Attunda", 2016, 1, 0, 0, 0, 1, std::nullopt, std::nullopt},
                        {"Järfällahus AB", 2016, 1, 1, 0, 0, 0, std::nullopt, std::nullopt},
                        {"Polismyndigheten", 2016, 1, 0, 1, 0, 0, 5, 5},
                        {"Polismyndigheten", 2017, 2, 1, 0, 1, 0, std::nullopt, std::nullopt},
                        {"Socialnämnden", 2016, 2, 0, 2, 0, 0, 3.5, 5},
                        {"Socialnämnden", 2017, 1, 0, 1, 0, 0, 3, 3},
                    });
}

TEST_CASE("Punctuality keeps the first answer's lateness across a return for completion",
          "[engine]") {
  punctuality_scenario s;
  const auto rows = s.count({.body = "Järfällahus AB"});
  REQUIRE(rows);
  check_rows(*rows, {{"Järfällahus AB", 2016, 1, 1, 0, 0, 0, std::nullopt, std::nullopt}});
}

TEST_CASE("Punctuality narrows to a body, a kind of round and a span of years", "[engine]") {
  punctuality_scenario s;
  const auto annual = s.count({.kind = round_kind::annual_report});
  REQUIRE(annual);
  check_rows(*annual, {{"Polismyndigheten", 2017, 1, 0, 0, 1, 0, std::nullopt, std::nullopt},
                       {"Socialnämnden", 2017, 1, 0, 1, 0, 0, 3, 3}});

  const auto police = s.count({.body = "polismyndigheten"});
  REQUIRE(police);
  REQUIRE(police->size() == 2);
  CHECK((*police)[0].year == 2016);
  CHECK((*police)[1].year == 2017);

  const auto only_2016 = s.count({.from_year = 2016, .to_year = 2016});
  REQUIRE(only_2016);
  CHECK(only_2016->size() == 4);
  for (const auto& row : *only_2016) CHECK(row.year == 2016);
  const auto from_2017 = s.count({.from_year = 2017});
  REQUIRE(from_2017);
  CHECK(from_2017->size() == 2);
  const auto until_2015 = s.count({.to_year = 2015});
  REQUIRE(until_2015);
  CHECK(until_2015->empty());
}

TEST_CASE("Punctuality refuses an unknown body, a year out of range and from after to",
          "[engine]") {
  punctuality_scenario s;
  const auto unknown = s.count({.body = "Socialnamnden"});
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == errc::not_found);
  CHECK(unknown.error().message == "no body 'Socialnamnden'; did you mean 'Socialnämnden'?");

  const auto too_early = s.count({.from_year = 1599});
  REQUIRE_FALSE(too_early);
  CHECK(too_early.error().code == errc::bad_input);
  CHECK(too_early.error().message == "year 1599 is not from 1600 to 9999");
  CHECK_FALSE(s.count({.to_year = 10000}));

  const auto backwards = s.count({.from_year = 2018, .to_year = 2017});
  REQUIRE_FALSE(backwards);
  CHECK(backwards.error().code == errc::bad_input);
  CHECK(backwards.error().message == "from 2018 is after to 2017");
}

TEST_CASE("Punctuality's median is the mean of the middle two of an even count", "[engine]") {
  const auto record = [](std::string_view state, std::optional<int> late) {
    return punctuality_record{.body_name = "Socialnämnden",
                              .round_deadline = day("2018-03-31"),
                              .state = std::string(state),
                              .first_late_by_working_days = late};
  };
  const auto rows =
      count_punctuality({record("submitted", 8), record("submitted", 2), record("drafting", 4),
                         record("registered", 0), record("withdrawn", 9), record("declined", 6),
                         record("sent", std::nullopt)});
  // The declined assignment had answered first (6 late): its first answer counts.
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].assignments == 5);
  CHECK(rows[0].on_time == 1);
  CHECK(rows[0].late == 4);
  CHECK(rows[0].median_late_working_days == 5);
  CHECK(rows[0].max_late_working_days == 8);
}
