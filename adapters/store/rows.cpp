#include "adapters/store/rows.hpp"

#include <fmt/format.h>

#include "adapters/store/soci_store.hpp"

namespace bevaka::store::detail {

engine::date stored_date(const std::string& text) {
  const auto day = engine::parse_date(text);
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

}  // namespace bevaka::store::detail
