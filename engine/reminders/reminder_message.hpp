#pragma once
// What a reminder says: Swedish templates filled in with the round, the body, the deadline and
// the working days left or overdue. Pure text work; the templates' files are read by an adapter
// (adapters/config) and the message is written as RFC 5322 by another (adapters/mail).

#include <string>
#include <string_view>
#include <vector>

#include "engine/reminders/reminder.hpp"
#include "engine/shared/clock.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::engine {

// A template's text is a subject line "Ämne: ...", an empty line, then the body. Both may use
// {body} {title} {ref} {deadline} {nominal_deadline} {deadline_shift} {days} {days_word}
// {contact}: {deadline} is the effective deadline ("2 maj 2016"), {deadline_shift} is empty or
// " (30 april 2016 är en lördag)", {days} the working days left (reminder) or overdue
// (overdue, escalation) and {days_word} "arbetsdag" or "arbetsdagar" to agree with it.
struct message_template {
  std::string subject{};
  std::string body{};
};

struct reminder_templates {
  message_template reminder{};
  message_template overdue{};
  message_template escalation{};
};

// Reads a template's text; refuses a missing "Ämne:" line, a missing empty line after it, and
// a placeholder that is unknown or malformed, naming `source` (the file) and the line.
[[nodiscard]] outcome<message_template> parse_message_template(std::string_view source,
                                                               std::string_view text);

struct mail_addresses {
  std::string from{};       // the sender of every message
  std::string registrar{};  // escalations go here
  std::string contact{};    // whom a body may ask: words for {contact}
};

// One message, ready to be written as RFC 5322 by a mail adapter. UTF-8 throughout.
struct outgoing_mail {
  std::string message_id{};  // without angle brackets: "bevaka.reminder.42.7@kommun.example.se"
  std::string from{};
  std::vector<std::string> to{};
  std::string subject{};
  std::string body{};  // lines end in '\n'
  timestamp date{};
};

// The reminder's stable Message-ID: the same for every attempt to send it, and for nothing else.
[[nodiscard]] std::string reminder_message_id(const reminder& r, std::string_view from);

// The reminder as it reads on `now`. Its recipients are the body's addresses, or the registrar
// for an escalation; empty when there are none (the dispatcher fails it then).
[[nodiscard]] outgoing_mail compose_reminder(const reminder_view& v, const timestamp& now,
                                             const mail_addresses& addresses,
                                             const reminder_templates& templates);

}  // namespace bevaka::engine
