#include "engine/reminders/reminder_policy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "engine/shared/clock.hpp"

namespace bevaka::engine {
namespace {

// More than a working year either way is a typo, not a policy.
constexpr int max_offset = 250;

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

outcome<reminder_offset> parse_offset(std::string_view policy, std::string_view part) {
  const auto bad = [&](std::string_view why) {
    return make_error(errc::bad_input,
                      fmt::format("reminder policy '{}': '{}' {}", policy, part, why));
  };
  auto text = trimmed(part);
  if (text.empty()) return bad("is empty: write offsets like -10 or +5!");
  reminder_offset offset;
  if (text.back() == '!') {
    offset.to_registrar = true;
    text.remove_suffix(1);
  }
  // from_chars reads a '-' but not a '+': the sign is taken off first, the digits must follow.
  const bool negative = !text.empty() && text.front() == '-';
  if (!text.empty() && (text.front() == '+' || negative)) text.remove_prefix(1);
  const auto* end = text.data() + text.size();
  const auto [stop, ec] = std::from_chars(text.data(), end, offset.working_days);
  if (text.empty() || text.front() < '0' || text.front() > '9' || ec != std::errc{} || stop != end)
    return bad("is not a number of working days like -10, +1 or +5!");
  if (negative) offset.working_days = -offset.working_days;
  if (std::abs(offset.working_days) > max_offset)
    return bad(fmt::format("is more than {} working days from the deadline", max_offset));
  return offset;
}

}  // namespace

reminder_kind reminder_offset::kind() const {
  if (to_registrar) return reminder_kind::escalation;
  return working_days > 0 ? reminder_kind::overdue : reminder_kind::reminder;
}

outcome<reminder_policy> parse_reminder_policy(std::string_view text) {
  reminder_policy policy;
  if (trimmed(text) == "none") return policy;
  for (std::size_t start = 0;;) {
    const auto comma = std::min(text.find(',', start), text.size());
    const auto offset = parse_offset(text, text.substr(start, comma - start));
    if (!offset) return offset.error();
    if (std::find(policy.offsets.begin(), policy.offsets.end(), *offset) != policy.offsets.end())
      return make_error(errc::bad_input,
                        fmt::format("reminder policy '{}': '{}' is written twice", text,
                                    trimmed(text.substr(start, comma - start))));
    policy.offsets.push_back(*offset);
    if (comma == text.size()) return policy;
    start = comma + 1;
  }
}

std::string to_string(const reminder_policy& policy) {
  if (policy.offsets.empty()) return "none";
  std::string text;
  for (const auto& o : policy.offsets)
    text += fmt::format("{}{:+d}{}", text.empty() ? "" : ",", o.working_days,
                        o.to_registrar ? "!" : "");
  return text;
}

instant reminder_due_at(date effective_deadline, const reminder_offset& offset) {
  const auto day = add_working_days(effective_deadline, offset.working_days);
  // The Stockholm offset of that day's 08:00 (CET or CEST) is what parse_timestamp works out.
  const auto local =
      parse_timestamp(fmt::format("{}T{:02}:00", format_date(day), reminder_time_of_day.count()));
  return local->utc();
}

}  // namespace bevaka::engine
