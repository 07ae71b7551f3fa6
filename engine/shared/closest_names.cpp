#include "engine/shared/closest_names.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "engine/shared/text.hpp"

namespace bevaka::engine {
namespace {

// Optimal string alignment distance: Levenshtein's edits plus the swap of two neighbours, the
// commonest slip on a keyboard ("Scoialnämnden").
std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t changed = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + changed});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

// Short names allow fewer edits: two edits turn "KBR" into almost anything.
std::size_t edits_allowed(std::size_t letters) {
  if (letters <= 7) return 1;
  if (letters <= 11) return 2;
  return 3;
}

struct candidate {
  std::size_t distance;
  std::string name;
};

}  // namespace

std::vector<std::string> closest_names(std::string_view typed,
                                       const std::vector<std::string>& names, std::size_t most) {
  const auto wanted = base_letters(trimmed_text(typed));
  const auto allowed = edits_allowed(wanted.size());
  std::vector<candidate> close;
  for (const auto& name : names) {
    const auto distance = edit_distance(wanted, base_letters(name));
    if (distance <= allowed) close.push_back({distance, name});
  }
  std::sort(close.begin(), close.end(), [](const candidate& a, const candidate& b) {
    return std::tie(a.distance, a.name) < std::tie(b.distance, b.name);
  });
  std::vector<std::string> found;
  for (auto& c : close)
    if (found.size() < most) found.push_back(std::move(c.name));
  return found;
}

std::string quoted_choices(const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? " or " : ", ";
    text += fmt::format("'{}'", names[i]);
  }
  return text;
}

}  // namespace bevaka::engine
