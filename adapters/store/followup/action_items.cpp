// The follow-up table's part of the store port: action items with their texts per half-year,
// the areas of each unit's table, and the record of changes to follow-up cases.
#include <map>

#include "adapters/store/soci_transaction.hpp"

namespace bevaka::store::detail {
namespace {

using namespace bevaka::engine;

constexpr std::string_view report_kind = "report";
constexpr std::string_view plan_kind = "plan";

// Fills in the reports and plans of `items` from `texts`, read for the same items in one query.
void attach_texts(std::vector<action_item>& items, const std::vector<action_item_text>& texts) {
  std::map<long long, action_item*> by_id;
  for (auto& item : items) by_id[item.id] = &item;
  for (const auto& t : texts) {
    const auto found = by_id.find(t.item_id);
    if (found == by_id.end()) continue;
    auto& kept = t.kind == report_kind ? found->second->reports : found->second->plans;
    kept.push_back(t.text);
  }
}

std::optional<text> category_text(const action_item& item) {
  if (!item.category) return std::nullopt;
  return text(to_string(*item.category));
}

// The item's texts as they are now: the old ones deleted, the reports and then the plans added.
void write_texts(connection& db, followup_statements& sql, id_t item_id, const action_item& item) {
  sql.delete_action_item_texts.run(db, item_id);
  for (const auto& t : item.reports)
    sql.insert_action_item_text.run(db, item_id, text(report_kind), t.period, t.text);
  for (const auto& t : item.plans)
    sql.insert_action_item_text.run(db, item_id, text(plan_kind), t.period, t.text);
}

}  // namespace

std::vector<action_item> soci_transaction::action_items(std::optional<std::string_view> unit) {
  auto& sql = prepared_.followup;
  if (!unit) {
    auto items = sql.action_items.all(conn_);
    attach_texts(items, sql.action_item_texts.all(conn_));
    return items;
  }
  const text of_unit(*unit);
  auto items = sql.action_items_of_unit.all(conn_, of_unit);
  attach_texts(items, sql.action_item_texts_of_unit.all(conn_, of_unit));
  return items;
}

std::optional<action_item> soci_transaction::action_item_by_id(id_t id) {
  auto& sql = prepared_.followup;
  auto items = sql.action_item_by_id.all(conn_, id);
  if (items.empty()) return std::nullopt;
  attach_texts(items, sql.action_item_texts_of_item.all(conn_, id));
  return std::move(items.front());
}

id_t soci_transaction::insert_action_item(const action_item& item) {
  const auto id = *prepared_.followup.insert_action_item.first(
      conn_, item.unit, item.area, item.activity, item.description, item.expected_result,
      item.evaluation_method, item.evaluation_result, nullable<text>(category_text(item)),
      item.state, item.position, item.version);
  write_texts(conn_, prepared_.followup, id, item);
  return id;
}

bool soci_transaction::update_action_item(const action_item& item) {
  const auto changed = prepared_.followup.update_action_item.run(
      conn_, item.description, item.expected_result, item.evaluation_method, item.evaluation_result,
      nullable<text>(category_text(item)), item.state, item.position, item.version + 1, item.id,
      item.version);
  if (changed != 1) return false;
  write_texts(conn_, prepared_.followup, item.id, item);
  return true;
}

std::vector<followup_area> soci_transaction::followup_areas(std::optional<std::string_view> unit) {
  if (!unit) return prepared_.followup.followup_areas.all(conn_);
  return prepared_.followup.followup_areas_of_unit.all(conn_, text(*unit));
}

void soci_transaction::save_followup_area(const followup_area& area) {
  auto& sql = prepared_.followup;
  if (sql.update_followup_area.run(conn_, area.position, area.unit, area.name) == 1) return;
  sql.insert_followup_area.run(conn_, area.unit, area.name, area.position);
}

void soci_transaction::append_followup_event(const followup_event& e) {
  prepared_.followup.append_followup_event.run(conn_, e.case_kind, e.case_id, e.event, e.from, e.to,
                                               e.actor, e.at, e.note, e.payload);
}

std::vector<followup_event> soci_transaction::followup_events(std::string_view case_kind,
                                                              id_t case_id) {
  auto events = prepared_.followup.followup_events.all(conn_, text(case_kind), case_id);
  for (auto& e : events) e.case_id = case_id;
  return events;
}

}  // namespace bevaka::store::detail
