#include "engine/reminders/reminder.hpp"

#include <tuple>

namespace bevaka::engine {

std::string_view to_string(reminder_kind kind) { return reminder_kind_names.to_string(kind); }
std::string_view to_string(reminder_state state) { return reminder_state_names.to_string(state); }
std::optional<reminder_kind> parse_reminder_kind(std::string_view text) {
  return reminder_kind_names.parse(text);
}
std::optional<reminder_state> parse_reminder_state(std::string_view text) {
  return reminder_state_names.parse(text);
}

reminder_stream reminder_stream_of(reminder_kind kind) {
  return kind == reminder_kind::escalation ? reminder_stream::registrar : reminder_stream::body;
}

bool supersedes(const reminder& later, const reminder& earlier) {
  return later.assignment_id == earlier.assignment_id &&
         reminder_stream_of(later.kind) == reminder_stream_of(earlier.kind) &&
         std::tie(later.due_at, later.id) > std::tie(earlier.due_at, earlier.id);
}

}  // namespace bevaka::engine
