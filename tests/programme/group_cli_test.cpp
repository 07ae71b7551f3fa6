// Groups through the command line on a real database: Österåker's council, working committee and
// focus groups (seed 002), and what is refused.

#include <catch2/catch.hpp>

#include "adapters/cli/exit_codes.hpp"
#include "tests/programme/osteraker.hpp"

using namespace bevaka::testing;
using bevaka::cli::exit_bad_input;
using bevaka::cli::exit_not_found;
using bevaka::cli::exit_refused;
using Catch::Matchers::Contains;

TEST_CASE("groups are listed by name with their coordinator, members and larger group",
          "[programme][cli]") {
  osteraker s;
  s.bodies();
  s.groups();
  const auto groups = s.ok({"group", "list"});
  REQUIRE(groups.size() == 6);
  CHECK(groups[0].at("name") == "ANDT");
  CHECK(groups[0].at("kind") == "focus-group");
  CHECK(groups[0].at("part_of") == "Arbetsutskottet");
  CHECK(groups[0].at("members") == nlohmann::json::array());
  CHECK(groups[0].at("meets_per_year").is_null());
  const auto council = groups[5];
  CHECK(council.at("name") == "Trygg i Österåker");
  CHECK(council == nlohmann::json{{"id", 1},
                                  {"name", "Trygg i Österåker"},
                                  {"kind", "council"},
                                  {"coordinator", "Kommunstyrelsen"},
                                  {"members",
                                   {"Socialnämnden", "Kultur- och utbildningsnämnden", "Polisen",
                                    "Armada Bostäder", "Armada Kommunfastigheter"}},
                                  {"meets_per_year", 3},
                                  {"part_of", nullptr}});
}

TEST_CASE("a group with an unknown body or group, or a taken name, is refused and not written",
          "[programme][cli]") {
  osteraker s;
  s.bodies();
  s.groups();
  const auto before = s.written();
  const auto unknown_body = s({"group", "add", "Brå", "--kind", "crime-prevention-council",
                               "--coordinator", "Fritids- och folkhälsonämnden"});
  CHECK(unknown_body.code == exit_not_found);
  CHECK_THAT(unknown_body.err, Contains("Fritids- och folkhälsonämnden"));
  const auto unknown_member =
      s({"group", "add", "Brå", "--kind", "crime-prevention-council", "--coordinator",
         "Kommunstyrelsen", "--member", "Polisen", "--member", "Räddningstjänsten"});
  CHECK(unknown_member.code == exit_not_found);
  const auto unknown_group = s({"group", "add", "Grannsamverkan", "--kind", "cooperation-group",
                                "--coordinator", "Polisen", "--part-of", "Trygga miljöer"});
  CHECK(unknown_group.code == exit_not_found);
  CHECK_THAT(unknown_group.err, Contains("no group with name or id 'Trygga miljöer'"));
  const auto taken =
      s({"group", "add", "ANDT", "--kind", "focus-group", "--coordinator", "Socialnämnden"});
  CHECK(taken.code == exit_refused);
  CHECK_THAT(taken.err, Contains("a group named ANDT already exists"));
  CHECK(s({"group", "add", "Brå", "--kind", "council", "--coordinator", "Polisen", "--member",
           "Polisen", "--member", "Polisen"})
            .code == exit_bad_input);
  CHECK(s({"group", "add", "Brå", "--kind", "council", "--coordinator", "Polisen",
           "--meets-per-year", "0"})
            .code == exit_bad_input);
  CHECK(s({"group", "add", "Brå", "--kind", "råd", "--coordinator", "Polisen"}).code ==
        exit_bad_input);
  CHECK(s.written() == before);
}

TEST_CASE("a group cannot become part of itself, directly or through others", "[programme][cli]") {
  osteraker s;
  s.bodies();
  s.groups();
  const auto before = s.written();
  const auto through_others = s({"group", "move", "Trygg i Österåker", "--part-of", "ANDT"});
  CHECK(through_others.code == exit_refused);
  CHECK_THAT(through_others.err,
             Contains("Trygg i Österåker cannot be part of ANDT: that would make it part of "
                      "itself"));
  CHECK(s({"group", "move", "ANDT", "--part-of", "ANDT"}).code == exit_refused);
  CHECK(s.written() == before);

  const auto moved = s.ok({"group", "move", "Näringsliv", "--part-of", "Trygg i Österåker"});
  CHECK(moved.at("part_of") == "Trygg i Österåker");
  CHECK(s.ok({"group", "move", "Näringsliv", "--part-of", "none"}).at("part_of").is_null());
}
