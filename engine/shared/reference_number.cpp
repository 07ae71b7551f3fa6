#include "engine/shared/reference_number.hpp"

#include <fmt/format.h>

#include <array>

#include "engine/shared/text.hpp"

namespace bevaka::engine {
namespace {

using token = reference_pattern::token;
using kind = token::kind;

// The length of the white space at the front of `text` (a space, a tab, a no-break space).
std::size_t space_at(std::string_view text) {
  if (text.empty()) return 0;
  if (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' || text.front() == '\n')
    return 1;
  if (text.starts_with("\xC2\xA0")) return 2;
  if (text.starts_with("\xE2\x80\xAF")) return 3;
  return 0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
// A byte of a letter: ASCII letters, and every byte of a multi-byte UTF-8 letter (Å, Ä, Ö).
bool is_letter_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr std::array<std::pair<std::string_view, kind>, 4> placeholders{
    {{"series", kind::series}, {"year", kind::year}, {"number", kind::number}, {"sub", kind::sub}}};

struct captures {
  std::string_view series, year, number, sub;
};

// Whether tokens[at...] match all of `text`, filling `found`. Placeholders take as much as they
// can and give back when the rest does not match; the optional part is tried first.
bool match_from(const std::vector<token>& tokens, std::size_t at, std::string_view text,
                captures& found) {
  if (at == tokens.size()) return text.empty();
  const auto& t = tokens[at];
  switch (t.what) {
    case kind::literal:
      return !text.empty() && ascii_lower(text.front()) == ascii_lower(t.literal) &&
             match_from(tokens, at + 1, text.substr(1), found);
    case kind::space: {
      std::size_t length = 0;
      while (const auto n = space_at(text.substr(length))) length += n;
      return length > 0 && match_from(tokens, at + 1, text.substr(length), found);
    }
    case kind::optional_begin: {
      auto with = found;
      if (match_from(tokens, at + 1, text, with)) return (found = with), true;
      auto end = at;
      while (tokens[end].what != kind::optional_end) ++end;
      return match_from(tokens, end + 1, text, found);
    }
    case kind::optional_end:
      return match_from(tokens, at + 1, text, found);
    default:
      break;
  }
  const bool letters = t.what == kind::series;
  std::size_t longest = 0;
  while (longest < text.size() &&
         (letters ? is_letter_byte(text[longest]) : is_digit(text[longest])))
    ++longest;
  for (std::size_t length = longest; length > 0; --length) {
    if (t.what == kind::year && length != 4) continue;
    auto with = found;
    const auto part = text.substr(0, length);
    (t.what == kind::series   ? with.series
     : t.what == kind::year   ? with.year
     : t.what == kind::number ? with.number
                              : with.sub) = part;
    if (match_from(tokens, at + 1, text.substr(length), with)) return (found = with), true;
  }
  return false;
}

error bad_pattern(std::string_view pattern, std::string_view why) {
  return make_error(errc::bad_input, fmt::format("the reference pattern '{}' {}", pattern, why));
}

// The placeholder at the front of `rest` ("{year}..."), or why it is none.
outcome<kind> placeholder_at(std::string_view pattern, std::string_view rest) {
  const auto close = rest.find('}');
  if (close == std::string_view::npos) return bad_pattern(pattern, "has a '{' without '}'");
  const auto name = rest.substr(1, close - 1);
  for (const auto& [known, what] : placeholders)
    if (name == known) return what;
  return bad_pattern(pattern, fmt::format("has an unknown placeholder {{{}}} (known: {{series}}, "
                                          "{{year}}, {{number}}, {{sub}})",
                                          name));
}

std::optional<error> check_placeholders(std::string_view pattern,
                                        const std::vector<token>& tokens) {
  for (const auto& [name, what] : placeholders) {
    int count = 0;
    for (const auto& t : tokens) count += t.what == what ? 1 : 0;
    if (count > 1) return bad_pattern(pattern, fmt::format("has {{{}}} more than once", name));
    if (count == 0 && what != kind::sub)
      return bad_pattern(pattern, fmt::format("has no {{{}}}", name));
  }
  return std::nullopt;
}

}  // namespace

outcome<reference_pattern> reference_pattern::parse(std::string_view pattern) {
  reference_pattern parsed;
  parsed.text_ = std::string(pattern);
  int optional_parts = 0;
  bool in_optional = false;
  for (std::size_t i = 0; i < pattern.size();) {
    const auto rest = pattern.substr(i);
    if (rest.front() == '{') {
      const auto what = placeholder_at(pattern, rest);
      if (!what) return what.error();
      parsed.tokens_.push_back({.what = *what});
      i += rest.find('}') + 1;
    } else if (rest.front() == '[') {
      if (in_optional || ++optional_parts > 1)
        return bad_pattern(pattern, "may have one optional part [...], not nested");
      in_optional = true;
      parsed.tokens_.push_back({.what = kind::optional_begin});
      ++i;
    } else if (rest.front() == ']') {
      if (!in_optional) return bad_pattern(pattern, "has a ']' without '['");
      in_optional = false;
      parsed.tokens_.push_back({.what = kind::optional_end});
      ++i;
    } else if (const auto space = space_at(rest)) {
      if (parsed.tokens_.empty() || parsed.tokens_.back().what != kind::space)
        parsed.tokens_.push_back({.what = kind::space});
      i += space;
    } else {
      parsed.tokens_.push_back({.what = kind::literal, .literal = rest.front()});
      ++i;
    }
  }
  if (in_optional) return bad_pattern(pattern, "has a '[' without ']'");
  if (auto wrong = check_placeholders(pattern, parsed.tokens_)) return *wrong;
  return parsed;
}

std::optional<reference_number> reference_pattern::match(std::string_view text) const {
  const auto written = trimmed_text(text);
  captures found;
  if (!match_from(tokens_, 0, written, found)) return std::nullopt;
  reference_number parsed{
      .text = written, .series = std::string(found.series), .number = std::string(found.number)};
  for (const char digit : found.year) parsed.year = parsed.year * 10 + (digit - '0');
  if (!found.sub.empty()) parsed.sub_number = std::string(found.sub);
  return parsed;
}

outcome<reference_number> check_reference(const std::vector<reference_pattern>& patterns,
                                          std::string_view text) {
  if (patterns.empty()) return reference_number{.text = trimmed_text(text)};
  std::string names;
  for (const auto& pattern : patterns) {
    if (auto parsed = pattern.match(text)) return std::move(*parsed);
    names += (names.empty() ? "" : ", ") + pattern.text();
  }
  return make_error(errc::bad_input,
                    fmt::format("the reference number '{}' matches none of the configured "
                                "patterns: {}",
                                trimmed_text(text), names));
}

std::string reference_key(std::string_view text) {
  std::string key;
  for (std::size_t i = 0; i < text.size();) {
    if (const auto space = space_at(text.substr(i))) {
      i += space;
      continue;
    }
    key += text[i++];
  }
  return fold_case(key);
}

}  // namespace bevaka::engine
