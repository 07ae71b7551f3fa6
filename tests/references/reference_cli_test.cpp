// Reference numbers (diarienummer) through the command line on a real database (SQLite or
// PostgreSQL): rounds found in any case and spacing, duplicates that differ only so, the
// configured patterns, and the key filled in for rounds that existed before it.

#include <soci/soci.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "adapters/cli/exit_codes.hpp"
#include "tests/support/cli_runner.hpp"

using namespace bevaka::testing;
using bevaka::cli::exit_bad_input;
using bevaka::cli::exit_ok;
using bevaka::cli::exit_refused;
using json = nlohmann::json;
using Catch::Matchers::Contains;

namespace {

// Järfälla's consultation of seed 001 on a fresh database.
struct reference_session : cli_session {
  reference_session() : cli_session("reference_tests") {
    now = "2016-02-26";
    ok({"body", "add", "Socialnämnden", "--kind", "committee", "--email",
        "socialnamnden@example.se"});
  }

  cli_result create(const std::string& ref) const {
    return (*this)({"round", "create", "--kind", "consultation", "--ref", ref, "--title",
                    "Trygghetsskapande program för Järfälla kommun", "--deadline", "2016-04-30",
                    "--to", "Socialnämnden", "--remind", "none"});
  }

  long long round_count() {
    long long count = 0;
    db.store().session() << "SELECT COUNT(*) FROM rounds", soci::into(count);
    return count;
  }
};

// BEVAKA_CONFIG names a configuration with the four municipalities' patterns while it lives.
class configured_patterns {
 public:
  configured_patterns() {
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "bevaka.toml") << R"([references.patterns]
"Järfälla" = "{series} {year}/{number}"
"Österåker" = "{series} {year}/{number}[-{sub}]"
"Borås" = ["{year}/{series}{number}[ {sub}]"]
"Exempelkommun" = "{series}-{year}/{number}[.{sub}]"
)";
    ::setenv("BEVAKA_CONFIG", (dir_ / "bevaka.toml").c_str(), 1);
  }
  ~configured_patterns() {
    ::unsetenv("BEVAKA_CONFIG");
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  configured_patterns(const configured_patterns&) = delete;
  configured_patterns& operator=(const configured_patterns&) = delete;

 private:
  std::filesystem::path dir_ =
      std::filesystem::temp_directory_path() / ("bevaka-references-" + std::to_string(::getpid()));
};

}  // namespace

TEST_CASE("A round is found by its reference number in any case and spacing", "[references][cli]") {
  reference_session cli;
  REQUIRE(cli.create("Kst 2015/503").code == exit_ok);
  for (const auto* typed : {"kst 2015/503", "KST 2015/503", "Kst  2015/503", " kst\t2015/503 "}) {
    INFO(typed);
    const auto shown = cli.ok({"round", "show", typed});
    CHECK(shown.at("ref") == "Kst 2015/503");  // shown as written
  }
  // The assignment's fast path (reference and body name in one read) finds it too.
  const auto started = cli.ok({"assignment", "event", "kst 2015/503", "Socialnämnden", "start"});
  CHECK(started.at("state") == "drafting");
  CHECK(cli.ok({"log", "KST 2015/503"}).size() >= 2);
}

TEST_CASE("Swedish letters in a series are found in either case on both backends",
          "[references][cli]") {
  reference_session cli;
  REQUIRE(cli.create("ÖFN 2016/12").code == exit_ok);
  CHECK(cli.ok({"round", "show", "öfn 2016/12"}).at("ref") == "ÖFN 2016/12");
  CHECK(cli.ok({"round", "show", "Öfn 2016/12"}).at("ref") == "ÖFN 2016/12");
}

TEST_CASE("Two rounds whose references differ only in case or spacing are a duplicate",
          "[references][cli]") {
  reference_session cli;
  REQUIRE(cli.create("Kst 2015/503").code == exit_ok);
  for (const auto* again : {"KST 2015/503", "kst  2015/503"}) {
    const auto refused = cli.create(again);
    INFO(refused.err);
    CHECK(refused.code == exit_refused);
    CHECK_THAT(refused.err, Contains("'Kst 2015/503' already exists"));
    CHECK(refused.out.empty());
  }
  CHECK(cli.round_count() == 1);
}

TEST_CASE("With patterns configured, a reference that matches none is refused",
          "[references][cli]") {
  configured_patterns patterns;
  reference_session cli;
  for (const auto* written :
       {"Kst 2015/503", "KS 2012/0477-001", "2017/KS0121 001", "KS-2014/742.912"}) {
    INFO(written);
    const auto created = cli.create(written);
    INFO(created.err);
    REQUIRE(created.code == exit_ok);
    CHECK(json::parse(created.out).at("ref") == written);
  }
  const auto refused = cli.create("Dnr 503/15");
  CHECK(refused.code == exit_bad_input);
  CHECK_THAT(refused.err, Contains("--ref") && Contains("'Dnr 503/15'") &&
                              Contains("{series} {year}/{number}") &&
                              Contains("{year}/{series}{number}[ {sub}]"));
  CHECK(cli.round_count() == 4);
}

TEST_CASE("Without patterns configured, any reference is taken", "[references][cli]") {
  reference_session cli;
  CHECK(cli.create("Dnr 503/15").code == exit_ok);
}

TEST_CASE("Rounds that existed before the reference key get it when the database is upgraded",
          "[references][store]") {
  test_database db("reference_tests");
  auto& sql = db.store().session();
  // Back to schema version 6: the round is stored as an older bevaka stored it.
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
        "DELETE FROM schema_migrations WHERE version = 8", "DROP INDEX rounds_by_ref_key",
        "DROP TABLE budget_events", "DROP TABLE budget_lines", "DROP TABLE budgets",
        "ALTER TABLE rounds DROP COLUMN ref_key",
        "DELETE FROM schema_migrations WHERE version = 7"})
    sql << undo;
  sql << "INSERT INTO rounds (kind, ref, title, state, nominal_deadline, deadline, "
         "deadline_reason, shift_deadlines, version) VALUES ('consultation', 'ÖFN 2016/12', "
         "'Remiss', 'sent', '2016-04-30', '2016-05-02', '', 1, 0)";
  CHECK(db.store().migrate() == std::vector<int>{7, 8, 9, 10});
  std::string key;
  sql << "SELECT ref_key FROM rounds", soci::into(key);
  CHECK(key == "öfn2016/12");
  const auto shown = run_cli({"--db", db.url(), "round", "show", "öfn 2016/12"});
  INFO(shown.err);
  CHECK(shown.code == exit_ok);
}

TEST_CASE("Finding a round by its reference key reads the key's index", "[references][store]") {
  test_database db("reference_tests");
  auto& sql = db.store().session();
  // With an empty table PostgreSQL's planner would pick a sequential scan whatever the indexes.
  if (db.is_postgresql()) sql << "SET enable_seqscan = off";
  const std::string query = "SELECT id FROM rounds WHERE ref_key = 'kst2015/503'";
  soci::rowset<soci::row> rows =
      sql.prepare << (db.is_postgresql() ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + query;
  std::string plan;
  for (const auto& row : rows) plan += row.get<std::string>(row.size() - 1) + "\n";
  INFO(plan);
  CHECK(plan.find("rounds_by_ref_key") != std::string::npos);
}
