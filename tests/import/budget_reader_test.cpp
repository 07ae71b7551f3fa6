// Reading a budget as municipalities write it: the appendix "BUDGET 2013" of seed 002 as it is,
// the same budget as Word and Excel save it, and broken budgets refused by their line.

#include "adapters/import/budget_reader.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "tests/support/catch_outcome.hpp"

using namespace bevaka;
using Catch::Matchers::Contains;

namespace {

const std::string seed_file = BEVAKA_FIXTURES_DIR "/budget/seed-002-budget-2013.txt";

std::string seed_text() {
  std::ifstream in(seed_file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The seed with `from` replaced by `to` (which must be there).
std::string seed_with(const std::string& from, const std::string& to) {
  auto text = seed_text();
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

// The refusal of `text`: bad_input with the file and line first.
std::string refusal(const std::string& text, int line) {
  const auto read = import::read_budget(text, "budget-2013.txt");
  REQUIRE_FALSE(read);
  CHECK(read.error().code == engine::errc::bad_input);
  CHECK_THAT(read.error().message,
             Catch::StartsWith("budget-2013.txt:" + std::to_string(line) + ": "));
  return read.error().message;
}

}  // namespace

TEST_CASE("The seed's budget reads as three areas under their headings", "[import][budget]") {
  const auto budget = import::read_budget_file(seed_file);
  REQUIRE(budget);
  REQUIRE(budget->areas.size() == 3);
  const auto& crime = budget->areas[0];
  CHECK(crime.name == "BROTTSFÖREBYGGANDE");
  CHECK(crime.line == 6);
  REQUIRE(crime.lines.size() == 6);
  CHECK(crime.lines[0].name == "BF vecka");
  CHECK(crime.lines[0].amount == 30'000);
  CHECK(crime.lines[0].line == 8);
  CHECK(crime.lines[3].name == "Trygghetsskapande åtgärder");
  CHECK(crime.lines[3].note == "(t.ex. upp/siktröjning, klotter)");
  CHECK(crime.lines[0].note.empty());
  CHECK(crime.stated_sum == 175'000);
  CHECK(crime.sum_line == 14);
  const auto& drugs = budget->areas[1];
  CHECK(drugs.name == "DROGFÖREBYGGANDE");
  CHECK(drugs.lines.size() == 5);
  CHECK(drugs.lines[4].name == "Information och Kampanjer");
  CHECK(drugs.stated_sum == 200'000);
  CHECK(drugs.sum_line == 24);
  const auto& local = budget->areas[2];
  CHECK(local.name == "LOKAL SAMVERKAN");
  CHECK(local.lines.size() == 5);
  CHECK(local.lines[0].name == "TiÖ/AU");
  CHECK(local.stated_sum == 125'000);
  CHECK(budget->stated_total == 500'000);
  CHECK(budget->total_line == 36);
}

TEST_CASE("The same budget saved by Word or Excel reads the same", "[import][budget]") {
  const auto seed = import::read_budget_file(seed_file);
  REQUIRE(seed);
  auto windows = seed_text();
  replace_all(windows, "\n", "\r\n");
  replace_all(windows, "0 000",
              "0\xC2\xA0"
              "000");  // Word's no-break spaces in the amounts
  auto windows_1252 = windows;
  replace_all(windows_1252, "Ö", "\xD6");
  replace_all(windows_1252, "Å", "\xC5");
  replace_all(windows_1252, "\xC2\xA0", "\xA0");
  replace_all(windows_1252, "å", "\xE5");
  replace_all(windows_1252, "ä", "\xE4");
  replace_all(windows_1252, "ö", "\xF6");
  for (const auto& text : {windows, windows_1252}) {
    const auto read = import::read_budget(text, "budget.txt");
    REQUIRE(read);
    REQUIRE(read->areas.size() == 3);
    for (std::size_t a = 0; a < 3; ++a) {
      CHECK(read->areas[a].name == seed->areas[a].name);
      CHECK(read->areas[a].stated_sum == seed->areas[a].stated_sum);
      REQUIRE(read->areas[a].lines.size() == seed->areas[a].lines.size());
      for (std::size_t l = 0; l < read->areas[a].lines.size(); ++l) {
        CHECK(read->areas[a].lines[l].name == seed->areas[a].lines[l].name);
        CHECK(read->areas[a].lines[l].amount == seed->areas[a].lines[l].amount);
      }
    }
    CHECK(read->stated_total == 500'000);
  }
}

TEST_CASE("An amount with letters is refused with its line", "[import][budget]") {
  CHECK_THAT(refusal(seed_with("Grannsamverkan\t10 000", "Grannsamverkan\t10 OOO"), 9),
             Contains("'10 OOO' is not an amount"));
  CHECK_THAT(refusal(seed_with("SUMMA 200 000", "SUMMA 200 000 kr"), 24),
             Contains("'200 000 kr' is not an amount"));
}

TEST_CASE("A budget line outside any heading is refused with its line", "[import][budget]") {
  CHECK_THAT(refusal(seed_with("SUMMA 125 000\n", "SUMMA 125 000\nKonsulter\t20 000\n"), 35),
             Contains("'Konsulter' is outside any heading"));
  CHECK_THAT(refusal("Grannsamverkan\t10 000\nSUMMA 10 000\nTOTAL SUMMA 10 000\n", 1),
             Contains("'Grannsamverkan' is outside any heading"));
  CHECK_THAT(refusal(seed_text() + "\nKonsulter\t20 000\n", 39),
             Contains("'Konsulter' is outside any heading"));
}

TEST_CASE("An area without its SUMMA, and a budget without TOTAL SUMMA, are refused",
          "[import][budget]") {
  CHECK_THAT(refusal(seed_with("SUMMA 200 000\n", "\n"), 26),
             Contains("the heading 'LOKAL SAMVERKAN' before the area 'DROGFÖREBYGGANDE' (line "
                      "16) has its SUMMA"));
  CHECK_THAT(refusal(seed_with("SUMMA 125 000\n", "\n"), 36),
             Contains("TOTAL SUMMA before the area 'LOKAL SAMVERKAN'"));
  CHECK_THAT(refusal(seed_with("TOTAL SUMMA 500 000", ""), 38), Contains("no TOTAL SUMMA line"));
  CHECK_THAT(refusal(seed_with("DROGFÖREBYGGANDE\n\nDrogvaneundersökning\t100 000\nVaranann "
                               "Vatten\t50 000\nKrogar mot Knark\t10 000\nCannabis utbildning\t"
                               "30 000\nInformation och Kampanjer\t10 000\n",
                               "DROGFÖREBYGGANDE\n"),
                     18),
             Contains("SUMMA without budget lines"));
}
