#include "adapters/store/statements.hpp"

#include <fmt/format.h>

namespace bevaka::store::detail {
namespace {

const std::string body_columns = "SELECT id, name, kind, emails FROM bodies ";

const std::string round_columns =
    "SELECT id, kind, ref, title, state, nominal_deadline, deadline, deadline_reason, "
    "shift_deadlines, version, sent_on FROM rounds ";

const std::string assignment_columns =
    "SELECT a.id, a.round_id, a.body_id, b.name, b.kind, a.state, a.nominal_deadline, "
    "a.deadline, a.deadline_reason, a.submitted_on, a.late_by_working_days, a.version, "
    "a.first_submitted_on, a.first_late_by_working_days, a.requested_deadline, a.request_note, "
    "a.request_actor, a.request_at "
    "FROM assignments a JOIN bodies b ON b.id = a.body_id ";

const std::string round_and_assignment_columns =
    "SELECT r.id, r.kind, r.ref, r.title, r.state, r.nominal_deadline, r.deadline, "
    "r.deadline_reason, r.shift_deadlines, r.version, r.sent_on, " +
    assignment_columns.substr(std::string("SELECT ").size()) +
    "JOIN rounds r ON r.id = a.round_id ";

// A case's period (case_history) that holds at the end of :day.
const std::string held_on_day =
    "h.valid_from <= :day AND (h.valid_to IS NULL OR h.valid_to > :ended) ";

const std::string round_as_of_columns =
    "SELECT r.id, r.kind, r.ref, r.title, h.state, r.nominal_deadline, r.deadline, "
    "r.deadline_reason, r.shift_deadlines, r.version, r.sent_on FROM rounds r "
    "JOIN case_history h ON h.case_kind = 'round' AND h.case_id = r.id AND " +
    held_on_day;

const std::string assignment_as_of_columns =
    "SELECT a.id, a.round_id, a.body_id, b.name, b.kind, h.state, h.nominal_deadline, "
    "h.deadline, h.deadline_reason, a.submitted_on, a.late_by_working_days, a.version, "
    "a.first_submitted_on, a.first_late_by_working_days, a.requested_deadline, a.request_note, "
    "a.request_actor, a.request_at FROM assignments a JOIN bodies b ON b.id = a.body_id "
    "JOIN case_history h ON h.case_kind = 'assignment' AND h.case_id = a.id AND " +
    held_on_day;

const std::string event_columns =
    "SELECT e.case_kind, e.case_id, e.round_id, e.body_id, b.name, e.event, e.from_state, "
    "e.to_state, e.actor, e.at, e.note, e.payload "
    "FROM events e LEFT JOIN bodies b ON b.id = e.body_id ";

}  // namespace

namespace {

// One half of the overdue query: the assignments' periods (case_history) that awaited an answer
// at the end of :day with a deadline before it. The open periods are read through the partial
// index case_history_awaiting_now, those that ended after :day through case_history_awaiting_then.
// SQLite takes a name used twice for one parameter: each use has a name of its own (`part`).
std::string awaiting_periods(std::string_view which, int part, bool of_kind) {
  return fmt::format(
      "SELECT h.round_id, r.ref, r.title, b.name, h.deadline, h.state FROM case_history h "
      "JOIN rounds r ON r.id = h.round_id JOIN bodies b ON b.id = h.body_id "
      "WHERE h.awaiting = 1 AND {0} AND h.deadline < :before{1} AND h.valid_from <= :day{1}{2}",
      which, part, of_kind ? fmt::format(" AND r.kind = :kind{}", part) : "");
}

}  // namespace

std::string awaiting_past_deadline_sql(bool of_kind) {
  return awaiting_periods("h.valid_to IS NULL", 1, of_kind) + " UNION ALL " +
         awaiting_periods("h.valid_to IS NOT NULL AND h.valid_to > :ended", 2, of_kind) +
         " ORDER BY 5, 2, 4";
}

// Reads the partial index reminders_failed, which holds only failed reminders: few or none.
const std::string awaiting_failed_sql =
    "SELECT a.round_id, r.ref, r.title, b.name, a.deadline, a.state, COUNT(*) "
    "FROM reminders m JOIN assignments a ON a.id = m.assignment_id "
    "JOIN rounds r ON r.id = a.round_id JOIN bodies b ON b.id = a.body_id "
    "WHERE m.state = 'failed' AND a.awaiting = 1 ";
const std::string awaiting_failed_grouping =
    "GROUP BY a.round_id, r.ref, r.title, b.name, a.deadline, a.state";

const std::string reminder_view_columns =
    "SELECT m.id, m.assignment_id, m.round_id, m.body_id, m.kind, m.offset_days, m.deadline, "
    "m.due_at, m.state, m.next_attempt_at, m.attempts, m.sent_at, m.last_error, r.ref, r.title, "
    "r.kind, b.name, b.emails, a.nominal_deadline, a.deadline, a.deadline_reason "
    "FROM reminders m JOIN rounds r ON r.id = m.round_id JOIN bodies b ON b.id = m.body_id "
    "JOIN assignments a ON a.id = m.assignment_id ";

const std::string due_reminders_sql =
    reminder_view_columns + "WHERE m.state = 'scheduled' AND m.next_attempt_at <= :now ";

namespace {

// Whether a later reminder of the same assignment and stream (engine's `supersedes`; escalations
// are the registrar's stream, every other kind the body's) is due by :later_than or was sent.
// Reads reminders_by_assignment. `row` names the reminder asked about.
std::string later_step_exists(const std::string& row) {
  return "EXISTS (SELECT 1 FROM reminders l WHERE l.assignment_id = " + row +
         ".assignment_id AND (l.kind = 'escalation') = (" + row +
         ".kind = 'escalation') AND (l.state = 'sent' OR (l.state = 'scheduled' AND l.due_at <= "
         ":later_than)) AND (l.due_at > " +
         row + ".due_at OR (l.due_at = " + row + ".due_at AND l.id > " + row + ".id)))";
}

// The first :limit due reminders, in the order a dispatcher takes them: the window in which a
// claim looks for superseded ones, so each claim reads a bounded part of reminders_due.
std::string supersede_due_reminders_sql(const std::string& locking) {
  return "UPDATE reminders SET state = 'superseded', claim_holder = '', last_error = :why "
         "WHERE id IN (SELECT id FROM reminders WHERE state = 'scheduled' AND next_attempt_at <= "
         ":now ORDER BY next_attempt_at, id LIMIT :limit" +
         locking + ") AND " + later_step_exists("reminders");
}

// A reminder that a later one supersedes is never claimed, whether the window above reached it
// or not.
std::string claim_due_reminders_sql(const std::string& locking) {
  return "UPDATE reminders SET attempts = attempts + 1, next_attempt_at = :lease, "
         "claim_holder = :holder WHERE id IN (SELECT m.id FROM reminders m "
         "WHERE m.state = 'scheduled' AND m.next_attempt_at <= :now AND NOT " +
         later_step_exists("m") + " ORDER BY m.next_attempt_at, m.id LIMIT :limit" + locking +
         ") RETURNING id";
}

}  // namespace

statements::statements()
    : body_by_id(body_columns + "WHERE id = :id"),
      body_by_name(body_columns + "WHERE name = :name"),
      bodies(body_columns + "ORDER BY name"),
      bodies_of_kind(body_columns + "WHERE kind = :kind ORDER BY name"),
      insert_body(
          "INSERT INTO bodies (name, kind, emails) VALUES (:name, :kind, :emails) "
          "RETURNING id"),
      round_by_id(round_columns + "WHERE id = :id"),
      round_by_ref(round_columns + "WHERE ref_key = :ref_key"),
      insert_round(
          "INSERT INTO rounds (kind, ref, title, state, nominal_deadline, deadline, "
          "deadline_reason, shift_deadlines, version, ref_key) VALUES (:kind, :ref, :title, "
          ":state, :nominal, :deadline, :reason, :shift, :version, :ref_key) RETURNING id"),
      update_round(
          "UPDATE rounds SET state = :state, sent_on = :sent_on, version = :next WHERE id = :id "
          "AND version = :version"),
      // NO KEY UPDATE, not UPDATE: every event a writer has appended holds a KEY SHARE lock on
      // its round (the foreign key), which FOR UPDATE would wait for; two writers each waiting
      // for the other's key share are a deadlock. Two NO KEY UPDATEs still wait for each other.
      lock_round(round_columns + "WHERE id = :id FOR NO KEY UPDATE"),
      assignments_of(assignment_columns + "WHERE a.round_id = :round ORDER BY b.name"),
      assignment_of(assignment_columns + "WHERE a.round_id = :round AND a.body_id = :body"),
      assignment_by_names(round_and_assignment_columns +
                          "WHERE r.ref_key = :ref_key AND b.name = :name"),
      open_assignments(
          "SELECT COUNT(*) FROM assignments WHERE round_id = :round AND state NOT IN (:ended1, "
          ":ended2, :ended3, :ended4)"),
      insert_assignment(
          "INSERT INTO assignments (round_id, body_id, state, awaiting, nominal_deadline, "
          "deadline, deadline_reason, version) VALUES (:round, :body, :state, :awaiting, "
          ":nominal, :deadline, :reason, :version) RETURNING id"),
      update_assignment(
          "UPDATE assignments SET state = :state, awaiting = :awaiting, "
          "nominal_deadline = :nominal, deadline = :deadline, deadline_reason = :reason, "
          "submitted_on = :submitted, late_by_working_days = :late, "
          "first_submitted_on = :first_submitted, first_late_by_working_days = :first_late, "
          "requested_deadline = :requested, request_note = :request_note, "
          "request_actor = :request_actor, request_at = :request_at, version = :next "
          "WHERE id = :id AND version = :version"),
      update_assignment_awaiting(
          "UPDATE assignments SET state = :state, awaiting = :awaiting, submitted_on = :submitted, "
          "late_by_working_days = :late, first_submitted_on = :first_submitted, "
          "first_late_by_working_days = :first_late, version = :next WHERE id = :id AND "
          "version = :version"),
      update_assignment_state(
          "UPDATE assignments SET state = :state, submitted_on = :submitted, "
          "late_by_working_days = :late, version = :next WHERE id = :id AND version = :version"),
      append_event(
          "INSERT INTO events (case_kind, case_id, round_id, body_id, event, from_state, "
          "to_state, actor, at, note, payload) VALUES (:kind, :case_id, :round_id, :body_id, "
          ":event, :from_state, :to_state, :actor, :at, :note, :payload)"),
      events_of_round(event_columns + "WHERE e.round_id = :round ORDER BY e.id"),
      events_of_assignment(event_columns +
                           "WHERE e.round_id = :round AND e.body_id = :body ORDER BY e.id"),
      rounds(round_columns + "ORDER BY deadline DESC, ref"),
      rounds_as_of(round_as_of_columns + "ORDER BY r.deadline DESC, r.ref"),
      round_as_of(round_as_of_columns + "WHERE r.id = :id"),
      assignments_as_of(assignment_as_of_columns + "WHERE a.round_id = :round ORDER BY b.name"),
      close_period(
          "UPDATE case_history SET valid_to = :day WHERE case_kind = :kind AND case_id = :id "
          "AND valid_to IS NULL"),
      open_period(
          "INSERT INTO case_history (case_kind, case_id, round_id, body_id, valid_from, state, "
          "awaiting, nominal_deadline, deadline, deadline_reason) VALUES (:kind, :id, :round, "
          ":body, :day, :state, :awaiting, :nominal, :deadline, :reason)"),
      assignments_of_body(assignment_columns +
                          "WHERE a.body_id = :body ORDER BY a.deadline, a.round_id"),
      pending_extension_requests(round_and_assignment_columns +
                                 "WHERE a.requested_deadline IS NOT NULL ORDER BY a.request_at, "
                                 "a.id"),
      punctuality_records(
          "SELECT b.name, r.deadline, a.state, a.first_late_by_working_days "
          "FROM rounds r JOIN assignments a ON a.round_id = r.id JOIN bodies b ON b.id = a.body_id "
          "WHERE (r.kind = :kind OR 1 = :all_kinds) AND (a.body_id = :body OR 1 = :all_bodies) "
          "AND r.deadline >= :first AND r.deadline <= :last"),
      insert_api_token(
          "INSERT INTO api_tokens (holder, role, body_id, token_hash, created_at) "
          "VALUES (:holder, :role, :body_id, :token_hash, :created_at) RETURNING id"),
      api_token_by_hash(
          "SELECT t.id, t.holder, t.role, t.body_id, b.name, t.token_hash, t.created_at "
          "FROM api_tokens t LEFT JOIN bodies b ON b.id = t.body_id WHERE t.token_hash = :hash"),
      awaiting(awaiting_past_deadline_sql(false)),
      awaiting_of_kind(awaiting_past_deadline_sql(true)),
      awaiting_failed(awaiting_failed_sql + awaiting_failed_grouping),
      awaiting_failed_of_kind(awaiting_failed_sql + "AND r.kind = :kind " +
                              awaiting_failed_grouping),
      reminder_policy_of("SELECT policy FROM round_reminder_policies WHERE round_id = :round"),
      insert_reminder(
          "INSERT INTO reminders (assignment_id, round_id, body_id, kind, offset_days, deadline, "
          "due_at, state, next_attempt_at, attempts, claim_holder, last_error) VALUES "
          "(:assignment, :round, :body, :kind, :offset, :deadline, :due, :state, :next, "
          ":attempts, '', :error) RETURNING id"),
      cancel_reminders_of(
          "UPDATE reminders SET state = 'cancelled', claim_holder = '' "
          "WHERE assignment_id = :assignment AND state = 'scheduled'"),
      set_reminder_policy(
          "INSERT INTO round_reminder_policies (round_id, policy) VALUES (:round, :policy)"),
      reminders(reminder_view_columns + "ORDER BY m.due_at, b.name, m.id"),
      reminders_of_round(reminder_view_columns +
                         "WHERE m.round_id = :round ORDER BY m.due_at, b.name, m.id"),
      due_reminders(due_reminders_sql + "ORDER BY m.next_attempt_at, m.id LIMIT :limit"),
      supersede_due_reminders(supersede_due_reminders_sql("")),
      supersede_due_reminders_skip_locked(supersede_due_reminders_sql(" FOR UPDATE SKIP LOCKED")),
      claim_due_reminders(claim_due_reminders_sql("")),
      claim_due_reminders_skip_locked(claim_due_reminders_sql(" FOR UPDATE SKIP LOCKED")),
      renew_lease(
          "UPDATE reminders SET next_attempt_at = :lease "
          "WHERE id = :id AND claim_holder = :holder AND attempts = :attempts "
          "AND state = 'scheduled'"),
      settle_reminder(
          "UPDATE reminders SET state = :state, next_attempt_at = :next, "
          "sent_at = :sent, last_error = :error, claim_holder = '' "
          "WHERE id = :id AND claim_holder = :holder AND attempts = :attempts "
          "AND state = 'scheduled'"),
      next_reminder_due("SELECT MIN(next_attempt_at) FROM reminders WHERE state = 'scheduled'"),
      reminder_counts("SELECT state, COUNT(*) FROM reminders GROUP BY state ORDER BY state") {}

programme_statements::programme_statements()
    : groups(
          "SELECT g.id, g.name, g.kind, g.coordinator_id, c.name, g.meets_per_year, "
          "g.part_of_id, p.name FROM programme_groups g "
          "JOIN bodies c ON c.id = g.coordinator_id "
          "LEFT JOIN programme_groups p ON p.id = g.part_of_id ORDER BY g.name"),
      group_members(
          "SELECT m.group_id, m.body_id, b.name "
          "FROM programme_group_members m "
          "JOIN bodies b ON b.id = m.body_id "
          "ORDER BY m.group_id, m.position"),
      insert_group(
          "INSERT INTO programme_groups (name, kind, coordinator_id, meets_per_year, part_of_id) "
          "VALUES (:name, :kind, :coordinator, :meets, :part_of) RETURNING id"),
      insert_group_member(
          "INSERT INTO programme_group_members (group_id, body_id, position) "
          "VALUES (:group_id, :body, :position)"),
      set_group_part_of("UPDATE programme_groups SET part_of_id = :part_of WHERE id = :id"),
      action_plans(
          "SELECT p.id, p.ref, p.title, p.group_id, g.name, p.first_year, "
          "p.last_year, p.state, p.version FROM action_plans p "
          "JOIN programme_groups g ON g.id = p.group_id "
          "ORDER BY g.name, p.first_year, p.ref"),
      insert_action_plan(
          "INSERT INTO action_plans (ref, title, group_id, first_year, last_year, state, version) "
          "VALUES (:ref, :title, :group_id, :first_year, :last_year, :state, :version) "
          "RETURNING id"),
      update_action_plan(
          "UPDATE action_plans SET state = :state, version = :next "
          "WHERE id = :id AND version = :version"),
      plan_reviews(
          "SELECT year, note, actor, at FROM plan_reviews "
          "WHERE plan_id = :plan ORDER BY year"),
      insert_plan_review(
          "INSERT INTO plan_reviews (plan_id, year, note, actor, at) "
          "VALUES (:plan, :year, :note, :actor, :at)"),
      goals(
          "SELECT id, plan_id, position, text, indicator_id, target, direction "
          "FROM goals WHERE plan_id = :plan OR 1 = :all_plans "
          "ORDER BY plan_id, position, id"),
      insert_goal(
          "INSERT INTO goals (plan_id, position, text, indicator_id, target, direction) "
          "VALUES (:plan, :position, :text, :indicator, :target, :direction) RETURNING id"),
      goal_overrides(
          "SELECT o.goal_id, o.year, o.status, o.reason, o.actor, o.at "
          "FROM goal_overrides o JOIN goals g ON g.id = o.goal_id "
          "WHERE g.plan_id = :plan OR 1 = :all_plans ORDER BY o.id"),
      insert_goal_override(
          "INSERT INTO goal_overrides (goal_id, year, status, reason, actor, at) "
          "VALUES (:goal, :year, :status, :reason, :actor, :at)"),
      plan_item_ids(
          "SELECT item_id FROM plan_items WHERE plan_id = :plan "
          "ORDER BY item_id"),
      delete_item_plan("DELETE FROM plan_items WHERE item_id = :item"),
      insert_item_plan("INSERT INTO plan_items (item_id, plan_id) VALUES (:item, :plan)"),
      duty_steps(
          "SELECT s.id, s.first_year, s.last_year, s.step, s.ref, s.decided_on, "
          "s.body_id, b.name, s.plan_id, p.ref FROM duty_steps s "
          "JOIN bodies b ON b.id = s.body_id "
          "LEFT JOIN action_plans p ON p.id = s.plan_id "
          "ORDER BY s.first_year, s.last_year, s.id"),
      insert_duty_step(
          "INSERT INTO duty_steps (first_year, last_year, step, ref, decided_on, body_id, plan_id) "
          "VALUES (:first_year, :last_year, :step, :ref, :decided, :body, :plan) RETURNING id") {}

// Sums in SQL are BIGINT on both backends (PostgreSQL's SUM of BIGINT is NUMERIC).
budget_statements::budget_statements()
    : budget_of_year("SELECT id, owner, source FROM budgets WHERE year = :year"),
      budget_lines(
          "SELECT l.id, l.area, l.name, l.planned, l.note, COALESCE(s.spent, 0) "
          "FROM budget_lines l LEFT JOIN ("
          "  SELECT line_id, CAST(SUM(amount) AS BIGINT) AS spent FROM budget_events "
          "  WHERE budget_id = :spent_budget AND event = 'spend' GROUP BY line_id"
          ") s ON s.line_id = l.id "
          "WHERE l.budget_id = :budget ORDER BY l.area_order, l.line_order"),
      insert_budget(
          "INSERT INTO budgets (year, owner, source) VALUES (:year, :owner, :source) RETURNING id"),
      insert_budget_line(
          "INSERT INTO budget_lines (budget_id, area, area_order, name, planned, "
          "note, line_order) VALUES (:budget, :area, :area_order, :name, :planned, "
          ":note, :line_order)"),
      append_budget_event(
          "INSERT INTO budget_events (budget_id, line_id, event, amount, actor, at, note) "
          "VALUES (:budget, :line, :event, :amount, :actor, :at, :note)") {}

namespace {

const std::string item_select =
    "SELECT i.id, i.unit, i.area, i.activity, i.description, i.expected_result, "
    "i.evaluation_method, i.evaluation_result, i.category, i.state, i.row_order, i.version "
    "FROM action_items i LEFT JOIN followup_areas a ON a.unit = i.unit AND a.name = i.area ";
const std::string item_order = " ORDER BY i.unit, a.row_order, i.row_order, i.id";

const std::string item_text_select =
    "SELECT t.item_id, t.kind, t.period, t.content FROM action_item_texts t "
    "JOIN action_items i ON i.id = t.item_id ";
const std::string item_text_order = " ORDER BY t.item_id, t.period";

const std::string area_select = "SELECT unit, name, row_order FROM followup_areas ";
const std::string area_order = "ORDER BY unit, row_order, id";

}  // namespace

followup_statements::followup_statements()
    : action_items(item_select + item_order),
      action_items_of_unit(item_select + "WHERE i.unit = :unit" + item_order),
      action_item_by_id(item_select + "WHERE i.id = :id" + item_order),
      action_item_texts(item_text_select + item_text_order),
      action_item_texts_of_unit(item_text_select + "WHERE i.unit = :unit" + item_text_order),
      action_item_texts_of_item(item_text_select + "WHERE i.id = :id" + item_text_order),
      insert_action_item(
          "INSERT INTO action_items (unit, area, activity, description, expected_result, "
          "evaluation_method, evaluation_result, category, state, row_order, version) VALUES "
          "(:unit, :area, :activity, :description, :expected, :method, :result, :category, "
          ":state, :row_order, :version) RETURNING id"),
      update_action_item(
          "UPDATE action_items SET description = :description, "
          "expected_result = :expected, evaluation_method = :method, "
          "evaluation_result = :result, category = :category, state = :state, "
          "row_order = :row_order, version = :next "
          "WHERE id = :id AND version = :version"),
      delete_action_item_texts("DELETE FROM action_item_texts WHERE item_id = :item"),
      insert_action_item_text(
          "INSERT INTO action_item_texts (item_id, kind, period, content) "
          "VALUES (:item, :kind, :period, :content)"),
      followup_areas(area_select + area_order),
      followup_areas_of_unit(area_select + "WHERE unit = :unit " + area_order),
      update_followup_area(
          "UPDATE followup_areas SET row_order = :row_order "
          "WHERE unit = :unit AND name = :name"),
      insert_followup_area(
          "INSERT INTO followup_areas (unit, name, row_order) VALUES (:unit, :name, :row_order)"),
      append_followup_event(
          "INSERT INTO followup_events (case_kind, case_id, event, from_state, to_state, actor, "
          "at, note, payload) VALUES (:kind, :case_id, :event, :from_state, :to_state, :actor, "
          ":at, :note, :payload)"),
      followup_events(
          "SELECT case_kind, event, from_state, to_state, actor, at, note, payload "
          "FROM followup_events WHERE case_kind = :kind AND case_id = :id "
          "ORDER BY id"),
      indicators(
          "SELECT i.id, i.body_id, b.name, i.code, i.title, i.direction, i.unit "
          "FROM indicators i LEFT JOIN bodies b ON b.id = i.body_id "
          "ORDER BY COALESCE(b.name, ''), i.code, i.id"),
      indicator_values(
          "SELECT indicator_id, year, value "
          "FROM indicator_values ORDER BY indicator_id, year"),
      insert_indicator(
          "INSERT INTO indicators (body_id, code, title, direction, unit) "
          "VALUES (:body_id, :code, :title, :direction, :unit) RETURNING id"),
      update_indicator_value(
          "UPDATE indicator_values SET value = :value "
          "WHERE indicator_id = :id AND year = :year"),
      insert_indicator_value(
          "INSERT INTO indicator_values (indicator_id, year, value) VALUES (:id, :year, :value)"),
      report_sections(
          "SELECT number, heading, content FROM report_sections "
          "WHERE assignment_id = :id ORDER BY number"),
      delete_report_sections("DELETE FROM report_sections WHERE assignment_id = :id"),
      insert_report_section(
          "INSERT INTO report_sections (assignment_id, number, heading, content) "
          "VALUES (:id, :number, :heading, :content)") {}

}  // namespace bevaka::store::detail
