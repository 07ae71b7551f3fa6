#pragma once
// Sending what is due: the engine decides which reminders are due, claims them, hands each to
// the mailer port and records what followed (sent; retried later with exponential backoff after
// a temporary failure; failed after a permanent one). The mail adapters implement the port.
//
// Exactly once in normal operation: a reminder is claimed (committed) before it is sent and
// settled (committed) after, so a restarted dispatcher never sends a settled reminder again.
// If a process dies between the mail server's acceptance and the settling commit, the claim's
// lease expires and the reminder goes out once more, with the same Message-ID: at most one
// duplicate, which a mail client can recognise.

#include <chrono>
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
  std::string holder{};             // names this process's claims; unique per process
  std::chrono::seconds lease{600};  // longer than any one delivery may take
  std::chrono::seconds retry_first{60};
  std::chrono::seconds retry_max{3600};
  int batch = 20;  // reminders claimed per transaction
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

// Sends every reminder due at the clock's now, batch by batch, until none is left that this
// call has not tried; returns them in the order handled. A reminder before the deadline that
// is only handled after the deadline has passed is cancelled instead of sent. Throws on a database
// failure (what was settled stays settled; a claimed, unsettled reminder waits for its lease to
// expire).
[[nodiscard]] std::vector<dispatched> dispatch_due(outbox& o, mailer& m, const clock& c,
                                                   const dispatch_settings& settings);

// What dispatch_due would send now (outdated reminders left out), without claiming, sending
// or writing anything.
[[nodiscard]] std::vector<dispatched> preview_due(outbox& o, const clock& c,
                                                  const dispatch_settings& settings);

// When the next scheduled reminder (or retry) falls due; nullopt when none is scheduled.
[[nodiscard]] std::optional<instant> next_due(outbox& o);

}  // namespace bevaka::engine
