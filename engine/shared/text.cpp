#include "engine/shared/text.hpp"

#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace bevaka::engine {
namespace {

// ICU reports failure through an in-out status. Ours can come only from a broken ICU
// installation (its data missing): an infrastructure failure, not an outcome.
void check(UErrorCode status) {
  if (U_FAILURE(status)) throw std::runtime_error(fmt::format("ICU: {}", u_errorName(status)));
}

const icu::Normalizer2& normalizer(const icu::Normalizer2* (*instance)(UErrorCode&)) {
  UErrorCode status = U_ZERO_ERROR;
  const auto* found = instance(status);
  check(status);
  return *found;
}

icu::UnicodeString normalized(const icu::Normalizer2& form, const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  auto out = form.normalize(text, status);
  check(status);
  return out;
}

const icu::Normalizer2& nfc() {
  static const auto& form = normalizer(&icu::Normalizer2::getNFCInstance);
  return form;
}

const icu::Normalizer2& nfd() {
  static const auto& form = normalizer(&icu::Normalizer2::getNFDInstance);
  return form;
}

// Unicode's canonical caseless match (D145): NFD(foldCase(NFD(text))). The inner NFD matters
// for the few characters whose folding differs between composed and decomposed forms.
icu::UnicodeString canonical_fold(std::string_view text) {
  const auto decoded = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  auto folded = normalized(nfd(), decoded);
  folded.foldCase();
  return normalized(nfd(), folded);
}

}  // namespace

std::string trimmed_text(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string json_quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
        else
          out += c;
    }
  }
  return out + "\"";
}

std::string fold_case(std::string_view text) {
  // ASCII, the usual case (reference numbers, most names), folds by itself: no ICU round trip.
  if (std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; })) {
    std::string out(text);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }
  std::string out;
  normalized(nfc(), canonical_fold(text)).toUTF8String(out);
  return out;
}

bool same_name(std::string_view a, std::string_view b) {
  return fold_case(trimmed_text(a)) == fold_case(trimmed_text(b));
}

std::u32string base_letters(std::string_view text) {
  const auto folded = canonical_fold(text);
  std::u32string out;
  for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
    const auto c = folded.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) out += static_cast<char32_t>(c);
  }
  return out;
}

}  // namespace bevaka::engine
