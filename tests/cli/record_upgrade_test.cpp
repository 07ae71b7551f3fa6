// A database written before assignments could end as unanswered, before the first answer was
// kept and before the day a round was sent was stored, carried forward by the migration: the
// rounds keep their states, the assignments their answers, and nobody stays on the overdue list
// of a round whose answers have closed. On SQLite and PostgreSQL.

#include <soci/soci.h>

#include <catch2/catch.hpp>

#include "tests/support/cli_runner.hpp"

using namespace bevaka::testing;
using json = nlohmann::json;

namespace {

const std::string ref = "Kst 2015/503";

json assignment_of(const cli_session& cli, const std::string& body) {
  const auto round = cli.ok({"round", "show", ref});
  for (const auto& a : round.at("assignments"))
    if (a.at("body") == body) return a;
  FAIL("no assignment for " << body);
  return {};
}

// Takes the schema back to version 7 and the data to what that version wrote: the answers
// closed by hand with Polismyndigheten still sent, Socialnämnden's answer returned.
void back_to_version_7(soci::session& sql) {
  sql << "UPDATE rounds SET state = 'answers_closed'";
  sql << "INSERT INTO events (case_kind, case_id, round_id, body_id, event, from_state, "
         "to_state, actor, at, note, payload) SELECT 'round', id, id, NULL, 'close-answers', "
         "'sent', 'answers_closed', 'registrator', '2016-05-20T10:00:00+02:00', '', '{}' "
         "FROM rounds";
  sql << "UPDATE assignments SET state = 'sent', awaiting = 1 WHERE body_id = "
         "(SELECT id FROM bodies WHERE name = 'Polismyndigheten')";
  for (const auto* undo :
       {"DROP TABLE case_history", "DELETE FROM schema_migrations WHERE version = 10",
        "DROP INDEX reminders_by_assignment", "DELETE FROM schema_migrations WHERE version = 9",
        "DROP INDEX assignments_extension_requested", "ALTER TABLE rounds DROP COLUMN sent_on",
        "ALTER TABLE assignments DROP COLUMN first_submitted_on",
        "ALTER TABLE assignments DROP COLUMN first_late_by_working_days",
        "ALTER TABLE assignments DROP COLUMN requested_deadline",
        "ALTER TABLE assignments DROP COLUMN request_note",
        "ALTER TABLE assignments DROP COLUMN request_actor",
        "ALTER TABLE assignments DROP COLUMN request_at",
        "DELETE FROM schema_migrations WHERE version = 8"})
    sql << undo;
}

}  // namespace

TEST_CASE("An upgrade ends the open assignments of closed rounds and keeps the first answers",
          "[cli][store]") {
  cli_session cli("record_upgrade_tests");
  cli.now = "2016-02-22";
  cli.ok({"body", "add", "Socialnämnden", "--kind", "company", "--email", "sn@example.se"});
  cli.ok({"body", "add", "Polismyndigheten", "--kind", "authority", "--email", "p@example.se"});
  cli.ok({"round", "create", "--kind", "consultation", "--ref", ref, "--title",
          "Trygghetsskapande program", "--deadline", "2016-04-30", "--to", "Socialnämnden", "--to",
          "Polismyndigheten", "--remind", "-3,+1"});
  cli.ok_text({"assignment", "event", ref, "Socialnämnden", "submit"}, "2016-05-04");
  cli.ok_text({"assignment", "event", ref, "Socialnämnden", "return", "--deadline", "2016-05-20"},
              "2016-05-06");
  back_to_version_7(cli.db.store().session());

  CHECK(cli.db.store().migrate() == std::vector<int>{8, 9, 10});
  cli.now = "2016-06-01";

  const auto round = cli.ok({"round", "show", ref});
  CHECK(round.at("state") == "answers_closed");
  CHECK(round.at("sent_on") == "2016-02-22");
  const auto police = assignment_of(cli, "Polismyndigheten");
  CHECK(police.at("state") == "unanswered");
  const auto social = assignment_of(cli, "Socialnämnden");
  CHECK(social.at("state") == "unanswered");  // returned, and the answers closed without it
  CHECK(social.at("first_submitted_on") == "2016-05-04");
  CHECK(social.at("first_late_by_working_days") == 2);

  // The history is read back from the record: on 3 May both were a day late, and on 6 May
  // Socialnämnden, returned for completion with a new deadline, was not.
  cli.now = "2016-05-03";
  const auto then = cli.ok({"overdue"});
  REQUIRE(then.size() == 2);
  for (const auto& item : then) CHECK(item.at("working_days_overdue") == 1);
  cli.now = "2016-05-06";
  const auto later = cli.ok({"overdue"});
  REQUIRE(later.size() == 1);
  CHECK(later[0].at("body") == "Polismyndigheten");

  cli.now = "2016-06-01";
  for (const auto& item : cli.ok({"overdue"})) CHECK(item.at("body") != "Polismyndigheten");
  const auto log = cli.ok({"log", ref, "Polismyndigheten"});
  CHECK(log.back().at("event") == "close");
  CHECK(log.back().at("to") == "unanswered");
  CHECK(log.back().at("by") == "bevaka");
  for (const auto& reminder : cli.ok({"reminders", ref}))
    if (reminder.at("body") == "Polismyndigheten") CHECK(reminder.at("state") == "cancelled");
}
