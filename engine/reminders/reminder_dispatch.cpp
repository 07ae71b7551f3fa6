#include "engine/reminders/reminder_dispatch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace bevaka::engine {
namespace {

// Each claim and each settling is a transaction of its own (the outbox's contract): a
// reminder's mail goes out between two commits, never inside an open transaction.
std::vector<reminder_view> claim_batch(outbox& o, const timestamp& now,
                                       const dispatch_settings& settings) {
  return o.claim_due_reminders(now.utc(), now.utc() + settings.lease, settings.holder,
                               settings.batch);
}

delivery deliver(mailer& m, const outgoing_mail& mail, const reminder_view& v) {
  if (!mail.to.empty()) return m.send(mail);
  if (v.r.kind == reminder_kind::escalation)
    return {delivery_status::rejected,
            "no registrar address is configured (BEVAKA_REGISTRAR_EMAIL)"};
  return {delivery_status::rejected, fmt::format("{} has no e-mail address", v.body_name)};
}

// A reminder before the deadline that could not go out until after it (the dispatcher was
// down) would tell the body it has time left: the overdue notice says what is true instead.
bool outdated(const reminder_view& v, const timestamp& now) {
  return v.r.kind == reminder_kind::reminder && now.day > v.deadline.effective;
}

reminder cancelled_as_outdated(reminder r) {
  r.state = reminder_state::cancelled;
  r.last_error = "not sent: the deadline had passed before it could go out";
  return r;
}

}  // namespace

std::chrono::seconds retry_delay(int attempts, const dispatch_settings& settings) {
  auto delay = settings.retry_first;
  for (int i = 1; i < attempts && delay < settings.retry_max; ++i) delay *= 2;
  return std::min(delay, settings.retry_max);
}

reminder after_attempt(reminder r, const delivery& result, const timestamp& now,
                       const dispatch_settings& settings) {
  r.last_error = result.status == delivery_status::delivered ? "" : result.detail;
  r.next_attempt_at = now.utc();
  switch (result.status) {
    case delivery_status::delivered:
      r.state = reminder_state::sent;
      r.sent_at = now.utc();
      break;
    case delivery_status::retry:
      r.next_attempt_at = now.utc() + retry_delay(r.attempts, settings);
      break;
    case delivery_status::rejected:
      r.state = reminder_state::failed;
      break;
  }
  return r;
}

std::vector<dispatched> dispatch_due(outbox& o, mailer& m, const clock& c,
                                     const dispatch_settings& settings) {
  std::vector<dispatched> handled;
  for (auto batch = claim_batch(o, c.now(), settings); !batch.empty();
       batch = claim_batch(o, c.now(), settings)) {
    for (auto& v : batch) {
      const auto now = c.now();
      auto mail = compose_reminder(v, now, settings.addresses, settings.templates);
      if (outdated(v, now))
        v.r = cancelled_as_outdated(std::move(v.r));
      else
        v.r = after_attempt(std::move(v.r), deliver(m, mail, v), now, settings);
      const bool settled = o.settle_reminder(v.r, settings.holder);
      // Not settled: the reminder was cancelled meanwhile, or our lease ran out and another
      // dispatcher holds it now. Its row says what is true; it is not ours to report.
      if (settled) handled.push_back({std::move(v), std::move(mail)});
    }
  }
  return handled;
}

std::vector<dispatched> preview_due(outbox& o, const clock& c, const dispatch_settings& settings) {
  const auto now = c.now();
  auto due = o.due_reminders(now.utc(), std::numeric_limits<int>::max());
  std::vector<dispatched> previews;
  for (auto& v : due) {
    if (outdated(v, now)) continue;
    auto mail = compose_reminder(v, now, settings.addresses, settings.templates);
    previews.push_back({std::move(v), std::move(mail)});
  }
  return previews;
}

std::optional<instant> next_due(outbox& o) { return o.next_reminder_due(); }

}  // namespace bevaka::engine
