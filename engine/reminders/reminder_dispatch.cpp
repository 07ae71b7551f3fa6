#include "engine/reminders/reminder_dispatch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "engine/store.hpp"

namespace bevaka::engine {
namespace {

using std::chrono::seconds;

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

// Once the mail has gone out, the settling must be written, or the reminder would go out again
// when its lease ran out. A failed write is tried again after a backoff on the engine's clock,
// before anything else is claimed; only when every try has failed does the failure go on.
bool settle(outbox& o, const clock& c, const reminder& r, const dispatch_settings& settings) {
  auto delay = settings.settle_retry_first;
  for (int attempt = 1;; ++attempt, delay *= 2) {
    try {
      return o.settle_reminder(r, settings.holder);
    } catch (const database_error&) {
      if (attempt >= settings.settle_attempts) throw;
    }
    c.sleep_for(delay);
  }
}

// One pass's claims, sized by how fast its sends have been.
class dispatch_pass {
 public:
  dispatch_pass(outbox& o, mailer& m, const clock& c, const dispatch_settings& settings)
      : outbox_(o), mailer_(m), clock_(c), settings_(settings) {}

  // Each claim is a transaction of its own (the outbox's contract), taken at the clock's now.
  std::vector<reminder_view> claim() {
    const auto now = clock_.now().utc();
    return outbox_.claim_due_reminders(now, now + settings_.lease, settings_.holder,
                                       claim_size(settings_, slowest_send_));
  }

  // The reminder as handled, or nullopt when it turned out not to be ours any more.
  std::optional<dispatched> handle(reminder_view v) {
    const auto now = clock_.now();
    auto mail = compose_reminder(v, now, settings_.addresses, settings_.templates);
    if (outdated(v, now)) {
      v.r = cancelled_as_outdated(std::move(v.r));
    } else {
      // Our lease may have run out while earlier reminders went out, and another dispatcher
      // may hold this one now: it is sent only while the claim is still ours, for a full lease.
      if (!outbox_.renew_lease(v.r, now.utc() + settings_.lease, settings_.holder))
        return std::nullopt;
      const auto result = deliver(mailer_, mail, v);
      time_send(now);
      v.r = after_attempt(std::move(v.r), result, now, settings_);
    }
    // Not settled: the reminder was cancelled meanwhile, or another dispatcher holds it now.
    // Its row says what is true; it is not ours to report.
    if (!settle(outbox_, clock_, v.r, settings_)) return std::nullopt;
    return dispatched{std::move(v), std::move(mail)};
  }

 private:
  void time_send(const timestamp& started) {
    const auto took = std::chrono::duration_cast<seconds>(clock_.now().utc() - started.utc());
    if (!slowest_send_ || took > *slowest_send_) slowest_send_ = took;
  }

  outbox& outbox_;
  mailer& mailer_;
  const clock& clock_;
  const dispatch_settings& settings_;
  std::optional<seconds> slowest_send_;
};

// The due reminders without those that a later one among them supersedes, as a claim would
// leave them.
std::vector<reminder_view> latest_steps(std::vector<reminder_view> due) {
  std::vector<reminder_view> kept;
  for (auto& v : due) {
    const bool moot = std::any_of(due.begin(), due.end(), [&](const reminder_view& other) {
      return supersedes(other.r, v.r);
    });
    if (!moot) kept.push_back(v);
  }
  return kept;
}

}  // namespace

std::chrono::seconds retry_delay(int attempts, const dispatch_settings& settings) {
  auto delay = settings.retry_first;
  for (int i = 1; i < attempts && delay < settings.retry_max; ++i) delay *= 2;
  return std::min(delay, settings.retry_max);
}

int claim_size(const dispatch_settings& settings,
               std::optional<std::chrono::seconds> slowest_send) {
  const auto per_send = std::max(slowest_send.value_or(settings.expected_send), seconds{1});
  const auto fits = settings.lease / per_send;
  return static_cast<int>(std::clamp<decltype(fits)>(fits, 1, std::max(settings.batch, 1)));
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
  dispatch_pass pass(o, m, c, settings);
  for (auto batch = pass.claim(); !batch.empty(); batch = pass.claim())
    for (auto& v : batch)
      if (auto done = pass.handle(std::move(v))) handled.push_back(std::move(*done));
  return handled;
}

std::vector<dispatched> preview_due(outbox& o, const clock& c, const dispatch_settings& settings) {
  const auto now = c.now();
  auto due = latest_steps(o.due_reminders(now.utc(), std::numeric_limits<int>::max()));
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
