#include "adapters/store/budgets/rows.hpp"

namespace bevaka::store::detail {

void budget_row::bind(soci::statement& st) { bind_columns(st, id, owner, source); }

void budget_line_row::bind(soci::statement& st) {
  bind_columns(st, id, area, name, planned, note, spent);
}

area_line budget_line_row::to_model() const {
  return {area, {.id = id, .name = name, .planned = planned, .note = note, .spent = spent}};
}

}  // namespace bevaka::store::detail
