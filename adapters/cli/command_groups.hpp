#pragma once
// Each group of commands adds its subcommands to the app; the one the user chose stores its
// handler in `chosen`. One file per group.

#include <CLI/CLI.hpp>

#include "adapters/cli/runtime.hpp"

namespace bevaka::cli {

// case_commands.cpp: init, body, round, assignment
void add_case_commands(CLI::App& app, handler& chosen);
// query_commands.cpp: overdue, extension-requests, log, punctuality, calendar
void add_query_commands(CLI::App& app, handler& chosen);
// serve_commands.cpp: serve (the HTTP API, the dashboard and the reminder dispatcher), token
void add_serve_commands(CLI::App& app, handler& chosen);
// followup_commands.cpp: followup import, list, areas, event, set, log, export
void add_followup_commands(CLI::App& app, handler& chosen);
// indicator_commands.cpp: indicator add, value, list
void add_indicator_commands(CLI::App& app, handler& chosen);
// report_commands.cpp: sections import, show; report
void add_report_commands(CLI::App& app, handler& chosen);
// reminder_commands.cpp: reminders, remind
void add_reminder_commands(CLI::App& app, handler& chosen);
// programme_commands.cpp: group add, list, move; plan create, event, show, list; goal add, override
void add_programme_commands(CLI::App& app, handler& chosen);
// duty_commands.cpp: duty record, status
void add_duty_commands(CLI::App& app, handler& chosen);
// budget_commands.cpp: budget import, spend, show
void add_budget_commands(CLI::App& app, handler& chosen);

}  // namespace bevaka::cli
