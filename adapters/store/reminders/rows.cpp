#include "adapters/store/reminders/rows.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "adapters/store/soci_store.hpp"

namespace bevaka::store::detail {

using namespace bevaka::engine;

instant stored_instant(const std::string& text) {
  const auto day =
      text.size() == 20 ? parse_date(std::string_view(text).substr(0, 10)) : std::nullopt;
  int h = 0, m = 0, s = 0;
  if (!day || std::sscanf(text.c_str() + 11, "%2d:%2d:%2d", &h, &m, &s) != 3)
    throw database_error(fmt::format("the database holds a malformed time '{}'", text));
  return instant{std::chrono::sys_days{*day}} + std::chrono::hours{h} + std::chrono::minutes{m} +
         std::chrono::seconds{s};
}

void reminder_row::bind(soci::statement& st) {
  bind_columns(st, id, assignment_id, round_id, body_id, kind, offset_days, deadline, due_at, state,
               next_attempt_at, attempts, maybe_null{sent_at, sent_null}, last_error, ref, title,
               round_kind, body_name, emails, nominal, effective, reason);
}

reminder_view reminder_row::to_model() const {
  reminder r{.id = id,
             .assignment_id = assignment_id,
             .round_id = round_id,
             .body_id = body_id,
             .kind = stored_name(parse_reminder_kind, kind, "reminders.kind"),
             .offset_days = offset_days,
             .deadline = stored_date(deadline),
             .due_at = stored_instant(due_at),
             .state = stored_name(parse_reminder_state, state, "reminders.state"),
             .next_attempt_at = stored_instant(next_attempt_at),
             .attempts = attempts,
             .last_error = last_error};
  if (sent_null == soci::i_ok) r.sent_at = stored_instant(sent_at);
  return reminder_view{.r = std::move(r),
                       .ref = ref,
                       .title = title,
                       .round = stored_name(parse_round_kind, round_kind, "rounds.kind"),
                       .body_name = body_name,
                       .body_emails = split_lines(emails),
                       .deadline = {stored_date(nominal), stored_date(effective), reason}};
}

std::optional<instant> next_due_row::to_model() const {
  if (none != soci::i_ok) return std::nullopt;
  return stored_instant(at);
}

void reminder_count_row::bind(soci::statement& st) { bind_columns(st, state, count); }

std::pair<reminder_state, long long> reminder_count_row::to_model() const {
  return {stored_name(parse_reminder_state, state, "reminders.state"), count};
}

}  // namespace bevaka::store::detail
