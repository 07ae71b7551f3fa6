#pragma once
// PostgreSQL only: a transaction that sends its statements together where it may, through
// libpq's pipeline mode. Internal to adapters/store.
//
// Every statement is a network round trip, and on a busy machine a round trip costs more than
// the statement's work, so an event's five (BEGIN, read, UPDATE, INSERT, COMMIT) cost more than
// the disk's one flush. Here:
// - BEGIN waits for the transaction's first write and travels with it. The reads before it run
//   on their own, which under READ COMMITTED (each statement sees its own snapshot) is the same
//   as running them inside; a transaction that only reads sends no BEGIN or COMMIT at all.
// - A write whose result nobody reads (an event appended) waits for the next statement or the
//   COMMIT and travels with it. Its error surfaces there, and the transaction is rolled back.
// SOCI cannot pipeline, so it runs queries with rows; `settle` sends what waits before it does.

#include <libpq-fe.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace bevaka::store::detail {

// A parameter in PostgreSQL's text format; nullopt is NULL.
using pg_value = std::optional<std::string>;

class pg_pipeline {
 public:
  explicit pg_pipeline(PGconn* conn) : conn_(conn) {}

  // A new transaction: nothing is sent until it writes.
  void begin();
  // Before a statement that goes through SOCI: sends what waits, and BEGIN first if the
  // statement writes (or takes locks) and the transaction has not begun. Then libpq is idle.
  void settle(bool writes);
  // A write (`sql` in SOCI's :name style, parameters in order), sent now with what waits;
  // returns the number of rows it changed.
  long long run(const std::string& sql, std::vector<pg_value> params);
  // A write whose result is not needed: sent with the next statement or the COMMIT.
  void defer(const std::string& sql, std::vector<pg_value> params);
  // A read of one number (COUNT), sent now with what waits; nullopt for NULL.
  std::optional<long long> read_number(const std::string& sql, std::vector<pg_value> params);
  // `run`, and `read_number` right after it in the same round trip.
  std::pair<long long, std::optional<long long>> run_then_read_number(
      const std::string& write_sql, std::vector<pg_value> write_params, const std::string& read_sql,
      std::vector<pg_value> read_params);
  void commit();
  // Forgets what waits and rolls back what was sent. Does not throw.
  void rollback() noexcept;

 private:
  struct command {
    const char* sql = nullptr;  // BEGIN or COMMIT; or else
    const std::string* name{};  // the prepared statement's
    std::vector<pg_value> params;
  };
  // What `run` and `read_number` return of a command.
  struct result {
    long long changed = 0;
    std::optional<long long> number;  // the first row's first column, if a number
  };

  // The prepared statement's name for `sql`, prepared on the connection at its first use.
  const std::string& prepared(const std::string& sql);
  void enqueue_begin_if_needed();
  // The rows a command changed, and its first row's first column if it has one.
  static result result_of(PGresult* reply);
  command prepared_command(const std::string& sql, std::vector<pg_value> params);
  // Sends the waiting commands, then `now`, with one sync; reads every result and returns those
  // of `now`. Throws soci::soci_error with the server's first error; libpq is idle afterwards.
  std::vector<result> exchange(std::vector<command> now);

  enum class phase { idle, begin_waiting, begun };

  PGconn* conn_;
  phase phase_ = phase::idle;
  std::vector<command> waiting_;
  std::unordered_map<std::string, std::string> names_;  // SOCI-style text -> statement name
};

}  // namespace bevaka::store::detail
