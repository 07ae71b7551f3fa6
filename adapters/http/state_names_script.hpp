#pragma once
// The Swedish state names (views::swedish_state_names) as a script, served to the dashboard
// before app.js, so that the page names every state as the CLI, the calendar feed and the
// report do, from one table.

#include <string>

namespace bevaka::http {

// "const stateNames = {"round": {...}, "assignment": {...}, ...};\n"
[[nodiscard]] std::string state_names_script();

}  // namespace bevaka::http
