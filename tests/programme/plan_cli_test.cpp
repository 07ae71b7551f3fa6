// Action plans and their goals through the command line on a real database: the ANDT focus
// area's plan 2013-2015 of Österåker (seed 002) from draft to its final evaluation in 2015.

#include <catch2/catch.hpp>

#include "adapters/cli/exit_codes.hpp"
#include "tests/programme/osteraker.hpp"

using namespace bevaka::testing;
using bevaka::cli::exit_bad_input;
using bevaka::cli::exit_not_found;
using bevaka::cli::exit_refused;
using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

void put_in_force(osteraker& s) {
  s.now = "2013-03-25";
  s.ok({"plan", "event", andt_plan, "decide", "--note", "KF 2013-03-25"});
  s.ok({"plan", "event", andt_plan, "take-effect"});
}

std::vector<std::string> statuses(const json& goal) {
  std::vector<std::string> colours;
  for (const auto& y : goal.at("years")) colours.push_back(y.at("status"));
  return colours;
}

}  // namespace

TEST_CASE("a plan runs from draft through yearly reviews to its final evaluation",
          "[programme][cli]") {
  osteraker s;
  s.bodies();
  s.groups();
  s.andt_plan_with_goals();
  put_in_force(s);
  s.now = "2014-02-10";
  s.ok({"plan", "event", andt_plan, "review", "--year", "2013", "--note", "AU analyserade 2013"});
  s.now = "2015-02-09";
  s.ok({"plan", "event", andt_plan, "review", "--year", "2014"});
  s.now = "2015-11-20";
  const auto evaluated =
      s.ok({"plan", "event", andt_plan, "evaluate", "--note", "Slututvärdering"});
  CHECK(evaluated.at("state") == "evaluated");

  const auto shown = s.ok({"plan", "show", andt_plan});
  CHECK(shown.at("ref") == andt_plan);
  CHECK(shown.at("group") == "ANDT");
  CHECK(shown.at("period") == "2013-2015");
  REQUIRE(shown.at("reviews").size() == 2);
  CHECK(shown.at("reviews")[0].at("year") == 2013);
  CHECK(shown.at("reviews")[0].at("note") == "AU analyserade 2013");
  CHECK(shown.at("reviews")[0].at("at") == "2014-02-10T00:00:00+01:00");
}

TEST_CASE("a plan's lifecycle refuses what its state does not accept, and writes nothing",
          "[programme][cli]") {
  osteraker s;
  s.bodies();
  s.groups();
  s.ok({"plan", "create", "--ref", andt_plan, "--title", "Handlingsplan ANDT", "--group", "ANDT",
        "--period", "2013-2015"});
  auto before = s.written();
  const auto without_goals = s({"plan", "event", andt_plan, "decide"});
  CHECK(without_goals.code == exit_refused);
  CHECK_THAT(without_goals.err,
             Contains("plan KS 2013/0112 is draft: 'decide' refused: a plan needs at least one "
                      "measurable goal"));
  const auto too_early = s({"plan", "event", andt_plan, "review"});
  CHECK(too_early.code == exit_refused);
  CHECK_THAT(too_early.err,
             Contains("plan KS 2013/0112 is draft: 'review' is not accepted there; it accepts: "
                      "decide"));
  CHECK(s({"plan", "event", andt_plan, "approve"}).code == exit_bad_input);
  CHECK(s.written() == before);

  s.ok({"goal", "add", "--plan", andt_plan, "Färre unga dricker alkohol"});
  put_in_force(s);
  s.now = "2014-02-10";
  s.ok({"plan", "event", andt_plan, "review", "--year", "2013"});
  before = s.written();
  const auto twice = s({"plan", "event", andt_plan, "review", "--year", "2013"});
  CHECK(twice.code == exit_refused);
  CHECK_THAT(twice.err, Contains("this year already has its review"));
  CHECK(s({"plan", "event", andt_plan, "review", "--year", "2016"}).code == exit_bad_input);
  CHECK(s({"plan", "event", andt_plan, "review", "--year", "2015"}).code == exit_bad_input);
  const auto early = s({"plan", "event", andt_plan, "evaluate"});
  CHECK(early.code == exit_refused);
  CHECK_THAT(early.err, Contains("the final evaluation comes in the last year"));
  const auto new_goal = s({"goal", "add", "--plan", andt_plan, "Ett mål till"});
  CHECK(new_goal.code == exit_refused);
  CHECK_THAT(new_goal.err, Contains("goals are added while it is a draft"));
  CHECK(s.written() == before);

  CHECK(s.ok({"plan", "event", andt_plan, "revise"}).at("state") == "draft");
  s.ok({"goal", "add", "--plan", andt_plan, "Ett mål till"});
}

TEST_CASE("a plan needs a known group, a period of years and a reference of its own",
          "[programme][cli]") {
  osteraker s;
  s.bodies();
  s.groups();
  s.andt_plan_with_goals();
  const auto before = s.written();
  const auto taken = s({"plan", "create", "--ref", andt_plan, "--title", "Igen", "--group",
                        "Näringsliv", "--period", "2013-2015"});
  CHECK(taken.code == exit_refused);
  CHECK_THAT(taken.err, Contains("a plan with reference number KS 2013/0112 already exists"));
  // The reference in another case and spacing is the same plan, found and not made twice.
  CHECK(s.ok({"plan", "show", "ks 2013/ 0112"}).at("ref") == andt_plan);
  CHECK(s({"plan", "create", "--ref", "Ks  2013/0112", "--title", "Igen", "--group", "Näringsliv",
           "--period", "2013-2015"})
            .code == exit_refused);
  CHECK(s({"plan", "create", "--ref", "KS 2013/0113", "--title", "Näringsliv", "--group",
           "Företagarna", "--period", "2013-2015"})
            .code == exit_not_found);
  const auto backwards = s({"plan", "create", "--ref", "KS 2013/0113", "--title", "Näringsliv",
                            "--group", "Näringsliv", "--period", "2015-2013"});
  CHECK(backwards.code == exit_bad_input);
  CHECK_THAT(backwards.err, Contains("--period '2015-2013' is not a span of years"));
  CHECK(s({"plan", "show", "KS 2099/1"}).code == exit_not_found);
  CHECK(s.written() == before);
}

TEST_CASE("goals show their colour per year, computed from the indicator, and overrides win",
          "[programme][cli]") {
  osteraker s;
  s.bodies();
  s.groups();
  s.andt_plan_with_goals();
  // CAN's survey: 52 % in 2012, 46 % in 2013 (down, target 40: yellow), 47 % in 2014 (up: red).
  for (const auto& [year, value] : std::vector<std::pair<std::string, std::string>>{
           {"2012", "52"}, {"2013", "46"}, {"2014", "47"}})
    s.ok({"indicator", "value", "CAN.1", "--year", year, "--value", value});

  auto shown = s.ok({"plan", "show", andt_plan});
  REQUIRE(shown.at("goals").size() == 2);
  const auto alcohol = shown.at("goals")[0];
  CHECK(alcohol.at("indicator").at("code") == "CAN.1");
  CHECK(alcohol.at("target") == 40.0);
  CHECK(alcohol.at("direction") == "decrease");
  CHECK(statuses(alcohol) == std::vector<std::string>{"yellow", "red", "not-assessed"});
  CHECK(alcohol.at("years")[1] ==
        json{{"year", 2014},
             {"value", 47.0},
             {"previous", 46.0},
             {"computed", "red"},
             {"why", "47 år 2014 når inte målet 40; fjärmar sig från 46 år 2013"},
             {"override", nullptr},
             {"status", "red"}});
  CHECK(alcohol.at("years")[2].at("why") == "inget värde för 2015");
  const auto bars = shown.at("goals")[1];
  CHECK(bars.at("indicator").is_null());
  CHECK(statuses(bars) == std::vector<std::string>{"not-assessed", "not-assessed", "not-assessed"});

  const auto goal_id = std::to_string(alcohol.at("id").get<int>());
  s.now = "2015-02-09";
  s.ok({"goal", "override", goal_id, "--year", "2014", "--status", "yellow", "--reason",
        "Urvalet 2014 var litet", "--by", "samordnaren"});
  const auto latest = s.ok({"goal", "override", goal_id, "--year", "2014", "--status", "green",
                            "--reason", "Skolornas egen enkät visar 38 %", "--by", "samordnaren"});
  CHECK(latest.at("status") == "green");
  shown = s.ok({"plan", "show", andt_plan});
  const auto year_2014 = shown.at("goals")[0].at("years")[1];
  CHECK(year_2014.at("computed") == "red");
  CHECK(year_2014.at("status") == "green");
  CHECK(year_2014.at("override") == json{{"status", "green"},
                                         {"reason", "Skolornas egen enkät visar 38 %"},
                                         {"by", "samordnaren"},
                                         {"at", "2015-02-09T00:00:00+01:00"}});

  const auto before = s.written();
  CHECK(
      s({"goal", "override", goal_id, "--year", "2016", "--status", "red", "--reason", "x"}).code ==
      exit_bad_input);
  CHECK(
      s({"goal", "override", goal_id, "--year", "2014", "--status", "red", "--reason", " "}).code ==
      exit_bad_input);
  CHECK(s({"goal", "override", goal_id, "--year", "2014", "--status", "blue", "--reason", "x"})
            .code == exit_bad_input);
  CHECK(s({"goal", "override", "999", "--year", "2014", "--status", "red", "--reason", "x"}).code ==
        exit_not_found);
  CHECK(s.written() == before);
}

TEST_CASE("a goal's indicator needs a target, and a target an indicator", "[programme][cli]") {
  osteraker s;
  s.bodies();
  s.groups();
  s.andt_plan_with_goals();
  s.ok({"indicator", "add", "TR.1", "--title", "Andel som känner sig trygga", "--direction",
        "hold"});
  const auto before = s.written();
  CHECK(s({"goal", "add", "--plan", andt_plan, "Mål", "--indicator", "CAN.1"}).code ==
        exit_bad_input);
  CHECK(s({"goal", "add", "--plan", andt_plan, "Mål", "--target", "40"}).code == exit_bad_input);
  CHECK(s({"goal", "add", "--plan", andt_plan, "Mål", "--indicator", "CAN.1", "--target", "fyrtio"})
            .code == exit_bad_input);
  CHECK(
      s({"goal", "add", "--plan", andt_plan, "Mål", "--indicator", "NO.1", "--target", "4"}).code ==
      exit_not_found);
  const auto hold =
      s({"goal", "add", "--plan", andt_plan, "Mål", "--indicator", "TR.1", "--target", "80"});
  CHECK(hold.code == exit_bad_input);
  CHECK_THAT(hold.err, Contains("give the goal's --direction"));
  CHECK(s.written() == before);
  const auto added = s.ok({"goal", "add", "--plan", andt_plan, "Fler känner sig trygga",
                           "--indicator", "TR.1", "--target", "80,5", "--direction", "increase"});
  CHECK(added.at("target") == 80.5);
  CHECK(added.at("position") == 3);
}

TEST_CASE("action items of the follow-up table are linked to a plan and listed with it",
          "[programme][cli]") {
  osteraker s;
  s.bodies();
  s.groups();
  s.andt_plan_with_goals();
  s.now = "2016-08-18";  // the seed table's return date: its half-year is 2016H2
  s.ok({"followup", "import", BEVAKA_FIXTURES_DIR "/followup/seed-003-t2-2016.txt", "--unit",
        "Socialförvaltningen"});
  s.ok({"followup", "set", "1", "--plan", andt_plan});
  s.ok({"followup", "set", "2", "--plan", andt_plan});
  auto shown = s.ok({"plan", "show", andt_plan});
  REQUIRE(shown.at("items").size() == 2);
  CHECK(shown.at("items")[0].at("id") == 1);
  CHECK(shown.at("items")[0].at("unit") == "Socialförvaltningen");
  s.ok({"followup", "set", "2", "--plan", "none"});
  CHECK(s.ok({"plan", "show", andt_plan}).at("items").size() == 1);
  const auto log = s.ok({"followup", "log", "1"});
  CHECK(log.back().at("event") == "link-plan");

  const auto before = s.written();
  CHECK(s({"followup", "set", "1", "--plan", "KS 2099/1"}).code == exit_not_found);
  CHECK(s({"followup", "set", "999", "--plan", andt_plan}).code == exit_not_found);
  CHECK(s.written() == before);
}

TEST_CASE("plans are listed with their goals for the dashboard, by group", "[programme][cli]") {
  osteraker s;
  s.bodies();
  s.groups();
  s.andt_plan_with_goals();
  s.ok({"plan", "create", "--ref", "KS 2013/0113", "--title", "Handlingsplan Näringsliv", "--group",
        "Näringsliv", "--period",
        "2013\xE2\x80\x93"
        "2015"});
  const auto all = s.ok({"plan", "list"});
  REQUIRE(all.size() == 2);
  CHECK(all[0].at("group") == "ANDT");
  CHECK(all[0].at("goals").size() == 2);
  CHECK(all[1].at("period") == "2013-2015");
  CHECK(s.ok({"plan", "list", "--group", "Näringsliv"}).size() == 1);
  const auto text = s({"--format", "text", "plan", "show", andt_plan});
  REQUIRE(text.code == 0);
  CHECK_THAT(text.out, Contains("Färre unga dricker alkohol"));
  CHECK_THAT(text.out, Contains("2015"));
}
