#pragma once
// How a command answers: its work runs in one transaction, and what the work returns is written
// once that transaction has committed.

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "adapters/cli/runtime.hpp"
#include "engine/store.hpp"

namespace bevaka::cli {

// Runs `work` (engine::store_transaction& -> outcome<T>) in one transaction on rt's store, which
// commits only when the work succeeds, then calls `write(rt, value)`. On an error nothing is
// written and the error is returned; a store failure is thrown, as from in_transaction.
template <class Write, class Work>
[[nodiscard]] engine::outcome<void> answer_with(runtime& rt, Write&& write, Work&& work) {
  const auto value = engine::in_transaction(rt.store(), std::forward<Work>(work));
  if (!value) return value.error();
  std::forward<Write>(write)(rt, *value);
  return {};
}

namespace detail {

// write_object or write_rows.
using table_writer = void (*)(std::ostream&, output_format, const json&, const table_columns&);

template <class Work>
engine::outcome<void> answer_table(runtime& rt, table_writer write, const table_columns& columns,
                                   Work&& work) {
  const auto write_table = [write, &columns](runtime& to, const json& value) {
    write(to.out, to.format, value, columns);
  };
  return answer_with(rt, write_table, std::forward<Work>(work));
}

}  // namespace detail

// `work` returns outcome<json> with one object, written as write_object writes it.
template <class Work>
[[nodiscard]] engine::outcome<void> answer_object(runtime& rt, const table_columns& columns,
                                                  Work&& work) {
  return detail::answer_table(rt, write_object, columns, std::forward<Work>(work));
}

// `work` returns outcome<json> with an array of flat objects, written as write_rows writes it.
template <class Work>
[[nodiscard]] engine::outcome<void> answer_rows(runtime& rt, const table_columns& columns,
                                                Work&& work) {
  return detail::answer_table(rt, write_rows, columns, std::forward<Work>(work));
}

}  // namespace bevaka::cli
