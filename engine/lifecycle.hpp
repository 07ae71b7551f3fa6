#pragma once
// What the engine needs to know about assignment states beyond the machine's table.

#include <string_view>

namespace bevaka::engine {

// Sent and not yet answered: sent, drafting, decided. These are the ones that can be overdue.
[[nodiscard]] bool awaits_answer(std::string_view assignment_state);

// Registered, declined or withdrawn: accepts nothing more.
[[nodiscard]] bool has_ended(std::string_view assignment_state);

}  // namespace bevaka::engine
