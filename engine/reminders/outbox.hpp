#pragma once
// The outbox as a dispatcher drains it. Unlike the ports a transaction hands out, each call here
// is a transaction of its own, committed before it returns: a claim is durable before the mail
// goes out, and a settling after it, so no mail is ever sent inside an open transaction.
// Implemented by adapters/store; may throw engine::database_error.

#include <optional>
#include <string_view>
#include <vector>

#include "engine/reminders/reminder.hpp"

namespace bevaka::engine {

class outbox {
 public:
  virtual ~outbox() = default;

  // Scheduled reminders whose next attempt is at or before `now`, earliest first, at most
  // `limit`. Reads, claims nothing. Must read an index: a dispatcher runs it all day.
  [[nodiscard]] virtual std::vector<reminder_view> due_reminders(instant now, int limit) = 0;
  // Claims up to `limit` of the due reminders for `holder` until `lease_until`: each one's
  // attempts go up by one and its next attempt moves to `lease_until`, so nobody else takes it
  // while the lease lasts, and anybody may once it has expired (its holder died). Reminders
  // that another transaction is claiming are skipped without waiting.
  //
  // In the same transaction, first: of the first `limit` due reminders, each that a later one
  // supersedes (engine's `supersedes`; the later one scheduled with due_at <= `now`, or sent)
  // ends as superseded, with superseded_reason. One further on is not claimed either, and ends
  // so in a later claim. So a dispatcher that comes back after days sends each assignment's
  // stream its latest step alone.
  [[nodiscard]] virtual std::vector<reminder_view> claim_due_reminders(instant now,
                                                                       instant lease_until,
                                                                       std::string_view holder,
                                                                       int limit) = 0;
  // Moves the claim on `r` on to `lease_until`, if it is still the claim `holder` took (its
  // holder, and its attempts as claimed: nobody has claimed it since) and `r` is still
  // scheduled. Returns false (writing nothing) otherwise: the reminder is no longer ours to send.
  [[nodiscard]] virtual bool renew_lease(const reminder& r, instant lease_until,
                                         std::string_view holder) = 0;
  // Writes state, next attempt, sent_at and last_error of a claimed reminder, if its claim is
  // still the one `holder` took (as renew_lease) and it is still scheduled. Returns false
  // (writing nothing) otherwise.
  [[nodiscard]] virtual bool settle_reminder(const reminder& r, std::string_view holder) = 0;
  // The earliest next attempt of any scheduled reminder; nullopt when none is scheduled.
  [[nodiscard]] virtual std::optional<instant> next_reminder_due() = 0;
};

}  // namespace bevaka::engine
