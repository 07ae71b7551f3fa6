// The follow-up table's part of the store port: action items with their texts per half-year,
// the areas of each unit's table, and the record of changes to follow-up cases.
#include <map>

#include "adapters/store/rows.hpp"
#include "adapters/store/soci_transaction.hpp"

namespace bevaka::store::detail {
namespace {

using namespace bevaka::engine;

constexpr std::string_view report_kind = "report";
constexpr std::string_view plan_kind = "plan";

// The statement of `prepared` with the named parameters `uses` bound.
template <class... Uses>
soci::statement with_uses(soci::details::prepare_temp_type& prepared, Uses&&... uses) {
  return (prepared, ..., std::forward<Uses>(uses));
}

// Column buffers for one action item row; each fetch overwrites them.
struct item_row {
  long long id = 0, version = 0;
  int row_order = 0;
  std::string unit, area, activity, description, expected_result, method, result, category, state;
  soci::indicator category_null = soci::i_null;

  [[nodiscard]] action_item to_model() const {
    action_item item{.id = id,
                     .unit = unit,
                     .area = area,
                     .activity = activity,
                     .description = description,
                     .expected_result = expected_result,
                     .evaluation_method = method,
                     .evaluation_result = result,
                     .state = state,
                     .position = row_order,
                     .version = version};
    if (category_null == soci::i_ok)
      item.category = stored_name(parse_action_category, category, "action_items.category");
    return item;
  }
};

const std::string item_select =
    "SELECT i.id, i.unit, i.area, i.activity, i.description, i.expected_result, "
    "i.evaluation_method, i.evaluation_result, i.category, i.state, i.row_order, i.version "
    "FROM action_items i LEFT JOIN followup_areas a ON a.unit = i.unit AND a.name = i.area ";
const std::string item_order = " ORDER BY i.unit, a.row_order, i.row_order, i.id";

template <class... Uses>
std::vector<action_item> select_items(soci::session& sql, const std::string& where,
                                      Uses&&... uses) {
  item_row r;
  soci::statement st =
      with_uses((sql.prepare << item_select + where + item_order, soci::into(r.id),
                 soci::into(r.unit), soci::into(r.area), soci::into(r.activity),
                 soci::into(r.description), soci::into(r.expected_result), soci::into(r.method),
                 soci::into(r.result), soci::into(r.category, r.category_null), soci::into(r.state),
                 soci::into(r.row_order), soci::into(r.version)),
                std::forward<Uses>(uses)...);
  st.execute();
  std::vector<action_item> items;
  while (st.fetch()) items.push_back(r.to_model());
  return items;
}

// Fills in the reports and plans of `items` (all of one unit, or all) in one query.
template <class... Uses>
void attach_texts(soci::session& sql, std::vector<action_item>& items, const std::string& where,
                  Uses&&... uses) {
  std::map<long long, action_item*> by_id;
  for (auto& item : items) by_id[item.id] = &item;
  long long item_id = 0;
  std::string kind, period, content;
  soci::statement st = with_uses(
      (sql.prepare << "SELECT t.item_id, t.kind, t.period, t.content FROM action_item_texts t "
                      "JOIN action_items i ON i.id = t.item_id " +
                          where + " ORDER BY t.item_id, t.period",
       soci::into(item_id), soci::into(kind), soci::into(period), soci::into(content)),
      std::forward<Uses>(uses)...);
  st.execute();
  while (st.fetch()) {
    const auto found = by_id.find(item_id);
    if (found == by_id.end()) continue;
    auto& texts = kind == report_kind ? found->second->reports : found->second->plans;
    texts.push_back(period_text{period, content});
  }
}

void insert_texts(soci::session& sql, long long item_id, std::string_view kind_name,
                  const std::vector<period_text>& texts) {
  std::string kind(kind_name);
  for (const auto& t : texts)
    sql << "INSERT INTO action_item_texts (item_id, kind, period, content) "
           "VALUES (:item, :kind, :period, :content)",
        soci::use(item_id, "item"), soci::use(kind, "kind"), soci::use(t.period, "period"),
        soci::use(t.text, "content");
}

void write_texts(soci::session& sql, long long item_id, const action_item& item) {
  sql << "DELETE FROM action_item_texts WHERE item_id = :item", soci::use(item_id, "item");
  insert_texts(sql, item_id, report_kind, item.reports);
  insert_texts(sql, item_id, plan_kind, item.plans);
}

template <class... Uses>
std::vector<followup_area> select_areas(soci::session& sql, const std::string& where,
                                        Uses&&... uses) {
  followup_area area;
  soci::statement st =
      with_uses((sql.prepare << "SELECT unit, name, row_order FROM followup_areas " + where +
                                    "ORDER BY unit, row_order, id",
                 soci::into(area.unit), soci::into(area.name), soci::into(area.position)),
                std::forward<Uses>(uses)...);
  st.execute();
  std::vector<followup_area> areas;
  while (st.fetch()) areas.push_back(area);
  return areas;
}

std::string category_text(const action_item& item) {
  return item.category ? std::string(to_string(*item.category)) : std::string();
}

}  // namespace

std::vector<action_item> soci_transaction::action_items(std::optional<std::string_view> unit) {
  if (!unit) {
    auto items = select_items(conn_.for_read(), "");
    attach_texts(conn_.for_read(), items, "");
    return items;
  }
  std::string key(*unit);
  auto items = select_items(conn_.for_read(), "WHERE i.unit = :unit", soci::use(key, "unit"));
  attach_texts(conn_.for_read(), items, "WHERE i.unit = :unit", soci::use(key, "unit"));
  return items;
}

std::optional<action_item> soci_transaction::action_item_by_id(id_t id) {
  long long key = id;
  auto items = select_items(conn_.for_read(), "WHERE i.id = :id", soci::use(key, "id"));
  if (items.empty()) return std::nullopt;
  attach_texts(conn_.for_read(), items, "WHERE i.id = :id", soci::use(key, "id"));
  return std::move(items.front());
}

id_t soci_transaction::insert_action_item(const action_item& item) {
  auto category = category_text(item);
  soci::indicator category_null = item.category ? soci::i_ok : soci::i_null;
  int row_order = item.position;
  long long version = item.version, id = 0;
  conn_.for_write()
      << "INSERT INTO action_items (unit, area, activity, description, expected_result, "
         "evaluation_method, evaluation_result, category, state, row_order, version) VALUES "
         "(:unit, :area, :activity, :description, :expected, :method, :result, :category, "
         ":state, :row_order, :version) RETURNING id",
      soci::use(item.unit, "unit"), soci::use(item.area, "area"),
      soci::use(item.activity, "activity"), soci::use(item.description, "description"),
      soci::use(item.expected_result, "expected"), soci::use(item.evaluation_method, "method"),
      soci::use(item.evaluation_result, "result"), soci::use(category, category_null, "category"),
      soci::use(item.state, "state"), soci::use(row_order, "row_order"),
      soci::use(version, "version"), soci::into(id);
  write_texts(conn_.for_write(), id, item);
  return id;
}

bool soci_transaction::update_action_item(const action_item& item) {
  auto category = category_text(item);
  soci::indicator category_null = item.category ? soci::i_ok : soci::i_null;
  int row_order = item.position;
  long long id = item.id, version = item.version, next = item.version + 1;
  soci::statement st = (conn_.for_write().prepare
                            << "UPDATE action_items SET description = :description, "
                               "expected_result = :expected, evaluation_method = :method, "
                               "evaluation_result = :result, category = :category, state = :state, "
                               "row_order = :row_order, version = :next "
                               "WHERE id = :id AND version = :version",
                        soci::use(item.description, "description"),
                        soci::use(item.expected_result, "expected"),
                        soci::use(item.evaluation_method, "method"),
                        soci::use(item.evaluation_result, "result"),
                        soci::use(category, category_null, "category"),
                        soci::use(item.state, "state"), soci::use(row_order, "row_order"),
                        soci::use(next, "next"), soci::use(id, "id"),
                        soci::use(version, "version"));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  write_texts(conn_.for_write(), id, item);
  return true;
}

std::vector<followup_area> soci_transaction::followup_areas(std::optional<std::string_view> unit) {
  if (!unit) return select_areas(conn_.for_read(), "");
  std::string key(*unit);
  return select_areas(conn_.for_read(), "WHERE unit = :unit ", soci::use(key, "unit"));
}

void soci_transaction::save_followup_area(const followup_area& area) {
  int row_order = area.position;
  soci::statement st =
      (conn_.for_write().prepare << "UPDATE followup_areas SET row_order = :row_order "
                                    "WHERE unit = :unit AND name = :name",
       soci::use(row_order, "row_order"), soci::use(area.unit, "unit"),
       soci::use(area.name, "name"));
  st.execute(true);
  if (st.get_affected_rows() == 1) return;
  conn_.for_write()
      << "INSERT INTO followup_areas (unit, name, row_order) VALUES (:unit, :name, :row_order)",
      soci::use(area.unit, "unit"), soci::use(area.name, "name"), soci::use(row_order, "row_order");
}

void soci_transaction::append_followup_event(const followup_event& e) {
  long long case_id = e.case_id;
  conn_.for_write()
      << "INSERT INTO followup_events (case_kind, case_id, event, from_state, to_state, actor, "
         "at, note, payload) VALUES (:kind, :case_id, :event, :from_state, :to_state, :actor, "
         ":at, :note, :payload)",
      soci::use(e.case_kind, "kind"), soci::use(case_id, "case_id"), soci::use(e.event, "event"),
      soci::use(e.from, "from_state"), soci::use(e.to, "to_state"), soci::use(e.actor, "actor"),
      soci::use(e.at, "at"), soci::use(e.note, "note"), soci::use(e.payload, "payload");
}

std::vector<followup_event> soci_transaction::followup_events(std::string_view case_kind,
                                                              id_t case_id) {
  std::string kind(case_kind);
  long long id = case_id;
  followup_event e;
  soci::statement st =
      (conn_.for_read().prepare
           << "SELECT case_kind, event, from_state, to_state, actor, at, note, payload "
              "FROM followup_events WHERE case_kind = :kind AND case_id = :id "
              "ORDER BY id",
       soci::into(e.case_kind), soci::into(e.event), soci::into(e.from), soci::into(e.to),
       soci::into(e.actor), soci::into(e.at), soci::into(e.note), soci::into(e.payload),
       soci::use(kind, "kind"), soci::use(id, "id"));
  st.execute();
  std::vector<followup_event> events;
  while (st.fetch()) {
    e.case_id = case_id;
    events.push_back(e);
  }
  return events;
}

}  // namespace bevaka::store::detail
