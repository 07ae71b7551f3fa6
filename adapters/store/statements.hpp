#pragma once
// Every statement the store runs, each prepared on its first use and kept with the connection.
// Internal to adapters/store.

#include <string>

#include "adapters/store/prepared.hpp"
#include "adapters/store/rows.hpp"

namespace bevaka::store::detail {

// The overdue query: assignments awaiting an answer with a deadline before `:before`.
// Shared with soci_store::explain_overdue so the plan shown is the plan of this very query.
extern const std::string awaiting_past_deadline_sql;

using text = std::string;
using key = long long;

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
  // state, next version, id, version
  prepared_command<text, key, key, key> update_round;

  prepared_query<assignment_row, key> assignments_of;
  prepared_query<assignment_row, key, key> assignment_of;
  // the round's reference key, the body's name
  prepared_query<round_and_assignment_row, text, text> assignment_by_names;
  // round, and the three states that end an assignment (workflows/assignment.hpp)
  prepared_number<key, text, text, text> open_assignments;
  // round, body, state, awaiting, nominal deadline, deadline, reason, version
  prepared_query<id_row, key, key, text, int, text, text, text, key> insert_assignment;
  // state, awaiting, nominal deadline, deadline, reason, submitted on, late by, next version,
  // id, version
  prepared_command<text, int, text, text, text, nullable<text>, nullable<int>, key, key, key>
      update_assignment;
  // The same, leaving the deadline (and with _state, `awaiting`) as they are: see
  // soci_transaction::update_assignment. State, [awaiting,] submitted on, late by, next version,
  // id, version.
  prepared_command<text, int, nullable<text>, nullable<int>, key, key, key>
      update_assignment_awaiting;
  prepared_command<text, nullable<text>, nullable<int>, key, key, key> update_assignment_state;

  // case kind, case, round, body, event, from, to, actor, at, note, payload
  prepared_command<text, key, key, nullable<key>, text, text, text, text, text, text, text>
      append_event;
  prepared_query<event_row, key> events_of_round;
  prepared_query<event_row, key, key> events_of_assignment;

  // The HTTP API and the dashboard
  prepared_query<round_row> rounds;
  prepared_query<assignment_row, key> assignments_of_body;
  // holder, role, body, hash, created at
  prepared_query<id_row, text, text, nullable<key>, text, text> insert_api_token;
  prepared_query<token_row, text> api_token_by_hash;

  prepared_query<awaiting_row, text> awaiting;
  prepared_query<awaiting_row, text, text> awaiting_of_kind;
  prepared_query<awaiting_failed_row> awaiting_failed;
  prepared_query<awaiting_failed_row, text> awaiting_failed_of_kind;

  // Reminders: scheduled and cancelled in the transaction of the event that causes them.
  prepared_query<text_row, key> reminder_policy_of;
  // assignment, round, body, kind, offset, deadline, due, state, next attempt, attempts, error
  prepared_query<id_row, key, key, key, text, int, text, text, text, text, int, text>
      insert_reminder;
  prepared_command<key> cancel_reminders_of;
};

}  // namespace bevaka::store::detail
