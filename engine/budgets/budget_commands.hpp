#pragma once
// The budget's commands: importing a year's budget with its sums checked, recording outcomes
// against its lines, and reading it back. Each runs in the caller's transaction; a refused
// command writes nothing.

#include <optional>
#include <string>

#include "engine/budgets/budget.hpp"
#include "engine/budgets/budget_store.hpp"
#include "engine/programme/programme_store.hpp"
#include "engine/shared/command_context.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::engine {

// Checks every area's SUMMA and the TOTAL SUMMA against the lines (bad_input "file:line: ...",
// with both sums), refuses an area or a line named twice (a line in one area), an empty owner and
// a year outside 1900–2999, and a year that has a budget already (duplicate: outcomes are recorded
// against the stored lines, so a revised budget must not silently replace them). Stores the
// budget and its "import" event. `owner` is a group of the programme, by name or id (not_found
// otherwise), stored by the group's name.
[[nodiscard]] outcome<budget> import_budget(programme_store& programme, budget_store& budgets,
                                            const command_context& ctx, const imported_budget& file,
                                            int year, const std::string& owner);

struct budget_spending {
  int year = 0;
  std::string line{};                 // the line's name, in any case
  std::optional<std::string> area{};  // needed when the name is in several areas
  kronor amount = 0;                  // negative corrects an earlier outcome
  std::string note{};
};

// Records an outcome against one line ("spend" event) and returns the line as it is now.
// not_found for an unknown year, line or area; bad_input for an amount of 0, a correction that
// would make the line's spent negative, and a name in several areas without `area` (the message
// names the areas).
struct spent_line {
  int year = 0;
  std::string area{};
  budget_line line{};
};
[[nodiscard]] outcome<spent_line> spend_from_budget(budget_store& budgets,
                                                    const command_context& ctx,
                                                    const budget_spending& spending);

// The year's budget with what is spent; not_found when none was imported.
[[nodiscard]] outcome<budget> find_budget(budget_store& budgets, int year);

}  // namespace bevaka::engine
