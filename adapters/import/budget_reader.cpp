#include "adapters/import/budget_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <vector>

#include "adapters/import/text_decoding.hpp"

namespace bevaka::import {
namespace {

using engine::errc;
using engine::imported_budget;
using engine::imported_budget_area;
using engine::make_error;
using engine::outcome;

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

// The cells of a tab-separated line, without the empty ones at its end.
std::vector<std::string_view> cells_of(std::string_view line) {
  std::vector<std::string_view> cells;
  for (std::size_t start = 0;;) {
    const auto tab = line.find('\t', start);
    cells.push_back(trimmed(line.substr(start, tab - start)));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  while (!cells.empty() && cells.back().empty()) cells.pop_back();
  return cells;
}

char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// The amount after `keyword` ("SUMMA", "TOTAL SUMMA") when `line` is the keyword, in any case,
// followed by a tab or a space or nothing; nullopt when it is not.
std::optional<std::string_view> after_keyword(std::string_view line, std::string_view keyword) {
  if (line.size() < keyword.size()) return std::nullopt;
  for (std::size_t i = 0; i < keyword.size(); ++i)
    if (ascii_upper(line[i]) != keyword[i]) return std::nullopt;
  const auto rest = line.substr(keyword.size());
  if (!rest.empty() && rest.front() != ' ' && rest.front() != '\t') return std::nullopt;
  return trimmed(rest);
}

class budget_reader {
 public:
  explicit budget_reader(std::string_view source) { budget_.source = std::string(source); }

  std::optional<engine::error> read_line(int number, std::string_view line) {
    line_ = number;
    const auto text = trimmed(line);
    if (text.empty()) return std::nullopt;
    if (const auto total = after_keyword(text, "TOTAL SUMMA")) return total_line(*total);
    if (const auto sum = after_keyword(text, "SUMMA")) return sum_line(*sum);
    const auto cells = cells_of(line);
    // A lone cell is a heading even when a tab indents it or trails it.
    if (std::count_if(cells.begin(), cells.end(), [](auto c) { return !c.empty(); }) > 1)
      return budget_line(cells);
    return heading(text);
  }

  outcome<imported_budget> finish() {
    if (open_) return missing_sum("the budget ends");
    if (budget_.total_line == 0) return refuse("the budget has no TOTAL SUMMA line");
    return std::move(budget_);
  }

 private:
  engine::error refuse(std::string_view what) const {
    return make_error(errc::bad_input, fmt::format("{}:{}: {}", budget_.source, line_, what));
  }
  engine::error missing_sum(std::string_view what) const {
    const auto& area = budget_.areas.back();
    return refuse(
        fmt::format("{} before the area '{}' (line {}) has its SUMMA", what, area.name, area.line));
  }

  outcome<engine::kronor> amount(std::string_view text) const {
    if (const auto value = engine::parse_kronor(text)) return *value;
    return refuse(fmt::format("'{}' is not an amount in whole kronor (such as 30 000)", text));
  }

  std::optional<engine::error> heading(std::string_view text) {
    if (budget_.total_line != 0) return std::nullopt;  // the closing remark
    if (open_) return missing_sum(fmt::format("the heading '{}'", text));
    heading_ = imported_budget_area{.line = line_, .name = std::string(text)};
    return std::nullopt;
  }

  std::optional<engine::error> budget_line(const std::vector<std::string_view>& cells) {
    if (cells.size() > 3)
      return refuse("a budget line is name<TAB>amount<TAB>comment, this one has more cells");
    if (cells[0].empty()) return refuse("a budget line without a name");
    if (!open_ && (!heading_ || budget_.total_line != 0))
      return refuse(fmt::format("the budget line '{}' is outside any heading", cells[0]));
    const auto value = amount(cells[1]);
    if (!value) return value.error();
    if (!open_) {
      budget_.areas.push_back(std::move(*heading_));
      heading_.reset();
      open_ = true;
    }
    budget_.areas.back().lines.push_back({.line = line_,
                                          .name = std::string(cells[0]),
                                          .amount = *value,
                                          .note = cells.size() > 2 ? std::string(cells[2]) : ""});
    return std::nullopt;
  }

  std::optional<engine::error> sum_line(std::string_view text) {
    if (!open_) return refuse("SUMMA without budget lines under a heading above it");
    const auto value = amount(text);
    if (!value) return value.error();
    budget_.areas.back().sum_line = line_;
    budget_.areas.back().stated_sum = *value;
    open_ = false;
    return std::nullopt;
  }

  std::optional<engine::error> total_line(std::string_view text) {
    if (open_) return missing_sum("TOTAL SUMMA");
    if (budget_.total_line != 0)
      return refuse(
          fmt::format("a second TOTAL SUMMA (the first is on line {})", budget_.total_line));
    if (budget_.areas.empty()) return refuse("TOTAL SUMMA without any area above it");
    const auto value = amount(text);
    if (!value) return value.error();
    budget_.total_line = line_;
    budget_.stated_total = *value;
    return std::nullopt;
  }

  imported_budget budget_;
  std::optional<imported_budget_area> heading_;  // the last heading, not yet an area
  bool open_ = false;                            // the last area waits for its SUMMA
  int line_ = 0;
};

}  // namespace

outcome<imported_budget> read_budget(std::string_view bytes, std::string_view source) {
  const auto text = decode_to_utf8(bytes, source);
  if (!text) return text.error();
  budget_reader reader(source);
  int number = 0;
  for (std::size_t start = 0; start < text->size();) {
    const auto end = std::min(text->find('\n', start), text->size());
    if (auto wrong = reader.read_line(++number, std::string_view(*text).substr(start, end - start)))
      return *wrong;
    start = end + 1;
  }
  return reader.finish();
}

outcome<imported_budget> read_budget_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(errc::not_found, fmt::format("cannot open {}", path.string()));
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return read_budget(bytes, path.string());
}

}  // namespace bevaka::import
