// Several engine processes on one PostgreSQL database (as a national service runs them; SQLite
// lets one process claim at a time): three real `bevaka remind` processes share 10,000 due
// reminders through FOR UPDATE SKIP LOCKED. Each assignment has two due at once, so each sends
// the later and supersedes the earlier; a real SMTP server on 127.0.0.1 gets each of the 5,000
// later ones exactly once.

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <set>

#include "engine/cases/commands.hpp"
#include "tests/reminders/reminder_scenario.hpp"
#include "tests/support/catch_outcome.hpp"
#include "tests/support/smtp_sink.hpp"

using namespace bevaka;
using namespace bevaka::testing;
using json = nlohmann::json;

namespace {

constexpr int bodies = 1000;
constexpr int rounds = 5;
constexpr int processes = 3;

// 1,000 committees in five rounds due 31 March 2017, each with two reminders in the last days
// before it.
void schedule_ten_thousand(cli_session& cli) {
  const auto added = engine::in_transaction(cli.db.store(), [&](engine::store_transaction& tx) {
    for (int i = 0; i < bodies; ++i) {
      const auto b = engine::add_body(tx.cases(), {fmt::format("Nämnd {:04}", i),
                                                   engine::body_kind::committee,
                                                   {fmt::format("namnd{:04}@example.se", i)}});
      if (!b) return engine::outcome<void>(b.error());
    }
    return engine::outcome<void>();
  });
  REQUIRE(added);
  cli.now = "2017-02-01";
  for (int r = 0; r < rounds; ++r) {
    const auto created =
        cli({"round", "create", "--kind", "annual-report", "--ref",
             fmt::format("Kst 2017/{}", 84 + r), "--title", report_title, "--deadline",
             "2017-03-31", "--to-all", "committee", "--remind", "-2,-1"});
    REQUIRE(created.code == 0);
  }
}

// Starts the processes together and waits for all; true when every one exited 0.
bool run_remind_processes(const std::string& db_url, const std::string& dir) {
  std::string script = "s=0\n";
  for (int p = 0; p < processes; ++p)
    script += fmt::format(
        "\"{}\" --db '{}' --now 2017-03-31T09:00 remind >'{}/out{}' 2>'{}/err{}' & p{}=$!\n",
        BEVAKA_BINARY, db_url, dir, p, dir, p, p);
  for (int p = 0; p < processes; ++p) script += fmt::format("wait $p{} || s=1\n", p);
  script += "exit $s\n";
  std::ofstream(dir + "/run.sh") << script;
  return std::system(("/bin/sh " + dir + "/run.sh").c_str()) == 0;
}

}  // namespace

TEST_CASE(
    "Three bevaka remind processes on one database deliver the latest of 10,000 due reminders "
    "for each of 5,000 assignments exactly once, and supersede the rest",
    "[reminders][smtp][postgresql]") {
  scoped_environment env{{{"BEVAKA_REGISTRAR_EMAIL", registrar}, {"BEVAKA_CONFIG", ""}}};
  smtp_sink server("processes");
  env.set("BEVAKA_SMTP_URL", server.url());
  cli_session cli{"reminder_process_tests"};
  schedule_ten_thousand(cli);
  constexpr int assignments = rounds * bodies;

  const auto dir = fresh_folder("processes");
  INFO("their output is in " << dir);
  REQUIRE(run_remind_processes(cli.db.url(), dir));

  std::size_t reported = 0;
  for (int p = 0; p < processes; ++p) {
    std::ifstream out(fmt::format("{}/out{}", dir, p));
    const auto handled = json::parse(out);
    for (const auto& row : handled) {
      CHECK(row.at("state") == "sent");
      CHECK(row.at("due_at") == "2017-03-30T08:00:00+02:00");
    }
    reported += handled.size();
  }
  CHECK(reported == assignments);
  std::multiset<std::string> ids;
  for (const auto& m : server.messages()) ids.insert(m.at("message_id").get<std::string>());
  CHECK(ids.size() == assignments);
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == assignments);
  const auto rows = cli.ok({"reminders"});
  const auto in_state = [&](const std::string& state) {
    return std::count_if(rows.begin(), rows.end(),
                         [&](const json& r) { return r.at("state") == state; });
  };
  CHECK(in_state("sent") == assignments);
  CHECK(in_state("superseded") == assignments);
}
