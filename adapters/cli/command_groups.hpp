#pragma once
// Each group of commands adds its subcommands to the app; the one the user chose stores its
// handler in `chosen`. One file per group.

#include <CLI/CLI.hpp>

#include "adapters/cli/runtime.hpp"

namespace bevaka::cli {

// case_commands.cpp: init, body, round, assignment
void add_case_commands(CLI::App& app, handler& chosen);
// query_commands.cpp: overdue, log, calendar
void add_query_commands(CLI::App& app, handler& chosen);
// reminder_commands.cpp: reminders, remind, serve (the dispatcher)
void add_reminder_commands(CLI::App& app, handler& chosen);

}  // namespace bevaka::cli
