#pragma once
// The storage port on SOCI, one code path for SQLite and PostgreSQL: the same SQL and logic;
// on PostgreSQL the writes travel through libpq's pipeline mode (connection.hpp).
// SQLite runs in WAL with synchronous=FULL: an acknowledged event is on disk.

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "adapters/store/database_url.hpp"
#include "engine/reminders/outbox.hpp"
#include "engine/store.hpp"

namespace soci {
class session;
}

namespace bevaka::store {
namespace detail {
class connection;
class soci_transaction;
struct statements;
}  // namespace detail

// An infrastructure failure (engine/store.hpp): what every method here throws.
using engine::database_error;

enum class open_mode {
  create,    // a new database is fine: `bevaka init` migrates it
  existing,  // it must be initialised and current; a stray file is refused and left untouched
};

// The store, its outbox and its change feed on one connection. Not thread-safe: one per thread.
class soci_store final : public engine::store, public engine::outbox, public engine::change_feed {
 public:
  // Connects (PostgreSQL gives up after 5 seconds). Throws database_error.
  explicit soci_store(const database_url& url, open_mode mode = open_mode::create);
  ~soci_store() override;
  soci_store(const soci_store&) = delete;
  soci_store& operator=(const soci_store&) = delete;

  // Applies the migrations not yet applied, each in its own transaction, and returns their
  // versions; an up-to-date database gets none. Safe to run any number of times.
  std::vector<int> migrate();

  // Throws database_error unless every migration this build knows has been applied.
  void require_current_schema();

  void transact(const std::function<bool(engine::store_transaction&)>& work) override;

  // The outbox: each call its own transaction.
  std::vector<engine::reminder_view> due_reminders(engine::instant now, int limit) override;
  std::vector<engine::reminder_view> claim_due_reminders(engine::instant now,
                                                         engine::instant lease_until,
                                                         std::string_view holder,
                                                         int limit) override;
  bool renew_lease(const engine::reminder& r, engine::instant lease_until,
                   std::string_view holder) override;
  bool settle_reminder(const engine::reminder& r, std::string_view holder) override;
  std::optional<engine::instant> next_reminder_due() override;

  // The database's plan for the overdue query on `day`, one step a line: to check, in the tests
  // and the benchmark, that it reads the partial index rather than the table.
  [[nodiscard]] std::string explain_overdue(engine::date day);
  // The plan for the dispatcher's due-reminder query at `now`: it must read reminders_due.
  [[nodiscard]] std::string explain_due_reminders(engine::instant now);

  // SQLite's data_version; PostgreSQL's current snapshot (xmin:xmax:in-progress), equal exactly
  // when the same transactions are visible. SQLite's does not change for this connection's own
  // commits.
  [[nodiscard]] std::string data_version() override;

  [[nodiscard]] backend kind() const { return kind_; }
  // For the benchmark and the tests: the raw session, inside or outside a transaction.
  [[nodiscard]] soci::session& session() { return *session_; }

 private:
  int schema_version();
  // Runs `work` in one transaction on the concrete ports, as transact does.
  void run(const std::function<bool(detail::soci_transaction&)>& work);
  // The database's plan for `sql`, one step a line.
  std::string explain(const std::string& sql);
  backend kind_;
  std::unique_ptr<soci::session> session_;  // soci::session cannot move: held by pointer
  std::unique_ptr<detail::connection> connection_;
  // Prepared on the session: declared after it, so destroyed before it.
  std::unique_ptr<detail::statements> statements_;
};

}  // namespace bevaka::store
