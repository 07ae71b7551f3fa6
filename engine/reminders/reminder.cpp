#include "engine/reminders/reminder.hpp"

namespace bevaka::engine {

std::string_view to_string(reminder_kind kind) { return reminder_kind_names.to_string(kind); }
std::string_view to_string(reminder_state state) { return reminder_state_names.to_string(state); }
std::optional<reminder_kind> parse_reminder_kind(std::string_view text) {
  return reminder_kind_names.parse(text);
}
std::optional<reminder_state> parse_reminder_state(std::string_view text) {
  return reminder_state_names.parse(text);
}

}  // namespace bevaka::engine
