// The rules of the follow-up work without a database: indicator outcomes computed from the year
// before (seed 000, Socialnämnden), half-years, categories, and the annual report's sections.

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "engine/followup/followup.hpp"
#include "engine/followup/indicators.hpp"
#include "engine/followup/report_sections.hpp"
#include "tests/support/catch_outcome.hpp"

using namespace bevaka::engine;

TEST_CASE("a year's outcome follows the wanted direction against the year before",
          "[engine][indicators]") {
  using enum wanted_direction;
  using enum indicator_outcome;
  struct row {
    wanted_direction direction;
    double previous, value;
    indicator_outcome expected;
  };
  // clang-format off
  const std::vector<row> table{
      {increase, 84, 84, unchanged},  // 6.1: "Samma värde som föregående år"
      {increase, 84, 85, met},        // 6.2: "Värdet ökade en procentenhet"
      {increase, 86, 85, not_met},    // 6.3: "Värdet minskade en procentenhet"
      {decrease, 12, 10, met},
      {decrease, 10, 12, not_met},
      {decrease, 10, 10, unchanged},
      {hold,     90, 90, met},
      {hold,     90, 91, not_met},
      {hold,     90, 89, not_met},
  };
  // clang-format on
  for (const auto& r : table) {
    INFO(to_string(r.direction) << " " << r.previous << " -> " << r.value);
    CHECK(outcome_of(r.direction, r.previous, r.value) == r.expected);
  }
}

TEST_CASE("the first year, and a year after a gap, have no outcome", "[engine][indicators]") {
  const indicator i{.code = "6.2",
                    .direction = wanted_direction::increase,
                    .values = {{2014, 80}, {2016, 85}, {2017, 84.5}}};
  const auto outcomes = yearly_outcomes(i);
  REQUIRE(outcomes.size() == 3);
  CHECK_FALSE(outcomes[0].outcome);
  CHECK_FALSE(outcomes[1].previous);
  CHECK_FALSE(outcomes[1].outcome);
  CHECK(outcomes[2].previous == 85);
  CHECK(outcomes[2].outcome == indicator_outcome::not_met);
}

TEST_CASE("half-years are written 2016H1 and follow one another", "[engine][followup]") {
  CHECK(parse_half_year("2016H2") == half_year{2016, 2});
  CHECK_FALSE(parse_half_year("2016H3"));
  CHECK_FALSE(parse_half_year("2016-H1"));
  CHECK(format_half_year(next_half_year({2016, 2})) == "2017H1");
  CHECK(format_half_year(previous_half_year({2016, 1})) == "2015H2");
  CHECK(half_year_of(date{std::chrono::year{2016}, std::chrono::August, std::chrono::day{18}}) ==
        half_year{2016, 2});
}

TEST_CASE("categories are read in the CLI's spelling and as the strategy's Swedish headings",
          "[engine][followup]") {
  CHECK(parse_action_category("capable-guardians") == action_category::capable_guardians);
  CHECK(parse_action_category("ÖKA KAPABLA VÄKTARE") == action_category::capable_guardians);
  CHECK(parse_action_category("Minska brottsbenägenheten") == action_category::reduce_motivation);
  CHECK_FALSE(parse_action_category("mer ljus"));
}

namespace {

std::string seven_sections(std::string_view newline = "\n") {
  std::string text;
  for (std::size_t i = 0; i < report_section_headings().size(); ++i)
    text += fmt::format("## {}. {}{}{}Text {}.{}{}", i + 1, report_section_headings()[i], newline,
                        newline, i + 1, newline, newline);
  return text;
}

}  // namespace

TEST_CASE("a body's report is read from Markdown by its seven headings", "[engine][report]") {
  const auto sections =
      parse_report_sections("# Socialnämnden 2016\n\n" + seven_sections(), "sn.md");
  REQUIRE(sections);
  REQUIRE(sections->size() == 7);
  CHECK((*sections)[3].number == 4);
  CHECK((*sections)[3].heading ==
        "Planerade insatser som syftar till att förebygga brott och ökar tryggheten i kommunen");
  CHECK((*sections)[3].text == "Text 4.");
  const auto crlf = parse_report_sections(seven_sections("\r\n"), "sn.md");
  REQUIRE(crlf);
  CHECK((*crlf)[6].text == "Text 7.");
}

TEST_CASE("headings name their sections by the first words, in any case and order",
          "[engine][report]") {
  const std::string text =
      "# 7 ANALYS\nBättre samverkan.\n# Utfall\n### Delmål\nOförändrat.\n# mätetal\n# "
      "Planerade insatser\n# Konkretiserade mål\n# Nämndens mål\n# Utgångspunkt\n";
  const auto sections = parse_report_sections(text, "sn.md");
  REQUIRE(sections);
  CHECK((*sections)[6].text == "Bättre samverkan.");
  CHECK((*sections)[5].text == "### Delmål\nOförändrat.");
  CHECK((*sections)[4].text.empty());
}

TEST_CASE("a report without all seven sections, or with one twice, is refused by line",
          "[engine][report]") {
  auto missing = seven_sections();
  missing.erase(missing.find("## 3."), missing.find("## 4.") - missing.find("## 3."));
  const auto no_third = parse_report_sections(missing, "sn.md");
  REQUIRE_FALSE(no_third);
  CHECK(no_third.error().message.starts_with("sn.md: the section 'Konkretiserade mål' is missing"));

  const auto twice = parse_report_sections(seven_sections() + "## Utfall igen\n", "sn.md");
  REQUIRE_FALSE(twice);
  CHECK(
      twice.error().message.starts_with("sn.md:29: the section 'Utfall – vad blev mätningarna "
                                        "i jämförelse med målen' appears twice (first on line "
                                        "21)"));

  const auto preamble = parse_report_sections("Inledning.\n" + seven_sections(), "sn.md");
  REQUIRE_FALSE(preamble);
  CHECK(preamble.error().message.starts_with("sn.md:1: text before the first section's heading"));
}
