#pragma once
// The lifecycle of a round: one request sent to many bodies at once, from draft through the
// answers, the crime-prevention council (KBR, Brå: named in the config) and approval by the
// executive board (KS), or withdrawn. When answers close, every assignment still awaiting an
// answer ends as unanswered; the council's steps come after that. A pure
// function of (state, event, facts): the engine loads the state name, fires, then saves the new
// name and carries out the effects. No I/O, no shared state; safe to call from any thread.

#include <span>
#include <string_view>

#include "workflows/transition.hpp"

namespace bevaka::workflows {

// The names of the states and events, as stored and as the CLI types the events. The machine's
// states and events carry these constants, so each name is spelled here and nowhere else.
namespace round_state {
inline constexpr std::string_view draft = "draft";
inline constexpr std::string_view sent = "sent";
inline constexpr std::string_view answers_closed = "answers_closed";
inline constexpr std::string_view sent_to_council = "sent_to_council";
inline constexpr std::string_view discussed = "discussed";
inline constexpr std::string_view approved = "approved";
inline constexpr std::string_view withdrawn = "withdrawn";
}  // namespace round_state

namespace round_event {
inline constexpr std::string_view send = "send";
inline constexpr std::string_view close_answers = "close-answers";
inline constexpr std::string_view send_to_council = "send-to-council";
inline constexpr std::string_view discuss = "discuss";
inline constexpr std::string_view approve = "approve";
inline constexpr std::string_view withdraw = "withdraw";
}  // namespace round_event

enum class round_effect {
  send_assignments,      // every assignment of the round goes out (draft -> sent)
  withdraw_assignments,  // every open assignment of the round is withdrawn
  close_assignments,     // every assignment still awaiting an answer ends as unanswered
};

// What the guards need to know, supplied by the engine.
struct round_facts {
  // A consultation may go from closed answers straight to approval; an annual report must be
  // sent to the council and discussed there first.
  bool may_skip_council = false;
};

// Restores the lifecycle to `state` and fires `event` (both spelled as in the lists below).
// Refuses unknown names, events the state has no row for, and events a rule forbids.
[[nodiscard]] fire_result<round_effect> fire_round(std::string_view state, std::string_view event,
                                                   const round_facts& facts);

// draft, sent, answers_closed, sent_to_council, discussed, approved, withdrawn.
[[nodiscard]] std::span<const std::string_view> round_states();

// send, close-answers, send-to-council, discuss, approve, withdraw.
[[nodiscard]] std::span<const std::string_view> round_events();

}  // namespace bevaka::workflows
