// Rounds and assignments through the engine's commands, on the in-memory store: Järfälla's
// consultation of 2016 (seed 001) as the coordinator creates it, the bodies answer it and the
// registrar follows it.
#include <catch2/catch.hpp>

#include "tests/engine/jarfalla_consultation.hpp"
#include "tests/support/catch_outcome.hpp"

using namespace bevaka::engine;
using bevaka::testing::at;
using bevaka::testing::day;
using bevaka::testing::jarfalla_consultation;

namespace {

using bevaka::engine::id_t;   // not POSIX's
using bevaka::engine::round;  // not <cmath>'s

// An event as the tests compare it: whose, what, from, to, by whom.
struct event_line {
  std::string body, event, from, to, actor;
  bool operator==(const event_line&) const = default;
};

std::ostream& operator<<(std::ostream& out, const event_line& e) {
  return out << "{" << e.body << ", " << e.event << ", " << e.from << " -> " << e.to << ", "
             << e.actor << "}";
}

std::vector<event_line> lines(const std::vector<event_record>& events) {
  std::vector<event_line> found;
  for (const auto& e : events) found.push_back({e.body_name, e.event, e.from, e.to, e.actor});
  return found;
}

// A case store that hands out the assignment as it was read before someone else changed it, and
// passes everything else on: what a command meets when another transaction commits between its
// read and its write.
class stale_reads final : public case_store {
 public:
  stale_reads(case_store& real, round r, assignment stale)
      : real_(real), round_(std::move(r)), stale_(std::move(stale)) {}

  std::optional<std::pair<round, assignment>> assignment_by_names(std::string_view,
                                                                  std::string_view) override {
    return std::pair{round_, stale_};
  }

  std::optional<body> body_by_id(id_t id) override { return real_.body_by_id(id); }
  std::optional<body> body_by_name(std::string_view name) override {
    return real_.body_by_name(name);
  }
  std::vector<body> bodies(std::optional<body_kind> kind) override { return real_.bodies(kind); }
  id_t insert_body(const body& b) override { return real_.insert_body(b); }
  std::optional<round> round_by_id(id_t id) override { return real_.round_by_id(id); }
  std::optional<round> round_by_ref(std::string_view ref) override {
    return real_.round_by_ref(ref);
  }
  id_t insert_round(const round& r) override { return real_.insert_round(r); }
  bool update_round(const round& r) override { return real_.update_round(r); }
  std::optional<round> lock_round(id_t round_id) override { return real_.lock_round(round_id); }
  std::vector<assignment> assignments_of(id_t round_id) override {
    return real_.assignments_of(round_id);
  }
  std::optional<assignment> assignment_of(id_t round_id, id_t body_id) override {
    return real_.assignment_of(round_id, body_id);
  }
  bool has_open_assignment(id_t round_id) override { return real_.has_open_assignment(round_id); }
  id_t insert_assignment(const assignment& a) override { return real_.insert_assignment(a); }
  bool update_assignment(const assignment& was, const assignment& a) override {
    return real_.update_assignment(was, a);
  }
  void append_event(const event_record& e) override { real_.append_event(e); }
  std::vector<event_record> events_of_round(id_t round_id, std::optional<id_t> body_id) override {
    return real_.events_of_round(round_id, body_id);
  }

 private:
  case_store& real_;
  round round_;
  assignment stale_;
};

}  // namespace

TEST_CASE(
    "A round sent to three bodies gives each a sent assignment, its deadline moved from Saturday "
    "to Monday",
    "[engine]") {
  jarfalla_consultation c;
  const auto created = c.create(c.request(), "2016-02-22T10:00");
  REQUIRE(created);
  CHECK(created->id == 1);
  CHECK(created->state == "sent");
  CHECK(created->version == 1);
  CHECK(format_date(created->deadline.nominal) == "2016-04-30");
  CHECK(format_date(created->deadline.effective) == "2016-05-02");
  CHECK(created->deadline.reason == "30 april 2016 är en lördag");

  const auto view = c.show();
  REQUIRE(view.assignments.size() == 3);
  CHECK(view.assignments[0].body_name == "Järfällahus AB");
  CHECK(view.assignments[1].body_name == "Polismyndigheten");
  CHECK(view.assignments[2].body_name == "Socialnämnden");
  for (const auto& a : view.assignments) {
    CHECK(a.state == "sent");
    CHECK(a.version == 1);
    CHECK(format_date(a.deadline.effective) == "2016-05-02");
    CHECK_FALSE(a.submitted_on);
    CHECK_FALSE(a.late_by_working_days);
  }
  CHECK(view.assignments[2].kind == body_kind::committee);
  CHECK(view.assignments[0].kind == body_kind::company);

  const std::string coordinator = "trygghetssamordnare";
  // Created in the order the recipients were named, sent in the order of their names.
  CHECK(lines(c.events()) == std::vector<event_line>{
                                 {"", "create", "", "draft", coordinator},
                                 {"Socialnämnden", "create", "", "draft", coordinator},
                                 {"Järfällahus AB", "create", "", "draft", coordinator},
                                 {"Polismyndigheten", "create", "", "draft", coordinator},
                                 {"", "send", "draft", "sent", coordinator},
                                 {"Järfällahus AB", "send", "draft", "sent", coordinator},
                                 {"Polismyndigheten", "send", "draft", "sent", coordinator},
                                 {"Socialnämnden", "send", "draft", "sent", coordinator},
                             });
  const auto first = c.events().front();
  CHECK(first.at == "2016-02-22T10:00:00+01:00");
  CHECK(first.kind == case_kind::round);
  CHECK(first.payload == R"({"deadline":"2016-04-30","effective_deadline":"2016-05-02"})");
}

TEST_CASE(
    "A round is refused, and nothing written, for a reference number taken in another case and "
    "spacing, an unknown body or an empty title",
    "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-02-22T10:00");
  const auto written = c.store.data_version();

  auto same_ref = c.request();
  same_ref.ref = "KST  2015/503";
  const auto duplicate = c.create(same_ref, "2016-02-23T10:00");
  REQUIRE_FALSE(duplicate);
  CHECK(duplicate.error().code == errc::duplicate);
  CHECK(duplicate.error().message == "a round with reference number 'Kst 2015/503' already exists");

  auto unknown_body = c.request();
  unknown_body.ref = "Kst 2016/120";
  unknown_body.recipients.push_back("Räddningstjänsten Syd");
  const auto unknown = c.create(unknown_body, "2016-02-23T10:00");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == errc::not_found);
  CHECK(unknown.error().message == "no body 'Räddningstjänsten Syd'");

  auto untitled = c.request();
  untitled.ref = "Kst 2016/121";
  untitled.title = "  ";
  const auto empty_title = c.create(untitled, "2016-02-23T10:00");
  REQUIRE_FALSE(empty_title);
  CHECK(empty_title.error().code == errc::bad_input);
  CHECK(empty_title.error().message == "a round needs --title");

  CHECK(c.store.data_version() == written);
  CHECK(c.events().size() == 8);
  std::vector<bevaka::engine::round> rounds;
  c.store.transact([&](store_transaction& tx) {
    rounds = tx.listings().rounds();
    CHECK_FALSE(tx.cases().round_by_ref("Kst 2016/120"));
    return false;
  });
  REQUIRE(rounds.size() == 1);
  CHECK(rounds[0].ref == "Kst 2015/503");
}

TEST_CASE("A committee must decide before it submits; a company may submit at once", "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-02-22T10:00");
  const auto written = c.store.data_version();

  const auto refused = c.fire("Socialnämnden", "submit", "2016-04-20T09:00");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == errc::refused);
  CHECK(refused.error().message ==
        "assignment Kst 2015/503 / Socialnämnden is sent: 'submit' refused: a committee must "
        "record its decision (decide) before it submits");
  CHECK(c.store.data_version() == written);
  CHECK(c.of("Socialnämnden").state == "sent");

  const auto decided = c.fire("Socialnämnden", "decide", "2016-04-20T09:00");
  REQUIRE(decided);
  CHECK(decided->state == "decided");
  const auto submitted = c.fire("Socialnämnden", "submit", "2016-04-21T09:00");
  REQUIRE(submitted);
  CHECK(submitted->state == "submitted");
  CHECK(submitted->version == 3);

  const auto company = c.fire("Järfällahus AB", "submit", "2016-04-21T09:00");
  REQUIRE(company);
  CHECK(company->state == "submitted");
}

TEST_CASE(
    "Submitting records the day received and the working days late after the effective deadline",
    "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-02-22T10:00");

  // On Monday 2 May: on time, the Saturday deadline having moved to it.
  const auto on_time = c.fire("Järfällahus AB", "submit", "2016-05-02T16:00");
  REQUIRE(on_time);
  CHECK(format_date(*on_time->submitted_on) == "2016-05-02");
  CHECK(on_time->late_by_working_days == 0);

  const auto police = c.fire("Polismyndigheten", "submit", "2016-05-04T09:00");
  REQUIRE(police);
  CHECK(police->late_by_working_days == 2);

  // 3, 4, 6 and 9 May: Kristi himmelsfärdsdag (5 May) is not a working day.
  REQUIRE(c.fire("Socialnämnden", "decide", "2016-05-03T09:00"));
  const auto committee = c.fire("Socialnämnden", "submit", "2016-05-09T10:00");
  REQUIRE(committee);
  CHECK(format_date(*committee->submitted_on) == "2016-05-09");
  CHECK(committee->late_by_working_days == 4);

  const auto stored = c.of("Socialnämnden");
  CHECK(stored.state == "submitted");
  CHECK(format_date(*stored.submitted_on) == "2016-05-09");
  CHECK(stored.late_by_working_days == 4);
  const auto record = c.events(stored.body_id);
  REQUIRE(record.size() == 4);
  CHECK(record.back().event == "submit");
  CHECK(record.back().payload == R"({"received":"2016-05-09","late_by_working_days":4})");
  CHECK(record.back().at == "2016-05-09T10:00:00+02:00");
}

TEST_CASE("When the last open assignment ends, the round's answers close on their own",
          "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-02-22T10:00");

  REQUIRE(c.fire("Socialnämnden", "decide", "2016-04-19T09:00"));
  REQUIRE(c.fire("Socialnämnden", "submit", "2016-04-20T09:00"));
  REQUIRE(c.fire("Järfällahus AB", "submit", "2016-04-21T09:00"));
  REQUIRE(c.fire("Järfällahus AB", "register", "2016-04-22T09:00"));
  REQUIRE(c.fire("Polismyndigheten", "decline", "2016-04-25T09:00"));
  // Submitted is not ended: Socialnämnden's answer has still to be registered.
  CHECK(c.show().r.state == "sent");

  const auto registered = c.fire("Socialnämnden", "register", "2016-04-27T14:00");
  REQUIRE(registered);
  CHECK(registered->state == "registered");
  const auto r = c.show().r;
  CHECK(r.state == "answers_closed");
  CHECK(r.version == 2);

  const auto record = c.events();
  REQUIRE(record.size() >= 2);
  const auto& closing = record.back();
  CHECK(closing.kind == case_kind::round);
  CHECK(closing.event == "close-answers");
  CHECK(closing.from == "sent");
  CHECK(closing.to == "answers_closed");
  CHECK(closing.actor == "bevaka");
  CHECK(closing.note == "every assignment has ended");
  CHECK(closing.at == "2016-04-27T14:00:00+02:00");
  CHECK(record[record.size() - 2].event == "register");
  CHECK(record[record.size() - 2].actor == "nämndsekreterare");
}

TEST_CASE("An event fired on a stale read of the assignment is a conflict and writes nothing",
          "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-02-22T10:00");
  const auto r = c.show().r;
  const auto stale = c.of("Järfällahus AB");
  REQUIRE(c.fire("Järfällahus AB", "start", "2016-04-20T09:00"));
  const auto written = c.store.data_version();
  const auto recorded = c.events().size();

  const auto conflict = in_transaction(c.store, [&](store_transaction& tx) {
    stale_reads cases(tx.cases(), r, stale);
    return fire_assignment_event(cases, tx.reminders(),
                                 {at("2016-04-21T09:00"), "nämndsekreterare"},
                                 jarfalla_consultation::ref, "Järfällahus AB", {"submit", "", {}});
  });
  REQUIRE_FALSE(conflict);
  CHECK(conflict.error().code == errc::conflict);
  CHECK(
      conflict.error().message ==
      "assignment Kst 2015/503 / Järfällahus AB was changed by someone else meanwhile; try again");
  CHECK(c.store.data_version() == written);
  CHECK(c.events().size() == recorded);
  const auto stored = c.of("Järfällahus AB");
  CHECK(stored.state == "drafting");
  CHECK(stored.version == 2);
  CHECK_FALSE(stored.submitted_on);
}

TEST_CASE(
    "The registrar's list counts working days past the effective deadline and leaves out who "
    "has answered",
    "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-02-22T10:00");
  REQUIRE(c.fire("Järfällahus AB", "submit", "2016-04-28T09:00"));

  CHECK(c.overdue("2016-05-02").empty());
  const auto on_4_may = c.overdue("2016-05-04");
  REQUIRE(on_4_may.size() == 2);
  CHECK(on_4_may[0].body == "Polismyndigheten");
  CHECK(on_4_may[1].body == "Socialnämnden");
  for (const auto& item : on_4_may) {
    CHECK(item.working_days_overdue == 2);
    CHECK(format_date(item.deadline) == "2016-05-02");
    CHECK(item.state == "sent");
    CHECK(item.ref == "Kst 2015/503");
    CHECK(item.title == "Trygghetsskapande program för Järfälla kommun");
    CHECK(item.failed_reminders == 0);
  }

  // Kristi himmelsfärdsdag (Thursday 5 May) does not count; the decision that Socialnämnden
  // records does not end its wait, the answer does.
  REQUIRE(c.fire("Socialnämnden", "decide", "2016-05-06T09:00"));
  const auto on_9_may = c.overdue("2016-05-09");
  REQUIRE(on_9_may.size() == 2);
  CHECK(on_9_may[0].working_days_overdue == 4);
  CHECK(on_9_may[1].body == "Socialnämnden");
  CHECK(on_9_may[1].state == "decided");
  REQUIRE(c.fire("Polismyndigheten", "submit", "2016-05-09T10:00"));
  const auto after = c.overdue("2016-05-09");
  REQUIRE(after.size() == 1);
  CHECK(after[0].body == "Socialnämnden");
}
