// The engine's commands and queries on a real database (SQLite file or PostgreSQL server):
// what a coordinator, a committee secretary and the registrar rely on.
#include <soci/soci.h>

#include "engine/cases/commands.hpp"
#include "engine/cases/queries.hpp"
#include "tests/support/catch_outcome.hpp"
#include "tests/support/test_database.hpp"

using namespace bevaka;
using engine::errc;

namespace {

engine::date day(const char* text) { return *engine::parse_date(text); }

// Järfälla's consultation on the safety programme (seed 001): answers by 30 April 2016.
struct consultation {
  testing::test_database db{"store_tests"};
  std::string ref = "Kst 2015/503";

  consultation() {
    add("Socialnämnden", engine::body_kind::committee);
    add("Kompetensnämnden", engine::body_kind::committee);
    add("Järfällahus AB", engine::body_kind::company);
    add("Polismyndigheten", engine::body_kind::authority);
  }

  void add(const std::string& name, engine::body_kind kind) {
    const auto added = engine::in_transaction(db.store(), [&](engine::store_transaction& tx) {
      return engine::add_body(tx.cases(), {name, kind, {"registrator@example.se"}});
    });
    REQUIRE(added);
  }

  engine::outcome<engine::round> create(engine::new_round request, const char* now) {
    return engine::in_transaction(db.store(), [&](engine::store_transaction& tx) {
      return engine::create_round(tx.cases(), tx.reminders(),
                                  {*engine::parse_timestamp(now), "trygghetssamordnare"}, request);
    });
  }

  engine::new_round request() const {
    return engine::new_round{
        .kind = engine::round_kind::consultation,
        .ref = ref,
        .title = "Trygghetsskapande program för Järfälla kommun",
        .deadline = day("2016-04-30"),
        .recipients = {"Socialnämnden", "Kompetensnämnden", "Järfällahus AB", "Polismyndigheten"}};
  }

  engine::outcome<engine::assignment> fire(const std::string& body, const std::string& event,
                                           const char* now,
                                           std::optional<engine::date> deadline = {}) {
    return engine::in_transaction(db.store(), [&](engine::store_transaction& tx) {
      return engine::fire_assignment_event(tx.cases(), tx.reminders(),
                                           {*engine::parse_timestamp(now), "nämndsekreterare"}, ref,
                                           body, {event, "", deadline});
    });
  }

  engine::outcome<engine::round> fire_round(const std::string& event, const char* now) {
    return engine::in_transaction(db.store(), [&](engine::store_transaction& tx) {
      return engine::fire_round_event(tx.cases(), tx.reminders(),
                                      {*engine::parse_timestamp(now), "registrator"}, ref,
                                      {event, "", std::nullopt});
    });
  }

  engine::round_view show() {
    return *engine::in_transaction(db.store(), [&](engine::store_transaction& tx) {
      return engine::show_round(tx.cases(), ref);
    });
  }

  engine::assignment of(const std::string& body) {
    for (const auto& a : show().assignments)
      if (a.body_name == body) return a;
    FAIL("no assignment for " << body);
    return {};
  }

  std::vector<engine::overdue_item> overdue(const char* today,
                                            std::optional<engine::round_kind> kind = {}) {
    std::vector<engine::overdue_item> items;
    db.store().transact([&](engine::store_transaction& tx) {
      items = engine::overdue(tx.listings(), day(today), kind);
      return true;
    });
    return items;
  }

  long long events() {
    long long n = 0;
    db.store().session() << "SELECT COUNT(*) FROM events", soci::into(n);
    return n;
  }
};

}  // namespace

TEST_CASE("a round sent to four bodies gives each a sent assignment with the shifted deadline",
          "[engine][store]") {
  consultation c;
  const auto created = c.create(c.request(), "2016-02-22T10:00");
  REQUIRE(created);
  CHECK(created->state == "sent");
  CHECK(engine::format_date(created->deadline.effective) == "2016-05-02");
  CHECK(created->deadline.reason == "30 april 2016 är en lördag");
  const auto view = c.show();
  REQUIRE(view.assignments.size() == 4);
  for (const auto& a : view.assignments) {
    CHECK(a.state == "sent");
    CHECK(engine::format_date(a.deadline.effective) == "2016-05-02");
  }
  // create + send for the round and for each assignment
  CHECK(c.events() == 2 + 2 * 4);
}

TEST_CASE("a round may keep its deadline on a weekend when told not to shift it",
          "[engine][store]") {
  consultation c;
  auto request = c.request();
  request.shift_deadlines = false;
  const auto created = c.create(request, "2016-02-22");
  REQUIRE(created);
  CHECK(engine::format_date(created->deadline.effective) == "2016-04-30");
  CHECK(created->deadline.reason.empty());
}

TEST_CASE("a round with an unknown body or a taken reference number is not created at all",
          "[engine][store]") {
  consultation c;
  auto request = c.request();
  request.recipients.push_back("Brandkåren Attunda");
  const auto refused = c.create(request, "2016-02-22");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == errc::not_found);
  CHECK(refused.error().message.find("Brandkåren Attunda") != std::string::npos);
  CHECK(c.events() == 0);
  REQUIRE(c.create(c.request(), "2016-02-22"));
  const auto before = c.events();
  const auto duplicate = c.create(c.request(), "2016-02-23");
  REQUIRE_FALSE(duplicate);
  CHECK(duplicate.error().code == errc::duplicate);
  CHECK(c.events() == before);
}

TEST_CASE("a committee must decide before it submits; a company may submit at once",
          "[engine][store]") {
  consultation c;
  REQUIRE(c.create(c.request(), "2016-02-22"));
  const auto before = c.events();
  const auto refused = c.fire("Socialnämnden", "submit", "2016-04-20");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == errc::refused);
  CHECK(refused.error().message.find("decide") != std::string::npos);
  CHECK(c.events() == before);
  CHECK(c.of("Socialnämnden").state == "sent");

  REQUIRE(c.fire("Socialnämnden", "decide", "2016-04-21"));
  const auto submitted = c.fire("Socialnämnden", "submit", "2016-04-22");
  REQUIRE(submitted);
  CHECK(submitted->state == "submitted");
  CHECK(submitted->late_by_working_days == 0);
  const auto company = c.fire("Järfällahus AB", "submit", "2016-04-22");
  REQUIRE(company);
  CHECK(company->state == "submitted");
}

TEST_CASE("a late answer records by how many working days it was late", "[engine][store]") {
  consultation c;
  REQUIRE(c.create(c.request(), "2016-02-22"));
  // The deadline is Monday 2 May 2016; Wednesday 4 May is two working days late.
  const auto late = c.fire("Järfällahus AB", "submit", "2016-05-04T16:00");
  REQUIRE(late);
  CHECK(late->late_by_working_days == 2);
  CHECK(engine::format_date(*late->submitted_on) == "2016-05-04");
  // On the deadline day itself is on time.
  const auto on_time = c.fire("Polismyndigheten", "submit", "2016-05-02T23:59");
  REQUIRE(on_time);
  CHECK(on_time->late_by_working_days == 0);
}

TEST_CASE("the overdue list counts working days and puts the most overdue first",
          "[engine][store]") {
  consultation c;
  REQUIRE(c.create(c.request(), "2016-02-22"));
  REQUIRE(c.fire("Polismyndigheten", "submit", "2016-04-28"));
  CHECK(c.overdue("2016-05-02").empty());  // the deadline day itself
  REQUIRE(c.fire("Kompetensnämnden", "extend", "2016-04-29", day("2016-05-13")));

  const auto on_4_may = c.overdue("2016-05-04");
  REQUIRE(on_4_may.size() == 2);
  CHECK(on_4_may[0].body == "Järfällahus AB");
  CHECK(on_4_may[0].working_days_overdue == 2);
  CHECK(on_4_may[1].body == "Socialnämnden");

  // Kompetensnämnden's extension ends Friday 13 May; on Tuesday 17 May it is 2 days late,
  // the others 11 (Kristi himmelsfärdsdag, 5 May 2016, is not a working day).
  const auto on_17_may = c.overdue("2016-05-17");
  REQUIRE(on_17_may.size() == 3);
  CHECK(on_17_may[0].working_days_overdue == 10);
  CHECK(on_17_may[2].body == "Kompetensnämnden");
  CHECK(on_17_may[2].working_days_overdue == 2);
  CHECK(c.overdue("2016-05-17", engine::round_kind::annual_report).empty());
}

TEST_CASE("an extension moves the deadline and keeps the state; it must move it later",
          "[engine][store]") {
  consultation c;
  REQUIRE(c.create(c.request(), "2016-02-22"));
  REQUIRE(c.fire("Socialnämnden", "start", "2016-03-01"));
  const auto extended = c.fire("Socialnämnden", "extend", "2016-04-25", day("2016-05-21"));
  REQUIRE(extended);
  CHECK(extended->state == "drafting");
  CHECK(engine::format_date(extended->deadline.effective) == "2016-05-23");
  const auto earlier = c.fire("Socialnämnden", "extend", "2016-04-26", day("2016-05-01"));
  REQUIRE_FALSE(earlier);
  CHECK(earlier.error().code == errc::bad_input);
  const auto without = c.fire("Socialnämnden", "extend", "2016-04-26");
  REQUIRE_FALSE(without);
  CHECK(without.error().message.find("deadline") != std::string::npos);
  CHECK(without.error().code == errc::bad_input);
}

TEST_CASE("a returned answer goes back to drafting with a new deadline", "[engine][store]") {
  consultation c;
  REQUIRE(c.create(c.request(), "2016-02-22"));
  REQUIRE(c.fire("Järfällahus AB", "submit", "2016-05-04"));
  const auto returned = c.fire("Järfällahus AB", "return", "2016-05-06", day("2016-05-20"));
  REQUIRE(returned);
  CHECK(returned->state == "drafting");
  CHECK(engine::format_date(returned->deadline.effective) == "2016-05-20");
  CHECK_FALSE(returned->submitted_on);
  CHECK_FALSE(returned->late_by_working_days);
}

TEST_CASE("an ended assignment accepts nothing and the refusal says so", "[engine][store]") {
  consultation c;
  REQUIRE(c.create(c.request(), "2016-02-22"));
  REQUIRE(c.fire("Polismyndigheten", "decline", "2016-03-01"));
  const auto before = c.events();
  for (const char* event : {"start", "decide", "submit", "register", "decline", "extend"}) {
    const auto refused = c.fire("Polismyndigheten", event, "2016-03-02", day("2016-06-01"));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == errc::refused);
    const auto& message = refused.error().message;
    CHECK(message.find("Kst 2015/503") != std::string::npos);
    CHECK(message.find("Polismyndigheten") != std::string::npos);
    CHECK(message.find("declined") != std::string::npos);
    CHECK(message.find(event) != std::string::npos);
    CHECK(message.find("accepts nothing more") != std::string::npos);
  }
  CHECK(c.events() == before);
}

TEST_CASE("a refusal lists the events the state would accept", "[engine][store]") {
  consultation c;
  REQUIRE(c.create(c.request(), "2016-02-22"));
  REQUIRE(c.fire("Socialnämnden", "decide", "2016-03-01"));
  const auto refused = c.fire("Socialnämnden", "register", "2016-03-02");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message.find("it accepts: submit, decline, request-extension, extend, "
                                     "deny-extension") != std::string::npos);
  const auto unknown = c.fire("Socialnämnden", "approve", "2016-03-02");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == errc::bad_input);
}

TEST_CASE("answers close on their own when every assignment has ended", "[engine][store]") {
  consultation c;
  REQUIRE(c.create(c.request(), "2016-02-22"));
  REQUIRE(c.fire("Polismyndigheten", "decline", "2016-03-01"));
  REQUIRE(c.fire("Järfällahus AB", "submit", "2016-04-01"));
  REQUIRE(c.fire("Järfällahus AB", "register", "2016-04-01"));
  REQUIRE(c.fire("Socialnämnden", "decide", "2016-04-10"));
  REQUIRE(c.fire("Socialnämnden", "submit", "2016-04-11"));
  REQUIRE(c.fire("Socialnämnden", "register", "2016-04-12"));
  REQUIRE(c.fire("Kompetensnämnden", "decide", "2016-04-10"));
  REQUIRE(c.fire("Kompetensnämnden", "submit", "2016-04-11"));
  CHECK(c.show().r.state == "sent");
  REQUIRE(c.fire("Kompetensnämnden", "register", "2016-04-13"));
  CHECK(c.show().r.state == "answers_closed");
  // A consultation may skip the council's discussion.
  const auto approved = c.fire_round("approve", "2016-06-01");
  REQUIRE(approved);
  CHECK(approved->state == "approved");
}

// A batch: many events in one transaction, as an import of the registrar's answers makes them.
TEST_CASE("in one transaction, answers close with the last assignment to end, and not before",
          "[engine][store]") {
  consultation c;
  REQUIRE(c.create(c.request(), "2016-02-22"));
  const auto now = *engine::parse_timestamp("2016-04-12");
  const auto batch = engine::in_transaction(
      c.db.store(), [&](engine::store_transaction& tx) -> engine::outcome<std::string> {
        const engine::command_context ctx{now, "registrator"};
        const std::vector<std::pair<const char*, const char*>> events{
            {"Polismyndigheten", "decline"}, {"Järfällahus AB", "submit"},
            {"Järfällahus AB", "register"},  {"Socialnämnden", "decide"},
            {"Socialnämnden", "submit"},     {"Socialnämnden", "register"},
            {"Kompetensnämnden", "decide"},  {"Kompetensnämnden", "submit"}};
        for (const auto& [body, event] : events)
          if (auto fired = engine::fire_assignment_event(tx.cases(), tx.reminders(), ctx, c.ref,
                                                         body, {event});
              !fired)
            return fired.error();
        if (tx.cases().round_by_ref(c.ref)->state != "sent") return std::string("closed too early");
        if (auto last = engine::fire_assignment_event(tx.cases(), tx.reminders(), ctx, c.ref,
                                                      "Kompetensnämnden", {"register"});
            !last)
          return last.error();
        // The round as this transaction now sees it: closed, so the board may approve it.
        const auto approved =
            engine::fire_round_event(tx.cases(), tx.reminders(), ctx, c.ref, {"approve"});
        if (!approved) return approved.error();
        return approved->state;
      });
  REQUIRE(batch);
  CHECK(*batch == "approved");
  CHECK(c.show().r.state == "approved");
}

TEST_CASE("in one transaction, an extension between other events keeps its new deadline",
          "[engine][store]") {
  consultation c;
  REQUIRE(c.create(c.request(), "2016-02-22"));
  const auto now = *engine::parse_timestamp("2016-04-20");
  REQUIRE(engine::in_transaction(
      c.db.store(), [&](engine::store_transaction& tx) -> engine::outcome<bool> {
        const engine::command_context ctx{now, "nämndsekreterare"};
        for (const auto& e :
             {engine::case_event{"start"}, engine::case_event{"extend", "", day("2016-05-31")},
              engine::case_event{"decide"}})
          if (auto fired = engine::fire_assignment_event(tx.cases(), tx.reminders(), ctx, c.ref,
                                                         "Socialnämnden", e);
              !fired)
            return fired.error();
        return true;
      }));
  const auto social = c.of("Socialnämnden");
  CHECK(social.state == "decided");
  CHECK(engine::format_date(social.deadline.effective) == "2016-05-31");
  // Still awaited, under its new deadline: overdue from 1 June, not from 3 May.
  CHECK(c.overdue("2016-05-10").size() == 3);
  const auto june = c.overdue("2016-06-01");
  REQUIRE(june.size() == 4);
  CHECK(june.back().body == "Socialnämnden");
}

TEST_CASE("withdrawing a round withdraws its open assignments, each with an event",
          "[engine][store]") {
  consultation c;
  REQUIRE(c.create(c.request(), "2016-02-22"));
  REQUIRE(c.fire("Polismyndigheten", "decline", "2016-03-01"));
  const auto before = c.events();
  REQUIRE(c.fire_round("withdraw", "2016-03-02"));
  const auto view = c.show();
  CHECK(view.r.state == "withdrawn");
  for (const auto& a : view.assignments)
    CHECK(a.state == (a.body_name == "Polismyndigheten" ? "declined" : "withdrawn"));
  CHECK(c.events() == before + 1 + 3);
  CHECK(c.overdue("2016-06-01").empty());
}

TEST_CASE("an annual report must be discussed by the council before the board approves it",
          "[engine][store]") {
  consultation c;
  c.ref = "Kst 2017/12";
  auto request = c.request();
  request.kind = engine::round_kind::annual_report;
  request.title = "Rapportering av trygghet 2016";
  request.deadline = day("2017-03-31");
  request.recipients.clear();
  request.all_bodies_of_kind = engine::body_kind::committee;
  REQUIRE(c.create(request, "2017-01-16"));
  CHECK(c.show().assignments.size() == 2);
  REQUIRE(c.fire_round("close-answers", "2017-04-10"));
  const auto refused = c.fire_round("approve", "2017-04-11");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message.find("send-to-council") != std::string::npos);
  REQUIRE(c.fire_round("send-to-council", "2017-04-12"));
  REQUIRE(c.fire_round("discuss", "2017-04-20"));
  CHECK(c.fire_round("approve", "2017-05-15"));
  // The committees that never answered ended as unanswered when the answers closed: they are
  // no longer on the list.
  for (const auto& a : c.show().assignments) CHECK(a.state == "unanswered");
  CHECK(c.overdue("2017-05-15", engine::round_kind::annual_report).empty());
}

TEST_CASE("a draft round is not sent, and nobody is overdue with it, until it is sent",
          "[engine][store]") {
  consultation c;
  auto request = c.request();
  request.draft = true;
  REQUIRE(c.create(request, "2016-02-22"));
  CHECK(c.show().r.state == "draft");
  CHECK(c.of("Socialnämnden").state == "draft");
  CHECK(c.overdue("2016-06-01").empty());
  const auto refused = c.fire("Socialnämnden", "start", "2016-02-23");
  REQUIRE_FALSE(refused);
  REQUIRE(c.fire_round("send", "2016-02-24"));
  CHECK(c.of("Socialnämnden").state == "sent");
  CHECK(c.overdue("2016-06-01").size() == 4);
}

TEST_CASE("the timeline holds every change, oldest first, with who and when", "[engine][store]") {
  consultation c;
  REQUIRE(c.create(c.request(), "2016-02-22T09:30"));
  REQUIRE(c.fire("Socialnämnden", "decide", "2016-04-21T14:00"));
  const auto events = *engine::in_transaction(c.db.store(), [&](engine::store_transaction& tx) {
    return engine::timeline(tx.cases(), tx.reminders(), c.ref, std::string_view("Socialnämnden"));
  });
  REQUIRE(events.size() == 3);
  CHECK(events[0].event == "create");
  CHECK(events[0].from.empty());
  CHECK(events[1].event == "send");
  CHECK(events[2].event == "decide");
  CHECK(events[2].from == "sent");
  CHECK(events[2].to == "decided");
  CHECK(events[2].actor == "nämndsekreterare");
  CHECK(events[2].at == "2016-04-21T14:00:00+02:00");
  CHECK(events[0].at == "2016-02-22T09:30:00+01:00");
}

TEST_CASE("an assignment is found by the round's id and the body's id as by their names",
          "[engine][store]") {
  consultation c;
  const auto created = c.create(c.request(), "2016-02-22");
  REQUIRE(created);
  const auto social = c.of("Socialnämnden");
  const auto by_ids = engine::in_transaction(c.db.store(), [&](engine::store_transaction& tx) {
    return engine::fire_assignment_event(
        tx.cases(), tx.reminders(), {*engine::parse_timestamp("2016-03-01"), "sekreterare"},
        std::to_string(created->id), std::to_string(social.body_id), {"start", "", {}});
  });
  REQUIRE(by_ids);
  CHECK(by_ids->id == social.id);
  CHECK(c.of("Socialnämnden").state == "drafting");
}
