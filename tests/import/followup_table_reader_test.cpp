// Reading follow-up tables as departments send them back: the real table of seed 003, the same
// rows as Excel and LibreOffice write them, and broken files that must be refused by line.

#include "adapters/import/followup_table_reader.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "adapters/import/cell_text.hpp"
#include "adapters/import/delimited_text.hpp"
#include "tests/support/catch_outcome.hpp"

using namespace bevaka;
using engine::half_year;

namespace {

const std::string fixtures = BEVAKA_FIXTURES_DIR "/followup/";

engine::outcome<engine::imported_table> read_fixture(const std::string& name,
                                                     std::optional<half_year> period = {}) {
  return import::read_followup_file(fixtures + name, period);
}

const engine::imported_row& row_named(const engine::imported_table& table,
                                      std::string_view activity_start) {
  const auto it = std::find_if(table.rows.begin(), table.rows.end(), [&](const auto& row) {
    return row.activity.starts_with(activity_start);
  });
  REQUIRE(it != table.rows.end());
  return *it;
}

bool only_a_name(const engine::imported_row& row) {
  return row.description.empty() && row.expected_result.empty() && row.work.empty() &&
         row.plan.empty() && row.evaluation_method.empty();
}

std::string error_of(const engine::outcome<engine::imported_table>& read) {
  REQUIRE_FALSE(read.has_value());
  return read.error().message;
}

}  // namespace

TEST_CASE("the seed's follow-up table gives four areas and thirty activities", "[import]") {
  const auto table = read_fixture("seed-003-t2-2016.txt");
  REQUIRE(table);
  CHECK(table->areas == std::vector<std::string>{"Förebyggande", "Akut hantering av händelser",
                                                 "Utvecklingsområden", "Politiska åtgärder"});
  CHECK(table->rows.size() == 30);
  CHECK(std::count_if(table->rows.begin(), table->rows.end(), only_a_name) == 14);
  CHECK(table->work_period == half_year{2016, 1});
  CHECK(table->plan_period == half_year{2016, 2});
  CHECK_FALSE(table->has_category_column);
}

TEST_CASE("an empty area cell means the area of the row above, across page headers", "[import]") {
  const auto table = read_fixture("seed-003-t2-2016.txt");
  REQUIRE(table);
  const auto count_in = [&](std::string_view area) {
    return std::count_if(table->rows.begin(), table->rows.end(),
                         [&](const auto& row) { return row.area == area; });
  };
  CHECK(count_in("Förebyggande") == 17);
  CHECK(count_in("Akut hantering av händelser") == 0);
  CHECK(count_in("Utvecklingsområden") == 6);
  CHECK(count_in("Politiska åtgärder") == 7);
  const auto& last = row_named(*table, "Hålla öppna temanämndssammanträde");
  CHECK(last.area == "Politiska åtgärder");
  CHECK(last.line == 72);
}

TEST_CASE("the seed's cells keep their text and lose their markup", "[import]") {
  const auto table = read_fixture("seed-003-t2-2016.txt");
  REQUIRE(table);
  const auto& first = row_named(*table, "sociala insatsgrupper");
  CHECK(first.line == 31);
  CHECK(first.area == "Förebyggande");
  CHECK(first.work == "Fn 14 inskrivna");
  CHECK(first.evaluation_method.empty());

  const auto& mst = row_named(*table, "familjebehandling genom MST");
  CHECK(mst.description.starts_with(
      "\"Minska brottsbenägenheten\"\nSamt minska ungdomars skolk, frånvaro"));
  CHECK(mst.description.find("<p>") == std::string::npos);
  CHECK(mst.expected_result.starts_with("Att nå resultaten:\n85% av genomförda ärenden"));

  // A tab-separated cell that starts with a quote is text, not a CSV quote.
  const auto& quiet = row_named(*table, "\"Mobilisera den tysta majoriteten\" lokalt, dvs stärka");
  CHECK(quiet.area == "Politiska åtgärder");
  CHECK(quiet.description == "-Uppdrag demokratiutvecklare -Dialog Östberga");
}

TEST_CASE("a cell cut by a page break is joined to the row it belongs to", "[import]") {
  const auto table = read_fixture("seed-003-t2-2016.txt");
  REQUIRE(table);
  const auto& split = row_named(*table, "Strategin tydliggör behovet");
  CHECK(split.line == 60);
  CHECK(split.activity.ends_with("då ansvaret inte begränsas till en enskild verksamhet."));
  CHECK(std::none_of(table->rows.begin(), table->rows.end(),
                     [](const auto& row) { return row.activity == "verksamhet."; }));
}

TEST_CASE("Excel's and LibreOffice's encodings and separators read the same", "[import]") {
  for (const auto* name : {"excel-semicolon-utf8-bom-crlf.csv",
                           "libreoffice-comma-windows-1252.csv", "excel-unicode-text-utf16.txt"}) {
    INFO(name);
    const auto table = read_fixture(name);
    REQUIRE(table);
    CHECK(table->areas == std::vector<std::string>{"Förebyggande", "Akut hantering av händelser",
                                                   "Politiska åtgärder"});
    REQUIRE(table->rows.size() == 4);
    const auto& mst = table->rows[1];
    CHECK(mst.line == 5);
    CHECK(mst.activity == "familjebehandling genom MST");
    CHECK(mst.description ==
          "\"Minska brottsbenägenheten\"\nSamt minska ungdomars skolk, frånvaro från hemmet "
          "under nätter, droganvändning och andra antisociala beteenden.");
    CHECK(table->rows[2].line == 8);
    CHECK(table->rows[3].activity ==
          "\"Mobilisera den tysta majoriteten\" lokalt, dvs stärka det lokala civilsamhället");
    CHECK(table->rows[3].plan == "-Analys av civila samhällets behov; -Demokratidagar");
  }
}

TEST_CASE("broken files are refused with the file and the line", "[import]") {
  CHECK(error_of(read_fixture("broken-wrong-columns.csv")) ==
        fixtures + "broken-wrong-columns.csv:3: unknown column 'Ansvarig'");
  CHECK_THAT(error_of(read_fixture("broken-truncated-quote.csv")),
             Catch::StartsWith(fixtures + "broken-truncated-quote.csv:11: a quoted cell opened "
                                          "here is never closed"));
  CHECK_THAT(error_of(read_fixture("broken-bad-utf8.csv")),
             Catch::StartsWith(fixtures + "broken-bad-utf8.csv:11: the text is UTF-8 but byte "
                                          "0xF6 is not"));
  CHECK_THAT(error_of(read_fixture("broken-undefined-windows-1252.csv")),
             Catch::StartsWith(fixtures + "broken-undefined-windows-1252.csv:11: byte 0x81 is "
                                          "neither UTF-8 nor Windows-1252"));
  CHECK(read_fixture("no-such-file.csv").error().code == engine::errc::not_found);
}

TEST_CASE("a table without its header, or with a column missing, is refused", "[import]") {
  const std::string no_header = "Aktivitet;Beskrivning\nTrygghetsvandringar;Gå igenom\n";
  CHECK_THAT(error_of(import::read_followup_table(no_header, "t.csv", {})),
             Catch::StartsWith("t.csv: no header row with the follow-up table's columns"));
  const std::string missing =
      "Område/typ aktivitet;Aktivitet;Beskrivning;Förväntat resultat;Arbete jan-juni 2016;"
      "Mätmetod - Utvärdering\n";
  CHECK(error_of(import::read_followup_table(missing, "t.csv", {})) ==
        "t.csv:1: the header has no column 'Plan för juli-dec YYYY'");
}

TEST_CASE("the year in the header sets the periods, and --period must agree with it", "[import]") {
  const std::string header =
      "Område/typ aktivitet;Aktivitet;Beskrivning;Förväntat resultat;Arbete juli-dec;"
      "Plan för jan-juni;Mätmetod - Utvärdering\nFörebyggande;Fältassistenter;;;;;\n";
  CHECK_THAT(error_of(import::read_followup_table(header, "t.csv", {})),
             Catch::Contains("names no year: give --period"));
  const auto given = import::read_followup_table(header, "t.csv", half_year{2016, 2});
  REQUIRE(given);
  CHECK(given->work_period == half_year{2016, 2});
  CHECK(given->plan_period == half_year{2017, 1});
  CHECK_THAT(error_of(import::read_followup_table(header, "t.csv", half_year{2016, 1})),
             Catch::Contains("is for the other half-year than --period 2016H1"));
  CHECK(error_of(read_fixture("seed-003-t2-2016.txt", half_year{2016, 2})) ==
        fixtures +
            "seed-003-t2-2016.txt:30: the column 'Arbete jan-juni 2016' is for 2016H1, not "
            "--period 2016H2");
}

TEST_CASE("rows that make no sense in the table are refused by line", "[import]") {
  const std::string head =
      "Område/typ aktivitet;Aktivitet;Beskrivning;Förväntat resultat;Arbete jan-juni 2016;"
      "Plan för juli-dec 2016;Mätmetod - Utvärdering\n";
  CHECK(error_of(import::read_followup_table(head + ";Trygghetsvandringar;;;;;\n", "t.csv", {})) ==
        "t.csv:2: an activity before any area (column 'Område/typ aktivitet' is empty)");
  CHECK(
      error_of(import::read_followup_table(head + "Förebyggande;;Gå igenom;;;;\n", "t.csv", {})) ==
      "t.csv:2: the row has text but no activity (column 'Aktivitet')");
  CHECK(error_of(import::read_followup_table(head + "Förebyggande;Vandring;;;;;;extra\n", "t.csv",
                                             {})) ==
        "t.csv:2: 8 cells, but the header on line 1 has 7 columns");
  CHECK_THAT(error_of(import::read_followup_table(
                 head + "Förebyggande;" + std::string(1001, 'x') + ";;;;;\n", "t.csv", {})),
             Catch::StartsWith("t.csv:2: an area or activity longer than 1000 bytes"));
}

TEST_CASE("a tab-separated cell quoted the way Excel writes it is unquoted", "[import]") {
  const auto records = import::split_records(
      "a\t\"\"\"Mobilisera\"\" lokalt\nrad två\"\tc\r\nd\t\"x\" y\n", '\t', "t");
  REQUIRE(records);
  REQUIRE(records->size() == 2);
  CHECK((*records)[0].cells ==
        std::vector<std::string>{"a", "\"Mobilisera\" lokalt\nrad två", "c"});
  CHECK((*records)[1].line == 3);
  CHECK((*records)[1].cells == std::vector<std::string>{"d", "\"x\" y"});
}

TEST_CASE("cells lose markup and blank lines but keep text that only looks like markup",
          "[import]") {
  CHECK(import::clean_cell("<p>Att nå resultaten:</p> <p>85% &amp; mer</p>") ==
        "Att nå resultaten:\n85% & mer");
  CHECK(import::clean_cell("  a < b <br/>c  ") == "a < b\nc");
  CHECK(import::clean_cell("<P CLASS=x>Text</P>") == "Text");
}
