// The budgets' part of the store port: a year's budget with its lines, and its record (the
// import and the outcomes), from which each line's spent is summed. Commands run by hand: plain
// SOCI statements, not the prepared-statement cache.
#include "adapters/store/soci_transaction.hpp"

namespace bevaka::store::detail {

using namespace bevaka::engine;

namespace {

// Adds the line to the last area of `b` when it has the same name, else to a new one.
void add_line(budget& b, const std::string& area, budget_line line) {
  if (b.areas.empty() || b.areas.back().name != area) b.areas.push_back({.name = area});
  b.areas.back().lines.push_back(std::move(line));
}

}  // namespace

std::optional<budget> soci_transaction::budget_of_year(int year) {
  long long id = 0;
  budget b{.year = year};
  conn_.for_read() << "SELECT id, owner, source FROM budgets WHERE year = :year",
      soci::use(year, "year"), soci::into(id), soci::into(b.owner), soci::into(b.source);
  if (!conn_.for_read().got_data()) return std::nullopt;
  b.id = id;
  long long line_id = 0, planned = 0, spent = 0;
  std::string area, name, note;
  // Sums in SQL are BIGINT on both backends (PostgreSQL's SUM of BIGINT is NUMERIC).
  soci::statement lines =
      (conn_.for_read().prepare
           << "SELECT l.id, l.area, l.name, l.planned, l.note, COALESCE(s.spent, 0) "
              "FROM budget_lines l LEFT JOIN ("
              "  SELECT line_id, CAST(SUM(amount) AS BIGINT) AS spent FROM budget_events "
              "  WHERE budget_id = :spent_budget AND event = 'spend' GROUP BY line_id"
              ") s ON s.line_id = l.id "
              "WHERE l.budget_id = :budget ORDER BY l.area_order, l.line_order",
       soci::use(id, "spent_budget"), soci::use(id, "budget"), soci::into(line_id),
       soci::into(area), soci::into(name), soci::into(planned), soci::into(note),
       soci::into(spent));
  lines.execute();
  while (lines.fetch())
    add_line(b, area,
             {.id = line_id, .name = name, .planned = planned, .note = note, .spent = spent});
  return b;
}

id_t soci_transaction::insert_budget(const budget& b) {
  long long id = 0;
  int year = b.year;
  conn_.for_write()
      << "INSERT INTO budgets (year, owner, source) VALUES (:year, :owner, :source) RETURNING id",
      soci::use(year, "year"), soci::use(b.owner, "owner"), soci::use(b.source, "source"),
      soci::into(id);
  int area_order = 0, line_order = 0;
  long long planned = 0;
  std::string area, name, note;
  soci::statement insert_line =
      (conn_.for_write().prepare
           << "INSERT INTO budget_lines (budget_id, area, area_order, name, planned, "
              "note, line_order) VALUES (:budget, :area, :area_order, :name, :planned, "
              ":note, :line_order)",
       soci::use(id, "budget"), soci::use(area, "area"), soci::use(area_order, "area_order"),
       soci::use(name, "name"), soci::use(planned, "planned"), soci::use(note, "note"),
       soci::use(line_order, "line_order"));
  for (const auto& a : b.areas) {
    area = a.name;
    for (const auto& l : a.lines) {
      name = l.name;
      planned = l.planned;
      note = l.note;
      insert_line.execute(true);
      ++line_order;
    }
    ++area_order;
  }
  return id;
}

void soci_transaction::append_budget_event(const budget_event& e) {
  long long budget_id = e.budget_id, line_id = e.line_id.value_or(0), amount = e.amount;
  soci::indicator line_null = e.line_id ? soci::i_ok : soci::i_null;
  conn_.for_write()
      << "INSERT INTO budget_events (budget_id, line_id, event, amount, actor, at, note) "
         "VALUES (:budget, :line, :event, :amount, :actor, :at, :note)",
      soci::use(budget_id, "budget"), soci::use(line_id, line_null, "line"),
      soci::use(e.event, "event"), soci::use(amount, "amount"), soci::use(e.actor, "actor"),
      soci::use(e.at, "at"), soci::use(e.note, "note");
}

}  // namespace bevaka::store::detail
