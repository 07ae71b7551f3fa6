// The reminders outbox (migration 2): scheduling, listing, and the dispatcher's claims.
#include <fmt/format.h>

#include "adapters/store/soci_transaction.hpp"

namespace bevaka::store::detail {

using namespace bevaka::engine;

std::string format_utc(instant t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::hh_mm_ss time{t - day};
  return fmt::format("{}T{:02}:{:02}:{:02}Z", format_date(date{day}), time.hours().count(),
                     time.minutes().count(), time.seconds().count());
}

void soci_transaction::set_reminder_policy(id_t round_id, std::string_view policy) {
  prepared_.set_reminder_policy.run(conn_, round_id, text(policy));
}

std::optional<std::string> soci_transaction::reminder_policy_of(id_t round_id) {
  return prepared_.reminder_policy_of.first(conn_, round_id);
}

id_t soci_transaction::insert_reminder(const reminder& r) {
  return *prepared_.insert_reminder.first(
      conn_, r.assignment_id, r.round_id, r.body_id, std::string(to_string(r.kind)), r.offset_days,
      format_date(r.deadline), format_utc(r.due_at), std::string(to_string(r.state)),
      format_utc(r.next_attempt_at), r.attempts, r.last_error);
}

void soci_transaction::cancel_reminders_of(id_t assignment_id) {
  prepared_.cancel_reminders_of.defer(conn_, assignment_id);
}

std::vector<reminder_view> soci_transaction::reminders_of(std::optional<id_t> round_id) {
  if (!round_id) return prepared_.reminders.all(conn_);
  return prepared_.reminders_of_round.all(conn_, *round_id);
}

std::vector<reminder_view> soci_transaction::due_reminders(instant now, int limit) {
  return prepared_.due_reminders.all(conn_, format_utc(now), limit);
}

// PostgreSQL: rows another transaction is claiming are skipped rather than waited for, so
// several dispatchers share the work. SQLite's BEGIN IMMEDIATE lets one claim at a time.
// The claimed reminders are then read by their ids, in a query of their own text each time: it
// is prepared for this call only, like any statement whose text changes.
std::vector<reminder_view> soci_transaction::claim_due_reminders(instant now, instant lease_until,
                                                                 std::string_view holder,
                                                                 int limit) {
  const bool skip_locked = conn_.pipeline() != nullptr;
  auto& supersede = skip_locked ? prepared_.supersede_due_reminders_skip_locked
                                : prepared_.supersede_due_reminders;
  auto& claim =
      skip_locked ? prepared_.claim_due_reminders_skip_locked : prepared_.claim_due_reminders;
  const auto at = format_utc(now);
  supersede.defer(conn_, text(superseded_reason), at, limit, at);
  const auto claimed = claim.all(conn_, format_utc(lease_until), text(holder), at, at, limit);
  if (claimed.empty()) return {};
  prepared_query<reminder_row> read_claimed(reminder_view_columns + "WHERE m.id IN (" +
                                            fmt::format("{}", fmt::join(claimed, ",")) +
                                            ") ORDER BY m.due_at, m.id");
  return read_claimed.all(conn_);
}

bool soci_transaction::renew_lease(const reminder& r, instant lease_until,
                                   std::string_view holder) {
  return prepared_.renew_lease.run(conn_, format_utc(lease_until), r.id, text(holder),
                                   r.attempts) == 1;
}

bool soci_transaction::settle_reminder(const reminder& r, std::string_view holder) {
  std::optional<text> sent;
  if (r.sent_at) sent = format_utc(*r.sent_at);
  return prepared_.settle_reminder.run(conn_, text(to_string(r.state)),
                                       format_utc(r.next_attempt_at), nullable<text>(sent),
                                       r.last_error, r.id, text(holder), r.attempts) == 1;
}

std::optional<instant> soci_transaction::next_reminder_due() {
  return prepared_.next_reminder_due.first(conn_).value_or(std::nullopt);
}

// A scan of the outbox: /metrics asks for it every scrape (seconds apart), not per request.
std::vector<std::pair<reminder_state, long long>> soci_transaction::reminder_counts() {
  return prepared_.reminder_counts.all(conn_);
}

}  // namespace bevaka::store::detail
