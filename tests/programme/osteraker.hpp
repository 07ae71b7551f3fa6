#pragma once
// Österåker's "Trygg i Österåker" 2012–2015 (seed 002, KS 2012/0477-001) through the command
// line on a fresh database: the council, its working committee and the four focus groups, and
// counts of what the programme's tables hold, to show that a refusal wrote nothing.

#include <soci/soci.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/support/cli_runner.hpp"

namespace bevaka::testing {

inline const std::string osteraker_ref = "KS 2012/0477-001";
inline const std::string andt_plan = "KS 2013/0112";  // illustrative: the seed gives none

struct osteraker : cli_session {
  osteraker() : cli_session("programme_tests") { now = "2013-01-15"; }

  void bodies() const {
    for (const auto& [name, kind] : std::vector<std::pair<std::string, std::string>>{
             {"Kommunstyrelsen", "committee"},
             {"Kommunfullmäktige", "committee"},
             {"Socialnämnden", "committee"},
             {"Kultur- och utbildningsnämnden", "committee"},
             {"Polisen", "authority"},
             {"Armada Bostäder", "company"},
             {"Armada Kommunfastigheter", "company"}})
      ok({"body", "add", name, "--kind", kind, "--email", "trygghet@example.se"});
  }

  void groups() const {
    ok({"group", "add", "Trygg i Österåker", "--kind", "council", "--coordinator",
        "Kommunstyrelsen", "--member", "Socialnämnden", "--member",
        "Kultur- och utbildningsnämnden", "--member", "Polisen", "--member", "Armada Bostäder",
        "--member", "Armada Kommunfastigheter", "--meets-per-year", "3"});
    ok({"group", "add", "Arbetsutskottet", "--kind", "working-committee", "--coordinator",
        "Kommunstyrelsen", "--meets-per-year", "10", "--part-of", "Trygg i Österåker"});
    for (const auto* focus :
         {"ANDT", "Barn/ungdomar", "Offentliga miljöer och bostadsområden", "Näringsliv"})
      ok({"group", "add", focus, "--kind", "focus-group", "--coordinator", "Kommunstyrelsen",
          "--part-of", "Arbetsutskottet"});
  }

  // The ANDT focus area's plan 2013-2015 with two goals, one measured by an indicator.
  void andt_plan_with_goals() const {
    ok({"plan", "create", "--ref", andt_plan, "--title", "Handlingsplan ANDT 2013-2015", "--group",
        "ANDT", "--period", "2013-2015"});
    ok({"indicator", "add", "CAN.1", "--title",
        "Andel elever i år 9 som druckit alkohol senaste året", "--direction", "decrease", "--unit",
        "%"});
    ok({"goal", "add", "--plan", andt_plan, "Färre unga dricker alkohol", "--indicator", "CAN.1",
        "--target", "40"});
    ok({"goal", "add", "--plan", andt_plan,
        "Krogar mot Knark i alla krogar med serveringstillstånd"});
  }

  // Rows in the programme's tables and the record, to compare before and after a refusal.
  [[nodiscard]] long long written() {
    long long total = 0;
    for (const auto* table :
         {"programme_groups", "programme_group_members", "action_plans", "plan_reviews", "goals",
          "goal_overrides", "plan_items", "duty_steps", "followup_events"}) {
      long long count = 0;
      db.store().session() << std::string("SELECT COUNT(*) FROM ") + table, soci::into(count);
      total += count;
    }
    return total;
  }
};

}  // namespace bevaka::testing
