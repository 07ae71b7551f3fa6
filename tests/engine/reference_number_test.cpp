// Reference numbers (diarienummer) as the four municipalities of the seeds write them, parsed by
// their configured patterns, and the key that finds them in any case and spacing.
#include "engine/shared/reference_number.hpp"

#include <catch2/catch.hpp>

#include "tests/support/catch_outcome.hpp"

using namespace bevaka::engine;
using Catch::Matchers::Contains;

namespace {

reference_pattern pattern(std::string_view text) {
  auto parsed = reference_pattern::parse(text);
  INFO(text << ": " << (parsed ? "" : parsed.error().message));
  REQUIRE(parsed);
  return *parsed;
}

}  // namespace

TEST_CASE("The four municipalities' reference numbers parse into series, year, number and sub",
          "[engine][references]") {
  struct example {
    std::string pattern, reference, series;
    int year;
    std::string number;
    std::optional<std::string> sub;
  };
  const std::vector<example> examples{
      {"{series} {year}/{number}", "Kst 2015/503", "Kst", 2015, "503", std::nullopt},
      {"{series} {year}/{number}[-{sub}]", "KS 2012/0477-001", "KS", 2012, "0477", "001"},
      {"{series} {year}/{number}[-{sub}]", "KS 2012/0477", "KS", 2012, "0477", std::nullopt},
      {"{year}/{series}{number}[ {sub}]", "2017/KS0121 001", "KS", 2017, "0121", "001"},
      {"{series}-{year}/{number}[.{sub}]", "KS-2014/742.912", "KS", 2014, "742", "912"},
  };
  for (const auto& e : examples) {
    INFO(e.pattern << " on " << e.reference);
    const auto parsed = pattern(e.pattern).match(e.reference);
    REQUIRE(parsed);
    CHECK(parsed->text == e.reference);
    CHECK(parsed->series == e.series);
    CHECK(parsed->year == e.year);
    CHECK(parsed->number == e.number);
    CHECK(parsed->sub_number == e.sub);
  }
}

TEST_CASE("A pattern takes a reference in any case and spacing and keeps it as written",
          "[engine][references]") {
  const auto osteraker = pattern("{series} {year}/{number}[-{sub}]");
  const auto parsed = osteraker.match("  ks   2012/0477-001 ");
  REQUIRE(parsed);
  CHECK(parsed->text == "ks   2012/0477-001");
  CHECK(parsed->series == "ks");
  const auto swedish_series = osteraker.match("ÖFN 2016/12");
  REQUIRE(swedish_series);
  CHECK(swedish_series->series == "ÖFN");
  CHECK(pattern("{series}-{year}/{number}").match("ks-2014/742"));
}

TEST_CASE("A reference that does not fit the pattern is not matched", "[engine][references]") {
  const auto jarfalla = pattern("{series} {year}/{number}");
  for (const auto* wrong : {"Kst 15/503", "Kst 2015-503", "2015/503", "Kst 2015/503-1", "Kst 2015/",
                            "Kst2015/503", "Dnr Kst 2015/503", ""})
    CHECK_FALSE(jarfalla.match(wrong));
  const auto boras = pattern("{year}/{series}{number}[ {sub}]");
  CHECK_FALSE(boras.match("2017/0121 001"));  // no series
  CHECK(boras.match("2017/KS0121"));
  CHECK_FALSE(boras.match("2017/KS0121 0a1"));
}

TEST_CASE("A pattern that cannot work is refused with what is wrong", "[engine][references]") {
  const std::vector<std::pair<std::string, std::string>> broken{
      {"{series} {year}/{nummer}", "unknown placeholder {nummer}"},
      {"{series} {year}", "has no {number}"},
      {"{series} {year}/{number}/{year}", "has {year} more than once"},
      {"{series} {year}/{number", "'{' without '}'"},
      {"{series} {year}/{number}[-{sub}", "'[' without ']'"},
      {"{series} {year}/{number}]", "']' without '['"},
      {"{series} {year}/{number}[-{sub}[.x]]", "not nested"},
  };
  for (const auto& [text, why] : broken) {
    const auto parsed = reference_pattern::parse(text);
    INFO(text);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().code == errc::bad_input);
    CHECK_THAT(parsed.error().message, Contains(why) && Contains(text));
  }
}

TEST_CASE("Checking a reference: anything goes without patterns, the first match with them",
          "[engine][references]") {
  CHECK(check_reference({}, " Vad som helst ")->text == "Vad som helst");
  const std::vector<reference_pattern> patterns{pattern("{series} {year}/{number}"),
                                                pattern("{year}/{series}{number}[ {sub}]")};
  const auto boras = check_reference(patterns, "2017/KS0121 001");
  REQUIRE(boras);
  CHECK(boras->number == "0121");
  const auto refused = check_reference(patterns, "Dnr 503");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == errc::bad_input);
  CHECK_THAT(refused.error().message,
             Contains("'Dnr 503'") && Contains("{series} {year}/{number}, {year}/{series}"));
}

TEST_CASE("The reference key ignores case (Swedish letters too) and every kind of space",
          "[engine][references]") {
  CHECK(reference_key("Kst 2015/503") == "kst2015/503");
  CHECK(reference_key("kst 2015/503") == reference_key("Kst 2015/503"));
  CHECK(reference_key("KST\t 2015/503 ") == reference_key("Kst 2015/503"));
  CHECK(reference_key("Kst\xC2\xA0"
                      "2015/503") == reference_key("Kst 2015/503"));
  CHECK(reference_key("ÖFN 2016/12") == "öfn2016/12");
  CHECK(reference_key("Åtk 2016/12") == reference_key("åTK 2016/12"));
  CHECK(reference_key("KS-2014/742.912") != reference_key("KS 2014/742.912"));
}
