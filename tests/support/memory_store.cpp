// The fake's tables and one small class per port over them. Each method says in SQL's terms
// only what differs from the obvious; adapters/store is the reference for every one.
#include "tests/support/memory_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

#include "engine/shared/reference_number.hpp"
#include "engine/shared/text.hpp"
#include "workflows/assignment.hpp"

namespace bevaka::testing {

using namespace bevaka::engine;
using engine::id_t;  // not POSIX's

namespace detail {

// A reminder with the column the struct does not carry: who holds its claim ("" when nobody).
struct stored_reminder {
  reminder r{};
  std::string claim_holder{};
};

struct stored_budget_line {
  id_t budget_id = 0;
  std::string area{};
  int area_order = 0;
  int line_order = 0;
  budget_line line{};  // its spent is summed from the record when read
};

struct stored_budget {
  id_t id = 0;
  int year = 0;
  std::string owner{};
  std::string source{};
};

struct memory_tables {
  std::vector<body> bodies;
  std::vector<round> rounds;
  std::vector<assignment> assignments;
  std::vector<event_record> events;
  std::map<id_t, std::string> reminder_policies;  // by round
  std::vector<stored_reminder> reminders;
  std::vector<api_token> tokens;
  std::vector<action_item> action_items;
  std::vector<followup_area> followup_areas;  // in the order added: the SQL's id
  std::vector<followup_event> followup_events;
  std::vector<indicator> indicators;
  std::map<id_t, std::vector<report_section>> report_sections;  // by assignment
  std::vector<group> groups;
  std::vector<action_plan> action_plans;
  std::vector<plan_review> plan_reviews;
  std::vector<goal> goals;
  std::vector<goal_override> goal_overrides;
  std::map<id_t, id_t> item_plans;  // item -> plan
  std::vector<duty_step> duty_steps;
  std::vector<stored_budget> budgets;
  std::vector<stored_budget_line> budget_lines;
  std::vector<budget_event> budget_events;
};

}  // namespace detail

namespace {

using detail::memory_tables;
using detail::stored_reminder;

// Nothing is deleted, so a table's next id is one more than its size.
template <class Row>
id_t next_id(const std::vector<Row>& table) {
  return static_cast<id_t>(table.size()) + 1;
}

template <class Row>
Row* by_id(std::vector<Row>& table, id_t id) {
  const auto found =
      std::find_if(table.begin(), table.end(), [&](const Row& row) { return row.id == id; });
  return found == table.end() ? nullptr : &*found;
}

// A UNIQUE constraint of the schema, broken: the adapter would throw the same.
void require_unique(bool taken, std::string_view constraint) {
  if (taken)
    throw database_error(
        fmt::format("database error: UNIQUE constraint failed: {} (memory_store)", constraint));
}

// Appends `row` to `table` with the table's next id; returns the id.
template <class Row>
id_t insert(std::vector<Row>& table, Row row) {
  row.id = next_id(table);
  table.push_back(std::move(row));
  return table.back().id;
}

// As insert, unless `table` has a row with the same key already (`constraint` is violated).
template <class Row, class SameKey>
id_t insert_unique(std::vector<Row>& table, Row row, std::string_view constraint,
                   SameKey same_key) {
  require_unique(std::any_of(table.begin(), table.end(), same_key), constraint);
  return insert(table, std::move(row));
}

template <class Row, class Less>
std::vector<Row> sorted(std::vector<Row> rows, Less less) {
  std::stable_sort(rows.begin(), rows.end(), less);
  return rows;
}

std::string body_name_of(memory_tables& t, std::optional<id_t> body_id) {
  const auto* b = body_id ? by_id(t.bodies, *body_id) : nullptr;
  return b ? b->name : std::string();
}

// An assignment as the SQL reads it: with its body's name and kind (JOIN bodies).
assignment as_read(memory_tables& t, assignment a) {
  if (const auto* b = by_id(t.bodies, a.body_id)) {
    a.body_name = b->name;
    a.kind = b->kind;
  }
  return a;
}

std::vector<assignment> assignments_where(memory_tables& t,
                                          const std::function<bool(const assignment&)>& keep) {
  std::vector<assignment> found;
  for (const auto& a : t.assignments)
    if (keep(a)) found.push_back(as_read(t, a));
  return found;
}

// A reminder with its round, body and assignment (the SQL's inner joins); nullopt without them.
std::optional<reminder_view> view_of(memory_tables& t, const stored_reminder& m) {
  const auto* r = by_id(t.rounds, m.r.round_id);
  const auto* b = by_id(t.bodies, m.r.body_id);
  const auto* a = by_id(t.assignments, m.r.assignment_id);
  if (!r || !b || !a) return std::nullopt;
  return reminder_view{.r = m.r,
                       .ref = r->ref,
                       .title = r->title,
                       .round = r->kind,
                       .body_name = b->name,
                       .body_emails = b->emails,
                       .deadline = a->deadline};
}

std::vector<reminder_view> views_where(memory_tables& t,
                                       const std::function<bool(const stored_reminder&)>& keep) {
  std::vector<reminder_view> views;
  for (const auto& m : t.reminders)
    if (keep(m))
      if (auto v = view_of(t, m)) views.push_back(std::move(*v));
  return views;
}

bool due(const stored_reminder& m, instant now) {
  return m.r.state == reminder_state::scheduled && m.r.next_attempt_at <= now;
}

// The outbox's due reminders in the order a dispatcher takes them: next attempt, then id.
std::vector<stored_reminder*> due_in_order(memory_tables& t, instant now, int limit) {
  std::vector<stored_reminder*> found;
  for (auto& m : t.reminders)
    if (due(m, now)) found.push_back(&m);
  std::stable_sort(found.begin(), found.end(), [](const auto* a, const auto* b) {
    return a->r.next_attempt_at < b->r.next_attempt_at;
  });
  const auto most = static_cast<std::size_t>(std::max(limit, 0));
  if (found.size() > most) found.resize(most);
  return found;
}

class memory_cases final : public case_store {
 public:
  explicit memory_cases(memory_tables& t) : t_(t) {}

  std::optional<body> body_by_id(id_t id) override {
    const auto* b = by_id(t_.bodies, id);
    return b ? std::optional(*b) : std::nullopt;
  }

  std::optional<body> body_by_name(std::string_view name) override {
    for (const auto& b : t_.bodies)
      if (same_name(b.name, name)) return b;
    return std::nullopt;
  }

  std::vector<body> bodies(std::optional<body_kind> kind) override {
    std::vector<body> found;
    for (const auto& b : t_.bodies)
      if (!kind || b.kind == *kind) found.push_back(b);
    return sorted(std::move(found), [](const body& a, const body& b) { return a.name < b.name; });
  }

  id_t insert_body(const body& b) override {
    return insert_unique(t_.bodies, b, "bodies.name",
                         [&](const body& other) { return other.name == b.name; });
  }

  std::optional<round> round_by_id(id_t id) override {
    const auto* r = by_id(t_.rounds, id);
    return r ? std::optional(*r) : std::nullopt;
  }

  std::optional<round> round_by_ref(std::string_view ref) override {
    const auto key = reference_key(ref);
    for (const auto& r : t_.rounds)
      if (reference_key(r.ref) == key) return r;
    return std::nullopt;
  }

  id_t insert_round(const round& r) override {
    return insert_unique(t_.rounds, r, "rounds.ref_key", [&](const round& other) {
      return reference_key(other.ref) == reference_key(r.ref);
    });
  }

  bool update_round(const round& r) override {
    auto* stored = by_id(t_.rounds, r.id);
    if (!stored || stored->version != r.version) return false;
    stored->state = r.state;
    stored->sent_on = r.sent_on;
    stored->version = r.version + 1;
    return true;
  }

  // One command at a time holds the tables: nothing to wait for.
  std::optional<round> lock_round(id_t round_id) override { return round_by_id(round_id); }

  std::vector<assignment> assignments_of(id_t round_id) override {
    return sorted(
        assignments_where(t_, [&](const assignment& a) { return a.round_id == round_id; }),
        [](const assignment& a, const assignment& b) { return a.body_name < b.body_name; });
  }

  std::optional<assignment> assignment_of(id_t round_id, id_t body_id) override {
    for (const auto& a : t_.assignments)
      if (a.round_id == round_id && a.body_id == body_id) return as_read(t_, a);
    return std::nullopt;
  }

  std::optional<std::pair<round, assignment>> assignment_by_names(
      std::string_view round_ref, std::string_view body_name) override {
    auto r = round_by_ref(round_ref);
    const auto b = body_by_name(body_name);
    if (!r || !b) return std::nullopt;
    auto a = assignment_of(r->id, b->id);
    if (!a) return std::nullopt;
    return std::pair{std::move(*r), std::move(*a)};
  }

  bool has_open_assignment(id_t round_id) override {
    return std::any_of(t_.assignments.begin(), t_.assignments.end(), [&](const assignment& a) {
      return a.round_id == round_id && !workflows::assignment_has_ended(a.state);
    });
  }

  id_t insert_assignment(const assignment& a) override {
    return insert_unique(t_.assignments, a, "assignments.round_id, assignments.body_id",
                         [&](const assignment& other) {
                           return other.round_id == a.round_id && other.body_id == a.body_id;
                         });
  }

  // The SQL's WHERE reads a.version: `was` only tells it which columns to write.
  bool update_assignment(const assignment& /*was*/, const assignment& a) override {
    auto* stored = by_id(t_.assignments, a.id);
    if (!stored || stored->version != a.version) return false;
    stored->state = a.state;
    stored->deadline = a.deadline;
    stored->submitted_on = a.submitted_on;
    stored->late_by_working_days = a.late_by_working_days;
    stored->first_submitted_on = a.first_submitted_on;
    stored->first_late_by_working_days = a.first_late_by_working_days;
    stored->extension = a.extension;
    stored->version = a.version + 1;
    return true;
  }

  void append_event(const event_record& e) override {
    auto stored = e;
    stored.body_name.clear();  // not a column: read back from bodies
    t_.events.push_back(std::move(stored));
  }

  std::vector<event_record> events_of_round(id_t round_id, std::optional<id_t> body_id) override {
    std::vector<event_record> found;
    for (const auto& e : t_.events) {
      if (e.round_id != round_id || (body_id && e.body_id != body_id)) continue;
      found.push_back(e);
      found.back().body_name = body_name_of(t_, e.body_id);
    }
    return found;
  }

 private:
  memory_tables& t_;
};

class memory_listings final : public case_listings {
 public:
  explicit memory_listings(memory_tables& t) : t_(t) {}

  // As the SQL reads case_history: the last event up to the end of `day` that set the case's
  // state and deadline (event_record::case_deadline).
  std::vector<awaiting_row> awaiting_past_deadline(date day,
                                                   std::optional<round_kind> kind) override {
    std::vector<awaiting_row> rows;
    for (const auto& a : t_.assignments) {
      const auto held = held_on(case_kind::assignment, a.id, day);
      const auto* r = by_id(t_.rounds, a.round_id);
      if (!held || !r || (kind && r->kind != *kind) ||
          !workflows::assignment_awaits_answer(held->to) || !(held->case_deadline->effective < day))
        continue;
      rows.push_back(awaiting_row{.round_id = r->id,
                                  .ref = r->ref,
                                  .title = r->title,
                                  .body_name = body_name_of(t_, a.body_id),
                                  .deadline = held->case_deadline->effective,
                                  .state = held->to});
    }
    return sorted(std::move(rows), [](const awaiting_row& a, const awaiting_row& b) {
      return std::tie(a.deadline, a.ref, a.body_name) < std::tie(b.deadline, b.ref, b.body_name);
    });
  }

  // The SQL groups by assignment and orders nothing: here, by assignment id.
  std::vector<awaiting_row> awaiting_with_failed_reminders(
      std::optional<round_kind> kind) override {
    std::map<id_t, int> failed;  // by assignment
    for (const auto& m : t_.reminders)
      if (m.r.state == reminder_state::failed) ++failed[m.r.assignment_id];
    std::vector<awaiting_row> rows;
    for (const auto& [assignment_id, count] : failed) {
      const auto* a = by_id(t_.assignments, assignment_id);
      auto row = a ? awaiting_row_of(*a, kind) : std::nullopt;
      if (!row) continue;
      row->failed_reminders = count;
      rows.push_back(std::move(*row));
    }
    return rows;
  }

  std::vector<round> rounds() override {
    return sorted(t_.rounds, [](const round& a, const round& b) {
      return std::tie(b.deadline.effective, a.ref) < std::tie(a.deadline.effective, b.ref);
    });
  }

  std::vector<round> rounds_as_of(date day) override {
    std::vector<round> found;
    for (const auto& r : rounds())
      if (auto held = round_as_of(r.id, day)) found.push_back(std::move(*held));
    return found;
  }

  std::optional<round> round_as_of(id_t round_id, date day) override {
    const auto* r = by_id(t_.rounds, round_id);
    const auto held = held_on(case_kind::round, round_id, day);
    if (!r || !held) return std::nullopt;
    auto as_of = *r;
    as_of.state = held->to;
    return as_of;
  }

  std::vector<assignment> assignments_as_of(id_t round_id, date day) override {
    std::vector<assignment> found;
    for (auto a :
         sorted(assignments_where(t_, [&](const assignment&a) { return a.round_id == round_id; }),
                [](const assignment&a, const assignment&b) { return a.body_name < b.body_name; })) {
      const auto held = held_on(case_kind::assignment, a.id, day);
      if (!held) continue;
      a.state = held->to;
      a.deadline = *held->case_deadline;
      if (!workflows::assignment_has_answer(a.state)) {
        a.submitted_on.reset();
        a.late_by_working_days.reset();
      }
      if (a.first_submitted_on > day) {
        a.first_submitted_on.reset();
        a.first_late_by_working_days.reset();
      }
      if (a.extension && a.extension->at.substr(0, 10) > format_date(day)) a.extension.reset();
      found.push_back(std::move(a));
    }
    return found;
  }

  std::vector<assignment> assignments_of_body(id_t body_id) override {
    return sorted(assignments_where(t_, [&](const assignment& a) { return a.body_id == body_id; }),
                  [](const assignment& a, const assignment& b) {
                    return std::tie(a.deadline.effective, a.round_id) <
                           std::tie(b.deadline.effective, b.round_id);
                  });
  }

  std::vector<std::pair<round, assignment>> pending_extension_requests() override {
    std::vector<std::pair<round, assignment>> found;
    for (const auto& a :
         sorted(assignments_where(t_, [](const assignment&a) { return a.extension.has_value(); }),
                [](const assignment&a, const assignment&b) {
                  return std::tie(a.extension->at, a.id) < std::tie(b.extension->at, b.id);
                }))
      found.emplace_back(*by_id(t_.rounds, a.round_id), a);
    return found;
  }

  std::vector<punctuality_record> assignments_for_punctuality(
      const punctuality_filter& filter) override {
    std::vector<punctuality_record> found;
    for (const auto& a : t_.assignments) {
      const auto* r = by_id(t_.rounds, a.round_id);
      if (!r || !picks(filter, *r) || (filter.body_id && a.body_id != *filter.body_id)) continue;
      found.push_back(
          punctuality_record{.body_name = body_name_of(t_, a.body_id),
                             .round_deadline = r->deadline.effective,
                             .state = a.state,
                             .first_late_by_working_days = a.first_late_by_working_days});
    }
    return found;
  }

 private:
  // The case's last event up to the end of `day` that set its state and deadline.
  std::optional<event_record> held_on(case_kind kind, id_t case_id, date day) const {
    const auto end = format_date(day);
    std::optional<event_record> held;
    for (const auto& e : t_.events)
      if (e.kind == kind && e.case_id == case_id && e.case_deadline && e.at.substr(0, 10) <= end)
        held = e;
    return held;
  }

  static bool picks(const punctuality_filter& filter, const round& r) {
    const auto deadline = r.deadline.effective;
    return (!filter.kind || r.kind == *filter.kind) &&
           (!filter.first_deadline || *filter.first_deadline <= deadline) &&
           (!filter.last_deadline || deadline <= *filter.last_deadline);
  }

  // The row of an assignment awaiting an answer in a round of `kind`; nullopt otherwise.
  std::optional<awaiting_row> awaiting_row_of(const assignment& a, std::optional<round_kind> kind) {
    const auto* r = by_id(t_.rounds, a.round_id);
    if (!workflows::assignment_awaits_answer(a.state) || !r || (kind && r->kind != *kind))
      return std::nullopt;
    return awaiting_row{.round_id = r->id,
                        .ref = r->ref,
                        .title = r->title,
                        .body_name = body_name_of(t_, a.body_id),
                        .deadline = a.deadline.effective,
                        .state = a.state};
  }

  memory_tables& t_;
};

class memory_reminders final : public reminder_store {
 public:
  explicit memory_reminders(memory_tables& t) : t_(t) {}

  void set_reminder_policy(id_t round_id, std::string_view policy) override {
    require_unique(t_.reminder_policies.contains(round_id), "round_reminder_policies.round_id");
    t_.reminder_policies.emplace(round_id, std::string(policy));
  }

  std::optional<std::string> reminder_policy_of(id_t round_id) override {
    const auto found = t_.reminder_policies.find(round_id);
    if (found == t_.reminder_policies.end()) return std::nullopt;
    return found->second;
  }

  // The SQL's INSERT leaves sent_at out: a new reminder has not been sent.
  id_t insert_reminder(const reminder& r) override {
    stored_reminder m{.r = r};
    m.r.id = next_id(t_.reminders);
    m.r.sent_at.reset();
    t_.reminders.push_back(std::move(m));
    return t_.reminders.back().r.id;
  }

  void cancel_reminders_of(id_t assignment_id) override {
    for (auto& m : t_.reminders) {
      if (m.r.assignment_id != assignment_id || m.r.state != reminder_state::scheduled) continue;
      m.r.state = reminder_state::cancelled;
      m.claim_holder.clear();
    }
  }

  std::vector<reminder_view> reminders_of(std::optional<id_t> round_id) override {
    auto views = views_where(
        t_, [&](const stored_reminder& m) { return !round_id || m.r.round_id == *round_id; });
    return sorted(std::move(views), [](const reminder_view& a, const reminder_view& b) {
      return std::tie(a.r.due_at, a.body_name, a.r.id) < std::tie(b.r.due_at, b.body_name, b.r.id);
    });
  }

  // GROUP BY state ORDER BY state: the states' names in text order.
  std::vector<std::pair<reminder_state, long long>> reminder_counts() override {
    std::map<std::string_view, std::pair<reminder_state, long long>> by_name;
    for (const auto& m : t_.reminders) {
      auto& counted = by_name.try_emplace(to_string(m.r.state), m.r.state, 0).first->second;
      ++counted.second;
    }
    std::vector<std::pair<reminder_state, long long>> counts;
    for (const auto& [name, counted] : by_name) counts.push_back(counted);
    return counts;
  }

 private:
  memory_tables& t_;
};

class memory_followup final : public followup_store {
 public:
  explicit memory_followup(memory_tables& t) : t_(t) {}

  // ORDER BY unit, the area's position (none first), the item's position, id.
  std::vector<action_item> action_items(std::optional<std::string_view> unit) override {
    std::vector<action_item> items;
    for (const auto& item : t_.action_items)
      if (!unit || item.unit == *unit) items.push_back(as_read(item));
    return sorted(std::move(items), [&](const action_item& a, const action_item& b) {
      return std::tuple(a.unit, area_position(a), a.position) <
             std::tuple(b.unit, area_position(b), b.position);
    });
  }

  std::optional<action_item> action_item_by_id(id_t id) override {
    const auto* item = by_id(t_.action_items, id);
    return item ? std::optional(as_read(*item)) : std::nullopt;
  }

  id_t insert_action_item(const action_item& item) override {
    return insert_unique(t_.action_items, item,
                         "action_items.unit, action_items.area, action_items.activity",
                         [&](const action_item& other) {
                           return std::tie(other.unit, other.area, other.activity) ==
                                  std::tie(item.unit, item.area, item.activity);
                         });
  }

  // Every column but the key (unit, area, activity), and the texts.
  bool update_action_item(const action_item& item) override {
    auto* stored = by_id(t_.action_items, item.id);
    if (!stored || stored->version != item.version) return false;
    auto updated = item;
    updated.unit = stored->unit;
    updated.area = stored->area;
    updated.activity = stored->activity;
    updated.version = item.version + 1;
    *stored = std::move(updated);
    return true;
  }

  std::vector<followup_area> followup_areas(std::optional<std::string_view> unit) override {
    std::vector<followup_area> areas;
    for (const auto& area : t_.followup_areas)
      if (!unit || area.unit == *unit) areas.push_back(area);
    return sorted(std::move(areas), [](const followup_area& a, const followup_area& b) {
      return std::tie(a.unit, a.position) < std::tie(b.unit, b.position);
    });
  }

  void save_followup_area(const followup_area& area) override {
    for (auto& stored : t_.followup_areas)
      if (stored.unit == area.unit && stored.name == area.name) {
        stored.position = area.position;
        return;
      }
    t_.followup_areas.push_back(area);
  }

  void append_followup_event(const followup_event& e) override { t_.followup_events.push_back(e); }

  std::vector<followup_event> followup_events(std::string_view case_kind, id_t case_id) override {
    std::vector<followup_event> found;
    for (const auto& e : t_.followup_events)
      if (e.case_kind == case_kind && e.case_id == case_id) found.push_back(e);
    return found;
  }

  // ORDER BY the body's name ('' for none), code, id; values by year.
  std::vector<indicator> indicators() override {
    std::vector<indicator> all;
    for (auto i : t_.indicators) {
      i.body_name = body_name_of(t_, i.body_id);
      i.values =
          sorted(std::move(i.values), [](const auto& a, const auto& b) { return a.year < b.year; });
      all.push_back(std::move(i));
    }
    return sorted(std::move(all), [](const indicator& a, const indicator& b) {
      return std::tie(a.body_name, a.code) < std::tie(b.body_name, b.code);
    });
  }

  // The values are not written: put_indicator_value adds them.
  id_t insert_indicator(const indicator& i) override {
    auto stored = i;
    stored.body_name.clear();
    stored.values.clear();
    return insert_unique(t_.indicators, std::move(stored), "indicators_by_body_and_code",
                         [&](const indicator& other) {
                           return other.body_id.value_or(0) == i.body_id.value_or(0) &&
                                  other.code == i.code;
                         });
  }

  void put_indicator_value(id_t indicator_id, int year, double value) override {
    auto* i = by_id(t_.indicators, indicator_id);
    if (!i) throw database_error("database error: FOREIGN KEY constraint failed (memory_store)");
    for (auto& v : i->values)
      if (v.year == year) {
        v.value = value;
        return;
      }
    i->values.push_back({year, value});
  }

  std::vector<report_section> report_sections(id_t assignment_id) override {
    const auto found = t_.report_sections.find(assignment_id);
    if (found == t_.report_sections.end()) return {};
    return sorted(found->second, [](const report_section& a, const report_section& b) {
      return a.number < b.number;
    });
  }

  void save_report_sections(id_t assignment_id,
                            const std::vector<report_section>& sections) override {
    t_.report_sections[assignment_id] = sections;
  }

 private:
  // The item as read: its texts by period (the SQL's ORDER BY t.period).
  static action_item as_read(action_item item) {
    const auto by_period = [](const period_text& a, const period_text& b) {
      return a.period < b.period;
    };
    item.reports = sorted(std::move(item.reports), by_period);
    item.plans = sorted(std::move(item.plans), by_period);
    return item;
  }

  std::optional<int> area_position(const action_item& item) const {
    for (const auto& area : t_.followup_areas)
      if (area.unit == item.unit && area.name == item.area) return area.position;
    return std::nullopt;
  }

  memory_tables& t_;
};

class memory_programme final : public programme_store {
 public:
  explicit memory_programme(memory_tables& t) : t_(t) {}

  std::vector<group> groups() override {
    std::vector<group> all;
    for (auto g : t_.groups) {
      g.coordinator = body_name_of(t_, g.coordinator_id);
      g.members.clear();
      for (const auto member : g.member_ids) g.members.push_back(body_name_of(t_, member));
      const auto* larger = g.part_of_id ? by_id(t_.groups, *g.part_of_id) : nullptr;
      g.part_of = larger ? larger->name : std::string();
      all.push_back(std::move(g));
    }
    return sorted(std::move(all), [](const group& a, const group& b) { return a.name < b.name; });
  }

  id_t insert_group(const group& g) override {
    auto members = g.member_ids;
    std::sort(members.begin(), members.end());
    require_unique(std::adjacent_find(members.begin(), members.end()) != members.end(),
                   "programme_group_members.group_id, programme_group_members.body_id");
    return insert_unique(t_.groups, g, "programme_groups.name",
                         [&](const group& other) { return other.name == g.name; });
  }

  void set_group_part_of(id_t group_id, std::optional<id_t> part_of_id) override {
    if (auto* g = by_id(t_.groups, group_id)) g->part_of_id = part_of_id;
  }

  std::vector<action_plan> action_plans() override {
    std::vector<action_plan> all;
    for (auto p : t_.action_plans) {
      const auto* g = by_id(t_.groups, p.group_id);
      p.group = g ? g->name : std::string();
      all.push_back(std::move(p));
    }
    return sorted(std::move(all), [](const action_plan& a, const action_plan& b) {
      return std::tie(a.group, a.period.first, a.ref) < std::tie(b.group, b.period.first, b.ref);
    });
  }

  id_t insert_action_plan(const action_plan& p) override {
    return insert_unique(t_.action_plans, p, "action_plans.ref",
                         [&](const action_plan& other) { return other.ref == p.ref; });
  }

  bool update_action_plan(const action_plan& p) override {
    auto* stored = by_id(t_.action_plans, p.id);
    if (!stored || stored->version != p.version) return false;
    stored->state = p.state;
    stored->version = p.version + 1;
    return true;
  }

  std::vector<plan_review> plan_reviews(id_t plan_id) override {
    std::vector<plan_review> found;
    for (const auto& r : t_.plan_reviews)
      if (r.plan_id == plan_id) found.push_back(r);
    return sorted(std::move(found),
                  [](const plan_review& a, const plan_review& b) { return a.year < b.year; });
  }

  void insert_plan_review(const plan_review& r) override {
    require_unique(std::any_of(t_.plan_reviews.begin(), t_.plan_reviews.end(),
                               [&](const plan_review& other) {
                                 return other.plan_id == r.plan_id && other.year == r.year;
                               }),
                   "plan_reviews.plan_id, plan_reviews.year");
    t_.plan_reviews.push_back(r);
  }

  std::vector<goal> goals(std::optional<id_t> plan_id) override {
    std::vector<goal> found;
    for (const auto& g : t_.goals)
      if (!plan_id || g.plan_id == *plan_id) found.push_back(g);
    return sorted(std::move(found), [](const goal& a, const goal& b) {
      return std::tie(a.plan_id, a.position) < std::tie(b.plan_id, b.position);
    });
  }

  id_t insert_goal(const goal& g) override { return insert(t_.goals, g); }

  std::vector<goal_override> goal_overrides(std::optional<id_t> plan_id) override {
    std::vector<goal_override> found;
    for (const auto& o : t_.goal_overrides) {
      const auto* g = by_id(t_.goals, o.goal_id);
      if (g && (!plan_id || g->plan_id == *plan_id)) found.push_back(o);
    }
    return found;
  }

  void insert_goal_override(const goal_override& o) override { t_.goal_overrides.push_back(o); }

  std::vector<id_t> plan_item_ids(id_t plan_id) override {
    std::vector<id_t> ids;  // the map's order is the item's id
    for (const auto& [item, plan] : t_.item_plans)
      if (plan == plan_id) ids.push_back(item);
    return ids;
  }

  void set_item_plan(id_t item_id, std::optional<id_t> plan_id) override {
    t_.item_plans.erase(item_id);
    if (plan_id) t_.item_plans.emplace(item_id, *plan_id);
  }

  std::vector<duty_step> duty_steps() override {
    std::vector<duty_step> all;
    for (auto s : t_.duty_steps) {
      s.body = body_name_of(t_, s.body_id);
      const auto* p = s.plan_id ? by_id(t_.action_plans, *s.plan_id) : nullptr;
      s.plan_ref = p ? p->ref : std::string();
      all.push_back(std::move(s));
    }
    return sorted(std::move(all), [](const duty_step& a, const duty_step& b) {
      return std::tie(a.period.first, a.period.last) < std::tie(b.period.first, b.period.last);
    });
  }

  id_t insert_duty_step(const duty_step& s) override {
    return insert_unique(
        t_.duty_steps, s, "duty_steps.first_year, duty_steps.last_year, duty_steps.step",
        [&](const duty_step& other) { return other.period == s.period && other.kind == s.kind; });
  }

 private:
  memory_tables& t_;
};

class memory_budgets final : public budget_store {
 public:
  explicit memory_budgets(memory_tables& t) : t_(t) {}

  // Lines by area, then line, in the file's order; a line's spent summed from its outcomes.
  std::optional<budget> budget_of_year(int year) override {
    const auto stored = std::find_if(t_.budgets.begin(), t_.budgets.end(),
                                     [&](const auto& b) { return b.year == year; });
    if (stored == t_.budgets.end()) return std::nullopt;
    budget b{.id = stored->id, .year = year, .owner = stored->owner, .source = stored->source};
    std::vector<detail::stored_budget_line> lines;
    for (const auto& l : t_.budget_lines)
      if (l.budget_id == b.id) lines.push_back(l);
    for (auto& l : sorted(std::move(lines), [](const auto&x, const auto&y) {
           return std::tie(x.area_order, x.line_order) < std::tie(y.area_order, y.line_order);
         })) {
      if (b.areas.empty() || b.areas.back().name != l.area) b.areas.push_back({.name = l.area});
      l.line.spent = spent_on(b.id, l.line.id);
      b.areas.back().lines.push_back(std::move(l.line));
    }
    return b;
  }

  id_t insert_budget(const budget& b) override {
    const auto id = insert_unique(
        t_.budgets, detail::stored_budget{.year = b.year, .owner = b.owner, .source = b.source},
        "budgets.year", [&](const auto& other) { return other.year == b.year; });
    int area_order = 0, line_order = 0;
    for (const auto& area : b.areas) {
      for (auto line : area.lines) {
        line.id = next_id(t_.budget_lines);
        line.spent = 0;
        t_.budget_lines.push_back({id, area.name, area_order, line_order++, std::move(line)});
      }
      ++area_order;
    }
    return id;
  }

  void append_budget_event(const budget_event& e) override { t_.budget_events.push_back(e); }

 private:
  kronor spent_on(id_t budget_id, id_t line_id) const {
    kronor spent = 0;
    for (const auto& e : t_.budget_events)
      if (e.budget_id == budget_id && e.event == "spend" && e.line_id == line_id) spent += e.amount;
    return spent;
  }

  memory_tables& t_;
};

class memory_access final : public access_store {
 public:
  explicit memory_access(memory_tables& t) : t_(t) {}

  id_t insert_api_token(const api_token& t) override {
    auto stored = t;
    stored.body_name.clear();
    return insert_unique(t_.tokens, std::move(stored), "api_tokens.token_hash",
                         [&](const api_token& other) { return other.hash == t.hash; });
  }

  std::optional<api_token> api_token_by_hash(std::string_view hash) override {
    for (auto t : t_.tokens)
      if (t.hash == hash) {
        t.body_name = body_name_of(t_, t.body_id);
        return t;
      }
    return std::nullopt;
  }

 private:
  memory_tables& t_;
};

class memory_transaction final : public store_transaction {
 public:
  explicit memory_transaction(memory_tables& t)
      : cases_(t),
        listings_(t),
        reminders_(t),
        followup_(t),
        programme_(t),
        budgets_(t),
        access_(t) {}

  case_store& cases() override { return cases_; }
  case_listings& listings() override { return listings_; }
  reminder_store& reminders() override { return reminders_; }
  followup_store& followup() override { return followup_; }
  programme_store& programme() override { return programme_; }
  budget_store& budgets() override { return budgets_; }
  access_store& access() override { return access_; }

 private:
  memory_cases cases_;
  memory_listings listings_;
  memory_reminders reminders_;
  memory_followup followup_;
  memory_programme programme_;
  memory_budgets budgets_;
  memory_access access_;
};

}  // namespace

memory_store::memory_store() : committed_(std::make_unique<detail::memory_tables>()) {}

memory_store::~memory_store() = default;

void memory_store::transact(const std::function<bool(store_transaction&)>& work) {
  const std::lock_guard lock(mutex_);
  auto draft = std::make_unique<detail::memory_tables>(*committed_);
  memory_transaction tx(*draft);
  if (!work(tx)) return;
  committed_ = std::move(draft);
  ++commits_;
}

std::vector<reminder_view> memory_store::due_reminders(instant now, int limit) {
  const std::lock_guard lock(mutex_);
  std::vector<reminder_view> views;
  for (const auto* m : due_in_order(*committed_, now, limit))
    if (auto v = view_of(*committed_, *m)) views.push_back(std::move(*v));
  return views;
}

namespace {

// A later reminder of the same assignment and stream is due by `now` or was sent (the SQL's
// later_step_exists).
bool later_step_exists(const memory_tables& t, const reminder& r, instant now) {
  return std::any_of(t.reminders.begin(), t.reminders.end(), [&](const stored_reminder& l) {
    const bool due_or_sent = l.r.state == reminder_state::sent ||
                             (l.r.state == reminder_state::scheduled && l.r.due_at <= now);
    return due_or_sent && supersedes(l.r, r);
  });
}

// The claim's first step: the first `limit` due reminders are looked at, and those a later one
// supersedes end as superseded. Returns how many.
int supersede_window(memory_tables& t, instant now, int limit) {
  int superseded = 0;
  for (auto* m : due_in_order(t, now, limit)) {
    if (!later_step_exists(t, m->r, now)) continue;
    m->r.state = reminder_state::superseded;
    m->r.last_error = std::string(superseded_reason);
    m->claim_holder.clear();
    ++superseded;
  }
  return superseded;
}

// A claim's holder and attempts are its token: a claim taken since has other attempts.
stored_reminder* held(memory_tables& t, const reminder& r, std::string_view holder) {
  for (auto& m : t.reminders)
    if (m.r.id == r.id)
      return m.claim_holder == holder && m.r.attempts == r.attempts &&
                     m.r.state == reminder_state::scheduled
                 ? &m
                 : nullptr;
  return nullptr;
}

}  // namespace

// Returned by due time, then id, as the SQL reads the claimed rows back.
std::vector<reminder_view> memory_store::claim_due_reminders(instant now, instant lease_until,
                                                             std::string_view holder, int limit) {
  const std::lock_guard lock(mutex_);
  auto& t = *committed_;
  const bool superseded = supersede_window(t, now, limit) > 0;
  std::vector<stored_reminder*> claimed;
  for (auto* m : due_in_order(t, now, std::numeric_limits<int>::max()))
    if (std::ssize(claimed) < limit && !later_step_exists(t, m->r, now)) claimed.push_back(m);
  if (superseded || !claimed.empty()) ++commits_;
  std::vector<reminder_view> views;
  for (auto* m : claimed) {
    ++m->r.attempts;
    m->r.next_attempt_at = lease_until;
    m->claim_holder = std::string(holder);
    if (auto v = view_of(t, *m)) views.push_back(std::move(*v));
  }
  std::stable_sort(views.begin(), views.end(), [](const reminder_view& a, const reminder_view& b) {
    return std::tie(a.r.due_at, a.r.id) < std::tie(b.r.due_at, b.r.id);
  });
  return views;
}

bool memory_store::renew_lease(const reminder& r, instant lease_until, std::string_view holder) {
  const std::lock_guard lock(mutex_);
  auto* m = held(*committed_, r, holder);
  if (!m) return false;
  m->r.next_attempt_at = lease_until;
  ++commits_;
  return true;
}

bool memory_store::settle_reminder(const reminder& r, std::string_view holder) {
  const std::lock_guard lock(mutex_);
  auto* m = held(*committed_, r, holder);
  if (!m) return false;
  m->r.state = r.state;
  m->r.next_attempt_at = r.next_attempt_at;
  m->r.sent_at = r.sent_at;
  m->r.last_error = r.last_error;
  m->claim_holder.clear();
  ++commits_;
  return true;
}

std::optional<instant> memory_store::next_reminder_due() {
  const std::lock_guard lock(mutex_);
  std::optional<instant> next;
  for (const auto& m : committed_->reminders)
    if (m.r.state == reminder_state::scheduled && (!next || m.r.next_attempt_at < *next))
      next = m.r.next_attempt_at;
  return next;
}

std::string memory_store::data_version() {
  const std::lock_guard lock(mutex_);
  return std::to_string(commits_);
}

}  // namespace bevaka::testing
