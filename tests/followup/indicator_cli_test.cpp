// Indicators through the command line on a real database: Socialnämnden's 6.1–6.3 of seed 000.

#include <catch2/catch.hpp>

#include "tests/followup/followup_cli.hpp"

using namespace bevaka::testing;
using bevaka::cli::exit_bad_input;
using bevaka::cli::exit_not_found;
using bevaka::cli::exit_refused;
using Catch::Matchers::Contains;

namespace {

void add_social_committee_indicators(followup_cli& cli) {
  cli.ok({"body", "add", "Socialnämnden", "--kind", "committee", "--email",
          "socialnamnden@example.se"});
  cli.ok({"indicator", "add", "6.1", "--title",
          "Andel brukare som upplever trygghet när deras beviljade insatser utförs", "--direction",
          "increase", "--unit", "%", "--body", "Socialnämnden"});
  cli.ok({"indicator", "add", "6.2", "--title",
          "Andel som uppger att det känns tryggt att bo hemma med stöd från hemtjänsten",
          "--direction", "increase", "--unit", "%", "--body", "Socialnämnden"});
  cli.ok({"indicator", "add", "6.3", "--title",
          "Andel som uppger att det känns tryggt att bo i särskilt boende", "--direction",
          "increase", "--unit", "%", "--body", "Socialnämnden"});
}

}  // namespace

TEST_CASE("an indicator's outcome for a year is computed from the year before",
          "[indicators][cli]") {
  followup_cli cli;
  cli.now = "2017-03-20";
  add_social_committee_indicators(cli);
  for (const auto& [code, y2015, y2016] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"6.1", "88", "88"}, {"6.2", "84", "85"}, {"6.3", "86", "85"}})
    for (const auto& [year, value] : {std::pair{"2015", y2015}, std::pair{"2016", y2016}})
      cli.ok({"indicator", "value", code, "--year", year, "--value", value});

  const auto all = cli.ok({"indicator", "list", "--body", "Socialnämnden"});
  REQUIRE(all.size() == 3);
  CHECK(all[0].at("values")[0].at("outcome").is_null());
  CHECK(all[0].at("values")[1].at("outcome") == "unchanged");
  CHECK(all[1].at("values")[1].at("outcome") == "met");
  CHECK(all[1].at("values")[1].at("previous") == 84.0);
  CHECK(all[2].at("values")[1].at("outcome") == "not-met");
  CHECK(all[1].at("body") == "Socialnämnden");
  CHECK(all[1].at("unit") == "%");
}

TEST_CASE("an indicator's value is corrected in place and the record keeps the old one",
          "[indicators][cli]") {
  followup_cli cli;
  add_social_committee_indicators(cli);
  cli.ok({"indicator", "value", "6.2", "--year", "2016", "--value", "85,5"});
  const auto corrected = cli.ok({"indicator", "value", "6.2", "--year", "2016", "--value", "86"});
  REQUIRE(corrected.at("values").size() == 1);
  CHECK(corrected.at("values")[0].at("value") == 86.0);
  CHECK(cli.event_count() == 3 + 2);  // three created, two values
}

TEST_CASE("indicators refuse duplicates, unknown codes and values that are not numbers",
          "[indicators][cli]") {
  followup_cli cli;
  add_social_committee_indicators(cli);
  const auto twice = cli({"indicator", "add", "6.2", "--title", "igen", "--direction", "increase",
                          "--body", "Socialnämnden"});
  CHECK(twice.code == exit_refused);
  CHECK_THAT(twice.err, Contains("indicator 6.2 of Socialnämnden already exists"));
  CHECK(cli({"indicator", "value", "9.9", "--year", "2016", "--value", "1"}).code ==
        exit_not_found);
  for (const auto* not_a_number : {"många", "inf", "nan", "85 %"})
    CHECK(cli({"indicator", "value", "6.2", "--year", "2016", "--value", not_a_number}).code ==
          exit_bad_input);
  CHECK(cli({"indicator", "add", "6.4", "--title", "x", "--direction", "up"}).code ==
        exit_bad_input);
  CHECK(cli({"indicator", "add", "6.4", "--title", "x", "--direction", "hold", "--body",
             "Ingen nämnd"})
            .code == exit_not_found);

  cli.ok({"body", "add", "Kultur-, demokrati- och fritidsnämnden", "--kind", "committee"});
  cli.ok({"indicator", "add", "6.2", "--title", "Trygga mötesplatser", "--direction", "increase",
          "--body", "Kultur-, demokrati- och fritidsnämnden"});
  const auto ambiguous = cli({"indicator", "value", "6.2", "--year", "2016", "--value", "3"});
  CHECK(ambiguous.code == exit_bad_input);
  CHECK_THAT(ambiguous.err, Contains("name one with --body"));
  cli.ok({"indicator", "value", "6.2", "--year", "2016", "--value", "3", "--body",
          "Kultur-, demokrati- och fritidsnämnden"});
}
