#pragma once
// What the engine needs from a database: one transaction at a time, handing out the ports of
// the aggregates it covers. A command takes only the ports it uses (cases/case_store.hpp,
// reminders/reminder_store.hpp, ...); adapters/store implements them all for SQLite and
// PostgreSQL. Every port method may throw database_error; the adapter's caller maps it once.

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "engine/access/access_store.hpp"
#include "engine/budgets/budget_store.hpp"
#include "engine/cases/case_listings.hpp"
#include "engine/cases/case_store.hpp"
#include "engine/followup/followup_store.hpp"
#include "engine/programme/programme_store.hpp"
#include "engine/reminders/reminder_store.hpp"

namespace bevaka::engine {

// An infrastructure failure: unreachable database, lost connection, missing schema, a stored
// value that cannot be read. The message is one line fit for the user.
class database_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One unit of work inside one database transaction. Not thread-safe: one per thread. The ports
// it hands out live as long as the transaction.
class store_transaction {
 public:
  virtual ~store_transaction() = default;

  [[nodiscard]] virtual case_store& cases() = 0;
  [[nodiscard]] virtual case_listings& listings() = 0;
  [[nodiscard]] virtual reminder_store& reminders() = 0;
  [[nodiscard]] virtual followup_store& followup() = 0;
  [[nodiscard]] virtual programme_store& programme() = 0;
  [[nodiscard]] virtual budget_store& budgets() = 0;
  [[nodiscard]] virtual access_store& access() = 0;
};

class store {
 public:
  virtual ~store() = default;
  // Runs `work` in one transaction: commits when it returns true, rolls back when it returns
  // false or throws (and rethrows). Nothing of a refused command is ever written.
  virtual void transact(const std::function<bool(store_transaction&)>& work) = 0;
};

// Whether the database has changed: for caches of answers (adapters/http/response_cache.hpp).
class change_feed {
 public:
  virtual ~change_feed() = default;
  // Changes whenever another connection commits; equal exactly when the same commits are
  // visible. A connection's own commits need not change it: its owner knows of those. Outside a
  // transaction only.
  [[nodiscard]] virtual std::string data_version() = 0;
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
