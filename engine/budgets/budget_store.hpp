#pragma once
// The budgets' port: a year's budget with its lines and what was spent, and its record.
// Read and written inside the caller's transaction; implemented by adapters/store; may throw
// engine::database_error.

#include <optional>

#include "engine/budgets/budget.hpp"

namespace bevaka::engine {

class budget_store {
 public:
  virtual ~budget_store() = default;

  // The year's budget, its areas and lines in the file's order, each line's spent summed from
  // its outcomes; nullopt when the year has none.
  [[nodiscard]] virtual std::optional<budget> budget_of_year(int year) = 0;
  // Returns the new budget's id; writes its lines too. The caller has checked the year is free.
  virtual id_t insert_budget(const budget& b) = 0;
  virtual void append_budget_event(const budget_event& e) = 0;
};

}  // namespace bevaka::engine
