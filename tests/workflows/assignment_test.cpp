#include "workflows/assignment.hpp"

#include <catch2/catch.hpp>

#include "tests/workflows/lifecycle_table.hpp"

using namespace bevaka::workflows;
using namespace bevaka::workflows::testing;

namespace {

using effect = assignment_effect;
using enum assignment_effect;
using facts = assignment_facts;

constexpr facts other_body{};
constexpr facts committee{.body_is_committee = true};
constexpr facts new_deadline{.new_deadline_given = true};
constexpr std::string_view committee_reason =
    "a committee must record its decision (decide) before it submits";
constexpr facts pending_request{.extension_requested = true};
constexpr std::string_view deadline_reason =
    "request-extension, extend and return need a new deadline";
constexpr std::string_view no_request_reason = "no extension has been requested";

// {from, event, facts, to, effects}, grouped by from.
// clang-format off
const table<facts, effect> assignment_table = {
    {"draft",      "send",              other_body,      "sent",       {schedule_reminders}},
    {"draft",      "withdraw",          other_body,      "withdrawn",  {}},

    {"sent",       "start",             other_body,      "drafting",   {}},
    {"sent",       "decide",            committee,       "decided",    {}},
    {"sent",       "submit",            other_body,      "submitted",  {record_submission, cancel_reminders}},
    {"sent",       "decline",           other_body,      "declined",   {cancel_reminders}},
    {"sent",       "request-extension", new_deadline,    "sent",       {record_extension_request}},
    {"sent",       "extend",            new_deadline,    "sent",       {move_deadline, settle_extension_request}},
    {"sent",       "deny-extension",    pending_request, "sent",       {settle_extension_request}},
    {"sent",       "withdraw",          other_body,      "withdrawn",  {cancel_reminders}},
    {"sent",       "close",             other_body,      "unanswered", {cancel_reminders}},

    {"drafting",   "decide",            committee,       "decided",    {}},
    {"drafting",   "submit",            other_body,      "submitted",  {record_submission, cancel_reminders}},
    {"drafting",   "decline",           other_body,      "declined",   {cancel_reminders}},
    {"drafting",   "request-extension", new_deadline,    "drafting",   {record_extension_request}},
    {"drafting",   "extend",            new_deadline,    "drafting",   {move_deadline, settle_extension_request}},
    {"drafting",   "deny-extension",    pending_request, "drafting",   {settle_extension_request}},
    {"drafting",   "withdraw",          other_body,      "withdrawn",  {cancel_reminders}},
    {"drafting",   "close",             other_body,      "unanswered", {cancel_reminders}},

    {"decided",    "submit",            committee,       "submitted",  {record_submission, cancel_reminders}},
    {"decided",    "decline",           committee,       "declined",   {cancel_reminders}},
    {"decided",    "request-extension", new_deadline,    "decided",    {record_extension_request}},
    {"decided",    "extend",            new_deadline,    "decided",    {move_deadline, settle_extension_request}},
    {"decided",    "deny-extension",    pending_request, "decided",    {settle_extension_request}},
    {"decided",    "withdraw",          committee,       "withdrawn",  {cancel_reminders}},
    {"decided",    "close",             committee,       "unanswered", {cancel_reminders}},

    {"submitted",  "register",          other_body,      "registered", {}},
    {"submitted",  "return",            new_deadline,    "drafting",   {move_deadline, schedule_reminders}},
    {"submitted",  "withdraw",          other_body,      "withdrawn",  {cancel_reminders}},

    {"unanswered", "submit",            committee,       "submitted",  {record_submission, cancel_reminders}},
};
// clang-format on

}  // namespace

TEST_CASE("an assignment's states and events are named as they are stored and typed",
          "[workflows]") {
  CHECK(names(assignment_states()) ==
        std::vector<std::string_view>{"draft", "sent", "drafting", "decided", "submitted",
                                      "registered", "declined", "withdrawn", "unanswered"});
  CHECK(names(assignment_events()) ==
        std::vector<std::string_view>{"send", "start", "decide", "submit", "register", "decline",
                                      "return", "request-extension", "extend", "deny-extension",
                                      "withdraw", "close"});
}

TEST_CASE("every row of the assignment table reaches its target with its effects", "[workflows]") {
  check_rows(fire_assignment, assignment_table);
}

TEST_CASE("an assignment refuses every event its state has no row for", "[workflows]") {
  check_pairs_without_a_row_are_refused(fire_assignment, assignment_table, assignment_states(),
                                        assignment_events());
}

TEST_CASE("a registered, declined or withdrawn assignment accepts nothing more", "[workflows]") {
  for (const auto state : {"registered", "declined", "withdrawn"}) {
    for (const auto event : assignment_events()) {
      INFO(state << " --" << event << "-->");
      const auto result = fire_assignment(state, event, new_deadline);
      REQUIRE_FALSE(result.has_value());
      CHECK(result.error().kind == refusal_kind::not_accepted);
      CHECK(result.error().accepted_events.empty());
    }
  }
}

TEST_CASE("a committee must decide before it submits; other bodies may submit straight away",
          "[workflows]") {
  check_guard_rejects(fire_assignment, "sent", "submit", committee, committee_reason);
  check_guard_rejects(fire_assignment, "drafting", "submit", committee, committee_reason);
  CHECK(fire_assignment("decided", "submit", committee).has_value());
  CHECK(fire_assignment("sent", "submit", other_body).has_value());
}

TEST_CASE("extend and return are refused without a new deadline", "[workflows]") {
  for (const auto state : {"sent", "drafting", "decided"}) {
    check_guard_rejects(fire_assignment, state, "request-extension", other_body, deadline_reason);
    check_guard_rejects(fire_assignment, state, "extend", other_body, deadline_reason);
  }
  check_guard_rejects(fire_assignment, "submitted", "return", committee, deadline_reason);
}

TEST_CASE("an extension is denied only when one was requested", "[workflows]") {
  for (const auto state : {"sent", "drafting", "decided"})
    check_guard_rejects(fire_assignment, state, "deny-extension", new_deadline, no_request_reason);
}

TEST_CASE("an unanswered assignment takes only a late answer", "[workflows]") {
  for (const auto event : assignment_events()) {
    INFO(event);
    CHECK(fire_assignment("unanswered", event, committee).has_value() == (event == "submit"));
  }
}

TEST_CASE("an assignment's refusal lists the events its state has rows for, in table order",
          "[workflows]") {
  const auto result = fire_assignment("decided", "start", committee);
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().accepted_events ==
        std::vector<std::string_view>{"submit", "decline", "request-extension", "extend",
                                      "deny-extension", "withdraw", "close"});
  const auto guarded = fire_assignment("sent", "submit", committee);
  REQUIRE_FALSE(guarded.has_value());
  CHECK(guarded.error().accepted_events ==
        std::vector<std::string_view>{"start", "decide", "submit", "decline", "request-extension",
                                      "extend", "deny-extension", "withdraw", "close"});
}

TEST_CASE("unknown assignment states and events are refused as unknown", "[workflows]") {
  const auto no_state = fire_assignment("overdue", "submit", other_body);
  REQUIRE_FALSE(no_state.has_value());
  CHECK(no_state.error().kind == refusal_kind::unknown_state);
  CHECK(no_state.error().state == "overdue");
  CHECK(no_state.error().accepted_events.empty());

  const auto no_event = fire_assignment("submitted", "approve", other_body);
  REQUIRE_FALSE(no_event.has_value());
  CHECK(no_event.error().kind == refusal_kind::unknown_event);
  CHECK(no_event.error().event == "approve");
  CHECK(no_event.error().accepted_events ==
        std::vector<std::string_view>{"register", "return", "withdraw"});
}

TEST_CASE("an assignment is restored to the stored state, not started in draft", "[workflows]") {
  const auto registered = fire_assignment("submitted", "register", other_body);
  REQUIRE(registered.has_value());
  CHECK(registered->to == "registered");
  CHECK_FALSE(fire_assignment("draft", "register", other_body).has_value());
  CHECK_FALSE(fire_assignment("withdrawn", "withdraw", other_body).has_value());
}

TEST_CASE("value() on a refused assignment event throws with the rule in words", "[workflows]") {
  CHECK_THROWS_WITH(fire_assignment("sent", "submit", committee).value(),
                    std::string(committee_reason));
}

TEST_CASE("the engine's questions about an assignment's state agree with the table",
          "[workflows]") {
  std::vector<std::string_view> ended;
  for (const auto state : assignment_states()) {
    INFO(state);
    const auto events = events_from(state, assignment_table);
    const bool only_late_answer = events == std::vector<std::string_view>{"submit"};
    // Ended: nothing more, or only a late answer after the answers closed.
    CHECK(assignment_has_ended(state) == (events.empty() || only_late_answer));
    // Awaited: the answers' close reaches it.
    CHECK(assignment_awaits_answer(state) == (std::ranges::find(events, "close") != events.end()));
    if (assignment_has_ended(state)) ended.push_back(state);
  }
  CHECK(names(ended_assignment_states()) ==
        std::vector<std::string_view>{"registered", "declined", "withdrawn", "unanswered"});
  CHECK(ended.size() == 4);
  CHECK_FALSE(assignment_has_ended("overdue"));
  CHECK_FALSE(assignment_awaits_answer("overdue"));
}
