#pragma once
// Reminders: rows of a durable outbox, written in the same transaction as the event that makes
// them due (a round sent) or moot (an answer submitted). A dispatcher claims the due ones, sends
// them and records what happened. Plain values; the store adapter reads and writes them.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/calendar/calendar.hpp"
#include "engine/cases/model.hpp"
#include "engine/shared/enum_names.hpp"

namespace bevaka::engine {

using instant = std::chrono::sys_seconds;

enum class reminder_kind {
  reminder,    // before (or on) the deadline, to the body
  overdue,     // after the deadline, to the body
  escalation,  // to the registrar ("+5!" in a policy)
};
// superseded: not sent, because a later step of the same stream (reminder_stream_of) was due by
// the time it could go out; the body gets the latest step only, not every step it missed.
enum class reminder_state { scheduled, sent, cancelled, failed, superseded };

// Names as the CLI, the JSON and the database spell them.
inline constexpr enum_names<reminder_kind, 3> reminder_kind_names{{
    {reminder_kind::reminder, "reminder"},
    {reminder_kind::overdue, "overdue"},
    {reminder_kind::escalation, "escalation"},
}};
inline constexpr enum_names<reminder_state, 5> reminder_state_names{{
    {reminder_state::scheduled, "scheduled"},
    {reminder_state::sent, "sent"},
    {reminder_state::cancelled, "cancelled"},
    {reminder_state::failed, "failed"},
    {reminder_state::superseded, "superseded"},
}};
[[nodiscard]] std::string_view to_string(reminder_kind kind);
[[nodiscard]] std::string_view to_string(reminder_state state);
[[nodiscard]] std::optional<reminder_kind> parse_reminder_kind(std::string_view text);
[[nodiscard]] std::optional<reminder_state> parse_reminder_state(std::string_view text);

// Who a reminder goes to. The steps of one assignment's stream replace each other: a later
// step says all an earlier one would have said, and more up to date.
enum class reminder_stream {
  body,       // reminder and overdue
  registrar,  // escalation
};
[[nodiscard]] reminder_stream reminder_stream_of(reminder_kind kind);

struct reminder {
  id_t id = 0;
  id_t assignment_id = 0;
  id_t round_id = 0;
  id_t body_id = 0;
  reminder_kind kind = reminder_kind::reminder;
  int offset_days = 0;  // working days from the deadline: -10 before, +1 after
  date deadline{};      // the effective deadline it was scheduled for
  instant due_at{};
  reminder_state state = reminder_state::scheduled;
  // While scheduled: the earliest time a dispatcher may claim it. Starts at due_at; a claim
  // moves it to the end of the claim's lease, a failed attempt to the next retry.
  instant next_attempt_at{};
  int attempts = 0;  // attempts started (claims taken)
  std::optional<instant> sent_at{};
  std::string last_error{};  // the last failed attempt's reason, empty when none
};

// Whether `later` makes `earlier` moot: the same assignment and stream, and later in due order
// (due time, then id). Whether `later` is due or sent is the caller's to ask.
[[nodiscard]] bool supersedes(const reminder& later, const reminder& earlier);

// The reason a superseded reminder keeps as its last_error.
inline constexpr std::string_view superseded_reason =
    "not sent: a later reminder to the same recipient was due as well";

// A reminder with what a listing and a message need.
struct reminder_view {
  reminder r{};
  std::string ref{};
  std::string title{};
  round_kind round{};
  std::string body_name{};
  std::vector<std::string> body_emails{};
  shifted_deadline deadline{};  // the assignment's current deadline
};

}  // namespace bevaka::engine
