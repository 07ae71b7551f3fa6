#pragma once
// One database connection as the store's transactions use it: SOCI's session and, on
// PostgreSQL, the pipeline that holds back BEGIN and some writes to send them together
// (pg_pipeline.hpp). Internal to adapters/store.

#include <soci/soci.h>

#include <optional>

#include "adapters/store/database_url.hpp"
#include "adapters/store/pg_pipeline.hpp"

namespace bevaka::store::detail {

class connection {
 public:
  connection(soci::session& sql, backend kind);

  // SQLite takes its write lock now (BEGIN IMMEDIATE), so two writers queue instead of
  // deadlocking; PostgreSQL begins at the first write.
  void begin();
  void commit();
  // Does not throw: when the connection is gone, the server rolls back on its own.
  void rollback() noexcept;

  // The session for a plain read: on PostgreSQL, what waits is sent first, but no BEGIN.
  soci::session& for_read();
  // The session for a write or a locking read: on PostgreSQL, the transaction has begun.
  soci::session& for_write();
  // PostgreSQL's pipeline; nullptr on SQLite.
  pg_pipeline* pipeline() { return pipeline_ ? &*pipeline_ : nullptr; }

 private:
  soci::session& sql_;
  std::optional<pg_pipeline> pipeline_;
};

}  // namespace bevaka::store::detail
