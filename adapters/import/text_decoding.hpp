#pragma once
// Turning the bytes of a spreadsheet export into UTF-8 text, whatever Excel or LibreOffice chose:
// UTF-8 with or without a byte-order mark, UTF-16 with one ("Unicode text"), or Windows-1252.

#include <string>
#include <string_view>

#include "engine/shared/error.hpp"

namespace bevaka::import {

// UTF-8 (its BOM removed). Bytes that are not UTF-8 are read as Windows-1252, unless the text
// also has valid multi-byte UTF-8 (then it is UTF-8 with a broken byte) or a BOM that says UTF-8.
// Refuses (bad_input) with "source:line: ..." at the first byte that fits no encoding, and text
// with NUL bytes (a binary file, or UTF-16 without a BOM).
[[nodiscard]] engine::outcome<std::string> decode_to_utf8(std::string_view bytes,
                                                          std::string_view source);

}  // namespace bevaka::import
