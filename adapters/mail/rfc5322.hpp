#pragma once
// Writing an outgoing mail as an RFC 5322 message: CRLF lines, a Date, a Message-ID, the subject
// as RFC 2047 encoded words when it is not plain ASCII (å, ä and ö survive any server), and a
// UTF-8 text body in quoted-printable, so the message is 7-bit clean. Pure functions.

#include <string>
#include <string_view>

#include "engine/reminders/reminder_message.hpp"

namespace bevaka::mail {

// The whole message, headers and body, ready for SMTP's DATA or an .eml file.
[[nodiscard]] std::string render_message(const engine::outgoing_mail& mail);

// "=?UTF-8?B?...?=" words of at most 75 characters, folded with CRLF SP; `text` itself when
// it is printable ASCII.
[[nodiscard]] std::string encode_header_text(std::string_view text);

// Quoted-printable (RFC 2045 §6.7) with CRLF line ends and lines of at most 76 characters.
[[nodiscard]] std::string quoted_printable(std::string_view text);

// "Fri, 17 Mar 2017 08:00:00 +0100"
[[nodiscard]] std::string rfc5322_date(const engine::timestamp& t);

}  // namespace bevaka::mail
