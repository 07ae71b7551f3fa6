#include "adapters/http/ics.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "adapters/views/swedish_names.hpp"

namespace bevaka::http {
namespace {

// RFC 5545 §3.3.11: backslash, semicolon and comma are escaped, a newline is written "\n".
std::string escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\' || c == ';' || c == ',') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c != '\r') out += c;
  }
  return out;
}

bool continues_utf8_character(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// RFC 5545 §3.1: a content line longer than 75 octets goes on in lines that begin with a space.
std::string folded(std::string_view line) {
  std::string out;
  std::size_t limit = 75;
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && continues_utf8_character(line[cut])) --cut;
    out.append(line.substr(0, cut)).append("\r\n ");
    line.remove_prefix(cut);
    limit = 74;  // the leading space counts
  }
  return out.append(line).append("\r\n");
}

std::string compact_date(engine::date day) {
  return fmt::format("{:04}{:02}{:02}", static_cast<int>(day.year()),
                     static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
}

std::string event_lines(const engine::obligation& o, std::string_view stamp,
                        std::string_view uid_host) {
  const auto& d = o.a.deadline;
  std::string description =
      fmt::format("Diarienummer {}. Status: {}.", o.r.ref,
                  views::swedish_state(views::lifecycle::assignment, o.a.state));
  if (!d.reason.empty())
    description += fmt::format("\nSista dag {} ({}); gäller {}.", engine::format_date(d.nominal),
                               d.reason, engine::format_date(d.effective));
  std::string lines;
  for (const auto& line : {
           std::string("BEGIN:VEVENT"),
           "UID:" + escaped(fmt::format("bevaka-assignment-{}@{}", o.a.id, uid_host)),
           fmt::format("DTSTAMP:{}", stamp),
           fmt::format("DTSTART;VALUE=DATE:{}", compact_date(d.effective)),
           fmt::format("DTEND;VALUE=DATE:{}", compact_date(engine::add_days(d.effective, 1))),
           "SUMMARY:" + escaped(fmt::format("Sista dag: {} ({})", o.r.title, o.r.ref)),
           "DESCRIPTION:" + escaped(description),
           std::string("TRANSP:TRANSPARENT"),
           std::string("END:VEVENT"),
       })
    lines += folded(line);
  return lines;
}

}  // namespace

std::string deadlines_calendar(const engine::body& b, const std::vector<engine::obligation>& open,
                               engine::timestamp now, std::string_view uid_host) {
  const auto stamp = fmt::format("{:%Y%m%dT%H%M%SZ}", now.utc());
  std::string text;
  for (const auto& line :
       {std::string("BEGIN:VCALENDAR"), std::string("VERSION:2.0"),
        std::string("PRODID:-//bevaka//deadlines//SV"), std::string("CALSCALE:GREGORIAN"),
        std::string("METHOD:PUBLISH"), "X-WR-CALNAME:" + escaped("Svarsdagar för " + b.name)})
    text += folded(line);
  for (const auto& o : open) text += event_lines(o, stamp, uid_host);
  return text + folded("END:VCALENDAR");
}

}  // namespace bevaka::http
