// Budgets through the command line on a real database (SQLite or PostgreSQL): Österåker's
// "BUDGET 2013" of seed 002 imported as it is, broken variants refused by line with nothing
// stored, outcomes recorded against its lines, and the budget shown planned against spent.

#include <soci/soci.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "adapters/cli/exit_codes.hpp"
#include "tests/support/cli_runner.hpp"

using namespace bevaka::testing;
using bevaka::cli::exit_bad_input;
using bevaka::cli::exit_not_found;
using bevaka::cli::exit_refused;
using json = nlohmann::json;
using Catch::Matchers::Contains;

namespace {

const std::string seed_file = BEVAKA_FIXTURES_DIR "/budget/seed-002-budget-2013.txt";
const std::string owner = "Arbetsutskottet";

std::string seed_text() {
  std::ifstream in(seed_file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A fresh database, the clock at the working committee's meeting, and scratch files.
struct budget_session : cli_session {
  budget_session() : cli_session("budget_tests") {
    now = "2013-02-11";
    ok({"body", "add", "Kommunstyrelsen", "--kind", "committee"});
    ok({"group", "add", owner, "--kind", "working-committee", "--coordinator", "Kommunstyrelsen"});
  }
  ~budget_session() {
    std::error_code ignored;
    std::filesystem::remove_all(scratch_, ignored);
  }

  // The seed with `from` replaced by `to`, as a file; its path.
  std::string seed_with(const std::string& from, const std::string& to) {
    auto text = seed_text();
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    std::filesystem::create_directories(scratch_);
    const auto path = (scratch_ / "budget-2013.txt").string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  json import_seed() {
    return ok({"budget", "import", seed_file, "--year", "2013", "--owner", owner});
  }

  // Rows in the budget tables: what a refused command must leave as it was.
  long long stored_rows() {
    long long budgets = 0, lines = 0, events = 0;
    auto& sql = db.store().session();
    sql << "SELECT COUNT(*) FROM budgets", soci::into(budgets);
    sql << "SELECT COUNT(*) FROM budget_lines", soci::into(lines);
    sql << "SELECT COUNT(*) FROM budget_events", soci::into(events);
    return budgets * 1'000'000 + lines * 1'000 + events;
  }

 private:
  std::filesystem::path scratch_ =
      std::filesystem::temp_directory_path() / ("bevaka-budget-" + std::to_string(::getpid()));
};

const json& area_named(const json& budget, const std::string& name) {
  for (const auto& area : budget.at("areas"))
    if (area.at("name") == name) return area;
  FAIL("no area " << name);
  return budget;
}

const json& line_named(const json& area, const std::string& name) {
  for (const auto& line : area.at("lines"))
    if (line.at("name") == name) return line;
  FAIL("no line " << name);
  return area;
}

// A refusal: its code, one line on stderr naming `mentions`, nothing on stdout.
void check_refusal(const cli_result& result, int code, const std::vector<std::string>& mentions) {
  INFO("stdout: " << result.out << "\nstderr: " << result.err);
  CHECK(result.code == code);
  CHECK(result.out.empty());
  CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
  for (const auto& m : mentions) CHECK_THAT(result.err, Contains(m));
}

}  // namespace

TEST_CASE("The seed's budget imports as three areas adding up to 500 000 kronor", "[budget][cli]") {
  budget_session cli;
  const auto imported = cli.import_seed();
  CHECK(imported.at("year") == 2013);
  CHECK(imported.at("owner") == owner);
  CHECK(imported.at("total") == 500'000);
  CHECK(imported.at("spent") == 0);
  REQUIRE(imported.at("areas").size() == 3);
  const std::vector<std::pair<std::string, long long>> areas{
      {"BROTTSFÖREBYGGANDE", 175'000}, {"DROGFÖREBYGGANDE", 200'000}, {"LOKAL SAMVERKAN", 125'000}};
  for (std::size_t i = 0; i < areas.size(); ++i) {
    const auto& area = imported.at("areas")[i];
    CHECK(area.at("name") == areas[i].first);
    CHECK(area.at("planned") == areas[i].second);
    CHECK(area.at("spent") == 0);
  }
  const auto& crime = imported.at("areas")[0];
  REQUIRE(crime.at("lines").size() == 6);
  CHECK(crime.at("lines")[0] ==
        json({{"name", "BF vecka"}, {"planned", 30'000}, {"spent", 0}, {"note", nullptr}}));
  CHECK(line_named(crime, "Trygghetsskapande åtgärder").at("note") ==
        "(t.ex. upp/siktröjning, klotter)");
  CHECK(imported.at("areas")[1].at("lines").size() == 5);
  CHECK(imported.at("areas")[2].at("lines").size() == 5);
  // What `show` prints is what the import stored.
  CHECK(cli.ok({"budget", "show", "--year", "2013"}) == imported);
}

TEST_CASE("A wrong SUMMA is refused with its line and both sums, and nothing is stored",
          "[budget][cli]") {
  budget_session cli;
  const auto file = cli.seed_with("SUMMA 200 000", "SUMMA 210 000");
  check_refusal(cli({"budget", "import", file, "--year", "2013", "--owner", owner}), exit_bad_input,
                {file + ":24:", "SUMMA 210 000", "DROGFÖREBYGGANDE", "200 000"});
  CHECK(cli.stored_rows() == 0);
  check_refusal(cli({"budget", "show", "--year", "2013"}), exit_not_found, {"2013"});
}

TEST_CASE("A wrong TOTAL SUMMA is refused with its line and both sums", "[budget][cli]") {
  budget_session cli;
  const auto file = cli.seed_with("TOTAL SUMMA 500 000", "TOTAL SUMMA 550 000");
  check_refusal(cli({"budget", "import", file, "--year", "2013", "--owner", owner}), exit_bad_input,
                {file + ":36:", "TOTAL SUMMA 550 000", "500 000"});
  CHECK(cli.stored_rows() == 0);
}

TEST_CASE("An amount with letters and a line outside any heading are refused by line",
          "[budget][cli]") {
  budget_session cli;
  const auto letters = cli.seed_with("Krogar mot Knark\t10 000", "Krogar mot Knark\ttio tusen");
  check_refusal(cli({"budget", "import", letters, "--year", "2013", "--owner", owner}),
                exit_bad_input, {letters + ":20:", "'tio tusen' is not an amount"});
  const auto outside = cli.seed_with("SUMMA 125 000\n", "SUMMA 125 000\nKonsulter\t20 000\n");
  check_refusal(cli({"budget", "import", outside, "--year", "2013", "--owner", owner}),
                exit_bad_input, {outside + ":35:", "'Konsulter' is outside any heading"});
  CHECK(cli.stored_rows() == 0);
}

TEST_CASE("A year's budget is imported once; a second import is refused and changes nothing",
          "[budget][cli]") {
  budget_session cli;
  cli.import_seed();
  cli.ok({"budget", "spend", "--year", "2013", "--line", "Grannsamverkan", "--amount", "4 000"});
  const auto before = cli.stored_rows();
  check_refusal(cli({"budget", "import", seed_file, "--year", "2013", "--owner", owner}),
                exit_refused, {"2013 is already imported", owner});
  CHECK(cli.stored_rows() == before);
  CHECK(cli.ok({"budget", "show", "--year", "2013"}).at("spent") == 4'000);
  // Another year is another budget.
  CHECK(cli.ok({"budget", "import", seed_file, "--year", "2014", "--owner", owner}).at("total") ==
        500'000);
}

TEST_CASE("A budget's owner is a group of the programme; an unknown one is refused",
          "[budget][cli]") {
  budget_session cli;
  check_refusal(cli({"budget", "import", seed_file, "--year", "2013", "--owner", "Rådet"}),
                exit_not_found, {"Rådet"});
  CHECK(cli.stored_rows() == 0);
  CHECK(cli.import_seed().at("owner") == owner);
}

TEST_CASE("Outcomes are recorded against lines and summed by line, area and budget",
          "[budget][cli]") {
  budget_session cli;
  cli.import_seed();
  cli.now = "2013-04-20";
  const auto walk =
      cli.ok({"budget", "spend", "--year", "2013", "--line", "trygghetsvandringar", "--amount",
              "12 500", "--note", "Trygghetsvandring Åkersberga", "--by", "Trygghetssamordnaren"});
  CHECK(walk == json({{"year", 2013},
                      {"area", "BROTTSFÖREBYGGANDE"},
                      {"line", "Trygghetsvandringar"},
                      {"amount", 12'500},
                      {"note", "Trygghetsvandring Åkersberga"},
                      {"planned", 25'000},
                      {"spent", 12'500}}));
  cli.ok({"budget", "spend", "--year", "2013", "--line", "Trygghetsvandringar", "--amount",
          "15 000"});  // over the line's budget: recorded, and shown as it is
  cli.ok({"budget", "spend", "--year", "2013", "--line", "Drogvaneundersökning", "--amount",
          "98 000"});
  const auto shown = cli.ok({"budget", "show", "--year", "2013"});
  CHECK(shown.at("spent") == 125'500);
  CHECK(shown.at("total") == 500'000);
  const auto& crime = area_named(shown, "BROTTSFÖREBYGGANDE");
  CHECK(crime.at("spent") == 27'500);
  CHECK(line_named(crime, "Trygghetsvandringar").at("spent") == 27'500);
  CHECK(line_named(crime, "Trygghetsvandringar").at("planned") == 25'000);
  CHECK(area_named(shown, "DROGFÖREBYGGANDE").at("spent") == 98'000);
  CHECK(area_named(shown, "LOKAL SAMVERKAN").at("spent") == 0);

  // Each outcome is an event with its actor, time and note.
  long long events = 0;
  std::string actor, at, note;
  auto& sql = cli.db.store().session();
  sql << "SELECT COUNT(*) FROM budget_events WHERE event = 'spend'", soci::into(events);
  sql << "SELECT actor, at, note FROM budget_events WHERE event = 'spend' ORDER BY id",
      soci::into(actor), soci::into(at), soci::into(note);
  CHECK(events == 3);
  CHECK(actor == "Trygghetssamordnaren");
  CHECK(at.starts_with("2013-04-20T00:00:00"));
  CHECK(note == "Trygghetsvandring Åkersberga");
}

TEST_CASE("A line name in two areas needs --area, and the refusal names both areas",
          "[budget][cli]") {
  budget_session cli;
  cli.import_seed();
  const auto before = cli.stored_rows();
  check_refusal(cli({"budget", "spend", "--year", "2013", "--line", "Information och Kampanjer",
                     "--amount", "3 000"}),
                exit_bad_input,
                {"'Information och Kampanjer'", "BROTTSFÖREBYGGANDE, DROGFÖREBYGGANDE", "--area"});
  CHECK(cli.stored_rows() == before);
  const auto spent =
      cli.ok({"budget", "spend", "--year", "2013", "--line", "Information och Kampanjer", "--area",
              "Drogförebyggande", "--amount", "3 000"});
  CHECK(spent.at("area") == "DROGFÖREBYGGANDE");
  const auto shown = cli.ok({"budget", "show", "--year", "2013"});
  CHECK(
      line_named(area_named(shown, "DROGFÖREBYGGANDE"), "Information och Kampanjer").at("spent") ==
      3'000);
  CHECK(line_named(area_named(shown, "BROTTSFÖREBYGGANDE"), "Information och Kampanjer")
            .at("spent") == 0);
}

TEST_CASE("Spending refuses unknown budgets, lines and areas, and amounts that are not kronor",
          "[budget][cli]") {
  budget_session cli;
  check_refusal(
      cli({"budget", "spend", "--year", "2013", "--line", "Grannsamverkan", "--amount", "100"}),
      exit_not_found, {"2013"});
  cli.import_seed();
  const auto before = cli.stored_rows();
  check_refusal(
      cli({"budget", "spend", "--year", "2013", "--line", "Hundpatrull", "--amount", "100"}),
      exit_not_found, {"'Hundpatrull'"});
  check_refusal(cli({"budget", "spend", "--year", "2013", "--line", "Grannsamverkan", "--area",
                     "LOKAL SAMVERKAN", "--amount", "100"}),
                exit_not_found, {"'Grannsamverkan'", "LOKAL SAMVERKAN"});
  check_refusal(cli({"budget", "spend", "--year", "2013", "--line", "Grannsamverkan", "--area",
                     "KULTUR", "--amount", "100"}),
                exit_not_found, {"no area 'KULTUR'"});
  for (const auto* amount : {"1 500,50", "tusen", "10 00", "0"})
    check_refusal(
        cli({"budget", "spend", "--year", "2013", "--line", "Grannsamverkan", "--amount", amount}),
        exit_bad_input, {});
  // A correction may take back what was spent, not more.
  cli.ok({"budget", "spend", "--year", "2013", "--line", "Grannsamverkan", "--amount", "2 000"});
  check_refusal(
      cli({"budget", "spend", "--year", "2013", "--line", "Grannsamverkan", "--amount", "-2 500"}),
      exit_bad_input, {"-500"});
  CHECK(cli.ok({"budget", "spend", "--year", "2013", "--line", "Grannsamverkan", "--amount",
                "-2 000", "--note", "fel rad"})
            .at("spent") == 0);
  CHECK(cli.stored_rows() == before + 2);
}

TEST_CASE("The budget as CSV: one row per line", "[budget][cli]") {
  budget_session cli;
  cli.import_seed();
  const auto csv = cli({"budget", "show", "--year", "2013", "--format", "csv"});
  REQUIRE(csv.code == 0);
  CHECK(
      csv.out.starts_with("area,line,planned,spent,note\r\n"
                          "BROTTSFÖREBYGGANDE,BF vecka,30000,0,\r\n"));
  CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') == 1 + 16);
}
