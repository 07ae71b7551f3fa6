// The outbox through the command line, on a real database (SQLite or PostgreSQL): a round's
// policy schedules reminders when it is sent, and every later event keeps them true, in the
// same transaction.

#include <soci/soci.h>

#include <catch2/catch.hpp>
#include <map>

#include "adapters/cli/exit_codes.hpp"
#include "engine/reminders/reminder_dispatch.hpp"
#include "tests/reminders/reminder_scenario.hpp"

using namespace bevaka::testing;
using json = nlohmann::json;
using Catch::Matchers::Contains;

namespace {

struct outbox_fixture {
  scoped_environment env{{{"BEVAKA_REGISTRAR_EMAIL", registrar},
                          {"BEVAKA_CONFIG", ""},
                          {"BEVAKA_SMTP_URL", ""},
                          {"BEVAKA_MAIL_DIR", fresh_folder("outbox")}}};
  cli_session cli{"reminder_tests"};
};

std::vector<std::string> field(const std::vector<json>& rows, const std::string& key) {
  std::vector<std::string> values;
  for (const auto& row : rows) values.push_back(row.at(key).get<std::string>());
  return values;
}

// How many reminders are in each state.
std::map<std::string, std::size_t> states(const json& rows) {
  std::map<std::string, std::size_t> found;
  for (const auto& row : rows) ++found[row.at("state").get<std::string>()];
  return found;
}

std::map<std::string, std::size_t> all(const std::string& state, std::size_t n) {
  return {{state, n}};
}

}  // namespace

TEST_CASE_METHOD(outbox_fixture,
                 "Creating a round schedules the default policy for every body: 20, 10 and 3 "
                 "working days before, the day after, and 5 days after to the registrar",
                 "[reminders]") {
  create_annual_report(cli);
  const auto rows = cli.ok({"reminders", report_ref});
  REQUIRE(rows.size() == 5 * committees.size());
  const auto social = rows_of(rows, "Socialnämnden");
  CHECK(field(social, "due_at") ==
        std::vector<std::string>{"2017-03-03T08:00:00+01:00", "2017-03-17T08:00:00+01:00",
                                 "2017-03-28T08:00:00+02:00", "2017-04-03T08:00:00+02:00",
                                 "2017-04-07T08:00:00+02:00"});
  CHECK(field(social, "kind") ==
        std::vector<std::string>{"reminder", "reminder", "reminder", "overdue", "escalation"});
  const auto& first = social.front();
  CHECK(first.at("round") == 1);
  CHECK(first.at("ref") == report_ref);
  CHECK(first.at("to") == json::array({"socialnamnden@example.se"}));
  CHECK(first.at("state") == "scheduled");
  CHECK(first.at("attempts") == 0);
  CHECK(first.at("sent_at").is_null());
  CHECK(social.back().at("to") == json::array({registrar}));
  for (const auto& key :
       {"round", "ref", "body", "to", "due_at", "kind", "state", "attempts", "sent_at"})
    CHECK(first.contains(key));
}

TEST_CASE_METHOD(outbox_fixture,
                 "--remind takes offsets or a policy's name from the configuration, and none",
                 "[reminders]") {
  create_annual_report(cli, {"--remind", "-10,+1"});
  CHECK(cli.ok({"reminders", report_ref}).size() == 2 * committees.size());
  cli.now = "2016-02-26";
  cli.ok({"round", "create", "--kind", "consultation", "--ref", "Kst 2015/503", "--title",
          "Trygghetsskapande program", "--deadline", "2016-04-30", "--to", "Socialnämnden",
          "--remind", "kort"});
  // kort is -5,-1,+1,+5! in config/bevaka.toml
  CHECK(cli.ok({"reminders", "Kst 2015/503"}).size() == 4);
  cli.ok({"round", "create", "--kind", "consultation", "--ref", "Kst 2016/100", "--title",
          "Utan påminnelser", "--deadline", "2016-04-30", "--to", "Socialnämnden", "--remind",
          "none"});
  CHECK(cli.ok({"reminders", "Kst 2016/100"}) == json::array());
}

TEST_CASE_METHOD(outbox_fixture, "A malformed --remind is refused and creates nothing",
                 "[reminders]") {
  cli.ok({"body", "add", "Socialnämnden", "--kind", "committee"});
  const auto refused =
      cli({"round", "create", "--kind", "consultation", "--ref", "Kst 2015/503", "--title", "T",
           "--deadline", "2016-04-30", "--to", "Socialnämnden", "--remind", "-10,tio"});
  CHECK(refused.code == bevaka::cli::exit_bad_input);
  CHECK_THAT(refused.err, Contains("--remind") && Contains("'tio'"));
  CHECK(cli({"round", "show", "Kst 2015/503"}).code == bevaka::cli::exit_not_found);
  CHECK(cli.ok({"reminders"}) == json::array());
}

TEST_CASE_METHOD(outbox_fixture, "A round sent late gets only the reminders still ahead of it",
                 "[reminders]") {
  for (const auto& c : committees)
    cli.ok({"body", "add", c.name, "--kind", "committee", "--email", c.email});
  cli.now = "2017-03-20T12:00";
  cli.ok({"round", "create", "--kind", "annual-report", "--ref", report_ref, "--title",
          report_title, "--deadline", "2017-03-31", "--to", "Socialnämnden"});
  const auto rows = cli.ok({"reminders", report_ref});
  CHECK(field(rows_of(rows, "Socialnämnden"), "due_at") ==
        std::vector<std::string>{"2017-03-28T08:00:00+02:00", "2017-04-03T08:00:00+02:00",
                                 "2017-04-07T08:00:00+02:00"});
}

TEST_CASE_METHOD(outbox_fixture, "A draft round has no reminders until it is sent", "[reminders]") {
  create_annual_report(cli, {"--draft"});
  CHECK(cli.ok({"reminders", report_ref}) == json::array());
  cli.ok({"round", "event", report_ref, "send"});
  CHECK(cli.ok({"reminders", report_ref}).size() == 5 * committees.size());
}

TEST_CASE_METHOD(outbox_fixture,
                 "Submitting and declining cancel a body's open reminders, and only its own",
                 "[reminders]") {
  create_annual_report(cli);
  cli.now = "2017-03-20";
  cli.ok({"assignment", "event", report_ref, "Socialnämnden", "decide"});
  cli.ok({"assignment", "event", report_ref, "Socialnämnden", "submit"});
  cli.ok({"assignment", "event", report_ref, "Kompetensnämnden", "decline"});
  const auto rows = cli.ok({"reminders", report_ref});
  CHECK(states(json(rows_of(rows, "Socialnämnden"))) == all("cancelled", 5));
  CHECK(states(json(rows_of(rows, "Kompetensnämnden"))) == all("cancelled", 5));
  CHECK(states(json(rows_of(rows, "Barn- och ungdomsnämnden"))) == all("scheduled", 5));
  cli.ok({"assignment", "event", report_ref, "Socialnämnden", "register"});
  CHECK(cli.ok({"reminders", report_ref}) == rows);
}

TEST_CASE_METHOD(outbox_fixture, "Withdrawing the round cancels every open reminder",
                 "[reminders]") {
  create_annual_report(cli);
  cli.ok({"round", "event", report_ref, "withdraw"});
  CHECK(states(cli.ok({"reminders", report_ref})) == all("cancelled", 5 * committees.size()));
}

TEST_CASE_METHOD(outbox_fixture,
                 "An extension moves the open reminders to the new deadline; a return schedules "
                 "them for the new one",
                 "[reminders]") {
  create_annual_report(cli);
  cli.now = "2017-03-10";
  cli.ok({"assignment", "event", report_ref, "Barn- och ungdomsnämnden", "extend", "--deadline",
          "2017-04-28"});
  auto rows = rows_of(cli.ok({"reminders", report_ref}), "Barn- och ungdomsnämnden");
  std::vector<std::string> scheduled;
  for (const auto& row : rows)
    if (row.at("state") == "scheduled") scheduled.push_back(row.at("due_at"));
  // 28 April 2017: -10 is 12 April (långfredagen and annandag påsk between), +1 is 2 May
  // (första maj is a holiday).
  CHECK(scheduled ==
        std::vector<std::string>{"2017-03-29T08:00:00+02:00", "2017-04-12T08:00:00+02:00",
                                 "2017-04-25T08:00:00+02:00", "2017-05-02T08:00:00+02:00",
                                 "2017-05-08T08:00:00+02:00"});
  CHECK(std::count_if(rows.begin(), rows.end(),
                      [](const json& r) { return r.at("state") == "cancelled"; }) == 5);

  cli.ok({"assignment", "event", report_ref, "Socialnämnden", "decide"});
  cli.ok({"assignment", "event", report_ref, "Socialnämnden", "submit"});
  cli.now = "2017-04-03";
  cli.ok(
      {"assignment", "event", report_ref, "Socialnämnden", "return", "--deadline", "2017-04-21"});
  rows = rows_of(cli.ok({"reminders", report_ref}), "Socialnämnden");
  scheduled.clear();
  for (const auto& row : rows)
    if (row.at("state") == "scheduled") scheduled.push_back(row.at("due_at"));
  // Sent back on 3 April with a deadline of 21 April: -20 (23 March) has already passed.
  CHECK(scheduled ==
        std::vector<std::string>{"2017-04-05T08:00:00+02:00", "2017-04-18T08:00:00+02:00",
                                 "2017-04-24T08:00:00+02:00", "2017-04-28T08:00:00+02:00"});
}

TEST_CASE_METHOD(outbox_fixture, "A refused event changes no reminder", "[reminders]") {
  create_annual_report(cli);
  const auto before = cli.ok({"reminders"});
  // A committee must decide before it submits.
  CHECK(cli({"assignment", "event", report_ref, "Socialnämnden", "submit"}).code ==
        bevaka::cli::exit_refused);
  CHECK(cli({"assignment", "event", report_ref, "Socialnämnden", "extend", "--deadline",
             "2017-03-01"})
            .code == bevaka::cli::exit_bad_input);
  CHECK(cli.ok({"reminders"}) == before);
}

TEST_CASE_METHOD(outbox_fixture, "reminders of an unknown round is not found", "[reminders]") {
  const auto result = cli({"reminders", "Kst 1999/1"});
  CHECK(result.code == bevaka::cli::exit_not_found);
  CHECK_THAT(result.err, Contains("Kst 1999/1"));
}

TEST_CASE_METHOD(outbox_fixture, "The dispatcher's due-reminder query reads its index",
                 "[reminders]") {
  create_annual_report(cli);
  const auto plan =
      cli.db.store().explain_due_reminders(bevaka::engine::parse_timestamp("2017-03-20")->utc());
  INFO(plan);
  CHECK_THAT(plan, Contains("reminders_due"));
}

TEST_CASE_METHOD(outbox_fixture,
                 "A database from before superseded reminders is refused until init brings it "
                 "forward; a late dispatcher then sends one reminder per assignment",
                 "[reminders]") {
  create_annual_report(cli);
  auto& sql = cli.db.store().session();
  for (const auto* undo :
       {"DROP TABLE case_history", "DELETE FROM schema_migrations WHERE version = 10",
        "DROP INDEX reminders_by_assignment", "DELETE FROM schema_migrations WHERE version = 9"})
    sql << undo;
  cli.now = "2017-03-17T09:00";
  const auto refused = cli({"remind"});
  CHECK(refused.code != 0);
  CHECK_THAT(refused.err, Contains("bevaka init"));
  cli.ok_text({"init"});
  CHECK(cli.ok({"remind"}).size() == committees.size());
  const auto rows = cli.ok({"reminders", report_ref});
  CHECK(states(json(rows_of(rows, "Socialnämnden"))) ==
        std::map<std::string, std::size_t>{{"superseded", 1}, {"sent", 1}, {"scheduled", 3}});
}
