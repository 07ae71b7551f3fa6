// Where a case really ends and which dates count: answers that close leave no assignment
// awaiting, an answer counts from the day it arrived, the first answer's lateness survives a
// return, and a body asks for more time while the registrar decides. Järfälla's consultation
// (seed 001) on the in-memory store.
#include <catch2/catch.hpp>

#include "tests/engine/jarfalla_consultation.hpp"
#include "tests/support/catch_outcome.hpp"

using namespace bevaka::engine;
using namespace bevaka::testing;

namespace {

case_event submitted(std::string_view received) {
  return case_event{.event = "submit", .received = day(received)};
}

}  // namespace

TEST_CASE("Closing the answers ends every assignment still awaiting one as unanswered",
          "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-02-22T10:00", "-10,-3,+1,+5!");
  REQUIRE(c.fire("Järfällahus AB", "submit", "2016-04-28T09:00"));
  REQUIRE(c.fire("Socialnämnden", "start", "2016-04-20T09:00"));
  CHECK(c.overdue("2016-05-20").size() == 2);

  const auto closed = c.fire_round("close-answers", "2016-05-20T15:00");
  REQUIRE(closed);
  CHECK(closed->state == "answers_closed");
  CHECK(c.of("Socialnämnden").state == "unanswered");
  CHECK(c.of("Polismyndigheten").state == "unanswered");
  CHECK(c.of("Järfällahus AB").state == "submitted");  // answered: left as it is
  CHECK(c.overdue("2016-05-20").empty());
  CHECK(c.overdue("2016-09-01").empty());
  for (const auto& v : c.reminders()) CHECK(v.r.state != reminder_state::scheduled);

  const auto record = c.events(c.of("Polismyndigheten").body_id);
  const auto& ended = record.back();
  CHECK(ended.event == "close");
  CHECK(ended.from == "sent");
  CHECK(ended.to == "unanswered");
  CHECK(ended.actor == "bevaka");
  CHECK(ended.note == unanswered_note);
}

TEST_CASE("A late answer to an unanswered assignment is recorded late and leaves the round",
          "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-02-22T10:00");
  REQUIRE(c.fire_round("close-answers", "2016-05-20T15:00"));
  REQUIRE(c.fire_round("approve", "2016-06-20T15:00"));

  const auto late = c.fire("Polismyndigheten", submitted("2016-06-21"), "2016-06-22T09:00");
  REQUIRE(late);
  CHECK(late->state == "submitted");
  CHECK(format_date(*late->submitted_on) == "2016-06-21");
  CHECK(late->late_by_working_days == 34);
  CHECK(c.show().r.state == "approved");
  CHECK(c.overdue("2016-06-22").empty());
}

TEST_CASE("An annual report goes to the council and is discussed there before KS approves it",
          "[engine]") {
  jarfalla_consultation c;
  auto request = c.request();
  request.kind = round_kind::annual_report;
  REQUIRE(c.create(request, "2017-01-16T10:00"));
  REQUIRE(c.fire_round("close-answers", "2017-04-20T10:00"));

  const auto skipped = c.fire_round("approve", "2017-06-12T10:00");
  REQUIRE_FALSE(skipped);
  CHECK(skipped.error().code == errc::refused);
  const auto not_sent = c.fire_round("discuss", "2017-05-10T10:00");
  REQUIRE_FALSE(not_sent);
  CHECK(not_sent.error().message ==
        "round Kst 2015/503 is answers_closed: 'discuss' is not accepted there; it accepts: "
        "send-to-council, approve, withdraw");

  REQUIRE(c.fire_round("send-to-council", "2017-04-24T10:00"));
  REQUIRE(c.fire_round("discuss", "2017-05-10T10:00"));
  const auto approved = c.fire_round("approve", "2017-06-12T10:00");
  REQUIRE(approved);
  CHECK(approved->state == "approved");
}

TEST_CASE("Lateness counts from the day the answer arrived, not the day it was recorded",
          "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-02-22T10:00");

  // Arrived on Friday 29 April, recorded on Tuesday 3 May: on time.
  const auto company = c.fire("Järfällahus AB", submitted("2016-04-29"), "2016-05-03T09:00");
  REQUIRE(company);
  CHECK(format_date(*company->submitted_on) == "2016-04-29");
  CHECK(company->late_by_working_days == 0);
  const auto record = c.events(company->body_id);
  CHECK(record.back().payload == R"({"received":"2016-04-29","late_by_working_days":0})");
  CHECK(record.back().at == "2016-05-03T09:00:00+02:00");

  const auto written = c.store.data_version();
  const auto future = c.fire("Polismyndigheten", submitted("2016-05-04"), "2016-05-03T09:00");
  REQUIRE_FALSE(future);
  CHECK(future.error().code == errc::bad_input);
  CHECK(future.error().message ==
        "assignment Kst 2015/503 / Polismyndigheten: the answer cannot have arrived on "
        "2016-05-04, after today (2016-05-03)");
  const auto early = c.fire("Polismyndigheten", submitted("2016-02-19"), "2016-05-03T09:00");
  REQUIRE_FALSE(early);
  CHECK(early.error().message ==
        "assignment Kst 2015/503 / Polismyndigheten: the answer cannot have arrived on "
        "2016-02-19, before the round was sent (2016-02-22)");
  CHECK(c.store.data_version() == written);
  CHECK(c.of("Polismyndigheten").state == "sent");
}

TEST_CASE("The first answer's lateness is kept when it is returned for completion", "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-02-22T10:00");
  REQUIRE(c.fire("Polismyndigheten", "submit", "2016-05-04T09:00"));  // 2 working days late
  REQUIRE(c.fire("Polismyndigheten", "return", "2016-05-04T10:00", day("2016-05-13")));
  const auto returned = c.of("Polismyndigheten");
  CHECK_FALSE(returned.submitted_on);
  CHECK(format_date(*returned.first_submitted_on) == "2016-05-04");
  CHECK(returned.first_late_by_working_days == 2);

  const auto again = c.fire("Polismyndigheten", "submit", "2016-05-12T09:00");
  REQUIRE(again);
  CHECK(again->late_by_working_days == 0);
  CHECK(format_date(*again->first_submitted_on) == "2016-05-04");
  CHECK(again->first_late_by_working_days == 2);
}

TEST_CASE("A body asks for more time; the registrar grants or denies it", "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-02-22T10:00");
  const auto ask = [&](std::string_view body, std::string_view deadline, std::string note) {
    return c.fire(
        body,
        case_event{
            .event = "request-extension", .note = std::move(note), .new_deadline = day(deadline)},
        "2016-04-20T09:00", "komp.sekr");
  };

  const auto asked = ask("Socialnämnden", "2016-05-20", "Nämnden sammanträder 19 maj");
  REQUIRE(asked);
  // Asking moves nothing: the body is still due on 2 May.
  CHECK(format_date(asked->deadline.effective) == "2016-05-02");
  REQUIRE(asked->extension);
  CHECK(format_date(asked->extension->deadline) == "2016-05-20");
  CHECK(asked->extension->actor == "komp.sekr");
  REQUIRE(c.pending_requests().size() == 1);
  CHECK(c.pending_requests().front().second.body_name == "Socialnämnden");
  CHECK(c.events(asked->body_id).back().payload == R"({"requested_deadline":"2016-05-20"})");

  const auto written = c.store.data_version();
  CHECK_FALSE(ask("Polismyndigheten", "2016-05-02", "Vi hinner inte"));  // not later
  CHECK_FALSE(ask("Polismyndigheten", "2016-05-20", " "));               // no reason
  const auto nothing = c.fire("Polismyndigheten", "deny-extension", "2016-04-21T09:00");
  REQUIRE_FALSE(nothing);
  CHECK(nothing.error().message ==
        "assignment Kst 2015/503 / Polismyndigheten is sent: 'deny-extension' refused: no "
        "extension has been requested");
  CHECK(c.store.data_version() == written);

  const auto granted =
      c.fire("Socialnämnden", case_event{.event = "extend", .new_deadline = day("2016-05-20")},
             "2016-04-21T09:00", "registrator");
  REQUIRE(granted);
  CHECK(format_date(granted->deadline.effective) == "2016-05-20");
  CHECK_FALSE(granted->extension);
  CHECK(c.pending_requests().empty());

  REQUIRE(ask("Polismyndigheten", "2099-12-31", "Vi vill vänta"));
  const auto denied = c.fire("Polismyndigheten",
                             case_event{.event = "deny-extension", .note = "Svaret behövs 2 maj"},
                             "2016-04-22T09:00", "registrator");
  REQUIRE(denied);
  CHECK_FALSE(denied->extension);
  CHECK(format_date(denied->deadline.effective) == "2016-05-02");
  CHECK(c.pending_requests().empty());
}

TEST_CASE("A past day is answered from the record as it stood at its end", "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-02-22T10:00");
  REQUIRE(c.fire("Polismyndigheten", "submit", "2016-05-04T09:00"));
  REQUIRE(c.fire("Socialnämnden", "decide", "2016-05-09T09:00"));
  REQUIRE(c.fire("Socialnämnden", "submit", "2016-05-10T09:00"));
  REQUIRE(c.fire_round("close-answers", "2016-05-20T15:00"));

  // On 4 May two bodies were two working days late; Polismyndigheten answered that day.
  const auto on_4_may = c.overdue("2016-05-04");
  REQUIRE(on_4_may.size() == 2);
  CHECK(on_4_may[0].body == "Järfällahus AB");
  CHECK(on_4_may[0].working_days_overdue == 2);
  CHECK(on_4_may[1].body == "Socialnämnden");
  CHECK(c.overdue("2016-05-09").size() == 2);  // Socialnämnden decided, not yet answered
  CHECK(c.overdue("2016-05-10").size() == 1);
  CHECK(c.overdue("2016-05-20").empty());  // Järfällahus AB ended unanswered that day

  const auto then = c.as_of("2016-05-04");
  REQUIRE(then);
  CHECK(then->r.state == "sent");
  for (const auto& a : then->assignments) {
    INFO(a.body_name);
    CHECK(a.state == (a.body_name == "Polismyndigheten" ? "submitted" : "sent"));
    if (a.body_name != "Polismyndigheten") CHECK_FALSE(a.submitted_on);
  }
  CHECK(c.as_of("2016-05-20")->r.state == "answers_closed");

  const auto before = c.as_of("2016-02-21");
  REQUIRE_FALSE(before);
  CHECK(before.error().code == errc::not_found);
  CHECK(before.error().message == "round Kst 2015/503 did not exist yet on 2016-02-21");
}

TEST_CASE("A past day sees the deadline of that day, before an extension moved it", "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-02-22T10:00");
  REQUIRE(
      c.fire("Socialnämnden",
             case_event{.event = "extend", .note = "Anstånd", .new_deadline = day("2016-05-20")},
             "2016-05-04T09:00", "registrator"));
  const auto on_3_may = c.overdue("2016-05-03");
  CHECK(on_3_may.size() == 3);  // the extension came on 4 May
  const auto on_4_may = c.overdue("2016-05-04");
  CHECK(on_4_may.size() == 2);
  CHECK(format_date(c.as_of("2016-05-03")->assignments.back().deadline.effective) == "2016-05-02");
  CHECK(format_date(c.as_of("2016-05-04")->assignments.back().deadline.effective) == "2016-05-20");
}
