#pragma once
// A fake of the store for the engine's tests: the seven ports a transaction hands out, the
// outbox and the change feed, kept in memory as vectors of the engine's own structs. It is a
// test double, not an adapter: no binary ships it, and it proves nothing about a database.
// adapters/store is tested against real SQLite files and a real PostgreSQL server
// (tests/store, tests/reminders and the CLI tests); this fake follows what the SQL there does
// (adapters/store/statements.cpp and the files beside it) where the engine relies on it:
//
//  - transact runs `work` on a copy of every table and commits the copy only when `work`
//    returns true; when it returns false or throws, nothing is kept (and the exception goes on);
//  - ids start at 1 and increase, per table; nothing is ever deleted;
//  - reads come back in the SQL's ORDER BY: bodies by name, a round's assignments by body name,
//    rounds latest effective deadline first then by reference, events oldest first, reminders by
//    due time then body name. Text compares byte by byte (SQLite's BINARY collation); a missing
//    area sorts its items first (SQLite's NULLS FIRST; PostgreSQL would put them last);
//  - names filled in by the SQL's joins (an assignment's body name and kind, an event's body
//    name, a group's coordinator, a plan's group) are read from the tables, not kept;
//  - rounds are found by reference_key, in any case and spacing;
//  - update_round, update_assignment, update_action_item and update_action_plan write only
//    where the stored version is still the given one, and return false (writing nothing)
//    otherwise;
//  - has_open_assignment asks workflows::assignment_has_ended; the overdue listings read `awaiting`
//    as awaits_answer and the effective deadline, as the SQL's `awaiting` and `deadline` columns;
//  - the schema's UNIQUE constraints throw engine::database_error, as a violation would through
//    the adapter. Foreign keys are not checked.
//
// The outbox's calls are each a transaction of their own, as soci_store's: a claim first
// supersedes, among the first `limit` due reminders, those that a later one of the same
// assignment and stream (engine's `supersedes`) due or sent makes moot, then moves the next
// attempt of up to `limit` of the rest to the lease's end, bumps the attempts and names its
// holder; a renewal and a settling write only while the holder still holds the claim it took
// (same attempts) and the reminder is still scheduled.
//
// Thread-safe: every call takes one lock, so transactions run one at a time (as SQLite's
// writers do). A transaction must not start another: that would wait forever.

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/reminders/outbox.hpp"
#include "engine/store.hpp"

namespace bevaka::testing {

namespace detail {
struct memory_tables;  // every table; defined in memory_store.cpp
}

class memory_store final : public engine::store, public engine::outbox, public engine::change_feed {
 public:
  memory_store();
  ~memory_store() override;
  memory_store(const memory_store&) = delete;
  memory_store& operator=(const memory_store&) = delete;

  void transact(const std::function<bool(engine::store_transaction&)>& work) override;

  [[nodiscard]] std::vector<engine::reminder_view> due_reminders(engine::instant now,
                                                                 int limit) override;
  [[nodiscard]] std::vector<engine::reminder_view> claim_due_reminders(engine::instant now,
                                                                       engine::instant lease_until,
                                                                       std::string_view holder,
                                                                       int limit) override;
  [[nodiscard]] bool renew_lease(const engine::reminder& r, engine::instant lease_until,
                                 std::string_view holder) override;
  [[nodiscard]] bool settle_reminder(const engine::reminder& r, std::string_view holder) override;
  [[nodiscard]] std::optional<engine::instant> next_reminder_due() override;

  // The number of commits so far: changes with every commit, including this process's own
  // (stricter than the port asks, which tests can lean on: equal means nothing was written).
  [[nodiscard]] std::string data_version() override;

 private:
  std::mutex mutex_;
  std::unique_ptr<detail::memory_tables> committed_;
  long long commits_ = 0;
};

}  // namespace bevaka::testing
