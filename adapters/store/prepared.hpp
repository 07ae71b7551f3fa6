#pragma once
// Statements prepared once per connection and executed many times. Internal to adapters/store.
//
// SOCI prepares a statement afresh on every `sql << ...`: SQLite parses the text again and
// PostgreSQL runs PREPARE, EXECUTE and DEALLOCATE, which costs more than the work itself. These
// keep the prepared statement instead. SOCI binds into() and use() to addresses, so the buffers
// (the row and the parameters) live here beside the statement, and each call refills them.
// Parameters bind by position: list them in the order they appear in the SQL text.

#include <soci/soci.h>

#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

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
  explicit prepared_query(std::string text) : statement_(std::move(text)) {}

  using model = decltype(std::declval<const Row&>().to_model());

  // Every row. The statement is always stepped to its end, so SQLite holds no read open.
  std::vector<model> all(soci::session& sql, const Params&... values) {
    soci::statement& st = statement_.with(sql, values...);
    st.execute(false);
    std::vector<model> models;
    while (st.fetch()) models.push_back(statement_.row().to_model());
    return models;
  }

  std::optional<model> first(soci::session& sql, const Params&... values) {
    auto models = all(sql, values...);
    if (models.empty()) return std::nullopt;
    return std::move(models.front());
  }

 private:
  prepared_statement<Row, Params...> statement_;
};

// An INSERT, UPDATE or DELETE without rows to read.
template <class... Params>
class prepared_command {
 public:
  explicit prepared_command(std::string text) : statement_(std::move(text)) {}

  // Returns the number of rows it changed.
  long long run(soci::session& sql, const Params&... values) {
    soci::statement& st = statement_.with(sql, values...);
    st.execute(true);
    return st.get_affected_rows();
  }

 private:
  struct no_row {
    void bind(soci::statement&) {}
  };
  prepared_statement<no_row, Params...> statement_;
};

}  // namespace bevaka::store::detail
