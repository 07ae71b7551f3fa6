#include "engine/reminders/reminder.hpp"

#include <array>
#include <utility>

namespace bevaka::engine {
namespace {

constexpr std::array<std::pair<reminder_kind, std::string_view>, 3> kind_names{{
    {reminder_kind::reminder, "reminder"},
    {reminder_kind::overdue, "overdue"},
    {reminder_kind::escalation, "escalation"},
}};

constexpr std::array<std::pair<reminder_state, std::string_view>, 4> state_names{{
    {reminder_state::scheduled, "scheduled"},
    {reminder_state::sent, "sent"},
    {reminder_state::cancelled, "cancelled"},
    {reminder_state::failed, "failed"},
}};

template <class Value, std::size_t N>
std::string_view name_of(const std::array<std::pair<Value, std::string_view>, N>& names,
                         Value value) {
  for (const auto& [v, name] : names)
    if (v == value) return name;
  return {};
}

template <class Value, std::size_t N>
std::optional<Value> value_of(const std::array<std::pair<Value, std::string_view>, N>& names,
                              std::string_view text) {
  for (const auto& [v, name] : names)
    if (name == text) return v;
  return std::nullopt;
}

}  // namespace

std::string_view to_string(reminder_kind kind) { return name_of(kind_names, kind); }
std::string_view to_string(reminder_state state) { return name_of(state_names, state); }
std::optional<reminder_kind> parse_reminder_kind(std::string_view text) {
  return value_of(kind_names, text);
}
std::optional<reminder_state> parse_reminder_state(std::string_view text) {
  return value_of(state_names, text);
}

}  // namespace bevaka::engine
