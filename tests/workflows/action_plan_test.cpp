#include "workflows/action_plan.hpp"

#include <catch2/catch.hpp>

#include "tests/workflows/lifecycle_table.hpp"

using namespace bevaka::workflows;
using namespace bevaka::workflows::testing;

namespace {

using effect = action_plan_effect;
using enum action_plan_effect;
using facts = action_plan_facts;

constexpr facts nothing_yet{};
constexpr facts with_goals{.has_goals = true};
constexpr facts final_year{.final_year_reached = true};

// {from, event, facts, to, effects}, grouped by from.
// clang-format off
const table<facts, effect> action_plan_table = {
    {"draft",    "decide",      with_goals,  "decided",   {}},

    {"decided",  "take-effect", nothing_yet, "in-force",  {}},
    {"decided",  "revise",      nothing_yet, "draft",     {}},

    {"in-force", "review",      nothing_yet, "in-force",  {record_review}},
    {"in-force", "evaluate",    final_year,  "evaluated", {}},
    {"in-force", "revise",      nothing_yet, "draft",     {}},
};
// clang-format on

}  // namespace

TEST_CASE("an action plan's states and events are named as they are stored and typed",
          "[workflows]") {
  CHECK(names(action_plan_states()) ==
        std::vector<std::string_view>{"draft", "decided", "in-force", "evaluated"});
  CHECK(names(action_plan_events()) ==
        std::vector<std::string_view>{"decide", "take-effect", "review", "evaluate", "revise"});
}

TEST_CASE("every row of the action plan table reaches its target with its effects", "[workflows]") {
  check_rows(fire_action_plan, action_plan_table);
}

TEST_CASE("an action plan refuses every event its state has no row for", "[workflows]") {
  check_pairs_without_a_row_are_refused(fire_action_plan, action_plan_table, action_plan_states(),
                                        action_plan_events());
}

TEST_CASE("an evaluated action plan accepts nothing more, not even a revision", "[workflows]") {
  const facts everything{.has_goals = true, .final_year_reached = true};
  for (const auto event : action_plan_events()) {
    INFO("evaluated --" << event << "-->");
    const auto result = fire_action_plan("evaluated", event, everything);
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().kind == refusal_kind::not_accepted);
    CHECK(result.error().accepted_events.empty());
  }
}

TEST_CASE("an action plan without a measurable goal cannot be decided", "[workflows]") {
  check_guard_rejects(fire_action_plan, "draft", "decide", nothing_yet,
                      "a plan needs at least one measurable goal");
}

TEST_CASE("a plan in force takes one review a year", "[workflows]") {
  check_guard_rejects(fire_action_plan, "in-force", "review", facts{.year_already_reviewed = true},
                      "this year already has its review");
}

TEST_CASE("a plan is evaluated only in the last year of its period", "[workflows]") {
  check_guard_rejects(fire_action_plan, "in-force", "evaluate", nothing_yet,
                      "the final evaluation comes in the last year of the plan's period");
}

TEST_CASE("unknown action plan states and events are refused as unknown", "[workflows]") {
  const auto no_state = fire_action_plan("adopted", "review", nothing_yet);
  REQUIRE_FALSE(no_state.has_value());
  CHECK(no_state.error().kind == refusal_kind::unknown_state);

  const auto no_event = fire_action_plan("in-force", "approve", nothing_yet);
  REQUIRE_FALSE(no_event.has_value());
  CHECK(no_event.error().kind == refusal_kind::unknown_event);
  CHECK(no_event.error().accepted_events ==
        std::vector<std::string_view>{"review", "evaluate", "revise"});
}

TEST_CASE("an action plan is restored to the stored state, not started as a draft", "[workflows]") {
  const auto reviewed = fire_action_plan("in-force", "review", nothing_yet);
  REQUIRE(reviewed.has_value());
  CHECK(reviewed->from == "in-force");
  CHECK(reviewed->to == "in-force");
  CHECK_FALSE(fire_action_plan("draft", "review", nothing_yet).has_value());
}
