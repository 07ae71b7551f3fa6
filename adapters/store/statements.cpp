#include "adapters/store/statements.hpp"

namespace bevaka::store::detail {
namespace {

const std::string body_columns = "SELECT id, name, kind, emails FROM bodies ";

const std::string round_columns =
    "SELECT id, kind, ref, title, state, nominal_deadline, deadline, deadline_reason, "
    "shift_deadlines, version FROM rounds ";

const std::string assignment_columns =
    "SELECT a.id, a.round_id, a.body_id, b.name, b.kind, a.state, a.nominal_deadline, "
    "a.deadline, a.deadline_reason, a.submitted_on, a.late_by_working_days, a.version "
    "FROM assignments a JOIN bodies b ON b.id = a.body_id ";

const std::string event_columns =
    "SELECT e.case_kind, e.case_id, e.round_id, e.body_id, b.name, e.event, e.from_state, "
    "e.to_state, e.actor, e.at, e.note, e.payload "
    "FROM events e LEFT JOIN bodies b ON b.id = e.body_id ";

}  // namespace

// Reads the partial index assignments_awaiting_by_deadline.
const std::string awaiting_past_deadline_sql =
    "SELECT a.round_id, r.ref, r.title, b.name, a.deadline, a.state "
    "FROM assignments a JOIN rounds r ON r.id = a.round_id JOIN bodies b ON b.id = a.body_id "
    "WHERE a.awaiting = 1 AND a.deadline < :before ";

// Reads the partial index reminders_failed, which holds only failed reminders: few or none.
const std::string awaiting_failed_sql =
    "SELECT a.round_id, r.ref, r.title, b.name, a.deadline, a.state, COUNT(*) "
    "FROM reminders m JOIN assignments a ON a.id = m.assignment_id "
    "JOIN rounds r ON r.id = a.round_id JOIN bodies b ON b.id = a.body_id "
    "WHERE m.state = 'failed' AND a.awaiting = 1 ";
const std::string awaiting_failed_grouping =
    "GROUP BY a.round_id, r.ref, r.title, b.name, a.deadline, a.state";

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
          "UPDATE rounds SET state = :state, version = :next WHERE id = :id AND version = "
          ":version"),
      assignments_of(assignment_columns + "WHERE a.round_id = :round ORDER BY b.name"),
      assignment_of(assignment_columns + "WHERE a.round_id = :round AND a.body_id = :body"),
      assignment_by_names(
          "SELECT r.id, r.kind, r.ref, r.title, r.state, r.nominal_deadline, r.deadline, "
          "r.deadline_reason, r.shift_deadlines, r.version, " +
          assignment_columns.substr(std::string("SELECT ").size()) +
          "JOIN rounds r ON r.id = a.round_id WHERE r.ref_key = :ref_key AND b.name = :name"),
      open_assignments(
          "SELECT COUNT(*) FROM assignments WHERE round_id = :round AND state NOT IN (:ended1, "
          ":ended2, :ended3)"),
      insert_assignment(
          "INSERT INTO assignments (round_id, body_id, state, awaiting, nominal_deadline, "
          "deadline, deadline_reason, version) VALUES (:round, :body, :state, :awaiting, "
          ":nominal, :deadline, :reason, :version) RETURNING id"),
      update_assignment(
          "UPDATE assignments SET state = :state, awaiting = :awaiting, "
          "nominal_deadline = :nominal, deadline = :deadline, deadline_reason = :reason, "
          "submitted_on = :submitted, late_by_working_days = :late, version = :next "
          "WHERE id = :id AND version = :version"),
      update_assignment_awaiting(
          "UPDATE assignments SET state = :state, awaiting = :awaiting, submitted_on = :submitted, "
          "late_by_working_days = :late, version = :next WHERE id = :id AND version = :version"),
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
      assignments_of_body(assignment_columns +
                          "WHERE a.body_id = :body ORDER BY a.deadline, a.round_id"),
      insert_api_token(
          "INSERT INTO api_tokens (holder, role, body_id, token_hash, created_at) "
          "VALUES (:holder, :role, :body_id, :token_hash, :created_at) RETURNING id"),
      api_token_by_hash(
          "SELECT t.id, t.holder, t.role, t.body_id, b.name, t.token_hash, t.created_at "
          "FROM api_tokens t LEFT JOIN bodies b ON b.id = t.body_id WHERE t.token_hash = :hash"),
      awaiting(awaiting_past_deadline_sql + "ORDER BY a.deadline"),
      awaiting_of_kind(awaiting_past_deadline_sql + "AND r.kind = :kind ORDER BY a.deadline"),
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
          "WHERE assignment_id = :assignment AND state = 'scheduled'") {}

}  // namespace bevaka::store::detail
