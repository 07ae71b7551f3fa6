#include "engine/reminders/reminder_message.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

#include "engine/calendar/calendar.hpp"

namespace bevaka::engine {
namespace {

struct template_values {
  std::string body, title, ref, deadline, nominal_deadline, deadline_shift, contact;
  int days = 0;
};

std::string fill(std::string_view text, const template_values& v) {
  return fmt::format(fmt::runtime(text), fmt::arg("body", v.body), fmt::arg("title", v.title),
                     fmt::arg("ref", v.ref), fmt::arg("deadline", v.deadline),
                     fmt::arg("nominal_deadline", v.nominal_deadline),
                     fmt::arg("deadline_shift", v.deadline_shift), fmt::arg("days", v.days),
                     fmt::arg("days_word", v.days == 1 ? "arbetsdag" : "arbetsdagar"),
                     fmt::arg("contact", v.contact));
}

// Fills `line` with sample values to find unknown or malformed placeholders before any
// reminder is due, rather than when it is.
std::optional<error> check_line(std::string_view source, int number, std::string_view line) {
  try {
    (void)fill(line, template_values{});
    return std::nullopt;
  } catch (const fmt::format_error& e) {
    return make_error(errc::bad_input,
                      fmt::format("{}:{}: bad placeholder ({}); the placeholders are {{body}} "
                                  "{{title}} {{ref}} {{deadline}} {{nominal_deadline}} "
                                  "{{deadline_shift}} {{days}} {{days_word}} {{contact}}, and "
                                  "a brace is written {{{{ or }}}}",
                                  source, number, e.what()));
  }
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    const auto end = std::min(text.find('\n', start), text.size());
    auto line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

const message_template& template_for(reminder_kind kind, const reminder_templates& t) {
  switch (kind) {
    case reminder_kind::overdue:
      return t.overdue;
    case reminder_kind::escalation:
      return t.escalation;
    default:
      return t.reminder;
  }
}

std::string_view domain_of(std::string_view address) {
  const auto at = address.rfind('@');
  return at == std::string_view::npos ? std::string_view("bevaka.invalid") : address.substr(at + 1);
}

}  // namespace

outcome<message_template> parse_message_template(std::string_view source, std::string_view text) {
  const auto lines = lines_of(text);
  constexpr std::string_view subject_prefix = "Ämne:";
  if (lines.empty() || !lines[0].starts_with(subject_prefix))
    return make_error(errc::bad_input,
                      fmt::format("{}:1: a template starts with the line \"Ämne: ...\"", source));
  if (lines.size() < 2 || !lines[1].empty())
    return make_error(errc::bad_input,
                      fmt::format("{}:2: an empty line must follow the subject", source));
  message_template t;
  auto subject = lines[0].substr(subject_prefix.size());
  while (!subject.empty() && subject.front() == ' ') subject.remove_prefix(1);
  t.subject = std::string(subject);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (auto bad = check_line(source, static_cast<int>(i + 1), i == 0 ? subject : lines[i]))
      return *bad;
    if (i >= 2) t.body += std::string(lines[i]) + "\n";
  }
  while (t.body.ends_with("\n\n")) t.body.pop_back();
  return t;
}

std::string reminder_message_id(const reminder& r, std::string_view from) {
  return fmt::format("bevaka.reminder.{}.{}@{}", r.id, r.assignment_id, domain_of(from));
}

outgoing_mail compose_reminder(const reminder_view& v, const timestamp& now,
                               const mail_addresses& addresses,
                               const reminder_templates& templates) {
  const auto& deadline = v.deadline;
  template_values values{
      .body = v.body_name,
      .title = v.title,
      .ref = v.ref,
      .deadline = swedish_date(deadline.effective),
      .nominal_deadline = swedish_date(deadline.nominal),
      .deadline_shift = deadline.reason.empty() ? "" : fmt::format(" ({})", deadline.reason),
      .contact = addresses.contact,
      .days = v.r.kind == reminder_kind::reminder
                  ? working_days_between(now.day, deadline.effective)
                  : working_days_between(deadline.effective, now.day)};
  const auto& chosen = template_for(v.r.kind, templates);
  outgoing_mail mail{.message_id = reminder_message_id(v.r, addresses.from),
                     .from = addresses.from,
                     .subject = fill(chosen.subject, values),
                     .body = fill(chosen.body, values),
                     .date = now};
  if (v.r.kind == reminder_kind::escalation) {
    if (!addresses.registrar.empty()) mail.to.push_back(addresses.registrar);
  } else {
    mail.to = v.body_emails;
  }
  return mail;
}

}  // namespace bevaka::engine
