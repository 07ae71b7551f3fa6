#include "engine/queries.hpp"

#include <algorithm>
#include <tuple>

#include "engine/lookup.hpp"

namespace bevaka::engine {

outcome<round_view> show_round(store_transaction& tx, std::string_view round_key) {
  auto r = find_round(tx, round_key);
  if (!r) return r.error();
  auto assignments = tx.assignments_of(r->id);
  return round_view{std::move(*r), std::move(assignments)};
}

std::vector<overdue_item> overdue(store_transaction& tx, date today,
                                  std::optional<round_kind> kind) {
  std::vector<overdue_item> items;
  for (auto& row : tx.awaiting_past_deadline(today, kind)) {
    const int days = working_days_between(row.deadline, today);
    // Past the deadline on a weekend or holiday only is not late (Lag (1930:173) §2).
    if (days < 1) continue;
    items.push_back(overdue_item{row.round_id, std::move(row.ref), std::move(row.title),
                                 std::move(row.body_name), row.deadline, days,
                                 std::move(row.state)});
  }
  for (auto& row : tx.awaiting_with_failed_reminders(kind)) {
    const auto listed = std::find_if(items.begin(), items.end(), [&](const overdue_item& item) {
      return item.round_id == row.round_id && item.body == row.body_name;
    });
    if (listed != items.end()) {
      listed->failed_reminders = row.failed_reminders;
      continue;
    }
    items.push_back(overdue_item{row.round_id, std::move(row.ref), std::move(row.title),
                                 std::move(row.body_name), row.deadline, 0, std::move(row.state),
                                 row.failed_reminders});
  }
  std::stable_sort(items.begin(), items.end(), [](const overdue_item& a, const overdue_item& b) {
    return std::tie(b.working_days_overdue, a.deadline, a.ref, a.body) <
           std::tie(a.working_days_overdue, b.deadline, b.ref, b.body);
  });
  return items;
}

outcome<std::vector<event_record>> timeline(store_transaction& tx, std::string_view round_key,
                                            std::optional<std::string_view> body_key) {
  if (body_key) {
    const auto found = find_assignment(tx, round_key, *body_key);
    if (!found) return found.error();
    return tx.events_of_round(found->r.id, found->a.body_id);
  }
  const auto r = find_round(tx, round_key);
  if (!r) return r.error();
  return tx.events_of_round(r->id, std::nullopt);
}

}  // namespace bevaka::engine
