#include "adapters/cli/render.hpp"

#include <algorithm>

#include "adapters/cli/text_heads.hpp"

namespace bevaka::cli {
namespace {

std::string cell_text(const json& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    std::string joined;
    for (const auto& item : value) joined += (joined.empty() ? "" : "; ") + cell_text(item);
    return joined;
  }
  return value.dump();
}

// RFC 4180: quote a field that holds a separator, a quote or a line break; double the quotes.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

void write_csv_line(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << csv_field(fields[i]);
  out << "\r\n";
}

// Columns line up by characters, not bytes: å, ä and ö are two bytes in UTF-8.
std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void write_text_table(std::ostream& out, const std::vector<std::vector<std::string>>& lines) {
  std::vector<std::size_t> widths(lines.front().size(), 0);
  for (const auto& line : lines)
    for (std::size_t i = 0; i < line.size(); ++i)
      widths[i] = std::max(widths[i], display_width(line[i]));
  for (const auto& line : lines) {
    std::string text;
    for (std::size_t i = 0; i < line.size(); ++i) {
      text += line[i];
      if (i + 1 < line.size()) text += std::string(widths[i] - display_width(line[i]) + 2, ' ');
    }
    out << text << '\n';
  }
}

std::vector<std::string> row_cells(const json& row, const std::vector<std::string>& columns) {
  std::vector<std::string> cells;
  for (const auto& column : columns)
    cells.push_back(row.contains(column) ? cell_text(row.at(column)) : std::string());
  return cells;
}

bool holds_state(std::string_view key) { return key == "state" || key == "from" || key == "to"; }

// Whose states the row's state columns hold (table_columns).
views::lifecycle states_of_row(const json& row, views::lifecycle states) {
  const bool round_event =
      states == views::lifecycle::assignment && row.contains("body") && row.at("body").is_null();
  return round_event ? views::lifecycle::round : states;
}

std::vector<std::string> text_cells(const json& row, const table_columns& columns) {
  auto cells = row_cells(row, columns.keys);
  if (!columns.states) return cells;
  const auto states = states_of_row(row, *columns.states);
  for (std::size_t i = 0; i < cells.size(); ++i)
    if (holds_state(columns.keys[i]) && !cells[i].empty())
      cells[i] = std::string(views::swedish_state(states, cells[i]));
  return cells;
}

void write_text_rows(std::ostream& out, const json& rows, const table_columns& columns) {
  if (rows.empty()) {
    out << "(inga)\n";
    return;
  }
  std::vector<std::vector<std::string>> lines(1);
  for (const auto& key : columns.keys) lines.front().emplace_back(text_head(key));
  for (const auto& row : rows) lines.push_back(text_cells(row, columns));
  write_text_table(out, lines);
}

}  // namespace

std::optional<output_format> parse_output_format(std::string_view text) {
  if (text == "text") return output_format::text;
  if (text == "json") return output_format::json;
  if (text == "csv") return output_format::csv;
  return std::nullopt;
}

void write_rows(std::ostream& out, output_format format, const json& rows,
                const table_columns& columns) {
  if (format == output_format::json) {
    out << rows.dump(2) << '\n';
    return;
  }
  if (format == output_format::text) {
    write_text_rows(out, rows, columns);
    return;
  }
  write_csv_line(out, columns.keys);
  for (const auto& row : rows) write_csv_line(out, row_cells(row, columns.keys));
}

void write_object(std::ostream& out, output_format format, const json& object,
                  const table_columns& columns) {
  if (format == output_format::json) {
    out << object.dump(2) << '\n';
    return;
  }
  write_rows(out, format, json::array({object}), columns);
}

}  // namespace bevaka::cli
