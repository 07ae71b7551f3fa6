#pragma once
// The commands that change cases. Each runs inside the caller's transaction: it validates
// everything first, fires the lifecycle machine, then writes the new state and the event
// together. A refused command returns an error and has written nothing that the caller's
// rollback would not undo (the store helper `in_transaction` commits only on success).

#include <optional>
#include <string>
#include <vector>

#include "engine/cases/case_store.hpp"
#include "engine/cases/model.hpp"
#include "engine/reminders/reminder_policy.hpp"
#include "engine/reminders/reminder_store.hpp"
#include "engine/shared/clock.hpp"
#include "engine/shared/command_context.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::engine {

struct new_body {
  std::string name{};
  body_kind kind = body_kind::committee;
  std::vector<std::string> emails{};
};

// Refuses an empty name, a name already taken (duplicate) and an address without '@'.
[[nodiscard]] outcome<body> add_body(case_store& cases, const new_body& request);

struct new_round {
  round_kind kind = round_kind::consultation;
  std::string ref{};
  std::string title{};
  date deadline{};
  std::vector<std::string> recipients{};          // body names or ids
  std::optional<body_kind> all_bodies_of_kind{};  // instead of recipients
  bool draft = false;                             // true: created, not yet sent
  bool shift_deadlines = true;
  reminder_policy reminders{};  // kept with the round; sending schedules each assignment's
};

// Creates the round and one assignment per recipient, and sends them unless `draft`. Sending
// schedules the reminders of the round's policy in the same transaction.
[[nodiscard]] outcome<round> create_round(case_store& cases, reminder_store& reminders,
                                          const command_context& ctx, const new_round& request);

// The note on the engine's event that ends an assignment as unanswered.
inline constexpr std::string_view unanswered_note = "inget svar när svaren stängdes";

struct case_event {
  std::string event{};  // as the CLI spells it: "close-answers", "submit"
  std::string note{};
  std::optional<date> new_deadline{};  // request-extension, extend and return
  std::optional<date> received{};      // submit: the day the answer arrived (default: today)
};

// send, close-answers, send-to-council, discuss, approve, withdraw. Sending and withdrawing a
// round do the same to its assignments, each with an event of its own; closing the answers ends
// every assignment still awaiting an answer as unanswered (an event by the engine).
[[nodiscard]] outcome<round> fire_round_event(case_store& cases, reminder_store& reminders,
                                              const command_context& ctx,
                                              std::string_view round_key, const case_event& e);

// start, decide, submit, register, decline, return, request-extension, extend, deny-extension.
// When the last open assignment of a sent round ends, the round's answers close on their own.
// Submit, decline and withdraw cancel the assignment's reminders; extend and return move them
// to the new deadline. Submit counts lateness from the day the answer was received; a late
// answer to an unanswered assignment is recorded and changes nothing on the round.
[[nodiscard]] outcome<assignment> fire_assignment_event(
    case_store& cases, reminder_store& reminders, const command_context& ctx,
    std::string_view round_key, std::string_view body_key, const case_event& e);

}  // namespace bevaka::engine
