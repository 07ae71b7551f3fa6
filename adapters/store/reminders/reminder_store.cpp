// The reminders outbox (migration 2): scheduling, listing, and the dispatcher's claims.
#include <fmt/format.h>

#include "adapters/store/soci_store.hpp"
#include "adapters/store/soci_transaction.hpp"

namespace bevaka::store::detail {
namespace {

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

// Column buffers for one reminder_view; SOCI binds into them and each fetch overwrites them.
struct reminder_row {
  long long id = 0, assignment_id = 0, round_id = 0, body_id = 0;
  int offset_days = 0, attempts = 0;
  std::string kind, deadline, due_at, state, next_attempt_at, sent_at, last_error;
  std::string ref, title, round_kind, body_name, emails, nominal, effective, reason;
  soci::indicator sent_null = soci::i_null;

  [[nodiscard]] reminder_view to_model() const {
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
};

const std::string reminder_view_columns =
    "SELECT m.id, m.assignment_id, m.round_id, m.body_id, m.kind, m.offset_days, m.deadline, "
    "m.due_at, m.state, m.next_attempt_at, m.attempts, m.sent_at, m.last_error, r.ref, r.title, "
    "r.kind, b.name, b.emails, a.nominal_deadline, a.deadline, a.deadline_reason "
    "FROM reminders m JOIN rounds r ON r.id = m.round_id JOIN bodies b ON b.id = m.body_id "
    "JOIN assignments a ON a.id = m.assignment_id ";

// Runs `query` (reminder_view_columns and what follows) and collects a view per row.
template <class... Uses>
std::vector<reminder_view> select_reminders(soci::session& sql, const std::string& query,
                                            Uses&&... uses) {
  reminder_row r;
  auto prepared =
      (sql.prepare << query, soci::into(r.id), soci::into(r.assignment_id), soci::into(r.round_id),
       soci::into(r.body_id), soci::into(r.kind), soci::into(r.offset_days), soci::into(r.deadline),
       soci::into(r.due_at), soci::into(r.state), soci::into(r.next_attempt_at),
       soci::into(r.attempts), soci::into(r.sent_at, r.sent_null), soci::into(r.last_error),
       soci::into(r.ref), soci::into(r.title), soci::into(r.round_kind), soci::into(r.body_name),
       soci::into(r.emails), soci::into(r.nominal), soci::into(r.effective), soci::into(r.reason));
  soci::statement st = (prepared, ..., std::forward<Uses>(uses));
  st.execute();
  std::vector<reminder_view> views;
  while (st.fetch()) views.push_back(r.to_model());
  return views;
}

}  // namespace

std::string format_utc(instant t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::hh_mm_ss time{t - day};
  return fmt::format("{}T{:02}:{:02}:{:02}Z", format_date(date{day}), time.hours().count(),
                     time.minutes().count(), time.seconds().count());
}

const std::string due_reminders_sql =
    reminder_view_columns + "WHERE m.state = 'scheduled' AND m.next_attempt_at <= :now ";

void soci_transaction::set_reminder_policy(id_t round_id, std::string_view policy) {
  long long round = round_id;
  std::string text(policy);
  conn_.for_write()
      << "INSERT INTO round_reminder_policies (round_id, policy) VALUES (:round, :policy)",
      soci::use(round, "round"), soci::use(text, "policy");
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
  if (!round_id)
    return select_reminders(conn_.for_read(),
                            reminder_view_columns + "ORDER BY m.due_at, b.name, m.id");
  long long round = *round_id;
  return select_reminders(
      conn_.for_read(),
      reminder_view_columns + "WHERE m.round_id = :round ORDER BY m.due_at, b.name, m.id",
      soci::use(round, "round"));
}

std::vector<reminder_view> soci_transaction::due_reminders(instant now, int limit) {
  std::string at = format_utc(now);
  return select_reminders(conn_.for_read(),
                          due_reminders_sql + "ORDER BY m.next_attempt_at, m.id LIMIT :limit",
                          soci::use(at, "now"), soci::use(limit, "limit"));
}

std::vector<reminder_view> soci_transaction::claim_due_reminders(instant now, instant lease_until,
                                                                 std::string_view holder,
                                                                 int limit) {
  std::string at = format_utc(now), lease = format_utc(lease_until), who(holder);
  // PostgreSQL: rows another transaction is claiming are skipped rather than waited for, so
  // several dispatchers share the work. SQLite's BEGIN IMMEDIATE lets one claim at a time.
  const std::string skip_locked = (conn_.pipeline() != nullptr) ? " FOR UPDATE SKIP LOCKED" : "";
  long long id = 0;
  soci::statement st =
      (conn_.for_write().prepare
           << "UPDATE reminders SET attempts = attempts + 1, next_attempt_at = :lease, "
              "claim_holder = :holder WHERE id IN (SELECT id FROM reminders "
              "WHERE state = 'scheduled' AND next_attempt_at <= :now "
              "ORDER BY next_attempt_at, id LIMIT :limit" +
                  skip_locked + ") RETURNING id",
       soci::use(lease, "lease"), soci::use(who, "holder"), soci::use(at, "now"),
       soci::use(limit, "limit"), soci::into(id));
  st.execute();
  std::string ids;
  while (st.fetch()) ids += fmt::format("{}{}", ids.empty() ? "" : ",", id);
  if (ids.empty()) return {};
  return select_reminders(conn_.for_read(), reminder_view_columns + "WHERE m.id IN (" + ids +
                                                ") ORDER BY m.due_at, m.id");
}

bool soci_transaction::settle_reminder(const reminder& r, std::string_view holder) {
  long long id = r.id;
  std::string state(to_string(r.state)), next = format_utc(r.next_attempt_at), who(holder);
  std::string sent = r.sent_at ? format_utc(*r.sent_at) : "";
  soci::indicator sent_null = r.sent_at ? soci::i_ok : soci::i_null;
  soci::statement st = (conn_.for_write().prepare
                            << "UPDATE reminders SET state = :state, next_attempt_at = :next, "
                               "sent_at = :sent, last_error = :error, claim_holder = '' "
                               "WHERE id = :id AND claim_holder = :holder AND state = 'scheduled'",
                        soci::use(state, "state"), soci::use(next, "next"),
                        soci::use(sent, sent_null, "sent"), soci::use(r.last_error, "error"),
                        soci::use(id, "id"), soci::use(who, "holder"));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<instant> soci_transaction::next_reminder_due() {
  std::string next;
  soci::indicator none = soci::i_null;
  conn_.for_read() << "SELECT MIN(next_attempt_at) FROM reminders WHERE state = 'scheduled'",
      soci::into(next, none);
  if (none != soci::i_ok) return std::nullopt;
  return stored_instant(next);
}

// A scan of the outbox: /metrics asks for it every scrape (seconds apart), not per request.
std::vector<std::pair<reminder_state, long long>> soci_transaction::reminder_counts() {
  std::string state;
  long long count = 0;
  soci::statement st =
      (conn_.for_read().prepare
           << "SELECT state, COUNT(*) FROM reminders GROUP BY state ORDER BY state",
       soci::into(state), soci::into(count));
  st.execute();
  std::vector<std::pair<reminder_state, long long>> counts;
  while (st.fetch())
    counts.emplace_back(stored_name(parse_reminder_state, state, "reminders.state"), count);
  return counts;
}

}  // namespace bevaka::store::detail
