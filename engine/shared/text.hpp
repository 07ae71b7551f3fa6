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

// Lower-case for comparing names and headings: ASCII and the Swedish capitals Å, Ä, Ö (UTF-8).
[[nodiscard]] std::string fold_case(std::string_view text);

}  // namespace bevaka::engine
