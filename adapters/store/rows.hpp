#pragma once
// The column buffers of one row of each table: `bind` hands them to a statement, which fills
// them on every fetch, and `to_model` reads them into the engine's values. Internal to
// adapters/store.

#include <soci/soci.h>

#include <string>
#include <string_view>

#include "engine/access/token.hpp"
#include "engine/cases/model.hpp"

namespace bevaka::store::detail {

// Throws database_error: a malformed stored date is the database's fault, not the user's.
[[nodiscard]] engine::date stored_date(const std::string& text);

// Throws database_error: "the database holds an unknown value 'x' in reminders.state".
[[noreturn]] void throw_unknown_value(std::string_view column, std::string_view text);

// The enum value `text`, read from `column` ("table.column"), names: `parse` is the engine's
// parse_xxx for that enum. A name the engine does not know is the database's fault, not the
// user's: throws database_error (throw_unknown_value), never a default.
template <class Parse>
[[nodiscard]] auto stored_name(Parse parse, std::string_view text, std::string_view column) {
  const auto parsed = parse(text);
  if (!parsed) throw_unknown_value(column, text);
  return *parsed;
}

[[nodiscard]] std::string joined_lines(const std::vector<std::string>& lines);
[[nodiscard]] std::vector<std::string> split_lines(const std::string& text);

struct id_row {
  long long id = 0;
  void bind(soci::statement& st) { st.exchange(soci::into(id)); }
  [[nodiscard]] engine::id_t to_model() const { return id; }
};

struct text_row {
  std::string text;
  void bind(soci::statement& st) { st.exchange(soci::into(text)); }
  [[nodiscard]] std::string to_model() const { return text; }
};

struct body_row {
  long long id = 0;
  std::string name, kind, emails;
  void bind(soci::statement& st);
  [[nodiscard]] engine::body to_model() const;
};

struct round_row {
  long long id = 0, version = 0;
  int shift = 1;
  std::string kind, ref, title, state, nominal, deadline, reason;
  void bind(soci::statement& st);
  [[nodiscard]] engine::round to_model() const;
};

struct assignment_row {
  long long id = 0, round_id = 0, body_id = 0, version = 0;
  std::string body_name, kind, state, nominal, deadline, reason, submitted_on;
  int late = 0;
  soci::indicator submitted_null = soci::i_null, late_null = soci::i_null;
  void bind(soci::statement& st);
  [[nodiscard]] engine::assignment to_model() const;
};

struct round_and_assignment_row {
  round_row round;
  assignment_row assignment;
  void bind(soci::statement& st) {
    round.bind(st);
    assignment.bind(st);
  }
  [[nodiscard]] std::pair<engine::round, engine::assignment> to_model() const {
    return {round.to_model(), assignment.to_model()};
  }
};

struct event_row {
  long long case_id = 0, round_id = 0, body_id = 0;
  std::string kind, body_name;
  soci::indicator body_null = soci::i_null, name_null = soci::i_null;
  engine::event_record e;
  void bind(soci::statement& st);
  [[nodiscard]] engine::event_record to_model() const;
};

struct awaiting_row {
  long long round_id = 0;
  std::string ref, title, body_name, deadline, state;
  void bind(soci::statement& st);
  [[nodiscard]] engine::awaiting_row to_model() const;
};

// awaiting_row and the number of the assignment's failed reminders
struct awaiting_failed_row : awaiting_row {
  int failed = 0;
  void bind(soci::statement& st);
  [[nodiscard]] engine::awaiting_row to_model() const;
};

struct token_row {
  long long id = 0, body_id = 0;
  std::string holder, role, body_name, hash, created_at;
  soci::indicator body_null = soci::i_null, name_null = soci::i_null;
  void bind(soci::statement& st);
  [[nodiscard]] engine::api_token to_model() const;
};

}  // namespace bevaka::store::detail
