#pragma once
// Text as users type it and as the record keeps it. The engine links no JSON library, so the
// events' JSON payloads are written with json_quoted.

#include <string>
#include <string_view>

namespace bevaka::engine {

// `text` without leading and trailing white space: what users type is stored so.
[[nodiscard]] std::string trimmed_text(std::string_view text);

// `text` as a JSON string literal, quotes included.
[[nodiscard]] std::string json_quoted(std::string_view text);

// `text` for comparing names and headings: Unicode full case folding, in canonical form (NFC), so
// "SOCIALNÄMNDEN", "socialnämnden" and an "ä" typed as "a" plus a combining diaeresis (NFD, as
// macOS and some web forms send it) give the same bytes. Invalid UTF-8 becomes U+FFFD.
[[nodiscard]] std::string fold_case(std::string_view text);

// Whether a person would read `a` and `b` as the same name: equal after trimming and fold_case.
[[nodiscard]] bool same_name(std::string_view a, std::string_view b);

// `text` folded and stripped of its accents and other combining marks, as code points:
// "Socialnämnden" and "SOCIALNAMNDEN" give the same. Only for measuring how close two names are,
// never for deciding that they are the same: å, ä and ö are letters of their own in Swedish.
[[nodiscard]] std::u32string base_letters(std::string_view text);

}  // namespace bevaka::engine
