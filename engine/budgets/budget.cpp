#include "engine/budgets/budget.hpp"

#include <numeric>

namespace bevaka::engine {
namespace {

constexpr std::string_view no_break_space = "\xC2\xA0";
constexpr std::string_view narrow_no_break_space = "\xE2\x80\xAF";

// The length of the group separator at the front of `text`, 0 when there is none.
std::size_t separator_at(std::string_view text) {
  if (text.starts_with(' ')) return 1;
  if (text.starts_with(no_break_space)) return no_break_space.size();
  if (text.starts_with(narrow_no_break_space)) return narrow_no_break_space.size();
  return 0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<kronor> parse_kronor(std::string_view text) {
  const bool negative = text.starts_with('-');
  if (negative) text.remove_prefix(1);
  kronor value = 0;
  int digits = 0, group = 0;
  bool grouped = false;
  while (!text.empty()) {
    if (const auto separator = separator_at(text)) {
      // Between groups only, and a group before it of 1–3 digits (or exactly 3 after the first).
      if (group == 0 || group > 3 || (grouped && group != 3)) return std::nullopt;
      grouped = true;
      group = 0;
      text.remove_prefix(separator);
      continue;
    }
    if (!is_digit(text.front()) || ++digits > 18) return std::nullopt;
    value = value * 10 + (text.front() - '0');
    ++group;
    text.remove_prefix(1);
  }
  if (group == 0 || (grouped && group != 3)) return std::nullopt;
  return negative ? -value : value;
}

std::string format_kronor(kronor amount) {
  const auto digits = std::to_string(amount < 0 ? -amount : amount);
  std::string out = amount < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return out;
}

kronor budget_area::planned() const {
  return std::accumulate(lines.begin(), lines.end(), kronor{0},
                         [](kronor sum, const budget_line& l) { return sum + l.planned; });
}

kronor budget_area::spent() const {
  return std::accumulate(lines.begin(), lines.end(), kronor{0},
                         [](kronor sum, const budget_line& l) { return sum + l.spent; });
}

kronor budget::total() const {
  return std::accumulate(areas.begin(), areas.end(), kronor{0},
                         [](kronor sum, const budget_area& a) { return sum + a.planned(); });
}

kronor budget::spent() const {
  return std::accumulate(areas.begin(), areas.end(), kronor{0},
                         [](kronor sum, const budget_area& a) { return sum + a.spent(); });
}

}  // namespace bevaka::engine
