#pragma once
// The lifecycle of an assignment: one body's part in one round, from draft to registered (or
// declined, withdrawn, or unanswered when the round's answers closed without it; a late answer
// may still be submitted then). A pure function of (state, event, facts): the engine loads the
// state name, fires, then saves the new name and carries out the effects. No I/O, no shared state;
// safe to call from any thread.

#include <span>
#include <string_view>

#include "workflows/transition.hpp"

namespace bevaka::workflows {

// The names of the states and events, as stored and as the CLI types the events. The machine's
// states and events carry these constants, so each name is spelled here and nowhere else.
namespace assignment_state {
inline constexpr std::string_view draft = "draft";
inline constexpr std::string_view sent = "sent";
inline constexpr std::string_view drafting = "drafting";
inline constexpr std::string_view decided = "decided";
inline constexpr std::string_view submitted = "submitted";
inline constexpr std::string_view registered = "registered";
inline constexpr std::string_view declined = "declined";
inline constexpr std::string_view withdrawn = "withdrawn";
inline constexpr std::string_view unanswered = "unanswered";
}  // namespace assignment_state

namespace assignment_event {
inline constexpr std::string_view send = "send";
inline constexpr std::string_view start = "start";
inline constexpr std::string_view decide = "decide";
inline constexpr std::string_view submit = "submit";
inline constexpr std::string_view register_ = "register";  // `register` is a C++ keyword
inline constexpr std::string_view decline = "decline";
inline constexpr std::string_view return_ = "return";  // `return` is a C++ keyword
inline constexpr std::string_view request_extension = "request-extension";
inline constexpr std::string_view extend = "extend";
inline constexpr std::string_view deny_extension = "deny-extension";
inline constexpr std::string_view withdraw = "withdraw";
inline constexpr std::string_view close = "close";  // by the engine, when the answers close
}  // namespace assignment_event

enum class assignment_effect {
  schedule_reminders,        // reminders before (and after) the assignment's current deadline
  move_deadline,             // the new deadline that came with extend or return now applies
  record_submission,         // the answer is in: stamp it on time or late, by how many working days
  cancel_reminders,          // no more reminders for this assignment
  record_extension_request,  // a later deadline is asked for; the registrar decides
  settle_extension_request,  // granted (extend) or denied: no longer pending; a request also
                             // lapses when the assignment stops awaiting an answer
};

// What the guards need to know, supplied by the engine.
struct assignment_facts {
  bool body_is_committee = false;    // a committee must decide before it submits
  bool new_deadline_given = false;   // request-extension, extend and return carry a new deadline
  bool extension_requested = false;  // a request is pending: deny-extension needs one
};

// Restores the lifecycle to `state` and fires `event` (both spelled as in the lists below).
// Refuses unknown names, events the state has no row for, and events a rule forbids.
[[nodiscard]] fire_result<assignment_effect> fire_assignment(std::string_view state,
                                                             std::string_view event,
                                                             const assignment_facts& facts);

// draft, sent, drafting, decided, submitted, registered, declined, withdrawn, unanswered.
[[nodiscard]] std::span<const std::string_view> assignment_states();

// send, start, decide, submit, register, decline, return, request-extension, extend,
// deny-extension, withdraw, close.
[[nodiscard]] std::span<const std::string_view> assignment_events();

// Sent and not yet answered: sent, drafting, decided (the states with a row for submit). These
// are the ones that can be overdue.
[[nodiscard]] bool assignment_awaits_answer(std::string_view state);

// Submitted or registered: the body's answer is in.
[[nodiscard]] bool assignment_has_answer(std::string_view state);

// Registered, declined, withdrawn or unanswered: the body's part in the round is over (an
// unanswered assignment still takes a late submit, which changes nothing on the round).
[[nodiscard]] bool assignment_has_ended(std::string_view state);
// The states assignment_has_ended accepts, for a store that asks its database (four: the SQL
// counts on it).
[[nodiscard]] std::span<const std::string_view, 4> ended_assignment_states();

}  // namespace bevaka::workflows
