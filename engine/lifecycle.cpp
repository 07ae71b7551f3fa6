#include "engine/lifecycle.hpp"

namespace bevaka::engine {

bool awaits_answer(std::string_view state) {
  return state == "sent" || state == "drafting" || state == "decided";
}

bool has_ended(std::string_view state) {
  return state == "registered" || state == "declined" || state == "withdrawn";
}

}  // namespace bevaka::engine
