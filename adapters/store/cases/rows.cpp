#include "adapters/store/cases/rows.hpp"

namespace bevaka::store::detail {

using namespace bevaka::engine;

void body_row::bind(soci::statement& st) { bind_columns(st, id, name, kind, emails); }

body body_row::to_model() const {
  return body{id, name, stored_name(parse_body_kind, kind, "bodies.kind"), split_lines(emails)};
}

void round_row::bind(soci::statement& st) {
  bind_columns(st, id, kind, ref, title, state, nominal, deadline, reason, shift, version,
               maybe_null{sent_on, sent_null});
}

round round_row::to_model() const {
  round r{id,         stored_name(parse_round_kind, kind, "rounds.kind"),
          ref,        title,
          state,      shifted_deadline{stored_date(nominal), stored_date(deadline), reason},
          shift != 0, version};
  if (sent_null == soci::i_ok) r.sent_on = stored_date(sent_on);
  return r;
}

void assignment_row::bind(soci::statement& st) {
  bind_columns(st, id, round_id, body_id, body_name, kind, state, nominal, deadline, reason,
               maybe_null{submitted_on, submitted_null}, maybe_null{late, late_null}, version,
               maybe_null{first_submitted_on, first_submitted_null},
               maybe_null{first_late, first_late_null}, maybe_null{requested, requested_null},
               maybe_null{request_note, note_null}, maybe_null{request_actor, actor_null},
               maybe_null{request_at, at_null});
}

assignment assignment_row::to_model() const {
  assignment a{id,
               round_id,
               body_id,
               body_name,
               stored_name(parse_body_kind, kind, "bodies.kind"),
               state,
               shifted_deadline{stored_date(nominal), stored_date(deadline), reason},
               std::nullopt,
               std::nullopt,
               version};
  if (submitted_null == soci::i_ok) a.submitted_on = stored_date(submitted_on);
  if (late_null == soci::i_ok) a.late_by_working_days = late;
  if (first_submitted_null == soci::i_ok) a.first_submitted_on = stored_date(first_submitted_on);
  if (first_late_null == soci::i_ok) a.first_late_by_working_days = first_late;
  if (requested_null == soci::i_ok)
    a.extension = extension_request{.deadline = stored_date(requested),
                                    .note = note_null == soci::i_ok ? request_note : "",
                                    .actor = actor_null == soci::i_ok ? request_actor : "",
                                    .at = at_null == soci::i_ok ? request_at : ""};
  return a;
}

void punctuality_record_row::bind(soci::statement& st) {
  bind_columns(st, body_name, deadline, state, maybe_null{first_late, first_late_null});
}

punctuality_record punctuality_record_row::to_model() const {
  punctuality_record r{
      .body_name = body_name, .round_deadline = stored_date(deadline), .state = state};
  if (first_late_null == soci::i_ok) r.first_late_by_working_days = first_late;
  return r;
}

void event_row::bind(soci::statement& st) {
  bind_columns(st, kind, case_id, round_id, maybe_null{body_id, body_null},
               maybe_null{body_name, name_null}, e.event, e.from, e.to, e.actor, e.at, e.note,
               e.payload);
}

event_record event_row::to_model() const {
  event_record model = e;
  model.kind = stored_name(parse_case_kind, kind, "events.case_kind");
  model.case_id = case_id;
  model.round_id = round_id;
  if (body_null == soci::i_ok) model.body_id = body_id;
  if (name_null == soci::i_ok) model.body_name = body_name;
  return model;
}

void awaiting_row::bind(soci::statement& st) {
  bind_columns(st, round_id, ref, title, body_name, deadline, state);
}

engine::awaiting_row awaiting_row::to_model() const {
  return engine::awaiting_row{round_id, ref, title, body_name, stored_date(deadline), state};
}

void awaiting_failed_row::bind(soci::statement& st) {
  awaiting_row::bind(st);
  bind_columns(st, failed);
}

engine::awaiting_row awaiting_failed_row::to_model() const {
  auto row = awaiting_row::to_model();
  row.failed_reminders = failed;
  return row;
}

}  // namespace bevaka::store::detail
