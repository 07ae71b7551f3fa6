#include "adapters/mail/rfc5322.hpp"

#include <fmt/format.h>

#include <array>
#include <chrono>

namespace bevaka::mail {
namespace {

constexpr std::string_view base64_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Written here rather than taken from a library: the only one at hand is Beast's, in its
// `detail` namespace, and these dozen lines are all RFC 2047 needs.
std::string base64(std::string_view bytes) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const auto n = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t chunk = 0;
    for (std::size_t j = 0; j < 3; ++j)
      chunk = chunk << 8 | (j < n ? static_cast<unsigned char>(bytes[i + j]) : 0u);
    for (std::size_t j = 0; j < 4; ++j)
      out += j <= n ? base64_alphabet[chunk >> (18 - 6 * j) & 0x3f] : '=';
  }
  return out;
}

bool is_plain_ascii(std::string_view text) {
  for (const char c : text)
    if (c < 0x20 || c > 0x7e) return false;
  return true;
}

// A UTF-8 continuation byte: never the first byte of an encoded word's chunk.
bool continues_character(char c) { return (static_cast<unsigned char>(c) & 0xc0) == 0x80; }

std::string address_list(const std::vector<std::string>& addresses) {
  std::string list;
  for (const auto& a : addresses) list += (list.empty() ? "" : ", ") + a;
  return list;
}

}  // namespace

std::string encode_header_text(std::string_view text) {
  if (is_plain_ascii(text)) return std::string(text);
  // 45 bytes make 60 base64 characters: with "=?UTF-8?B?" and "?=" a word of 72 characters.
  constexpr std::size_t max_chunk = 45;
  std::string encoded;
  for (std::size_t start = 0; start < text.size();) {
    auto end = std::min(start + max_chunk, text.size());
    while (end < text.size() && end > start && continues_character(text[end])) --end;
    encoded += (encoded.empty() ? "" : "\r\n ") +
               fmt::format("=?UTF-8?B?{}?=", base64(text.substr(start, end - start)));
    start = end;
  }
  return encoded;
}

std::string quoted_printable(std::string_view text) {
  std::string out;
  std::size_t line_length = 0;
  const auto put = [&](std::string_view token) {
    if (line_length + token.size() > 75) {
      out += "=\r\n";
      line_length = 0;
    }
    out += token;
    line_length += token.size();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\r\n";
      line_length = 0;
      continue;
    }
    const bool line_ends = i + 1 == text.size() || text[i + 1] == '\n';
    const bool literal =
        (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !line_ends);
    // A line that starts with "." is escaped so that no SMTP server can mistake it for the end.
    if (literal && !(c == '.' && line_length == 0))
      put(std::string(1, static_cast<char>(c)));
    else if (c != '\r')
      put(fmt::format("={:02X}", c));
  }
  return out;
}

std::string rfc5322_date(const engine::timestamp& t) {
  static constexpr std::array<std::string_view, 7> days{"Sun", "Mon", "Tue", "Wed",
                                                        "Thu", "Fri", "Sat"};
  static constexpr std::array<std::string_view, 12> months{
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::chrono::weekday wd{std::chrono::sys_days{t.day}};
  const auto s = t.time_of_day.count();
  const auto offset = t.utc_offset.count();
  return fmt::format("{}, {} {} {} {:02}:{:02}:{:02} {}{:02}{:02}", days[wd.c_encoding()],
                     static_cast<unsigned>(t.day.day()),
                     months[static_cast<unsigned>(t.day.month()) - 1],
                     static_cast<int>(t.day.year()), s / 3600, s / 60 % 60, s % 60,
                     offset < 0 ? '-' : '+', std::abs(offset) / 60, std::abs(offset) % 60);
}

std::string render_message(const engine::outgoing_mail& mail) {
  std::string message;
  message += "Date: " + rfc5322_date(mail.date) + "\r\n";
  message += "From: " + mail.from + "\r\n";
  message += "To: " + address_list(mail.to) + "\r\n";
  message += "Message-ID: <" + mail.message_id + ">\r\n";
  message += "Subject: " + encode_header_text(mail.subject) + "\r\n";
  message += "MIME-Version: 1.0\r\n";
  message += "Content-Type: text/plain; charset=utf-8\r\n";
  message += "Content-Transfer-Encoding: quoted-printable\r\n";
  // RFC 3834: an automatic message, so auto-responders do not answer it.
  message += "Auto-Submitted: auto-generated\r\n";
  message += "\r\n";
  message += quoted_printable(mail.body);
  return message;
}

}  // namespace bevaka::mail
