#pragma once
// The Swedish state names (views::swedish_state_names) as a script, served to the dashboard
// before app.js, so that the page names every state as the CLI, the calendar feed and the
// report do, from one table.

#include <string>

#include "engine/shared/council.hpp"

namespace bevaka::http {

// "const stateNames = {"round": {...}, "assignment": {...}, ..., "council": {...}};\n", the
// council's states and the council itself named as `council` says.
[[nodiscard]] std::string state_names_script(const engine::council_names& council);

}  // namespace bevaka::http
