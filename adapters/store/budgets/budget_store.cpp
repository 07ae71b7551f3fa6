// The budgets' part of the store port: a year's budget with its lines, and its record (the
// import and the outcomes), from which each line's spent is summed.
#include "adapters/store/soci_transaction.hpp"

namespace bevaka::store::detail {

using namespace bevaka::engine;

namespace {

// Adds the line to the last area of `b` when it has the same name, else to a new one.
void add_line(budget& b, area_line read) {
  if (b.areas.empty() || b.areas.back().name != read.area) b.areas.push_back({.name = read.area});
  b.areas.back().lines.push_back(std::move(read.line));
}

}  // namespace

std::optional<budget> soci_transaction::budget_of_year(int year) {
  auto& sql = prepared_.budgets;
  auto b = sql.budget_of_year.first(conn_, year);
  if (!b) return std::nullopt;
  b->year = year;
  for (auto& line : sql.budget_lines.all(conn_, b->id, b->id)) add_line(*b, std::move(line));
  return b;
}

id_t soci_transaction::insert_budget(const budget& b) {
  auto& sql = prepared_.budgets;
  const auto id = *sql.insert_budget.first(conn_, b.year, b.owner, b.source);
  int area_order = 0, line_order = 0;
  for (const auto& a : b.areas) {
    for (const auto& l : a.lines)
      sql.insert_budget_line.run(conn_, id, a.name, area_order, l.name, l.planned, l.note,
                                 line_order++);
    ++area_order;
  }
  return id;
}

void soci_transaction::append_budget_event(const budget_event& e) {
  prepared_.budgets.append_budget_event.run(conn_, e.budget_id, nullable<key>(e.line_id), e.event,
                                            e.amount, e.actor, e.at, e.note);
}

}  // namespace bevaka::store::detail
