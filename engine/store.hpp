#pragma once
// The storage port: what the engine needs from a database, nothing more. The SOCI adapter in
// adapters/store implements it for SQLite and PostgreSQL. Every method may throw on an
// infrastructure failure (connection lost, disk full); the adapter's caller maps that once.

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/model.hpp"
#include "engine/reminder.hpp"

namespace bevaka::engine {

// One unit of work inside one database transaction. Not thread-safe: one per thread.
class store_transaction {
 public:
  virtual ~store_transaction() = default;

  [[nodiscard]] virtual std::optional<body> body_by_id(id_t id) = 0;
  [[nodiscard]] virtual std::optional<body> body_by_name(std::string_view name) = 0;
  // All bodies, or those of one kind, ordered by name.
  [[nodiscard]] virtual std::vector<body> bodies(std::optional<body_kind> kind) = 0;
  // Returns the new body's id. The caller has checked that the name is free.
  virtual id_t insert_body(const body& b) = 0;

  [[nodiscard]] virtual std::optional<round> round_by_id(id_t id) = 0;
  [[nodiscard]] virtual std::optional<round> round_by_ref(std::string_view ref) = 0;
  virtual id_t insert_round(const round& r) = 0;
  // Writes state and version r.version + 1 where the stored version is still r.version.
  // Returns false (and writes nothing) when someone else changed the round meanwhile.
  [[nodiscard]] virtual bool update_round(const round& r) = 0;

  // The round's assignments, ordered by body name.
  [[nodiscard]] virtual std::vector<assignment> assignments_of(id_t round_id) = 0;
  [[nodiscard]] virtual std::optional<assignment> assignment_of(id_t round_id, id_t body_id) = 0;
  virtual id_t insert_assignment(const assignment& a) = 0;
  // Optimistic like update_round.
  [[nodiscard]] virtual bool update_assignment(const assignment& a) = 0;

  virtual void append_event(const event_record& e) = 0;
  // A round's events, and those of its assignments, oldest first; only one body's when given.
  [[nodiscard]] virtual std::vector<event_record> events_of_round(id_t round_id,
                                                                  std::optional<id_t> body_id) = 0;

  // Assignments awaiting an answer with a deadline before `day`, earliest deadline first.
  // Must read an index, not the table: the registrar runs it every day.
  [[nodiscard]] virtual std::vector<awaiting_row> awaiting_past_deadline(
      date day, std::optional<round_kind> kind) = 0;

  // --- Reminders: the outbox (issue 3) ---
  // A round's reminder policy in its canonical text ("-20,-10,-3,+1,+5!", "none"); nullopt for
  // a round that never had one.
  virtual void set_reminder_policy(id_t round_id, std::string_view policy) = 0;
  [[nodiscard]] virtual std::optional<std::string> reminder_policy_of(id_t round_id) = 0;
  // Returns the new reminder's id.
  virtual id_t insert_reminder(const reminder& r) = 0;
  // Marks the assignment's scheduled reminders cancelled; returns how many there were.
  virtual int cancel_reminders_of(id_t assignment_id) = 0;
  // A round's reminders, or every round's: by due time, then body name.
  [[nodiscard]] virtual std::vector<reminder_view> reminders_of(std::optional<id_t> round_id) = 0;
  // Scheduled reminders whose next attempt is at or before `now`, earliest first, at most
  // `limit`. Reads, claims nothing. Must read an index: a dispatcher runs it all day.
  [[nodiscard]] virtual std::vector<reminder_view> due_reminders(instant now, int limit) = 0;
  // Claims up to `limit` of the due reminders for `holder` until `lease_until`: each one's
  // attempts go up by one and its next attempt moves to `lease_until`, so nobody else takes it
  // while the lease lasts, and anybody may once it has expired (its holder died). Reminders
  // that another transaction is claiming are skipped without waiting.
  [[nodiscard]] virtual std::vector<reminder_view> claim_due_reminders(instant now,
                                                                       instant lease_until,
                                                                       std::string_view holder,
                                                                       int limit) = 0;
  // Writes state, next attempt, sent_at and last_error of a claimed reminder, if `holder` still
  // holds its claim and it is still scheduled. Returns false (writing nothing) otherwise.
  [[nodiscard]] virtual bool settle_reminder(const reminder& r, std::string_view holder) = 0;
  // The earliest next attempt of any scheduled reminder; nullopt when none is scheduled.
  [[nodiscard]] virtual std::optional<instant> next_reminder_due() = 0;
};

class store {
 public:
  virtual ~store() = default;
  // Runs `work` in one transaction: commits when it returns true, rolls back when it returns
  // false or throws (and rethrows). Nothing of a refused command is ever written.
  virtual void transact(const std::function<bool(store_transaction&)>& work) = 0;
};

// Runs `work` (store_transaction& -> outcome<T>) in one transaction that commits only on success.
template <class Work>
auto in_transaction(store& s, Work&& work) -> decltype(work(std::declval<store_transaction&>())) {
  std::optional<decltype(work(std::declval<store_transaction&>()))> result;
  s.transact([&](store_transaction& tx) {
    result.emplace(work(tx));
    return result->has_value();
  });
  return std::move(*result);
}

}  // namespace bevaka::engine
