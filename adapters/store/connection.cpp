#include "adapters/store/connection.hpp"

#include <soci/postgresql/soci-postgresql.h>

namespace bevaka::store::detail {

connection::connection(soci::session& sql, backend kind) : sql_(sql) {
  if (kind == backend::postgresql)
    pipeline_.emplace(static_cast<soci::postgresql_session_backend*>(sql.get_backend())->conn_);
}

void connection::begin() {
  if (pipeline_)
    pipeline_->begin();
  else
    sql_ << "BEGIN IMMEDIATE";
}

void connection::commit() {
  if (pipeline_)
    pipeline_->commit();
  else
    sql_ << "COMMIT";
}

void connection::rollback() noexcept {
  if (pipeline_) return pipeline_->rollback();
  try {
    sql_ << "ROLLBACK";
  } catch (...) {  // the file is closed or gone: nothing was committed
  }
}

soci::session& connection::for_read() {
  if (pipeline_) pipeline_->settle(false);
  return sql_;
}

soci::session& connection::for_write() {
  if (pipeline_) pipeline_->settle(true);
  return sql_;
}

}  // namespace bevaka::store::detail
