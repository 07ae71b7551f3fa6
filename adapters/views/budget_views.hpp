#pragma once
// The JSON shapes of budgets, shared by the CLI and the HTTP API. They are a contract. Amounts
// are whole kronor as JSON integers.

#include <nlohmann/json.hpp>

#include "engine/budgets/budget.hpp"
#include "engine/budgets/budget_commands.hpp"

namespace bevaka::views {

using json = nlohmann::ordered_json;

// {year, owner, total, spent, areas: [{name, planned, spent, lines: [{name, planned, spent,
// note}]}]}; a line's note is its comment in the file, null when it had none.
[[nodiscard]] json to_json(const engine::budget& b);

// One row per line for CSV and text: {area, line, planned, spent, note}.
[[nodiscard]] json budget_rows(const engine::budget& b);

// An outcome just recorded: {year, area, line, amount, note, planned, spent}; `spent` is the
// line's total after it.
[[nodiscard]] json to_json(const engine::budget_spending& s, const engine::spent_line& l);

}  // namespace bevaka::views
