#pragma once
// Statements prepared once per connection and executed many times. Internal to adapters/store.
//
// SOCI prepares a statement afresh on every `sql << ...`: SQLite parses the text again and
// PostgreSQL runs PREPARE, EXECUTE and DEALLOCATE, which costs more than the work itself. These
// keep the prepared statement instead. SOCI binds into() and use() to addresses, so the buffers
// (the row and the parameters) live here beside the statement, and each call refills them.
// Parameters bind by position: list them in the order they appear in the SQL text.
//
// On PostgreSQL, writes without rows (prepared_command) and single numbers (prepared_number) go
// through the connection's pipeline instead, which may send them together (pg_pipeline.hpp).

#include <soci/soci.h>

#include <charconv>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "adapters/store/connection.hpp"

namespace bevaka::store::detail {

// A parameter that may be NULL.
template <class T>
struct nullable {
  T value{};
  soci::indicator indicator = soci::i_null;

  nullable() = default;
  explicit nullable(const std::optional<T>& maybe)
      : value(maybe.value_or(T{})), indicator(maybe ? soci::i_ok : soci::i_null) {}
};

// The parameter in PostgreSQL's text format, for the pipeline.
inline pg_value pg_text(const std::string& value) { return value; }
inline pg_value pg_text(long long value) { return std::to_string(value); }
inline pg_value pg_text(int value) { return std::to_string(value); }
// The shortest text that reads back as the same double.
inline pg_value pg_text(double value) {
  char text[32];
  const auto end = std::to_chars(text, text + sizeof text, value).ptr;
  return std::string(text, end);
}
template <class T>
pg_value pg_text(const nullable<T>& value) {
  if (value.indicator == soci::i_null) return std::nullopt;
  return pg_text(value.value);
}

template <class T>
void bind_parameter(soci::statement& st, T& value) {
  st.exchange(soci::use(value));
}

template <class T>
void bind_parameter(soci::statement& st, nullable<T>& value) {
  st.exchange(soci::use(value.value, value.indicator));
}

// The statement and the parameter buffers it reads; `Row` is null for statements without rows.
template <class Row, class... Params>
class prepared_statement {
 public:
  explicit prepared_statement(std::string text) : text_(std::move(text)) {}
  prepared_statement(const prepared_statement&) = delete;
  prepared_statement& operator=(const prepared_statement&) = delete;

  // Fills the parameters and returns the statement, prepared on its first use.
  soci::statement& with(soci::session& sql, const Params&... values) {
    params_ = std::tuple<Params...>(values...);
    if (!statement_) prepare(sql);
    return *statement_;
  }

  Row& row() { return row_; }
  [[nodiscard]] const std::string& text() const { return text_; }

 private:
  void prepare(soci::session& sql) {
    soci::statement& st = statement_.emplace(sql);
    row_.bind(st);
    std::apply([&st](auto&... param) { (bind_parameter(st, param), ...); }, params_);
    st.alloc();
    st.prepare(text_);
    st.define_and_bind();
  }

  std::string text_;
  Row row_;
  std::tuple<Params...> params_;
  std::optional<soci::statement> statement_;
};

// A SELECT (or an INSERT ... RETURNING) whose rows `Row::to_model()` turns into values.
template <class Row, class... Params>
class prepared_query {
 public:
  explicit prepared_query(std::string text)
      : plain_read_(text.starts_with("SELECT") && text.find("FOR UPDATE") == std::string::npos),
        statement_(std::move(text)) {}

  using model = decltype(std::declval<const Row&>().to_model());

  // Every row. The statement is always stepped to its end, so SQLite holds no read open.
  std::vector<model> all(connection& db, const Params&... values) {
    soci::session& sql = plain_read_ ? db.for_read() : db.for_write();
    soci::statement& st = statement_.with(sql, values...);
    st.execute(false);
    std::vector<model> models;
    while (st.fetch()) models.push_back(statement_.row().to_model());
    return models;
  }

  std::optional<model> first(connection& db, const Params&... values) {
    auto models = all(db, values...);
    if (models.empty()) return std::nullopt;
    return std::move(models.front());
  }

 private:
  bool plain_read_;  // a SELECT without locks, which PostgreSQL may run before BEGIN
  prepared_statement<Row, Params...> statement_;
};

// An INSERT, UPDATE or DELETE without rows to read.
template <class... Params>
class prepared_command {
 public:
  explicit prepared_command(std::string text) : statement_(std::move(text)) {}

  // Returns the number of rows it changed.
  long long run(connection& db, const Params&... values) {
    if (auto* pipeline = db.pipeline()) return pipeline->run(text(), pg_parameters(values...));
    soci::statement& st = statement_.with(db.for_write(), values...);
    st.execute(true);
    return st.get_affected_rows();
  }

  [[nodiscard]] const std::string& text() const { return statement_.text(); }
  // The parameters in PostgreSQL's text format, to send it with another (pg_pipeline.hpp).
  [[nodiscard]] static std::vector<pg_value> pg_parameters(const Params&... values) {
    return {pg_text(values)...};
  }

  // Runs it now or, on PostgreSQL, with the next statement; for a write whose result nobody
  // reads. Its errors may surface at that statement or the commit.
  void defer(connection& db, const Params&... values) {
    if (auto* pipeline = db.pipeline()) return pipeline->defer(text(), pg_parameters(values...));
    run(db, values...);
  }

 private:
  struct no_row {
    void bind(soci::statement&) {}
  };
  prepared_statement<no_row, Params...> statement_;
};

// A SELECT of one number (a COUNT), without locks.
template <class... Params>
class prepared_number {
 public:
  explicit prepared_number(std::string text) : statement_(std::move(text)) {}

  [[nodiscard]] const std::string& text() const { return statement_.text(); }
  [[nodiscard]] static std::vector<pg_value> pg_parameters(const Params&... values) {
    return {pg_text(values)...};
  }

  // nullopt when the query gives no row or NULL.
  std::optional<long long> read(connection& db, const Params&... values) {
    if (auto* pipeline = db.pipeline())
      return pipeline->read_number(text(), pg_parameters(values...));
    soci::statement& st = statement_.with(db.for_read(), values...);
    st.execute(false);
    auto& row = statement_.row();
    if (!st.fetch() || row.indicator != soci::i_ok) return std::nullopt;
    const auto number = row.value;
    while (st.fetch()) {
    }
    return number;
  }

 private:
  struct number_row {
    long long value = 0;
    soci::indicator indicator = soci::i_null;
    void bind(soci::statement& st) { st.exchange(soci::into(value, indicator)); }
  };
  prepared_statement<number_row, Params...> statement_;
};

}  // namespace bevaka::store::detail
