#pragma once
// The rows of the budgets' tables, read by the queries in statements.hpp. Internal to
// adapters/store.

#include <soci/soci.h>

#include <string>

#include "adapters/store/rows.hpp"
#include "engine/budgets/budget.hpp"

namespace bevaka::store::detail {

// A budget without its year, which the query asks by, and without its lines (budget_line_row).
struct budget_row {
  long long id = 0;
  std::string owner, source;
  void bind(soci::statement& st);
  [[nodiscard]] engine::budget to_model() const {
    return {.id = id, .owner = owner, .source = source};
  }
};

// A budget's line and the name of its area.
struct area_line {
  std::string area;
  engine::budget_line line;
};

// A line with what was spent on it.
struct budget_line_row {
  long long id = 0, planned = 0, spent = 0;
  std::string area, name, note;
  void bind(soci::statement& st);
  [[nodiscard]] area_line to_model() const;
};

}  // namespace bevaka::store::detail
