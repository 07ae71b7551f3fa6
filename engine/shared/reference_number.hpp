#pragma once
// Reference numbers (diarienummer) as municipalities write them: "Kst 2015/503" (Järfälla),
// "KS 2012/0477-001" (Österåker), "2017/KS0121 001" (Borås), "KS-2014/742.912". Each
// municipality's way is a pattern in the configuration; a reference is kept and shown as written,
// and found again in any case and spacing through its key.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/shared/error.hpp"

namespace bevaka::engine {

// What a reference says: the series (the registry, "KS"), the year, the number and an optional
// sub-number (a document within the case). Numbers keep their leading zeros ("0477").
struct reference_number {
  std::string text{};  // as written
  std::string series{};
  int year = 0;
  std::string number{};
  std::optional<std::string> sub_number{};
};

// A pattern such as "{series} {year}/{number}[-{sub}]": the placeholders {series} (letters,
// Å, Ä and Ö included), {year} (four digits), {number} and {sub} (digits), text that must be there
// as written (letters in any case), a space for one or more spaces, and one optional part in
// brackets. {series}, {year} and {number} are required, each once.
class reference_pattern {
 public:
  // bad_input naming the pattern and what is wrong with it.
  [[nodiscard]] static outcome<reference_pattern> parse(std::string_view pattern);

  // The reference's parts when all of `text` (surrounding spaces aside) matches; else nullopt.
  [[nodiscard]] std::optional<reference_number> match(std::string_view text) const;
  [[nodiscard]] const std::string& text() const { return text_; }

  struct token {
    enum class kind { literal, space, series, year, number, sub, optional_begin, optional_end };
    kind what = kind::literal;
    char literal = 0;  // one byte of text that must be there
  };

 private:
  std::string text_;
  std::vector<token> tokens_;
};

// The first pattern that `text` matches gives its parts. With no patterns, nothing is checked:
// the reference is only trimmed (its parts stay empty). bad_input naming the patterns otherwise.
[[nodiscard]] outcome<reference_number> check_reference(
    const std::vector<reference_pattern>& patterns, std::string_view text);

// The key a reference is found by: lower case (ASCII and Å, Ä, Ö) without any spaces (also
// no-break spaces and tabs), so "kst 2015/503" and "Kst  2015/503" find "Kst 2015/503". The
// store keeps it beside the reference; the same function computes it for every backend.
[[nodiscard]] std::string reference_key(std::string_view text);

}  // namespace bevaka::engine
