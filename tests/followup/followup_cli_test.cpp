// The follow-up table through the `bevaka` command line, on a real database (SQLite or
// PostgreSQL, as BEVAKA_TEST_BACKEND says): the seed's table of a Stockholm district (T2 2016,
// return by 18 August 2016) imported, imported again, moved through its lifecycle, and broken
// files refused without a trace.

#include "tests/followup/followup_cli.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace bevaka::testing;
using bevaka::cli::exit_bad_input;
using bevaka::cli::exit_not_found;
using bevaka::cli::exit_refused;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const std::string unit = "Enheten för trygghet";

json item_named(const json& items, std::string_view activity_start) {
  for (const auto& item : items)
    if (item.at("activity").get<std::string>().starts_with(activity_start)) return item;
  FAIL("no item starting with " << activity_start);
  return {};
}

std::string id_of(const json& item) { return std::to_string(item.at("id").get<long long>()); }

}  // namespace

TEST_CASE("the seed's follow-up table imports as it is: 4 areas, 30 items, 14 incomplete",
          "[followup][cli]") {
  followup_cli cli;
  const auto summary =
      cli.ok({"followup", "import", fixture("seed-003-t2-2016.txt"), "--unit", unit});
  CHECK(summary.at("areas") == 4);
  CHECK(summary.at("items") == 30);
  CHECK(summary.at("incomplete") == 14);
  CHECK(summary.at("created") == 30);
  CHECK(summary.at("work_period") == "2016H1");
  CHECK(summary.at("plan_period") == "2016H2");

  const auto areas = cli.ok({"followup", "areas", "--unit", unit});
  REQUIRE(areas.size() == 4);
  CHECK(areas[1].at("area") == "Akut hantering av händelser");
  CHECK(areas[1].at("items") == 0);

  const auto items = cli.ok({"followup", "list"});
  REQUIRE(items.size() == 30);
  for (const auto* key : {"id", "unit", "area", "activity", "description", "expected_result",
                          "evaluation_method", "category", "state", "incomplete", "reports"})
    CHECK(items[0].contains(key));
  const auto first = item_named(items, "sociala insatsgrupper");
  CHECK(first.at("unit") == unit);
  CHECK(first.at("state") == "ongoing");
  CHECK(first.at("reports") == json::parse(R"([{"period":"2016H1","text":"Fn 14 inskrivna"}])"));
  CHECK(first.at("plans")[0].at("period") == "2016H2");
  CHECK(item_named(items, "Riktade föreningsbidrag").at("incomplete") == true);
  CHECK(item_named(items, "Riktade föreningsbidrag").at("state") == "proposed");
  CHECK(item_named(items, "Undersöka förutsättningarna").at("state") == "planned");
}

TEST_CASE("importing the same table again changes nothing and records nothing", "[followup][cli]") {
  followup_cli cli;
  cli.ok({"followup", "import", fixture("seed-003-t2-2016.txt"), "--unit", unit});
  const auto before = cli.ok({"followup", "list"});
  const auto events_before = cli.event_count();
  const auto again =
      cli.ok({"followup", "import", fixture("seed-003-t2-2016.txt"), "--unit", unit});
  CHECK(again.at("created") == 0);
  CHECK(again.at("updated") == 0);
  CHECK(again.at("unchanged") == 30);
  CHECK(cli.ok({"followup", "list"}) == before);
  CHECK(cli.event_count() == events_before);
}

TEST_CASE("a table imported again updates the items it matches and records the differences",
          "[followup][cli]") {
  followup_cli cli;
  cli.ok({"followup", "import", fixture("excel-semicolon-utf8-bom-crlf.csv"), "--unit", unit});
  auto text = read_file(fixture("excel-semicolon-utf8-bom-crlf.csv"));
  const std::string old_work = "-Kartläggning av civila samhällets behov";
  text.replace(text.find(old_work), old_work.size(), "Kartläggning klar i maj");
  const std::string empty_row = "Riktade föreningsbidrag;;";
  text.replace(text.find(empty_row), empty_row.size(), "Riktade föreningsbidrag;Bidrag;");
  const auto changed = cli.write_temp("changed.csv", text);
  const auto summary = cli.ok({"followup", "import", changed, "--unit", unit});
  CHECK(summary.at("created") == 0);
  CHECK(summary.at("updated") == 2);
  CHECK(summary.at("unchanged") == 2);

  const auto items = cli.ok({"followup", "list", "--unit", unit});
  const auto quiet = item_named(items, "\"Mobilisera den tysta majoriteten\"");
  CHECK(quiet.at("reports")[0].at("text") == "Kartläggning klar i maj");
  const auto log = cli.ok({"followup", "log", id_of(quiet)});
  REQUIRE(log.back().at("event") == "update");
  CHECK(log.back().at("payload").at("changes") ==
        json::parse(R"([{"field":"report","period":"2016H1",
                         "from":"-Kartläggning av civila samhällets behov",
                         "to":"Kartläggning klar i maj"}])"));
  CHECK_THAT(log.back().at("note").get<std::string>(), Contains("changed.csv:10"));

  const auto grants = item_named(items, "Riktade föreningsbidrag");
  CHECK(grants.at("description") == "Bidrag");
  CHECK(grants.at("incomplete") == false);
}

TEST_CASE("the same unit's items are matched; another unit's table makes items of its own",
          "[followup][cli]") {
  followup_cli cli;
  cli.ok({"followup", "import", fixture("excel-semicolon-utf8-bom-crlf.csv"), "--unit", unit});
  const auto other = cli.ok({"followup", "import", fixture("libreoffice-comma-windows-1252.csv"),
                             "--unit", "Fältassistenterna"});
  CHECK(other.at("created") == 4);
  CHECK(cli.ok({"followup", "list"}).size() == 8);
  CHECK(cli.ok({"followup", "list", "--unit", "Fältassistenterna"}).size() == 4);
}

TEST_CASE("broken files are refused with file:line and leave the database as it was",
          "[followup][cli]") {
  followup_cli cli;
  cli.ok({"followup", "import", fixture("seed-003-t2-2016.txt"), "--unit", unit});
  const auto before = cli.ok({"followup", "list"});
  const auto areas_before = cli.ok({"followup", "areas"});
  const auto events_before = cli.event_count();
  const std::vector<std::pair<std::string, std::string>> broken{
      {"broken-wrong-columns.csv", ":3: unknown column 'Ansvarig'"},
      {"broken-truncated-quote.csv", ":11: a quoted cell opened here is never closed"},
      {"broken-bad-utf8.csv", ":11: the text is UTF-8 but byte 0xF6 is not"},
      {"broken-undefined-windows-1252.csv", ":11: byte 0x81 is neither UTF-8 nor Windows-1252"},
  };
  for (const auto& [name, message] : broken) {
    INFO(name);
    const auto result = cli({"followup", "import", fixture(name), "--unit", unit});
    CHECK(result.code == exit_bad_input);
    CHECK_THAT(result.err, StartsWith("bevaka: " + fixture(name) + message));
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
  }
  // Found only while writing: the rows before it would have been written.
  auto text = read_file(fixture("excel-semicolon-utf8-bom-crlf.csv"));
  text += "Förebyggande;Riktade föreningsbidrag;;;;;\r\n";
  const auto twice = cli.write_temp("twice.csv", text);
  const auto result = cli({"followup", "import", twice, "--unit", "Ny enhet"});
  CHECK(result.code == exit_bad_input);
  CHECK_THAT(result.err, Contains("twice.csv:11: the activity 'Riktade föreningsbidrag' in area "
                                  "'Förebyggande' is already on line 8"));
  CHECK(cli.ok({"followup", "list"}) == before);
  CHECK(cli.ok({"followup", "areas"}) == areas_before);
  CHECK(cli.event_count() == events_before);
  CHECK(cli({"followup", "import", fixture("no-such.csv")}).code == exit_not_found);
}

TEST_CASE("an action item goes from proposed through one report per half-year to evaluated",
          "[followup][cli]") {
  followup_cli cli;
  cli.ok({"followup", "import", fixture("seed-003-t2-2016.txt"), "--unit", unit});
  const auto id = id_of(item_named(cli.ok({"followup", "list"}), "Riktade föreningsbidrag"));
  CHECK(
      cli.ok({"followup", "event", id, "plan", "--text", "Ansökan öppnar i oktober"}).at("state") ==
      "planned");
  CHECK(cli.ok({"followup", "event", id, "start"}).at("state") == "ongoing");
  const auto reported = cli.ok(
      {"followup", "event", id, "report", "--text", "Tre föreningar fick bidrag för nattvandring"});
  CHECK(
      reported.at("reports") ==
      json::parse(R"([{"period":"2016H2","text":"Tre föreningar fick bidrag för nattvandring"}])"));

  const auto twice = cli({"followup", "event", id, "report", "--text", "igen"});
  CHECK(twice.code == exit_refused);
  CHECK_THAT(twice.err, Contains("is ongoing: 'report' refused: this half-year already has a "
                                 "progress report"));
  CHECK(cli({"followup", "event", id, "report"}).code == exit_bad_input);
  CHECK(cli({"followup", "event", id, "report", "--period", "2016H3", "--text", "x"}).code ==
        exit_bad_input);
  CHECK(cli.ok({"followup", "event", id, "report", "--period", "2017H1", "--text", "Fyra"})
            .at("reports")
            .size() == 2);

  CHECK(cli.ok({"followup", "event", id, "complete"}).at("state") == "completed");
  const auto no_method = cli({"followup", "event", id, "evaluate", "--text", "Bra"});
  CHECK(no_method.code == exit_refused);
  CHECK_THAT(no_method.err, Contains("evaluation needs an evaluation method and a result"));
  cli.ok({"followup", "set", id, "--evaluation-method", "Enkät till föreningarna"});
  CHECK(cli({"followup", "event", id, "evaluate"}).code == exit_refused);
  const auto evaluated = cli.ok({"followup", "event", id, "evaluate", "--text", "Fler vuxna ute"});
  CHECK(evaluated.at("state") == "evaluated");
  CHECK(evaluated.at("evaluation_result") == "Fler vuxna ute");

  const auto ended = cli({"followup", "event", id, "cancel"});
  CHECK(ended.code == exit_refused);
  CHECK_THAT(ended.err, Contains("is evaluated: 'cancel' is not accepted there; it accepts "
                                 "nothing more"));
  const auto log = cli.ok({"followup", "log", id});
  std::vector<std::string> events;
  for (const auto& e : log) events.push_back(e.at("event"));
  CHECK(events == std::vector<std::string>{"import", "plan", "start", "report", "report",
                                           "complete", "set", "evaluate"});
  CHECK(cli({"followup", "event", "999", "start"}).code == exit_not_found);
  CHECK(cli({"followup", "event", id, "finish"}).code == exit_bad_input);
}

TEST_CASE("the list answers which items lack an evaluation method and who has not reported",
          "[followup][cli]") {
  followup_cli cli;
  cli.ok({"followup", "import", fixture("seed-003-t2-2016.txt"), "--unit", unit});
  const auto items = cli.ok({"followup", "list"});
  // Read from the file: 9 rows have a Mätmetod, 21 do not.
  CHECK(cli.ok({"followup", "list", "--missing", "evaluation"}).size() == 21);
  // Ongoing with work done jan-juni: every one reported 2016H1, none yet 2016H2.
  const auto ongoing = std::count_if(items.begin(), items.end(),
                                     [](const json& i) { return i.at("state") == "ongoing"; });
  CHECK(ongoing == 10);  // the rows with work done jan-juni 2016
  CHECK(cli.ok({"followup", "list", "--missing", "report", "--period", "2016H1"}).empty());
  CHECK(cli.ok({"followup", "list", "--missing", "report"}).size() == 10);  // now: 2016H2
  const auto id = id_of(item_named(items, "trygghetsvandringar"));
  cli.ok({"followup", "event", id, "report", "--text", "Vandring i Rågsved med MTR"});
  CHECK(cli.ok({"followup", "list", "--missing", "report"}).size() == 9);

  cli.ok({"followup", "set", id, "--category", "Minska tillfällen till brott"});
  const auto by_category = cli.ok({"followup", "list", "--category", "reduce-opportunities"});
  REQUIRE(by_category.size() == 1);
  CHECK(by_category[0].at("category") == "reduce-opportunities");
  CHECK(cli.ok({"followup", "list", "--area", "Politiska åtgärder"}).size() == 7);
  CHECK(cli({"followup", "set", id, "--category", "mer ljus"}).code == exit_bad_input);
}

TEST_CASE("a table exported as CSV and imported again changes nothing", "[followup][cli]") {
  followup_cli cli;
  cli.ok({"followup", "import", fixture("seed-003-t2-2016.txt"), "--unit", unit});
  const auto items = cli.ok({"followup", "list"});
  cli.ok({"followup", "set", id_of(item_named(items, "trygghetsvandringar")), "--category",
          "reduce-opportunities"});
  const auto before = cli.ok({"followup", "list"});
  const auto areas_before = cli.ok({"followup", "areas"});
  const auto events_before = cli.event_count();

  const auto csv = cli.scratch("uppfoljning.csv");
  const auto exported =
      cli.ok({"followup", "export", "--format", "csv", "--output", csv, "--unit", unit});
  CHECK(exported.at("items") == 30);
  CHECK(exported.at("work_period") == "2016H1");
  const auto written = read_file(csv);
  CHECK_THAT(written, StartsWith("\xEF\xBB\xBF"
                                 "Område/typ aktivitet;Aktivitet;Beskrivning;Förväntat resultat;"
                                 "Arbete jan-juni 2016;Plan för juli-dec 2016 vad och när;"
                                 "Mätmetod - Utvärdering;Kategori\r\n"));
  CHECK_THAT(written, Contains("\r\nAkut hantering av händelser;;;;;;;\r\n"));

  const auto again = cli.ok({"followup", "import", csv, "--unit", unit});
  CHECK(again.at("created") == 0);
  CHECK(again.at("updated") == 0);
  CHECK(again.at("unchanged") == 30);
  CHECK(again.at("areas") == 4);
  CHECK(cli.ok({"followup", "list"}) == before);
  CHECK(cli.ok({"followup", "areas"}) == areas_before);
  CHECK(cli.event_count() == events_before);

  const auto second = cli.scratch("igen.csv");
  cli.ok({"followup", "export", "--format", "csv", "--output", second, "--unit", unit});
  CHECK(read_file(second) == written);
}

TEST_CASE("the export's half-years follow the reports, or --period", "[followup][cli]") {
  followup_cli cli;
  cli.ok({"followup", "import", fixture("seed-003-t2-2016.txt"), "--unit", unit});
  const auto csv = cli.scratch("t2.csv");
  const auto exported =
      cli.ok({"followup", "export", "--format", "csv", "--output", csv, "--period", "2016H2"});
  CHECK(exported.at("unit") == unit);
  CHECK(exported.at("plan_period") == "2017H1");
  CHECK_THAT(read_file(csv), Contains(";Arbete juli-dec 2016;Plan för jan-juni 2017 vad och när;"));

  const auto id = id_of(item_named(cli.ok({"followup", "list"}), "trygghetsvandringar"));
  cli.ok({"followup", "event", id, "report", "--text", "Vandring i Rågsved med MTR"});
  CHECK(cli.ok({"followup", "export", "--format", "csv", "--output", csv}).at("work_period") ==
        "2016H2");
  CHECK_THAT(read_file(csv), Contains(";Vandring i Rågsved med MTR;"));
}

TEST_CASE("an export names its unit when there are several, and needs a table", "[followup][cli]") {
  followup_cli cli;
  const auto csv = cli.scratch("x.csv");
  CHECK(cli({"followup", "export", "--format", "csv", "--output", csv}).code == exit_not_found);
  cli.ok({"followup", "import", fixture("excel-semicolon-utf8-bom-crlf.csv"), "--unit", unit});
  cli.ok({"followup", "import", fixture("excel-semicolon-utf8-bom-crlf.csv"), "--unit",
          "Fältassistenterna"});
  const auto several = cli({"followup", "export", "--format", "csv", "--output", csv});
  CHECK(several.code == exit_bad_input);
  CHECK_THAT(several.err, Contains("the items belong to 2 units"));
  CHECK(cli({"followup", "export", "--format", "csv", "--output", csv, "--unit", "Ingen"}).code ==
        exit_not_found);
  CHECK(cli({"followup", "export", "--format", "csv", "--output", cli.scratch("no/such/dir.csv"),
             "--unit", unit})
            .code == exit_bad_input);
}

TEST_CASE("an XLSX export is a workbook with the table's sheet", "[followup][cli]") {
  followup_cli cli;
  cli.ok({"followup", "import", fixture("seed-003-t2-2016.txt"), "--unit", unit});
  const auto xlsx = cli.scratch("uppfoljning.xlsx");
  cli.ok({"followup", "export", "--format", "xlsx", "--output", xlsx, "--unit", unit});
  const auto bytes = read_file(xlsx);
  CHECK_THAT(bytes, StartsWith("PK\x03\x04"));
  CHECK_THAT(bytes, Contains("xl/worksheets/sheet1.xml"));
  CHECK(cli({"followup", "export", "--format", "pdf", "--output", xlsx}).code == exit_bad_input);
}
