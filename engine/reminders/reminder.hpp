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
enum class reminder_state { scheduled, sent, cancelled, failed };

// Names as the CLI, the JSON and the database spell them.
inline constexpr enum_names<reminder_kind, 3> reminder_kind_names{{
    {reminder_kind::reminder, "reminder"},
    {reminder_kind::overdue, "overdue"},
    {reminder_kind::escalation, "escalation"},
}};
inline constexpr enum_names<reminder_state, 4> reminder_state_names{{
    {reminder_state::scheduled, "scheduled"},
    {reminder_state::sent, "sent"},
    {reminder_state::cancelled, "cancelled"},
    {reminder_state::failed, "failed"},
}};
[[nodiscard]] std::string_view to_string(reminder_kind kind);
[[nodiscard]] std::string_view to_string(reminder_state state);
[[nodiscard]] std::optional<reminder_kind> parse_reminder_kind(std::string_view text);
[[nodiscard]] std::optional<reminder_state> parse_reminder_state(std::string_view text);

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
