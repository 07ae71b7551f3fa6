#pragma once
// What the engine needs to know about assignment states beyond the machine's table.

#include <span>
#include <string_view>

namespace bevaka::engine {

// Sent and not yet answered: sent, drafting, decided. These are the ones that can be overdue.
[[nodiscard]] bool awaits_answer(std::string_view assignment_state);

// Registered, declined or withdrawn: accepts nothing more.
[[nodiscard]] bool has_ended(std::string_view assignment_state);
// The states has_ended accepts, for a store that asks its database (three: the SQL counts on it).
[[nodiscard]] std::span<const std::string_view, 3> ended_assignment_states();

}  // namespace bevaka::engine
