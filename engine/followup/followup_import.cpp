#include "engine/followup/followup_import.hpp"

#include <fmt/format.h>

#include <map>
#include <utility>

#include "engine/followup/followup_events.hpp"

namespace bevaka::engine {
namespace {

namespace action_item_state = workflows::action_item_state;
namespace action_item_event = workflows::action_item_event;

using key = std::pair<std::string, std::string>;  // (area, activity) within one unit

std::optional<error> refuse_repeated_activities(const imported_table& table) {
  std::map<key, int> first_line;
  for (const auto& row : table.rows) {
    const auto [at, added] = first_line.emplace(key{row.area, row.activity}, row.line);
    if (!added)
      return make_error(errc::bad_input,
                        fmt::format("{}:{}: the activity '{}' in area '{}' is already on line {}",
                                    table.source, row.line, row.activity, row.area, at->second));
  }
  return std::nullopt;
}

std::string category_name(const std::optional<action_category>& category) {
  return category ? std::string(to_string(*category)) : std::string();
}

// The fields of `item` that the table's row says otherwise, as JSON objects; applied to `item`.
class field_changes {
 public:
  void compare(std::string_view field, std::string& stored, const std::string& wanted,
               std::string_view period = {}) {
    if (stored == wanted) return;
    const auto period_json =
        period.empty() ? std::string() : fmt::format(R"(,"period":"{}")", period);
    json_.push_back(fmt::format(R"({{"field":"{}"{},"from":{},"to":{}}})", field, period_json,
                                json_quoted(stored), json_quoted(wanted)));
    stored = wanted;
  }
  [[nodiscard]] bool empty() const { return json_.empty(); }
  [[nodiscard]] std::string payload(std::string_view where) const {
    std::string list;
    for (const auto& change : json_) list += (list.empty() ? "" : ",") + change;
    return fmt::format(R"({{"source":{},"changes":[{}]}})", json_quoted(where), list);
  }

 private:
  std::vector<std::string> json_;
};

class table_import {
 public:
  table_import(followup_store& followup, const command_context& ctx, const imported_table& table,
               std::string unit)
      : followup_(followup), ctx_(ctx), table_(table), unit_(std::move(unit)) {}

  outcome<import_summary> run() {
    if (auto refused = refuse_repeated_activities(table_)) return *refused;
    for (auto& item : followup_.action_items(unit_))
      stored_.emplace(key{item.area, item.activity}, std::move(item));
    for (std::size_t i = 0; i < table_.areas.size(); ++i)
      followup_.save_followup_area({unit_, table_.areas[i], static_cast<int>(i)});
    for (std::size_t i = 0; i < table_.rows.size(); ++i) {
      const auto& row = table_.rows[i];
      const auto found = stored_.find(key{row.area, row.activity});
      const auto done = found == stored_.end() ? create(row, static_cast<int>(i))
                                               : update(found->second, row, static_cast<int>(i));
      if (done) return *done;
    }
    return summary();
  }

 private:
  std::string where(const imported_row& row) const {
    return fmt::format("{}:{}", table_.source, row.line);
  }

  // Plan, start and report as far as the row shows; the events are returned to be recorded.
  outcome<std::vector<followup_event>> advance(action_item& item, const imported_row& row) {
    std::vector<followup_event> events;
    const auto note = "import " + where(row);
    const auto work_period = format_half_year(table_.work_period);
    const auto fire = [&](std::string_view event, workflows::action_item_facts facts,
                          std::string payload) -> std::optional<error> {
      auto e = fire_on_item(item, event, facts, note, std::move(payload));
      if (!e) return e.error();
      events.push_back(std::move(e->record));
      return std::nullopt;
    };
    const bool new_report = !row.work.empty() && !item.report_for(work_period);
    if (!row.work.empty() &&
        (item.state == action_item_state::proposed || item.state == action_item_state::planned))
      if (auto refused = fire(action_item_event::start, {}, "{}")) return *refused;
    if (new_report && item.state == action_item_state::ongoing) {
      const auto payload =
          fmt::format(R"({{"period":"{}","text":{}}})", work_period, json_quoted(row.work));
      if (auto refused = fire(action_item_event::report, {}, payload)) return *refused;
      put_period_text(item.reports, work_period, row.work);
    }
    if (row.work.empty() && !row.plan.empty() && item.state == action_item_state::proposed)
      if (auto refused = fire(action_item_event::plan, {}, "{}")) return *refused;
    return events;
  }

  std::optional<error> create(const imported_row& row, int position) {
    action_item item{.unit = unit_,
                     .area = row.area,
                     .activity = row.activity,
                     .description = row.description,
                     .expected_result = row.expected_result,
                     .evaluation_method = row.evaluation_method,
                     .category = row.category,
                     .position = position};
    put_period_text(item.plans, format_half_year(table_.plan_period), row.plan);
    auto events = advance(item, row);
    if (!events) return events.error();
    item.id = followup_.insert_action_item(item);
    record_followup(
        followup_, ctx_,
        followup_event{.case_kind = std::string(action_item_case),
                       .case_id = item.id,
                       .event = "import",
                       .to = std::string(action_item_state::proposed),
                       .note = "import " + where(row),
                       .payload = fmt::format(R"({{"source":{}}})", json_quoted(where(row)))});
    for (auto& e : *events) {
      e.case_id = item.id;
      record_followup(followup_, ctx_, std::move(e));
    }
    ++created_;
    return std::nullopt;
  }

  std::optional<error> update(action_item item, const imported_row& row, int position) {
    const auto work_period = format_half_year(table_.work_period);
    const auto plan_period = format_half_year(table_.plan_period);
    const auto state_before = item.state;
    auto events = advance(item, row);  // records a first report for the period as its own event
    if (!events) return events.error();
    field_changes changes;
    changes.compare("description", item.description, row.description);
    changes.compare("expected_result", item.expected_result, row.expected_result);
    changes.compare("evaluation_method", item.evaluation_method, row.evaluation_method);
    if (table_.has_category_column) {
      auto category = category_name(item.category);
      changes.compare("category", category, category_name(row.category));
      item.category = parse_action_category(category);
    }
    compare_text(changes, "report", item.reports, work_period, row.work);
    compare_text(changes, "plan", item.plans, plan_period, row.plan);
    const bool moved = item.position != position;
    item.position = position;
    if (changes.empty() && events->empty() && !moved) {
      ++unchanged_;
      return std::nullopt;
    }
    if (!followup_.update_action_item(item))
      return make_error(errc::conflict, fmt::format("{} was changed by someone else meanwhile; "
                                                    "import again",
                                                    describe(item)));
    if (!changes.empty())
      record_followup(followup_, ctx_,
                      followup_event{.case_kind = std::string(action_item_case),
                                     .case_id = item.id,
                                     .event = "update",
                                     .from = state_before,
                                     .to = state_before,
                                     .note = "import " + where(row),
                                     .payload = changes.payload(where(row))});
    for (auto& e : *events) record_followup(followup_, ctx_, std::move(e));
    ++(changes.empty() && events->empty() ? unchanged_ : updated_);
    return std::nullopt;
  }

  // Compares the text of one period; a changed report or plan is a change like any field.
  static void compare_text(field_changes& changes, std::string_view field,
                           std::vector<period_text>& texts, const std::string& period,
                           const std::string& wanted) {
    std::string text;
    for (const auto& t : texts)
      if (t.period == period) text = t.text;
    changes.compare(field, text, wanted, period);
    put_period_text(texts, period, text);
  }

  import_summary summary() const {
    int incomplete = 0;
    for (const auto& row : table_.rows)
      if (row.description.empty() && row.expected_result.empty() && row.work.empty() &&
          row.plan.empty() && row.evaluation_method.empty())
        ++incomplete;
    return import_summary{.unit = unit_,
                          .work_period = format_half_year(table_.work_period),
                          .plan_period = format_half_year(table_.plan_period),
                          .areas = static_cast<int>(table_.areas.size()),
                          .items = static_cast<int>(table_.rows.size()),
                          .incomplete = incomplete,
                          .created = created_,
                          .updated = updated_,
                          .unchanged = unchanged_};
  }

  followup_store& followup_;
  const command_context& ctx_;
  const imported_table& table_;
  std::string unit_;
  std::map<key, action_item> stored_;
  int created_ = 0, updated_ = 0, unchanged_ = 0;
};

}  // namespace

outcome<import_summary> import_followup_table(followup_store& followup, const command_context& ctx,
                                              const imported_table& table,
                                              const std::string& unit) {
  return table_import(followup, ctx, table, trimmed_text(unit)).run();
}

}  // namespace bevaka::engine
