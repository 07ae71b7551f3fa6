#include "adapters/import/text_decoding.hpp"

#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <optional>
#include <stdexcept>

namespace bevaka::import {
namespace {

using engine::errc;
using engine::make_error;

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
constexpr std::string_view utf16le_bom = "\xFF\xFE";
constexpr std::string_view utf16be_bom = "\xFE\xFF";

int line_at(std::string_view text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

// The length of the UTF-8 sequence at `at`, or 0 when it is not one (overlong forms and
// surrogates included).
std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  const auto lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (length == 0 || at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i)
    if ((byte(i) & 0xC0) != 0x80) return 0;
  if (lead == 0xE0 && byte(1) < 0xA0) return 0;   // overlong
  if (lead == 0xED && byte(1) >= 0xA0) return 0;  // surrogate
  if (lead == 0xF0 && byte(1) < 0x90) return 0;   // overlong
  if (lead == 0xF4 && byte(1) >= 0x90) return 0;  // beyond U+10FFFF
  return length;
}

struct utf8_check {
  std::optional<std::size_t> first_invalid;
  bool has_multibyte = false;
};

utf8_check check_utf8(std::string_view text) {
  utf8_check check;
  for (std::size_t at = 0; at < text.size();) {
    const auto length = utf8_sequence_length(text, at);
    if (length == 0) {
      check.first_invalid = at;
      return check;
    }
    check.has_multibyte = check.has_multibyte || length > 1;
    at += length;
  }
  return check;
}

// Converts with glibc's iconv; on a byte the encoding does not define, returns its offset.
struct conversion {
  std::string text;
  std::optional<std::size_t> bad_offset;
};

conversion convert(std::string_view bytes, const char* from) {
  const auto handle = iconv_open("UTF-8", from);
  if (handle == reinterpret_cast<iconv_t>(-1))
    throw std::runtime_error(fmt::format("iconv cannot convert from {}", from));
  const std::unique_ptr<void, int (*)(iconv_t)> closer(handle, iconv_close);
  std::string out(bytes.size() * 3 + 16, '\0');
  auto* in_ptr = const_cast<char*>(bytes.data());  // iconv's signature; it does not write there
  std::size_t in_left = bytes.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  if (iconv(handle, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1))
    return {{}, static_cast<std::size_t>(in_ptr - bytes.data())};
  out.resize(out.size() - out_left);
  return {std::move(out), std::nullopt};
}

engine::outcome<std::string> from_utf16(std::string_view bytes, std::string_view source,
                                        const char* encoding) {
  auto converted = convert(bytes, encoding);
  if (converted.bad_offset)
    return make_error(errc::bad_input,
                      fmt::format("{}: the file says it is UTF-16 but is not, at byte {}", source,
                                  *converted.bad_offset));
  return std::move(converted.text);
}

engine::outcome<std::string> from_windows_1252(std::string_view bytes, std::string_view source) {
  auto converted = convert(bytes, "WINDOWS-1252");
  if (!converted.bad_offset) return std::move(converted.text);
  const auto bad = static_cast<unsigned char>(bytes[*converted.bad_offset]);
  return make_error(errc::bad_input,
                    fmt::format("{}:{}: byte 0x{:02X} is neither UTF-8 nor Windows-1252; save the "
                                "table as UTF-8 CSV",
                                source, line_at(bytes, *converted.bad_offset), bad));
}

}  // namespace

engine::outcome<std::string> decode_to_utf8(std::string_view bytes, std::string_view source) {
  if (bytes.starts_with(utf16le_bom)) return from_utf16(bytes.substr(2), source, "UTF-16LE");
  if (bytes.starts_with(utf16be_bom)) return from_utf16(bytes.substr(2), source, "UTF-16BE");
  if (const auto nul = bytes.find('\0'); nul != std::string_view::npos)
    return make_error(errc::bad_input,
                      fmt::format("{}:{}: the file has NUL bytes: it is not a text table (save it "
                                  "as CSV or as text with tabs)",
                                  source, line_at(bytes, nul)));
  const bool has_bom = bytes.starts_with(utf8_bom);
  if (has_bom) bytes.remove_prefix(utf8_bom.size());
  const auto check = check_utf8(bytes);
  if (!check.first_invalid) return std::string(bytes);
  if (has_bom || check.has_multibyte)
    return make_error(errc::bad_input,
                      fmt::format("{}:{}: the text is UTF-8 but byte 0x{:02X} is not; the file "
                                  "is damaged or mixes encodings",
                                  source, line_at(bytes, *check.first_invalid),
                                  static_cast<unsigned char>(bytes[*check.first_invalid])));
  return from_windows_1252(bytes, source);
}

}  // namespace bevaka::import
