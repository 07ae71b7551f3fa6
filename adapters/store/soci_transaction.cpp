#include "adapters/store/soci_transaction.hpp"

#include <fmt/format.h>

#include "adapters/store/soci_store.hpp"
#include "engine/lifecycle.hpp"

namespace bevaka::store::detail {
namespace {

using namespace bevaka::engine;

engine::date stored_date(const std::string& text) {
  const auto day = parse_date(text);
  if (!day) throw database_error(fmt::format("the database holds a malformed date '{}'", text));
  return *day;
}

std::string joined_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += (text.empty() ? "" : "\n") + line;
  return text;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < text.size();) {
    const auto end = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// Column buffers for one row; SOCI binds into them and each fetch overwrites them.
struct body_row {
  long long id = 0;
  std::string name, kind, emails;

  [[nodiscard]] body to_model() const {
    return body{id, name, parse_body_kind(kind).value_or(body_kind::committee),
                split_lines(emails)};
  }
};

struct deadline_columns {
  std::string nominal, effective, reason;
  [[nodiscard]] shifted_deadline to_model() const {
    return shifted_deadline{stored_date(nominal), stored_date(effective), reason};
  }
};

struct round_row {
  long long id = 0, version = 0;
  int shift = 1;
  std::string kind, ref, title, state;
  deadline_columns deadline;

  [[nodiscard]] round to_model() const {
    return round{id,         parse_round_kind(kind).value_or(round_kind::consultation),
                 ref,        title,
                 state,      deadline.to_model(),
                 shift != 0, version};
  }
};

struct assignment_row {
  long long id = 0, round_id = 0, body_id = 0, version = 0;
  std::string body_name, kind, state, submitted_on;
  deadline_columns deadline;
  int late = 0;
  soci::indicator submitted_null = soci::i_null, late_null = soci::i_null;

  [[nodiscard]] assignment to_model() const {
    assignment a{id,
                 round_id,
                 body_id,
                 body_name,
                 parse_body_kind(kind).value_or(body_kind::committee),
                 state,
                 deadline.to_model(),
                 std::nullopt,
                 std::nullopt,
                 version};
    if (submitted_null == soci::i_ok) a.submitted_on = stored_date(submitted_on);
    if (late_null == soci::i_ok) a.late_by_working_days = late;
    return a;
  }
};

// Runs a SELECT bound into `row` and collects `row.to_model()` for every row fetched.
template <class Row, class... Uses>
auto fetch_all(soci::details::prepare_temp_type& prepared, Row& row, Uses&&... uses) {
  soci::statement st = (prepared, ..., std::forward<Uses>(uses));
  st.execute();
  std::vector<decltype(row.to_model())> models;
  while (st.fetch()) models.push_back(row.to_model());
  return models;
}

template <class T>
std::optional<T> first_of(std::vector<T>&& all) {
  if (all.empty()) return std::nullopt;
  return std::move(all.front());
}

const std::string body_columns = "SELECT id, name, kind, emails FROM bodies ";

template <class... Uses>
std::vector<body> select_bodies(soci::session& sql, const std::string& rest, Uses&&... uses) {
  body_row r;
  return fetch_all((sql.prepare << body_columns + rest, soci::into(r.id), soci::into(r.name),
                    soci::into(r.kind), soci::into(r.emails)),
                   r, std::forward<Uses>(uses)...);
}

const std::string round_columns =
    "SELECT id, kind, ref, title, state, nominal_deadline, deadline, deadline_reason, "
    "shift_deadlines, version FROM rounds ";

template <class... Uses>
std::vector<round> select_rounds(soci::session& sql, const std::string& rest, Uses&&... uses) {
  round_row r;
  return fetch_all((sql.prepare << round_columns + rest, soci::into(r.id), soci::into(r.kind),
                    soci::into(r.ref), soci::into(r.title), soci::into(r.state),
                    soci::into(r.deadline.nominal), soci::into(r.deadline.effective),
                    soci::into(r.deadline.reason), soci::into(r.shift), soci::into(r.version)),
                   r, std::forward<Uses>(uses)...);
}

const std::string assignment_columns =
    "SELECT a.id, a.round_id, a.body_id, b.name, b.kind, a.state, a.nominal_deadline, "
    "a.deadline, a.deadline_reason, a.submitted_on, a.late_by_working_days, a.version "
    "FROM assignments a JOIN bodies b ON b.id = a.body_id ";

template <class... Uses>
std::vector<assignment> select_assignments(soci::session& sql, const std::string& rest,
                                           Uses&&... uses) {
  assignment_row r;
  return fetch_all(
      (sql.prepare << assignment_columns + rest, soci::into(r.id), soci::into(r.round_id),
       soci::into(r.body_id), soci::into(r.body_name), soci::into(r.kind), soci::into(r.state),
       soci::into(r.deadline.nominal), soci::into(r.deadline.effective),
       soci::into(r.deadline.reason), soci::into(r.submitted_on, r.submitted_null),
       soci::into(r.late, r.late_null), soci::into(r.version)),
      r, std::forward<Uses>(uses)...);
}

struct event_row {
  long long case_id = 0, round_id = 0, body_id = 0;
  std::string kind, body_name;
  soci::indicator body_null = soci::i_null, name_null = soci::i_null;
  event_record e;

  [[nodiscard]] event_record to_model() const {
    event_record model = e;
    model.kind = kind == "round" ? case_kind::round : case_kind::assignment;
    model.case_id = case_id;
    model.round_id = round_id;
    if (body_null == soci::i_ok) model.body_id = body_id;
    if (name_null == soci::i_ok) model.body_name = body_name;
    return model;
  }
};

template <class... Uses>
std::vector<event_record> select_events(soci::session& sql, const std::string& rest,
                                        Uses&&... uses) {
  event_row r;
  return fetch_all(
      (sql.prepare << "SELECT e.case_kind, e.case_id, e.round_id, e.body_id, b.name, e.event, "
                      "e.from_state, e.to_state, e.actor, e.at, e.note, e.payload "
                      "FROM events e LEFT JOIN bodies b ON b.id = e.body_id " +
                          rest,
       soci::into(r.kind), soci::into(r.case_id), soci::into(r.round_id),
       soci::into(r.body_id, r.body_null), soci::into(r.body_name, r.name_null),
       soci::into(r.e.event), soci::into(r.e.from), soci::into(r.e.to), soci::into(r.e.actor),
       soci::into(r.e.at), soci::into(r.e.note), soci::into(r.e.payload)),
      r, std::forward<Uses>(uses)...);
}

struct awaiting_columns {
  long long round_id = 0;
  std::string ref, title, body_name, deadline, state;

  [[nodiscard]] awaiting_row to_model() const {
    return awaiting_row{round_id, ref, title, body_name, stored_date(deadline), state};
  }
};

// Reads the partial index assignments_awaiting_by_deadline.
template <class... Uses>
std::vector<awaiting_row> select_awaiting(soci::session& sql, const std::string& and_also,
                                          Uses&&... uses) {
  awaiting_columns r;
  return fetch_all((sql.prepare << awaiting_past_deadline_sql + and_also + "ORDER BY a.deadline",
                    soci::into(r.round_id), soci::into(r.ref), soci::into(r.title),
                    soci::into(r.body_name), soci::into(r.deadline), soci::into(r.state)),
                   r, std::forward<Uses>(uses)...);
}

}  // namespace

const std::string awaiting_past_deadline_sql =
    "SELECT a.round_id, r.ref, r.title, b.name, a.deadline, a.state "
    "FROM assignments a JOIN rounds r ON r.id = a.round_id JOIN bodies b ON b.id = a.body_id "
    "WHERE a.awaiting = 1 AND a.deadline < :before ";

std::optional<body> soci_transaction::body_by_id(id_t id) {
  long long key = id;
  return first_of(select_bodies(sql_, "WHERE id = :id", soci::use(key, "id")));
}

std::optional<body> soci_transaction::body_by_name(std::string_view name) {
  std::string key(name);
  return first_of(select_bodies(sql_, "WHERE name = :name", soci::use(key, "name")));
}

std::vector<body> soci_transaction::bodies(std::optional<body_kind> kind) {
  if (!kind) return select_bodies(sql_, "ORDER BY name");
  std::string key(to_string(*kind));
  return select_bodies(sql_, "WHERE kind = :kind ORDER BY name", soci::use(key, "kind"));
}

id_t soci_transaction::insert_body(const body& b) {
  std::string kind(to_string(b.kind));
  std::string emails = joined_lines(b.emails);
  long long id = 0;
  sql_ << "INSERT INTO bodies (name, kind, emails) VALUES (:name, :kind, :emails) RETURNING id",
      soci::use(b.name, "name"), soci::use(kind, "kind"), soci::use(emails, "emails"),
      soci::into(id);
  return id;
}

std::optional<round> soci_transaction::round_by_id(id_t id) {
  long long key = id;
  return first_of(select_rounds(sql_, "WHERE id = :id", soci::use(key, "id")));
}

std::optional<round> soci_transaction::round_by_ref(std::string_view ref) {
  std::string key(ref);
  return first_of(select_rounds(sql_, "WHERE ref = :ref", soci::use(key, "ref")));
}

id_t soci_transaction::insert_round(const round& r) {
  std::string kind(to_string(r.kind));
  std::string nominal = format_date(r.deadline.nominal);
  std::string effective = format_date(r.deadline.effective);
  int shift = r.shift_deadlines ? 1 : 0;
  long long version = r.version, id = 0;
  sql_ << "INSERT INTO rounds (kind, ref, title, state, nominal_deadline, deadline, "
          "deadline_reason, shift_deadlines, version) VALUES (:kind, :ref, :title, :state, "
          ":nominal, :effective, :reason, :shift, :version) RETURNING id",
      soci::use(kind, "kind"), soci::use(r.ref, "ref"), soci::use(r.title, "title"),
      soci::use(r.state, "state"), soci::use(nominal, "nominal"), soci::use(effective, "effective"),
      soci::use(r.deadline.reason, "reason"), soci::use(shift, "shift"),
      soci::use(version, "version"), soci::into(id);
  return id;
}

bool soci_transaction::update_round(const round& r) {
  long long id = r.id, version = r.version, next = r.version + 1;
  soci::statement st = (sql_.prepare << "UPDATE rounds SET state = :state, version = :next "
                                        "WHERE id = :id AND version = :version",
                        soci::use(r.state, "state"), soci::use(next, "next"), soci::use(id, "id"),
                        soci::use(version, "version"));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<assignment> soci_transaction::assignments_of(id_t round_id) {
  long long key = round_id;
  return select_assignments(sql_, "WHERE a.round_id = :round ORDER BY b.name",
                            soci::use(key, "round"));
}

std::optional<assignment> soci_transaction::assignment_of(id_t round_id, id_t body_id) {
  long long round_key = round_id, body_key = body_id;
  return first_of(select_assignments(sql_, "WHERE a.round_id = :round AND a.body_id = :body",
                                     soci::use(round_key, "round"), soci::use(body_key, "body")));
}

id_t soci_transaction::insert_assignment(const assignment& a) {
  long long round_id = a.round_id, body_id = a.body_id, version = a.version, id = 0;
  int awaiting = awaits_answer(a.state) ? 1 : 0;
  std::string nominal = format_date(a.deadline.nominal);
  std::string effective = format_date(a.deadline.effective);
  sql_ << "INSERT INTO assignments (round_id, body_id, state, awaiting, nominal_deadline, "
          "deadline, deadline_reason, version) VALUES (:round, :body, :state, :awaiting, "
          ":nominal, :effective, :reason, :version) RETURNING id",
      soci::use(round_id, "round"), soci::use(body_id, "body"), soci::use(a.state, "state"),
      soci::use(awaiting, "awaiting"), soci::use(nominal, "nominal"),
      soci::use(effective, "effective"), soci::use(a.deadline.reason, "reason"),
      soci::use(version, "version"), soci::into(id);
  return id;
}

bool soci_transaction::update_assignment(const assignment& a) {
  long long id = a.id, version = a.version, next = a.version + 1;
  int awaiting = awaits_answer(a.state) ? 1 : 0;
  std::string nominal = format_date(a.deadline.nominal);
  std::string effective = format_date(a.deadline.effective);
  std::string submitted = a.submitted_on ? format_date(*a.submitted_on) : "";
  soci::indicator submitted_null = a.submitted_on ? soci::i_ok : soci::i_null;
  int late = a.late_by_working_days.value_or(0);
  soci::indicator late_null = a.late_by_working_days ? soci::i_ok : soci::i_null;
  soci::statement st =
      (sql_.prepare << "UPDATE assignments SET state = :state, awaiting = :awaiting, "
                       "nominal_deadline = :nominal, deadline = :effective, "
                       "deadline_reason = :reason, submitted_on = :submitted, "
                       "late_by_working_days = :late, version = :next "
                       "WHERE id = :id AND version = :version",
       soci::use(a.state, "state"), soci::use(awaiting, "awaiting"), soci::use(nominal, "nominal"),
       soci::use(effective, "effective"), soci::use(a.deadline.reason, "reason"),
       soci::use(submitted, submitted_null, "submitted"), soci::use(late, late_null, "late"),
       soci::use(next, "next"), soci::use(id, "id"), soci::use(version, "version"));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void soci_transaction::append_event(const event_record& e) {
  std::string kind(to_string(e.kind));
  long long case_id = e.case_id, round_id = e.round_id, body_id = e.body_id.value_or(0);
  soci::indicator body_null = e.body_id ? soci::i_ok : soci::i_null;
  sql_ << "INSERT INTO events (case_kind, case_id, round_id, body_id, event, from_state, "
          "to_state, actor, at, note, payload) VALUES (:kind, :case_id, :round_id, :body_id, "
          ":event, :from_state, :to_state, :actor, :at, :note, :payload)",
      soci::use(kind, "kind"), soci::use(case_id, "case_id"), soci::use(round_id, "round_id"),
      soci::use(body_id, body_null, "body_id"), soci::use(e.event, "event"),
      soci::use(e.from, "from_state"), soci::use(e.to, "to_state"), soci::use(e.actor, "actor"),
      soci::use(e.at, "at"), soci::use(e.note, "note"), soci::use(e.payload, "payload");
}

std::vector<event_record> soci_transaction::events_of_round(id_t round_id,
                                                            std::optional<id_t> body_id) {
  long long round_key = round_id, body_key = body_id.value_or(0);
  if (!body_id)
    return select_events(sql_, "WHERE e.round_id = :round ORDER BY e.id",
                         soci::use(round_key, "round"));
  return select_events(sql_, "WHERE e.round_id = :round AND e.body_id = :body ORDER BY e.id",
                       soci::use(round_key, "round"), soci::use(body_key, "body"));
}

std::vector<awaiting_row> soci_transaction::awaiting_past_deadline(engine::date day,
                                                                   std::optional<round_kind> kind) {
  std::string before = format_date(day);
  if (!kind) return select_awaiting(sql_, "", soci::use(before, "before"));
  std::string kind_name(to_string(*kind));
  return select_awaiting(sql_, "AND r.kind = :kind ", soci::use(before, "before"),
                         soci::use(kind_name, "kind"));
}

}  // namespace bevaka::store::detail
