#include "adapters/import/delimited_text.hpp"

#include <fmt/format.h>

#include <optional>

namespace bevaka::import {
namespace {

using engine::errc;
using engine::make_error;

bool is_line_end(char c) { return c == '\n' || c == '\r'; }

// Reads records one cell at a time; `at` and `line` always point at the next unread character.
class splitter {
 public:
  splitter(std::string_view text, char separator, std::string_view source)
      : text_(text), separator_(separator), source_(source) {}

  engine::outcome<std::vector<record>> all() {
    std::vector<record> records;
    while (at_ < text_.size()) {
      record r{line_, {}};
      for (bool more = true; more;) {
        auto cell = next_cell();
        if (!cell) return cell.error();
        r.cells.push_back(std::move(*cell));
        more = at_ < text_.size() && text_[at_] == separator_;
        if (more) ++at_;
      }
      skip_line_end();
      records.push_back(std::move(r));
    }
    return records;
  }

 private:
  void skip_line_end() {
    if (at_ < text_.size() && text_[at_] == '\r') ++at_;
    if (at_ < text_.size() && text_[at_] == '\n') ++at_;
    ++line_;
  }

  bool ends_cell(std::size_t i) const {
    return i >= text_.size() || text_[i] == separator_ || is_line_end(text_[i]);
  }

  engine::outcome<std::string> next_cell() {
    if (at_ < text_.size() && text_[at_] == '"') {
      if (separator_ != '\t') return quoted_cell();
      if (auto cell = well_formed_quoted_cell()) return std::move(*cell);
    }
    const auto start = at_;
    while (!ends_cell(at_)) ++at_;
    return std::string(text_.substr(start, at_ - start));
  }

  // RFC 4180, strict: the cell must close, and nothing but a separator or a line end follows.
  engine::outcome<std::string> quoted_cell() {
    const int opened_on = line_;
    auto cell = scan_quoted(at_);
    if (!cell)
      return make_error(errc::bad_input,
                        fmt::format("{}:{}: a quoted cell opened here is never closed (a missing "
                                    "'\"' or a truncated file)",
                                    source_, opened_on));
    if (!ends_cell(cell->end))
      return make_error(errc::bad_input,
                        fmt::format("{}:{}: text after the closing quote of a cell; a quote "
                                    "inside a quoted cell is written twice (\"\")",
                                    source_, line_ + cell->lines));
    at_ = cell->end;
    line_ += cell->lines;
    return std::move(cell->text);
  }

  // Tab-separated: a quoted cell only when it is well formed, else the caller reads it as text.
  std::optional<std::string> well_formed_quoted_cell() {
    auto cell = scan_quoted(at_);
    if (!cell || !ends_cell(cell->end)) return std::nullopt;
    at_ = cell->end;
    line_ += cell->lines;
    return std::move(cell->text);
  }

  struct scanned {
    std::string text;
    std::size_t end = 0;  // just after the closing quote
    int lines = 0;        // line breaks inside
  };

  // From the opening quote at `from` to its closing quote; nullopt when it never closes.
  std::optional<scanned> scan_quoted(std::size_t from) const {
    scanned cell;
    for (std::size_t i = from + 1; i < text_.size(); ++i) {
      const char c = text_[i];
      if (c == '"') {
        if (i + 1 < text_.size() && text_[i + 1] == '"') {
          cell.text += '"';
          ++i;
          continue;
        }
        cell.end = i + 1;
        return cell;
      }
      if (c == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') continue;  // CRLF: one break
      if (is_line_end(c)) {
        ++cell.lines;
        cell.text += '\n';
        continue;
      }
      cell.text += c;
    }
    return std::nullopt;
  }

  std::string_view text_;
  char separator_;
  std::string_view source_;
  std::size_t at_ = 0;
  int line_ = 1;
};

}  // namespace

engine::outcome<std::vector<record>> split_records(std::string_view text, char separator,
                                                   std::string_view source) {
  return splitter(text, separator, source).all();
}

}  // namespace bevaka::import
