#include "adapters/store/rows.hpp"

#include <fmt/format.h>

#include "adapters/store/soci_store.hpp"

namespace bevaka::store::detail {

using namespace bevaka::engine;

engine::date stored_date(const std::string& text) {
  const auto day = parse_date(text);
  if (!day) throw database_error(fmt::format("the database holds a malformed date '{}'", text));
  return *day;
}

void throw_unknown_value(std::string_view column, std::string_view text) {
  throw database_error(fmt::format("the database holds an unknown value '{}' in {}", text, column));
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

void body_row::bind(soci::statement& st) {
  st.exchange(soci::into(id));
  st.exchange(soci::into(name));
  st.exchange(soci::into(kind));
  st.exchange(soci::into(emails));
}

body body_row::to_model() const {
  return body{id, name, stored_name(parse_body_kind, kind, "bodies.kind"), split_lines(emails)};
}

void round_row::bind(soci::statement& st) {
  st.exchange(soci::into(id));
  st.exchange(soci::into(kind));
  st.exchange(soci::into(ref));
  st.exchange(soci::into(title));
  st.exchange(soci::into(state));
  st.exchange(soci::into(nominal));
  st.exchange(soci::into(deadline));
  st.exchange(soci::into(reason));
  st.exchange(soci::into(shift));
  st.exchange(soci::into(version));
}

round round_row::to_model() const {
  return round{id,         stored_name(parse_round_kind, kind, "rounds.kind"),
               ref,        title,
               state,      shifted_deadline{stored_date(nominal), stored_date(deadline), reason},
               shift != 0, version};
}

void assignment_row::bind(soci::statement& st) {
  st.exchange(soci::into(id));
  st.exchange(soci::into(round_id));
  st.exchange(soci::into(body_id));
  st.exchange(soci::into(body_name));
  st.exchange(soci::into(kind));
  st.exchange(soci::into(state));
  st.exchange(soci::into(nominal));
  st.exchange(soci::into(deadline));
  st.exchange(soci::into(reason));
  st.exchange(soci::into(submitted_on, submitted_null));
  st.exchange(soci::into(late, late_null));
  st.exchange(soci::into(version));
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
  return a;
}

void event_row::bind(soci::statement& st) {
  st.exchange(soci::into(kind));
  st.exchange(soci::into(case_id));
  st.exchange(soci::into(round_id));
  st.exchange(soci::into(body_id, body_null));
  st.exchange(soci::into(body_name, name_null));
  st.exchange(soci::into(e.event));
  st.exchange(soci::into(e.from));
  st.exchange(soci::into(e.to));
  st.exchange(soci::into(e.actor));
  st.exchange(soci::into(e.at));
  st.exchange(soci::into(e.note));
  st.exchange(soci::into(e.payload));
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
  st.exchange(soci::into(round_id));
  st.exchange(soci::into(ref));
  st.exchange(soci::into(title));
  st.exchange(soci::into(body_name));
  st.exchange(soci::into(deadline));
  st.exchange(soci::into(state));
}

engine::awaiting_row awaiting_row::to_model() const {
  return engine::awaiting_row{round_id, ref, title, body_name, stored_date(deadline), state};
}

void awaiting_failed_row::bind(soci::statement& st) {
  awaiting_row::bind(st);
  st.exchange(soci::into(failed));
}

engine::awaiting_row awaiting_failed_row::to_model() const {
  auto row = awaiting_row::to_model();
  row.failed_reminders = failed;
  return row;
}

void token_row::bind(soci::statement& st) {
  st.exchange(soci::into(id));
  st.exchange(soci::into(holder));
  st.exchange(soci::into(role));
  st.exchange(soci::into(body_id, body_null));
  st.exchange(soci::into(body_name, name_null));
  st.exchange(soci::into(hash));
  st.exchange(soci::into(created_at));
}

api_token token_row::to_model() const {
  api_token t{.id = id,
              .holder = holder,
              .holder_role = stored_name(parse_role, role, "api_tokens.role"),
              .hash = hash,
              .created_at = created_at};
  if (body_null == soci::i_ok) t.body_id = body_id;
  if (name_null == soci::i_ok) t.body_name = body_name;
  return t;
}

}  // namespace bevaka::store::detail
