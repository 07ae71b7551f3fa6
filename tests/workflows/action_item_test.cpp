#include "workflows/action_item.hpp"

#include <catch2/catch.hpp>

#include "tests/workflows/lifecycle_table.hpp"

using namespace bevaka::workflows;
using namespace bevaka::workflows::testing;

namespace {

using effect = action_item_effect;
using enum action_item_effect;
using facts = action_item_facts;

constexpr facts nothing_yet{};
constexpr facts evaluable{.has_evaluation_method = true, .has_evaluation_result = true};
constexpr std::string_view report_reason = "this half-year already has a progress report";
constexpr std::string_view evaluation_reason = "evaluation needs an evaluation method and a result";

// {from, event, facts, to, effects}, grouped by from.
// clang-format off
const table<facts, effect> action_item_table = {
    {"proposed",  "plan",     nothing_yet, "planned",   {}},
    {"proposed",  "start",    nothing_yet, "ongoing",   {}},
    {"proposed",  "cancel",   nothing_yet, "cancelled", {}},

    {"planned",   "start",    nothing_yet, "ongoing",   {}},
    {"planned",   "cancel",   nothing_yet, "cancelled", {}},

    {"ongoing",   "report",   nothing_yet, "ongoing",   {record_report}},
    {"ongoing",   "complete", nothing_yet, "completed", {}},
    {"ongoing",   "cancel",   nothing_yet, "cancelled", {}},

    {"completed", "evaluate", evaluable,   "evaluated", {record_evaluation}},
};
// clang-format on

}  // namespace

TEST_CASE("an action item's states and events are named as they are stored and typed",
          "[workflows]") {
  CHECK(names(action_item_states()) == std::vector<std::string_view>{"proposed", "planned",
                                                                     "ongoing", "completed",
                                                                     "evaluated", "cancelled"});
  CHECK(names(action_item_events()) ==
        std::vector<std::string_view>{"plan", "start", "report", "complete", "evaluate", "cancel"});
}

TEST_CASE("every row of the action item table reaches its target with its effects", "[workflows]") {
  check_rows(fire_action_item, action_item_table);
}

TEST_CASE("an action item refuses every event its state has no row for", "[workflows]") {
  check_pairs_without_a_row_are_refused(fire_action_item, action_item_table, action_item_states(),
                                        action_item_events());
}

TEST_CASE("an evaluated or cancelled action item accepts nothing more", "[workflows]") {
  for (const auto state : {"evaluated", "cancelled"}) {
    for (const auto event : action_item_events()) {
      INFO(state << " --" << event << "-->");
      const auto result = fire_action_item(state, event, evaluable);
      REQUIRE_FALSE(result.has_value());
      CHECK(result.error().kind == refusal_kind::not_accepted);
      CHECK(result.error().accepted_events.empty());
    }
  }
}

TEST_CASE("an ongoing action item takes one progress report per half-year", "[workflows]") {
  check_guard_rejects(fire_action_item, "ongoing", "report", facts{.period_already_reported = true},
                      report_reason);
}

TEST_CASE("an action item is evaluated only with an evaluation method and a result",
          "[workflows]") {
  for (const auto& missing :
       {nothing_yet, facts{.has_evaluation_method = true}, facts{.has_evaluation_result = true}}) {
    check_guard_rejects(fire_action_item, "completed", "evaluate", missing, evaluation_reason);
  }
}

TEST_CASE("unknown action item states and events are refused as unknown", "[workflows]") {
  const auto no_state = fire_action_item("done", "evaluate", evaluable);
  REQUIRE_FALSE(no_state.has_value());
  CHECK(no_state.error().kind == refusal_kind::unknown_state);
  CHECK(no_state.error().accepted_events.empty());

  const auto no_event = fire_action_item("ongoing", "finish", evaluable);
  REQUIRE_FALSE(no_event.has_value());
  CHECK(no_event.error().kind == refusal_kind::unknown_event);
  CHECK(no_event.error().accepted_events ==
        std::vector<std::string_view>{"report", "complete", "cancel"});
}

TEST_CASE("an action item is restored to the stored state, not started as proposed",
          "[workflows]") {
  const auto evaluated = fire_action_item("completed", "evaluate", evaluable);
  REQUIRE(evaluated.has_value());
  CHECK(evaluated->to == "evaluated");
  CHECK_FALSE(fire_action_item("proposed", "evaluate", evaluable).has_value());
  CHECK_FALSE(fire_action_item("cancelled", "cancel", evaluable).has_value());
}
