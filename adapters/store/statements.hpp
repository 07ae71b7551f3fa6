#pragma once
// Every statement the store runs, each prepared on its first use and kept with the connection,
// with the row each query's results are read into (rows.hpp and each aggregate's rows.hpp).
// Parameters bind by position (prepared.hpp): the comment above a statement names them in the
// order its SQL does. Internal to adapters/store.

#include <string>

#include "adapters/store/access/rows.hpp"
#include "adapters/store/budgets/rows.hpp"
#include "adapters/store/cases/rows.hpp"
#include "adapters/store/followup/rows.hpp"
#include "adapters/store/prepared.hpp"
#include "adapters/store/programme/rows.hpp"
#include "adapters/store/reminders/rows.hpp"
#include "adapters/store/rows.hpp"

namespace bevaka::store::detail {

// The overdue query: assignments that awaited an answer at the end of `:day` with a deadline
// before it, read from the cases' history; with `of_kind`, only rounds of a kind. Parameters:
// day, day, [kind,] day, day, day[, kind]. Shared with
// soci_store::explain_overdue so the plan shown is the plan of this very query.
[[nodiscard]] std::string awaiting_past_deadline_sql(bool of_kind);

// The dispatcher's query: scheduled reminders due at `:now`, earliest first, reading the partial
// index reminders_due. Shared with soci_store::explain_due_reminders.
extern const std::string due_reminders_sql;

// The columns of reminder_row, up to the WHERE clause; due_reminders_sql
// and the claimed reminders' query go on from it.
extern const std::string reminder_view_columns;

using text = std::string;
using key = long long;

// The safety programme's: programme/programme_store.cpp.
struct programme_statements {
  programme_statements();

  prepared_query<group_row> groups;
  prepared_query<group_member_row> group_members;
  // name, kind, coordinator, meets per year, part of
  prepared_query<id_row, text, text, key, nullable<int>, nullable<key>> insert_group;
  // group, body, position
  prepared_command<key, key, int> insert_group_member;
  // part of, id
  prepared_command<nullable<key>, key> set_group_part_of;

  prepared_query<action_plan_row> action_plans;
  // ref, title, group, first year, last year, state, version
  prepared_query<id_row, text, text, key, int, int, text, key> insert_action_plan;
  // state, next version, id, version
  prepared_command<text, key, key, key> update_action_plan;
  prepared_query<plan_review_row, key> plan_reviews;
  // plan, year, note, actor, at
  prepared_command<key, int, text, text, text> insert_plan_review;

  // The plan's, or with 1 for `all plans`, every plan's: plan, all plans.
  prepared_query<goal_row, key, int> goals;
  // plan, position, text, indicator, target, direction
  prepared_query<id_row, key, int, text, nullable<key>, nullable<double>, nullable<text>>
      insert_goal;
  // As goals.
  prepared_query<goal_override_row, key, int> goal_overrides;
  // goal, year, status, reason, actor, at
  prepared_command<key, int, text, text, text, text> insert_goal_override;

  prepared_query<id_row, key> plan_item_ids;
  prepared_command<key> delete_item_plan;
  // item, plan
  prepared_command<key, key> insert_item_plan;

  prepared_query<duty_step_row> duty_steps;
  // first year, last year, step, ref, decided on, body, plan
  prepared_query<id_row, int, int, text, text, text, key, nullable<key>> insert_duty_step;
};

// The budgets': budgets/budget_store.cpp.
struct budget_statements {
  budget_statements();

  prepared_query<budget_row, int> budget_of_year;
  // The budget's lines with their spent: the budget twice (the outcomes', the lines').
  prepared_query<budget_line_row, key, key> budget_lines;
  // year, owner, source
  prepared_query<id_row, int, text, text> insert_budget;
  // budget, area, area order, name, planned, note, line order
  prepared_command<key, text, int, text, key, text, int> insert_budget_line;
  // budget, line, event, amount, actor, at, note
  prepared_command<key, nullable<key>, text, key, text, text, text> append_budget_event;
};

// The follow-up work's: followup/action_items.cpp, indicators.cpp and report_sections.cpp.
struct followup_statements {
  followup_statements();

  // Action items and their texts: all, of a unit, or one by id.
  prepared_query<action_item_row> action_items;
  prepared_query<action_item_row, text> action_items_of_unit;
  prepared_query<action_item_row, key> action_item_by_id;
  prepared_query<action_item_text_row> action_item_texts;
  prepared_query<action_item_text_row, text> action_item_texts_of_unit;
  prepared_query<action_item_text_row, key> action_item_texts_of_item;
  // unit, area, activity, description, expected result, evaluation method, evaluation result,
  // category, state, row order, version
  prepared_query<id_row, text, text, text, text, text, text, text, nullable<text>, text, int, key>
      insert_action_item;
  // description, expected result, evaluation method, evaluation result, category, state,
  // row order, next version, id, version
  prepared_command<text, text, text, text, nullable<text>, text, int, key, key, key>
      update_action_item;
  prepared_command<key> delete_action_item_texts;
  // item, kind, period, content
  prepared_command<key, text, text, text> insert_action_item_text;

  prepared_query<followup_area_row> followup_areas;
  prepared_query<followup_area_row, text> followup_areas_of_unit;
  // row order, unit, name
  prepared_command<int, text, text> update_followup_area;
  // unit, name, row order
  prepared_command<text, text, int> insert_followup_area;

  // kind, case, event, from, to, actor, at, note, payload
  prepared_command<text, key, text, text, text, text, text, text, text> append_followup_event;
  // kind, case
  prepared_query<followup_event_row, text, key> followup_events;

  prepared_query<indicator_row> indicators;
  prepared_query<indicator_value_row> indicator_values;
  // body, code, title, direction, unit
  prepared_query<id_row, nullable<key>, text, text, text, text> insert_indicator;
  // value, indicator, year
  prepared_command<double, key, int> update_indicator_value;
  // indicator, year, value
  prepared_command<key, int, double> insert_indicator_value;

  prepared_query<report_section_row, key> report_sections;
  prepared_command<key> delete_report_sections;
  // assignment, number, heading, content
  prepared_command<key, int, text, text> insert_report_section;
};

// The cases', the listings', the tokens' and the reminders' (their folders' .cpp files), and
// the other aggregates' in a struct each.
struct statements {
  statements();

  prepared_query<body_row, key> body_by_id;
  prepared_query<body_row, text> body_by_name;
  prepared_query<body_row> bodies;
  prepared_query<body_row, text> bodies_of_kind;
  // name, kind, emails
  prepared_query<id_row, text, text, text> insert_body;

  prepared_query<round_row, key> round_by_id;
  // by the reference key (engine/reference_number.hpp)
  prepared_query<round_row, text> round_by_ref;
  // kind, ref, title, state, nominal deadline, deadline, reason, shift, version, reference key
  prepared_query<id_row, text, text, text, text, text, text, text, int, key, text> insert_round;
  // state, sent on, next version, id, version
  prepared_command<text, nullable<text>, key, key, key> update_round;
  prepared_query<round_row, key> lock_round;

  prepared_query<assignment_row, key> assignments_of;
  prepared_query<assignment_row, key, key> assignment_of;
  // the round's reference key, the body's name
  prepared_query<round_and_assignment_row, text, text> assignment_by_names;
  // round, and the four states that end an assignment (workflows/assignment.hpp)
  prepared_number<key, text, text, text, text> open_assignments;
  // round, body, state, awaiting, nominal deadline, deadline, reason, version
  prepared_query<id_row, key, key, text, int, text, text, text, key> insert_assignment;
  // state, awaiting, nominal deadline, deadline, reason, submitted on, late by, first submitted
  // on, first late by, requested deadline, request note, request actor, request at, next
  // version, id, version
  prepared_command<text, int, text, text, text, nullable<text>, nullable<int>, nullable<text>,
                   nullable<int>, nullable<text>, nullable<text>, nullable<text>, nullable<text>,
                   key, key, key>
      update_assignment;
  // The same, leaving the deadline and the extension request (and with _state, `awaiting` and
  // the first answer) as they are: see soci_transaction::update_assignment. State, [awaiting,]
  // submitted on, late by, [first submitted on, first late by,] next version, id, version.
  prepared_command<text, int, nullable<text>, nullable<int>, nullable<text>, nullable<int>, key,
                   key, key>
      update_assignment_awaiting;
  prepared_command<text, nullable<text>, nullable<int>, key, key, key> update_assignment_state;

  // case kind, case, round, body, event, from, to, actor, at, note, payload
  prepared_command<text, key, key, nullable<key>, text, text, text, text, text, text, text>
      append_event;
  prepared_query<event_row, key> events_of_round;
  prepared_query<event_row, key, key> events_of_assignment;

  // The HTTP API and the dashboard
  prepared_query<round_row> rounds;
  // day, day[, id]
  prepared_query<round_row, text, text> rounds_as_of;
  prepared_query<round_row, text, text, key> round_as_of;
  // day, day, round
  prepared_query<assignment_row, text, text, key> assignments_as_of;
  // The cases' history, a period per state and deadline: day, kind, case
  prepared_command<text, text, key> close_period;
  // kind, case, round, body, day, state, awaiting, nominal deadline, deadline, reason
  prepared_command<text, key, key, nullable<key>, text, text, int, text, text, text> open_period;
  prepared_query<assignment_row, key> assignments_of_body;
  prepared_query<round_and_assignment_row> pending_extension_requests;
  // The punctuality count's: kind, all kinds (1 or 0), body, all bodies (1 or 0), first
  // deadline, last deadline.
  prepared_query<punctuality_record_row, text, int, key, int, text, text> punctuality_records;
  // holder, role, body, hash, created at
  prepared_query<id_row, text, text, nullable<key>, text, text> insert_api_token;
  prepared_query<token_row, text> api_token_by_hash;

  prepared_query<awaiting_row, text, text, text, text, text> awaiting;
  prepared_query<awaiting_row, text, text, text, text, text, text, text> awaiting_of_kind;
  prepared_query<awaiting_failed_row> awaiting_failed;
  prepared_query<awaiting_failed_row, text> awaiting_failed_of_kind;

  // Reminders: scheduled and cancelled in the transaction of the event that causes them.
  prepared_query<text_row, key> reminder_policy_of;
  // assignment, round, body, kind, offset, deadline, due, state, next attempt, attempts, error
  prepared_query<id_row, key, key, key, text, int, text, text, text, text, int, text>
      insert_reminder;
  prepared_command<key> cancel_reminders_of;
  // round, policy
  prepared_command<key, text> set_reminder_policy;
  prepared_query<reminder_row> reminders;
  prepared_query<reminder_row, key> reminders_of_round;
  // The dispatcher's (engine/reminders/outbox.hpp): now, limit
  prepared_query<reminder_row, text, int> due_reminders;
  // Supersedes due reminders (engine/reminders/outbox.hpp): why, now, limit, later than.
  // PostgreSQL's skips the rows another transaction is claiming (FOR UPDATE SKIP LOCKED).
  prepared_command<text, text, int, text> supersede_due_reminders;
  prepared_command<text, text, int, text> supersede_due_reminders_skip_locked;
  // Claims due reminders, returning their ids: lease until, holder, now, later than, limit.
  prepared_query<id_row, text, text, text, text, int> claim_due_reminders;
  prepared_query<id_row, text, text, text, text, int> claim_due_reminders_skip_locked;
  // lease until, id, holder, attempts
  prepared_command<text, key, text, int> renew_lease;
  // state, next attempt, sent at, error, id, holder, attempts
  prepared_command<text, text, nullable<text>, text, key, text, int> settle_reminder;
  prepared_query<next_due_row> next_reminder_due;
  prepared_query<reminder_count_row> reminder_counts;

  programme_statements programme;
  budget_statements budgets;
  followup_statements followup;
};

}  // namespace bevaka::store::detail
