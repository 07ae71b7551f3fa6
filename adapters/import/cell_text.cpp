#include "adapters/import/cell_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace bevaka::import {
namespace {

struct tag {
  std::string_view name;
  bool breaks_line;
};

constexpr std::array<tag, 10> known_tags{{{"p", true},
                                          {"br", true},
                                          {"div", true},
                                          {"li", true},
                                          {"span", false},
                                          {"b", false},
                                          {"i", false},
                                          {"u", false},
                                          {"em", false},
                                          {"strong", false}}};

struct entity {
  std::string_view name;
  std::string_view text;
};

constexpr std::array<entity, 6> known_entities{{{"&amp;", "&"},
                                                {"&lt;", "<"},
                                                {"&gt;", ">"},
                                                {"&quot;", "\""},
                                                {"&#39;", "'"},
                                                {"&nbsp;", " "}}};

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  return true;
}

// The known tag at the start of `text` ("<p>", "</p>", "<br/>", "<span class=x>") and its length.
const tag* tag_at(std::string_view text, std::size_t& length) {
  const auto close = text.find('>');
  if (close == std::string_view::npos) return nullptr;
  auto inner = text.substr(1, close - 1);
  if (inner.starts_with('/')) inner.remove_prefix(1);
  if (inner.ends_with('/')) inner.remove_suffix(1);
  const auto name = inner.substr(0, inner.find(' '));
  for (const auto& t : known_tags) {
    if (!equals_ignoring_case(name, t.name)) continue;
    length = close + 1;
    return &t;
  }
  return nullptr;
}

std::string without_markup(std::string_view raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size();) {
    std::size_t length = 0;
    if (raw[i] == '<') {
      if (const auto* t = tag_at(raw.substr(i), length)) {
        if (t->breaks_line) out += '\n';
        i += length;
        continue;
      }
    }
    if (raw[i] == '&') {
      const auto* e =
          std::find_if(known_entities.begin(), known_entities.end(),
                       [&](const entity& k) { return raw.substr(i).starts_with(k.name); });
      if (e != known_entities.end()) {
        out += e->text;
        i += e->name.size();
        continue;
      }
    }
    out += raw[i++];
  }
  return out;
}

std::string_view trimmed(std::string_view line) {
  constexpr std::string_view nbsp = "\xC2\xA0";
  for (bool changed = true; changed;) {
    changed = false;
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front())))
      line.remove_prefix(1), changed = true;
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back())))
      line.remove_suffix(1), changed = true;
    if (line.starts_with(nbsp)) line.remove_prefix(nbsp.size()), changed = true;
    if (line.ends_with(nbsp)) line.remove_suffix(nbsp.size()), changed = true;
  }
  return line;
}

}  // namespace

std::string clean_cell(std::string_view raw) {
  const auto text = without_markup(raw);
  std::string out;
  for (std::size_t start = 0; start <= text.size();) {
    const auto end = std::min(text.find('\n', start), text.size());
    const auto line = trimmed(std::string_view(text).substr(start, end - start));
    if (!line.empty()) out.append(out.empty() ? "" : "\n").append(line);
    start = end + 1;
  }
  return out;
}

}  // namespace bevaka::import
