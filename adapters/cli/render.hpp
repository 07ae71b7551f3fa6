#pragma once
// Writing answers as JSON (the contract), CSV (RFC 4180, a header row) or text (aligned columns
// for people).

#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include "adapters/views/json_views.hpp"

namespace bevaka::cli {

using views::json;

enum class output_format { text, json, csv };

[[nodiscard]] std::optional<output_format> parse_output_format(std::string_view text);

// `rows` is a JSON array of flat objects; CSV and text show `columns` in that order (a list
// value is joined with "; ", null is empty). JSON prints the array as it is, `[]` when empty.
void write_rows(std::ostream& out, output_format format, const json& rows,
                const std::vector<std::string>& columns);

// One object: JSON as it is; CSV and text as a one-row table of `columns`.
void write_object(std::ostream& out, output_format format, const json& object,
                  const std::vector<std::string>& columns);

}  // namespace bevaka::cli
