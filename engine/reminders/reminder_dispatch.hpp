#pragma once
// Sending what is due: the engine decides which reminders are due, claims them, hands each to
// the mailer port and records what followed (sent; retried later with exponential backoff after
// a temporary failure; failed after a permanent one). The mail adapters implement the port.
//
// One reminder at a time, never twice:
//  - A claim is committed before the send and the settling after it, so a restarted dispatcher
//    never sends a settled reminder again.
//  - A claim holds for `lease` from the moment it is taken, on the clock given (which must run:
//    a clock that stands still would date every claim at the pass's start). Right before each
//    send the claim is renewed for a full lease, on condition that it is still ours (its holder
//    and its attempts as claimed); a reminder whose lease ran out and that another dispatcher
//    claimed meanwhile is left to that one. So no other dispatcher takes a reminder while it is
//    being sent, provided one send takes less than the lease.
//  - No more is claimed at once than can be sent within one lease, at the slowest send timed
//    so far in the pass (claim_size).
//  - A settling that fails after the mail has gone out is tried again with backoff, before
//    anything else is claimed.
//  - Of one assignment's reminders to one recipient that are due together, only the latest goes
//    out; the earlier ones end as superseded (outbox::claim_due_reminders).
// If a process dies between the mail server's acceptance and the settling commit, the lease
// expires and the reminder goes out once more, with the same Message-ID: at most one duplicate,
// which a mail client can recognise.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "engine/reminders/outbox.hpp"
#include "engine/reminders/reminder.hpp"
#include "engine/reminders/reminder_message.hpp"
#include "engine/shared/clock.hpp"

namespace bevaka::engine {

enum class delivery_status {
  delivered,  // the server took it (SMTP 250), or the file is written
  retry,      // temporary: the server is down, busy or answered 4xx; try again later
  rejected,   // permanent: the server answered 5xx; trying again would not help
};

struct delivery {
  delivery_status status = delivery_status::delivered;
  std::string detail{};  // the server's answer or the failure, one line
};

// The mail port. Called from one thread at a time; must not throw for a failed delivery
// (report it), only for a bug.
class mailer {
 public:
  virtual ~mailer() = default;
  [[nodiscard]] virtual delivery send(const outgoing_mail& mail) = 0;
};

struct dispatch_settings {
  mail_addresses addresses{};
  reminder_templates templates{};
  std::string holder{};  // names this process's claims; unique per process
  // How long a claim or its renewal holds: longer than any one delivery may take (the mailer's
  // own timeout) and the settling's retries after it.
  std::chrono::seconds lease{600};
  std::chrono::seconds retry_first{60};
  std::chrono::seconds retry_max{3600};
  int batch = 20;  // at most this many reminders claimed per transaction
  // How long one delivery is taken to last until one has been timed in the pass.
  std::chrono::seconds expected_send{10};
  // A settling that fails is tried this many times in all, waiting settle_retry_first, then
  // twice as long each time (1 + 2 + 4 + 8 = 15 s with the defaults).
  int settle_attempts = 5;
  std::chrono::seconds settle_retry_first{1};
};

// One reminder handled (or, for a preview, that would be), as it stands afterwards.
struct dispatched {
  reminder_view reminder{};
  outgoing_mail mail{};
};

// The wait before the retry that follows attempt number `attempts` (1, 2, ...): retry_first,
// doubled for each attempt since, at most retry_max.
[[nodiscard]] std::chrono::seconds retry_delay(int attempts, const dispatch_settings& settings);

// The reminder after an attempt at `now` that ended as `result`.
[[nodiscard]] reminder after_attempt(reminder r, const delivery& result, const timestamp& now,
                                     const dispatch_settings& settings);

// How many reminders to claim at once: as many as can be sent one after the other within one
// lease, at `slowest_send` (the slowest delivery timed so far; expected_send before any, and
// never less than a second, the clock's grain). At least 1, at most settings.batch.
[[nodiscard]] int claim_size(const dispatch_settings& settings,
                             std::optional<std::chrono::seconds> slowest_send);

// Sends every reminder due at the clock's now, batch by batch, until none is left that this
// call has not tried; returns them in the order handled. A reminder before the deadline that
// is only handled after the deadline has passed is cancelled instead of sent. Throws on a
// database failure (what was settled stays settled; a claimed, unsettled reminder waits for its
// lease to expire), after the settling's retries when the failure came after a delivery.
[[nodiscard]] std::vector<dispatched> dispatch_due(outbox& o, mailer& m, const clock& c,
                                                   const dispatch_settings& settings);

// What dispatch_due would send now (outdated reminders and those a later due one supersedes
// left out), without claiming, sending or writing anything.
[[nodiscard]] std::vector<dispatched> preview_due(outbox& o, const clock& c,
                                                  const dispatch_settings& settings);

// When the next scheduled reminder (or retry) falls due; nullopt when none is scheduled.
[[nodiscard]] std::optional<instant> next_due(outbox& o);

}  // namespace bevaka::engine
