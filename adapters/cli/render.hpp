#pragma once
// Writing answers as JSON (the contract), CSV (RFC 4180, a header row) or text (aligned columns
// for people).

#include <initializer_list>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/views/json_views.hpp"
#include "adapters/views/swedish_names.hpp"

namespace bevaka::cli {

using views::json;

enum class output_format { text, json, csv };

[[nodiscard]] std::optional<output_format> parse_output_format(std::string_view text);

// The columns of a table: its JSON keys in order, which CSV's header row shows as they are.
// Text shows each under its Swedish head (text_head), and the values of "state", "from" and
// "to" by their Swedish names when `states` says whose lifecycle they belong to. In a round's
// log with assignment states, a row without a body is the round's own event, with its states.
struct table_columns {
  table_columns(std::vector<std::string> column_keys,
                std::optional<views::lifecycle> state_names = std::nullopt)
      : keys(std::move(column_keys)), states(state_names) {}
  table_columns(std::initializer_list<std::string> column_keys)
      : keys(column_keys.begin(), column_keys.end()) {}

  std::vector<std::string> keys;
  std::optional<views::lifecycle> states;
};

// `rows` is a JSON array of flat objects; CSV and text show `columns` in that order (a list
// value is joined with "; ", null is empty). JSON prints the array as it is, `[]` when empty.
void write_rows(std::ostream& out, output_format format, const json& rows,
                const table_columns& columns);

// One object: JSON as it is; CSV and text as a one-row table of `columns`.
void write_object(std::ostream& out, output_format format, const json& object,
                  const table_columns& columns);

}  // namespace bevaka::cli
