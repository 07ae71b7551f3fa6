// A goal's colour for a year (engine/programme/goal_status.hpp): each rule, with the seed's kind of
// goal — Österåker's "tryggheten skall öka och brottsligheten ska minska" measured by indicators.

#include "engine/programme/goal_status.hpp"

#include <catch2/catch.hpp>

using namespace bevaka::engine;

namespace {

// Share who feel safe in their neighbourhood (%), wanted up to 80.
const goal feel_safe{.id = 1,
                     .plan_id = 1,
                     .text = "Fler känner sig trygga i sitt bostadsområde",
                     .indicator_id = 7,
                     .target = 80,
                     .direction = wanted_direction::increase};

indicator measured(std::vector<indicator_value> values,
                   wanted_direction direction = wanted_direction::increase) {
  return indicator{.id = 7,
                   .code = "T1",
                   .title = "Andel trygga",
                   .direction = direction,
                   .values = std::move(values)};
}

}  // namespace

TEST_CASE("a goal whose target is met is green, whichever way it moved", "[engine][goals]") {
  const auto met = colour_of(wanted_direction::increase, 80, 2014, 81, 85);
  CHECK(met.colour == goal_colour::green);
  CHECK(met.why == "81 år 2014 når målet 80");
  CHECK(colour_of(wanted_direction::decrease, 3.5, 2014, 3.25, 4).why ==
        "3,25 år 2014 når målet 3,5");
  CHECK(colour_of(wanted_direction::increase, 80, 2014, 80, std::nullopt).colour ==
        goal_colour::green);
  CHECK(colour_of(wanted_direction::decrease, 120, 2014, 120, 100).colour == goal_colour::green);
}

TEST_CASE("a goal short of its target but moving the wanted way is yellow", "[engine][goals]") {
  const auto up = colour_of(wanted_direction::increase, 80, 2014, 76, 72);
  CHECK(up.colour == goal_colour::yellow);
  CHECK(up.why == "76 år 2014 når inte målet 80; närmar sig från 72 år 2013");
  CHECK(colour_of(wanted_direction::decrease, 100, 2014, 130, 150).colour == goal_colour::yellow);
}

TEST_CASE("a goal short of its target and moving the wrong way is red", "[engine][goals]") {
  const auto down = colour_of(wanted_direction::increase, 80, 2014, 70, 72);
  CHECK(down.colour == goal_colour::red);
  CHECK(down.why == "70 år 2014 når inte målet 80; fjärmar sig från 72 år 2013");
  CHECK(colour_of(wanted_direction::decrease, 100, 2014, 160, 150).colour == goal_colour::red);
}

TEST_CASE("a goal short of its target and unchanged since the year before is red",
          "[engine][goals]") {
  const auto still = colour_of(wanted_direction::increase, 80, 2014, 72, 72);
  CHECK(still.colour == goal_colour::red);
  CHECK(still.why == "72 år 2014 når inte målet 80; oförändrat sedan 2013");
}

TEST_CASE("a year without a value is not assessed", "[engine][goals]") {
  const auto none = colour_of(wanted_direction::increase, 80, 2015, std::nullopt, 72);
  CHECK(none.colour == goal_colour::not_assessed);
  CHECK(none.why == "inget värde för 2015");
}

TEST_CASE("a goal short of its target with no value the year before is not assessed",
          "[engine][goals]") {
  const auto first = colour_of(wanted_direction::increase, 80, 2013, 72, std::nullopt);
  CHECK(first.colour == goal_colour::not_assessed);
  CHECK(first.why == "72 år 2013 når inte målet 80; inget värde för 2012 som visar riktningen");
}

TEST_CASE("a goal's years cover its plan's period with the values of its indicator",
          "[engine][goals]") {
  const auto i = measured({{2012, 70}, {2013, 72}, {2014, 81}});
  const auto years = goal_years(feel_safe, &i, {2013, 2015}, {});
  REQUIRE(years.size() == 3);
  CHECK(years[0].year == 2013);
  CHECK(years[0].previous == 70);
  CHECK(years[0].status() == goal_colour::yellow);
  CHECK(years[1].status() == goal_colour::green);
  CHECK(years[2].value == std::nullopt);
  CHECK(years[2].status() == goal_colour::not_assessed);
}

TEST_CASE("a goal takes its indicator's direction when it names none", "[engine][goals]") {
  goal fewer_crimes = feel_safe;
  fewer_crimes.direction.reset();
  fewer_crimes.target = 100;
  const auto i = measured({{2013, 150}, {2014, 130}}, wanted_direction::decrease);
  CHECK(goal_years(fewer_crimes, &i, {2014, 2014}, {})[0].status() == goal_colour::yellow);
}

TEST_CASE("a goal without an indicator is not assessed until a person sets its colour",
          "[engine][goals]") {
  const goal campaign{.id = 2, .plan_id = 1, .text = "Informationsstrategi i varje fokusområde"};
  const auto years = goal_years(campaign, nullptr, {2013, 2014}, {});
  CHECK(years[0].status() == goal_colour::not_assessed);
  CHECK(years[0].computed.why == "målet har ingen indikator: sätt dess färg för hand");
}

TEST_CASE("the latest override for a year wins, and the computed colour stays beside it",
          "[engine][goals]") {
  const auto i = measured({{2013, 72}, {2014, 70}});
  const std::vector<goal_override> overrides{
      {.goal_id = 1, .year = 2014, .status = goal_colour::yellow, .reason = "ny mätmetod"},
      {.goal_id = 2, .year = 2014, .status = goal_colour::green, .reason = "annat mål"},
      {.goal_id = 1,
       .year = 2014,
       .status = goal_colour::green,
       .reason = "LUPP 2014 visar ökning"},
      {.goal_id = 1, .year = 2013, .status = goal_colour::red, .reason = "för få svar"}};
  const auto years = goal_years(feel_safe, &i, {2013, 2015}, overrides);
  CHECK(years[0].status() == goal_colour::red);
  CHECK(years[1].computed.colour == goal_colour::red);
  REQUIRE(years[1].override_by.has_value());
  CHECK(years[1].override_by->reason == "LUPP 2014 visar ökning");
  CHECK(years[1].status() == goal_colour::green);
  CHECK_FALSE(years[2].override_by.has_value());
}

TEST_CASE("a plan's period is read as documents write it", "[engine][goals]") {
  CHECK(parse_year_span("2013-2015") == year_span{2013, 2015});
  CHECK(parse_year_span("2013\xE2\x80\x93"
                        "2015") == year_span{2013, 2015});
  CHECK(parse_year_span("2024") == year_span{2024, 2024});
  CHECK(format_year_span({2013, 2015}) == "2013-2015");
  for (const auto* bad : {"", "2015-2013", "13-15", "2013-", "2013 - 2015", "tjugo"})
    CHECK_FALSE(parse_year_span(bad).has_value());
}
