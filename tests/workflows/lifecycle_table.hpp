#pragma once
// Checks shared by the lifecycle tests, which specify each machine as a table of rows.

#include <algorithm>
#include <catch2/catch.hpp>
#include <span>
#include <string_view>
#include <vector>

#include "workflows/transition.hpp"

namespace bevaka::workflows::testing {

template <class Facts, class Effect>
struct row {
  std::string_view from;
  std::string_view event;
  Facts facts;  // facts under which the row's guard, if any, passes
  std::string_view to;
  std::vector<Effect> effects;
};

template <class Facts, class Effect>
using table = std::vector<row<Facts, Effect>>;

// Each row, fired from a machine restored to `from`, lands in `to` with exactly `effects`.
template <class Fire, class Facts, class Effect>
void check_rows(Fire fire, const table<Facts, Effect>& rows) {
  for (const auto& r : rows) {
    INFO(r.from << " --" << r.event << "--> " << r.to);
    const auto result = fire(r.from, r.event, r.facts);
    REQUIRE(result.has_value());
    CHECK(result->from == r.from);
    CHECK(result->to == r.to);
    CHECK(result->effects == r.effects);
  }
}

template <class Facts, class Effect>
std::vector<std::string_view> events_from(std::string_view state,
                                          const table<Facts, Effect>& rows) {
  std::vector<std::string_view> events;
  for (const auto& r : rows) {
    if (r.from == state && std::ranges::find(events, r.event) == events.end()) {
      events.push_back(r.event);
    }
  }
  return events;
}

// Every (state, event) pair without a row is refused as not accepted, and the refusal names the
// events the state does have rows for, in table order.
template <class Fire, class Facts, class Effect>
void check_pairs_without_a_row_are_refused(Fire fire, const table<Facts, Effect>& rows,
                                           std::span<const std::string_view> states,
                                           std::span<const std::string_view> events) {
  for (const auto state : states) {
    const auto accepted = events_from(state, rows);
    for (const auto event : events) {
      if (std::ranges::find(accepted, event) != accepted.end()) continue;
      INFO(state << " --" << event << "-->");
      const auto result = fire(state, event, Facts{});
      REQUIRE_FALSE(result.has_value());
      CHECK(result.error().kind == refusal_kind::not_accepted);
      CHECK(result.error().state == state);
      CHECK(result.error().event == event);
      CHECK(result.error().accepted_events == accepted);
    }
  }
}

template <class Fire, class Facts>
void check_guard_rejects(Fire fire, std::string_view state, std::string_view event,
                         const Facts& facts, std::string_view reason) {
  INFO(state << " --" << event << "-->");
  const auto result = fire(state, event, facts);
  REQUIRE_FALSE(result.has_value());
  const auto refused = result.error();
  CHECK(refused.kind == refusal_kind::guard_rejected);
  CHECK(refused.reason == reason);
  CHECK(std::ranges::find(refused.accepted_events, event) != refused.accepted_events.end());
}

inline std::vector<std::string_view> names(std::span<const std::string_view> span) {
  return {span.begin(), span.end()};
}

}  // namespace bevaka::workflows::testing
