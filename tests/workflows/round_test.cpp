#include "workflows/round.hpp"

#include <catch2/catch.hpp>

#include "tests/workflows/lifecycle_table.hpp"

using namespace bevaka::workflows;
using namespace bevaka::workflows::testing;

namespace {

using effect = round_effect;
using enum round_effect;
using facts = round_facts;

constexpr facts annual_report{};
constexpr facts consultation{.may_skip_council = true};
constexpr std::string_view council_reason =
    "an annual report must be sent to the crime-prevention council (send-to-council) and "
    "discussed there (discuss) before it is approved";

// {from, event, facts, to, effects}, grouped by from.
// clang-format off
const table<facts, effect> round_table = {
    {"draft",           "send",            annual_report, "sent",            {send_assignments}},
    {"draft",           "withdraw",        annual_report, "withdrawn",       {withdraw_assignments}},

    {"sent",            "close-answers",   annual_report, "answers_closed",  {close_assignments}},
    {"sent",            "withdraw",        annual_report, "withdrawn",       {withdraw_assignments}},

    {"answers_closed",  "send-to-council", annual_report, "sent_to_council", {}},
    {"answers_closed",  "approve",         consultation,  "approved",        {}},
    {"answers_closed",  "withdraw",        annual_report, "withdrawn",       {withdraw_assignments}},

    {"sent_to_council", "discuss",         annual_report, "discussed",       {}},
    {"sent_to_council", "withdraw",        annual_report, "withdrawn",       {withdraw_assignments}},

    {"discussed",       "approve",         annual_report, "approved",        {}},
    {"discussed",       "withdraw",        annual_report, "withdrawn",       {withdraw_assignments}},
};
// clang-format on

}  // namespace

TEST_CASE("a round's states and events are named as they are stored and typed", "[workflows]") {
  CHECK(names(round_states()) == std::vector<std::string_view>{"draft", "sent", "answers_closed",
                                                               "sent_to_council", "discussed",
                                                               "approved", "withdrawn"});
  CHECK(names(round_events()) == std::vector<std::string_view>{"send", "close-answers",
                                                               "send-to-council", "discuss",
                                                               "approve", "withdraw"});
}

TEST_CASE("every row of the round table reaches its target with its effects", "[workflows]") {
  check_rows(fire_round, round_table);
}

TEST_CASE("a round refuses every event its state has no row for", "[workflows]") {
  check_pairs_without_a_row_are_refused(fire_round, round_table, round_states(), round_events());
}

TEST_CASE("an approved or withdrawn round accepts nothing more", "[workflows]") {
  for (const auto state : {"approved", "withdrawn"}) {
    for (const auto event : round_events()) {
      INFO(state << " --" << event << "-->");
      const auto result = fire_round(state, event, consultation);
      REQUIRE_FALSE(result.has_value());
      CHECK(result.error().kind == refusal_kind::not_accepted);
      CHECK(result.error().accepted_events.empty());
    }
  }
}

TEST_CASE("a consultation may be approved without the council; an annual report may not",
          "[workflows]") {
  const auto skipped = fire_round("answers_closed", "approve", consultation);
  REQUIRE(skipped.has_value());
  CHECK(skipped->to == "approved");
  check_guard_rejects(fire_round, "answers_closed", "approve", annual_report, council_reason);
  const auto refused = fire_round("answers_closed", "approve", annual_report);
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().accepted_events ==
        std::vector<std::string_view>{"send-to-council", "approve", "withdraw"});
}

TEST_CASE("the council discusses only what was sent to it", "[workflows]") {
  CHECK_FALSE(fire_round("answers_closed", "discuss", annual_report).has_value());
  CHECK_FALSE(fire_round("sent_to_council", "approve", consultation).has_value());
  const auto discussed = fire_round("sent_to_council", "discuss", annual_report);
  REQUIRE(discussed.has_value());
  CHECK(discussed->to == "discussed");
}

TEST_CASE("unknown round states and events are refused as unknown", "[workflows]") {
  const auto no_state = fire_round("compiled", "approve", consultation);
  REQUIRE_FALSE(no_state.has_value());
  CHECK(no_state.error().kind == refusal_kind::unknown_state);
  CHECK(no_state.error().accepted_events.empty());

  const auto no_event = fire_round("sent", "close_answers", consultation);
  REQUIRE_FALSE(no_event.has_value());
  CHECK(no_event.error().kind == refusal_kind::unknown_event);
  CHECK(no_event.error().accepted_events ==
        std::vector<std::string_view>{"close-answers", "withdraw"});
}

TEST_CASE("a round is restored to the stored state, not started in draft", "[workflows]") {
  const auto approved = fire_round("discussed", "approve", annual_report);
  REQUIRE(approved.has_value());
  CHECK(approved->from == "discussed");
  CHECK_FALSE(fire_round("draft", "approve", annual_report).has_value());
  CHECK_FALSE(fire_round("approved", "withdraw", annual_report).has_value());
}
