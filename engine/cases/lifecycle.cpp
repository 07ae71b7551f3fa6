#include "engine/cases/lifecycle.hpp"

#include <algorithm>
#include <array>

namespace bevaka::engine {

bool awaits_answer(std::string_view state) {
  return state == "sent" || state == "drafting" || state == "decided";
}

namespace {
constexpr std::array<std::string_view, 3> ended_states{"registered", "declined", "withdrawn"};
}

bool has_ended(std::string_view state) {
  return std::find(ended_states.begin(), ended_states.end(), state) != ended_states.end();
}

std::span<const std::string_view, 3> ended_assignment_states() { return ended_states; }

}  // namespace bevaka::engine
