// The cases port on one transaction: bodies, rounds, assignments and their record.
#include "adapters/store/soci_transaction.hpp"
#include "engine/shared/reference_number.hpp"
#include "engine/shared/text.hpp"
#include "workflows/assignment.hpp"

namespace bevaka::store::detail {

using namespace bevaka::engine;
using workflows::assignment_awaits_answer;
using workflows::assignment_has_ended;
using workflows::ended_assignment_states;

std::optional<body> soci_transaction::body_by_id(id_t id) {
  return prepared_.body_by_id.first(conn_, id);
}

std::optional<body> soci_transaction::body_by_name(std::string_view name) {
  if (auto exact = prepared_.body_by_name.first(conn_, std::string(name))) return exact;
  // Another case or Unicode form, which SQL cannot fold: a municipality has a few dozen bodies,
  // and a name typed exactly never gets here.
  for (auto& b : bodies(std::nullopt))
    if (same_name(b.name, name)) return std::move(b);
  return std::nullopt;
}

std::vector<body> soci_transaction::bodies(std::optional<body_kind> kind) {
  if (!kind) return prepared_.bodies.all(conn_);
  return prepared_.bodies_of_kind.all(conn_, std::string(to_string(*kind)));
}

id_t soci_transaction::insert_body(const body& b) {
  return *prepared_.insert_body.first(conn_, b.name, std::string(to_string(b.kind)),
                                      joined_lines(b.emails));
}

std::optional<round> soci_transaction::round_by_id(id_t id) {
  return prepared_.round_by_id.first(conn_, id);
}

std::optional<round> soci_transaction::round_by_ref(std::string_view ref) {
  return prepared_.round_by_ref.first(conn_, reference_key(ref));
}

id_t soci_transaction::insert_round(const round& r) {
  return *prepared_.insert_round.first(conn_, std::string(to_string(r.kind)), r.ref, r.title,
                                       r.state, format_date(r.deadline.nominal),
                                       format_date(r.deadline.effective), r.deadline.reason,
                                       r.shift_deadlines ? 1 : 0, r.version, reference_key(r.ref));
}

bool soci_transaction::update_round(const round& r) {
  std::erase_if(rounds_by_key_, [&](const auto& cached) { return cached.second.id == r.id; });
  std::optional<std::string> sent_on;
  if (r.sent_on) sent_on = format_date(*r.sent_on);
  return prepared_.update_round.run(conn_, r.state, nullable<text>(sent_on), r.version + 1, r.id,
                                    r.version) == 1;
}

// SQLite's BEGIN IMMEDIATE already holds the database's write lock. What this transaction
// counted of the round's open assignments before the lock may be out of date after it.
std::optional<round> soci_transaction::lock_round(id_t round_id) {
  open_assignments_.erase(round_id);
  if (!conn_.pipeline()) return round_by_id(round_id);
  return prepared_.lock_round.first(conn_, round_id);
}

std::vector<assignment> soci_transaction::assignments_of(id_t round_id) {
  return prepared_.assignments_of.all(conn_, round_id);
}

std::optional<assignment> soci_transaction::assignment_of(id_t round_id, id_t body_id) {
  return prepared_.assignment_of.first(conn_, round_id, body_id);
}

// One read when the round or the body is new to this transaction (a round trip counts on
// PostgreSQL); after that, only the assignment's own row.
std::optional<std::pair<round, assignment>> soci_transaction::assignment_by_names(
    std::string_view round_ref, std::string_view body_name) {
  auto key = reference_key(round_ref);
  const auto round = rounds_by_key_.find(key);
  const auto body = body_ids_by_name_.find(std::string(body_name));
  if (round != rounds_by_key_.end() && body != body_ids_by_name_.end()) {
    auto a = assignment_of(round->second.id, body->second);
    if (!a) return std::nullopt;
    return std::pair{round->second, std::move(*a)};
  }
  auto found = prepared_.assignment_by_names.first(conn_, key, std::string(body_name));
  if (!found) return std::nullopt;
  rounds_by_key_.emplace(std::move(key), found->first);
  body_ids_by_name_.emplace(found->second.body_name, found->second.body_id);
  return found;
}

bool soci_transaction::has_open_assignment(id_t round_id) {
  auto counted = open_assignments_.find(round_id);
  if (counted == open_assignments_.end()) {
    const auto ended = ended_assignment_states();
    const auto open = prepared_.open_assignments.read(conn_, round_id, std::string(ended[0]),
                                                      std::string(ended[1]), std::string(ended[2]),
                                                      std::string(ended[3]));
    counted = open_assignments_.emplace(round_id, open.value_or(0)).first;
  }
  return counted->second > 0;
}

void soci_transaction::count_open_assignments(id_t round_id, long long change) {
  if (const auto counted = open_assignments_.find(round_id); counted != open_assignments_.end())
    counted->second += change;
}

id_t soci_transaction::insert_assignment(const assignment& a) {
  if (!assignment_has_ended(a.state)) count_open_assignments(a.round_id, +1);
  return *prepared_.insert_assignment.first(
      conn_, a.round_id, a.body_id, a.state, assignment_awaits_answer(a.state) ? 1 : 0,
      format_date(a.deadline.nominal), format_date(a.deadline.effective), a.deadline.reason,
      a.version);
}

// SQLite rewrites an index entry whenever the SET list names one of its columns (or one its
// WHERE clause reads), even with the value unchanged, and every rewrite dirties a page the
// commit must write and sync. The deadline indexes are therefore written only when the deadline
// or `awaiting` change: most events (start, decide, register) change neither.
//
// When the assignment ends, the engine asks next whether any of its round's are still open, to
// close the answers after the last. On PostgreSQL that count goes with the UPDATE rather than
// in a round trip of its own.
bool soci_transaction::update_assignment(const assignment& was, const assignment& a) {
  const auto date_text = [](const std::optional<date>& day) {
    return nullable<text>(day ? std::optional(format_date(*day)) : std::nullopt);
  };
  const auto submitted_on = date_text(a.submitted_on);
  const nullable<int> late(a.late_by_working_days);
  const auto first_submitted_on = date_text(a.first_submitted_on);
  const nullable<int> first_late(a.first_late_by_working_days);
  const int awaiting = assignment_awaits_answer(a.state) ? 1 : 0;
  const bool deadline_moved = a.deadline.nominal != was.deadline.nominal ||
                              a.deadline.effective != was.deadline.effective ||
                              a.deadline.reason != was.deadline.reason;
  const bool request_changed = a.extension.has_value() != was.extension.has_value() ||
                               (a.extension && a.extension->at != was.extension->at);
  const bool first_changed = a.first_submitted_on != was.first_submitted_on;
  auto* pipeline = conn_.pipeline();
  const bool ends = assignment_has_ended(a.state) && !assignment_has_ended(was.state);
  const bool count_along = pipeline && ends && !open_assignments_.contains(a.round_id);
  const auto update = [&](auto& command, const auto&... values) -> long long {
    if (!count_along) return command.run(conn_, values...);
    const auto ended = ended_assignment_states();
    const auto& count = prepared_.open_assignments;
    const auto [changed, open] = pipeline->run_then_read_number(
        command.text(), command.pg_parameters(values...), count.text(),
        count.pg_parameters(a.round_id, text(ended[0]), text(ended[1]), text(ended[2]),
                            text(ended[3])));
    if (changed == 1) open_assignments_.emplace(a.round_id, open.value_or(0));
    return changed;
  };
  long long changed = 0;
  if (deadline_moved || request_changed) {
    const auto request = [&](auto field) {
      return nullable<text>(a.extension ? std::optional(field(*a.extension)) : std::nullopt);
    };
    changed = update(prepared_.update_assignment, a.state, awaiting,
                     format_date(a.deadline.nominal), format_date(a.deadline.effective),
                     a.deadline.reason, submitted_on, late, first_submitted_on, first_late,
                     request([](const extension_request& r) { return format_date(r.deadline); }),
                     request([](const extension_request& r) { return r.note; }),
                     request([](const extension_request& r) { return r.actor; }),
                     request([](const extension_request& r) { return r.at; }), a.version + 1, a.id,
                     a.version);
  } else if (first_changed || awaiting != (assignment_awaits_answer(was.state) ? 1 : 0)) {
    changed = update(prepared_.update_assignment_awaiting, a.state, awaiting, submitted_on, late,
                     first_submitted_on, first_late, a.version + 1, a.id, a.version);
  } else {
    changed = update(prepared_.update_assignment_state, a.state, submitted_on, late, a.version + 1,
                     a.id, a.version);
  }
  // A count read along with the UPDATE has it already.
  if (changed == 1 && !count_along &&
      assignment_has_ended(a.state) != assignment_has_ended(was.state))
    count_open_assignments(a.round_id, assignment_has_ended(a.state) ? -1 : +1);
  return changed == 1;
}

// An event that changes the case's state or deadline also ends the case's current period in
// case_history and begins the next, on the (local) day of the event: the reads of a past day
// find the period that held at its end.
void soci_transaction::append_event(const event_record& e) {
  const std::string kind(to_string(e.kind));
  prepared_.append_event.defer(conn_, kind, e.case_id, e.round_id, nullable<key>(e.body_id),
                               e.event, e.from, e.to, e.actor, e.at, e.note, e.payload);
  if (!e.case_deadline) return;
  const auto day = e.at.substr(0, 10);
  const bool awaiting = e.kind == case_kind::assignment && assignment_awaits_answer(e.to);
  prepared_.close_period.defer(conn_, day, kind, e.case_id);
  prepared_.open_period.defer(conn_, kind, e.case_id, e.round_id, nullable<key>(e.body_id), day,
                              e.to, awaiting ? 1 : 0, format_date(e.case_deadline->nominal),
                              format_date(e.case_deadline->effective), e.case_deadline->reason);
}

std::vector<event_record> soci_transaction::events_of_round(id_t round_id,
                                                            std::optional<id_t> body_id) {
  if (!body_id) return prepared_.events_of_round.all(conn_, round_id);
  return prepared_.events_of_assignment.all(conn_, round_id, *body_id);
}

}  // namespace bevaka::store::detail
