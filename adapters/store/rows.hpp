#pragma once
// What every aggregate's rows share: reading a stored date or name back, and the rows of one
// column. Each aggregate's own rows are in its folder (cases/rows.hpp, programme/rows.hpp, ...).
// A row holds the column buffers of one row of a query: `bind` hands them to a statement, which
// fills them on every fetch, and `to_model` reads them into the engine's values; the statement
// and its SQL are in statements.hpp. Internal to adapters/store.

#include <soci/soci.h>

#include <string>
#include <string_view>
#include <vector>

#include "engine/cases/model.hpp"  // engine::id_t, engine::date

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

// A column that may be NULL: `indicator` tells whether `value` holds what was read.
template <class T>
struct maybe_null {
  T& value;
  soci::indicator& indicator;
};

template <class T>
void bind_column(soci::statement& st, T& value) {
  st.exchange(soci::into(value));
}
template <class T>
void bind_column(soci::statement& st, maybe_null<T>& column) {
  st.exchange(soci::into(column.value, column.indicator));
}

// Hands a row's column buffers to `st`, in the order the query selects the columns.
template <class... Columns>
void bind_columns(soci::statement& st, Columns&&... buffers) {
  (bind_column(st, buffers), ...);
}

[[nodiscard]] std::string joined_lines(const std::vector<std::string>& lines);
[[nodiscard]] std::vector<std::string> split_lines(const std::string& text);

// An id: RETURNING id, or a list of ids.
struct id_row {
  long long id = 0;
  void bind(soci::statement& st) { bind_columns(st, id); }
  [[nodiscard]] engine::id_t to_model() const { return id; }
};

struct text_row {
  std::string text;
  void bind(soci::statement& st) { bind_columns(st, text); }
  [[nodiscard]] std::string to_model() const { return text; }
};

}  // namespace bevaka::store::detail
