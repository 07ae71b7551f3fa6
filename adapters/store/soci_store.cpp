#include "adapters/store/soci_store.hpp"

#include <fmt/format.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <mutex>

#include "adapters/store/migrations.hpp"
#include "adapters/store/soci_transaction.hpp"

namespace bevaka::store {
namespace {

// libpq waits for an unreachable host for minutes unless told otherwise.
std::string with_connect_timeout(const std::string& uri) {
  if (uri.find("connect_timeout=") != std::string::npos) return uri;
  return uri + (uri.find('?') == std::string::npos ? "?" : "&") + "connect_timeout=5";
}

std::string first_line(std::string_view text) {
  const auto end = text.find('\n');
  return std::string(text.substr(0, end));
}

// SOCI puts its own words first and the driver's reason (libpq's "Connection refused") after.
std::string all_lines(std::string_view text) {
  std::string joined;
  for (std::size_t start = 0; start < text.size();) {
    const auto end = std::min(text.find('\n', start), text.size());
    auto line = text.substr(start, end - start);
    while (!line.empty() && (line.front() == '\t' || line.front() == ' ')) line.remove_prefix(1);
    while (!line.empty() && line.back() == '.') line.remove_suffix(1);
    if (!line.empty()) joined += (joined.empty() ? "" : ": ") + std::string(line);
    start = end + 1;
  }
  return joined;
}

// The URL as it may be shown: without a password.
std::string shown(const database_url& url) {
  if (url.kind == backend::sqlite) return "sqlite:" + url.target;
  const auto scheme_end = url.target.find("://") + 3;
  const auto at = url.target.find('@', scheme_end);
  const auto colon = url.target.find(':', scheme_end);
  if (at == std::string::npos || colon == std::string::npos || colon > at) return url.target;
  return url.target.substr(0, colon) + ":***" + url.target.substr(at);
}

// SQLite's default, serialised mode locks a mutex around every call, and a row read is a dozen
// calls. Multi-thread mode leaves that out and asks only that no two threads use one connection
// at once, which holds: the HTTP API takes a lock around its store, and the reminder dispatcher
// opens a store of its own. Memory statistics, which nothing here reads, take a global mutex
// on every allocation. Both must be chosen before the first connection opens. (SOCI's header
// declares SQLite's API in namespace sqlite_api.)
void configure_sqlite_library() {
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
}

std::unique_ptr<soci::session> connect(const database_url& url) {
  try {
    if (url.kind == backend::postgresql)
      return std::make_unique<soci::session>(soci::postgresql, with_connect_timeout(url.target));
    configure_sqlite_library();
    return std::make_unique<soci::session>(soci::sqlite3,
                                           fmt::format("db=\"{}\" timeout=5", url.target));
  } catch (const std::exception& e) {
    throw database_error(
        fmt::format("cannot open the database {}: {}", shown(url), all_lines(e.what())));
  }
}

// WAL with synchronous=FULL: every commit is on disk before it is acknowledged. Set only once
// the file is known to be ours: switching to WAL writes to it.
void configure_sqlite(soci::session& sql) {
  sql << "PRAGMA journal_mode = WAL";
  sql << "PRAGMA synchronous = FULL";
  sql << "PRAGMA foreign_keys = ON";
  // SQLite's default page cache is 2 MB; a municipality's years of cases outgrow it, and every
  // miss is a read system call. Memory mapping serves reads from the OS cache directly.
  // Neither changes what is durable.
  sql << "PRAGMA cache_size = -65536";
  sql << "PRAGMA mmap_size = 268435456";
}

std::string with_id_column(std::string_view statement, backend kind) {
  const std::string id = kind == backend::sqlite
                             ? "INTEGER PRIMARY KEY"
                             : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
  std::string text(statement);
  if (const auto at = text.find("{id}"); at != std::string::npos) text.replace(at, 4, id);
  return text;
}

// Rolls back unless committed; used for every transaction so that an exception writes nothing.
class transaction_guard {
 public:
  explicit transaction_guard(detail::connection& db) : db_(db) { db_.begin(); }
  ~transaction_guard() {
    if (open_) db_.rollback();
  }
  transaction_guard(const transaction_guard&) = delete;
  transaction_guard& operator=(const transaction_guard&) = delete;
  void commit() {
    db_.commit();
    open_ = false;
  }
  void rollback() {
    db_.rollback();
    open_ = false;
  }

 private:
  detail::connection& db_;
  bool open_ = true;
};

}  // namespace

soci_store::soci_store(const database_url& url, open_mode mode)
    : kind_(url.kind),
      session_(connect(url)),
      connection_(std::make_unique<detail::connection>(*session_, kind_)),
      statements_(std::make_unique<detail::statements>()) {
  if (mode == open_mode::existing) require_current_schema();
  if (kind_ == backend::sqlite) configure_sqlite(*session_);
}

soci_store::~soci_store() = default;

int soci_store::schema_version() {
  int version = 0;
  soci::indicator none = soci::i_null;
  *session_ << "SELECT MAX(version) FROM schema_migrations", soci::into(version, none);
  return none == soci::i_ok ? version : 0;
}

std::vector<int> soci_store::migrate() {
  auto& sql = *session_;
  sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
         "name TEXT NOT NULL)";
  std::vector<int> applied;
  for (const auto& m : migrations()) {
    transaction_guard tx(*connection_);
    if (m.version <= schema_version()) continue;
    connection_->for_write();  // PostgreSQL's BEGIN, which waits for the first write
    for (const auto statement : m.statements) sql << with_id_column(statement, kind_);
    if (m.then) m.then(sql);
    int version = m.version;
    std::string name(m.name);
    sql << "INSERT INTO schema_migrations (version, name) VALUES (:version, :name)",
        soci::use(version, "version"), soci::use(name, "name");
    tx.commit();
    applied.push_back(m.version);
  }
  return applied;
}

void soci_store::require_current_schema() {
  int version = 0;
  try {
    version = schema_version();
  } catch (const soci::soci_error&) {
    throw database_error("the database is not initialised: run `bevaka init` first");
  }
  if (version < migrations().back().version)
    throw database_error(fmt::format(
        "the database schema is at version {} but this bevaka needs {}: run `bevaka init`", version,
        migrations().back().version));
}

std::string soci_store::explain(const std::string& sql) {
  const bool sqlite = kind_ == backend::sqlite;
  soci::rowset<soci::row> rows = session_->prepare
                                 << (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql;
  std::string plan;
  // SQLite's step is in its plan's last column ("SCAN b"), PostgreSQL's in its only one.
  for (const auto& row : rows) plan += row.get<std::string>(row.size() - 1) + "\n";
  return plan;
}

// PostgreSQL cannot prepare EXPLAIN with parameters: the values, which we format, are inlined.
std::string soci_store::explain_overdue(engine::date day) {
  std::string sql = detail::awaiting_past_deadline_sql(false);
  const auto quoted = fmt::format("'{}'", engine::format_date(day));
  for (const std::string_view name : {":before1", ":before2", ":day1", ":day2", ":ended"})
    for (auto at = sql.find(name); at != std::string::npos; at = sql.find(name))
      sql.replace(at, name.size(), quoted);
  return explain(sql);
}

std::string soci_store::explain_due_reminders(engine::instant now) {
  std::string sql = detail::due_reminders_sql + "ORDER BY m.next_attempt_at, m.id LIMIT 20";
  sql.replace(sql.find(":now"), 4, fmt::format("'{}'", detail::format_utc(now)));
  return explain(sql);
}

std::string soci_store::data_version() {
  try {
    std::string version;
    if (kind_ == backend::sqlite) {
      long long counter = 0;
      *session_ << "PRAGMA data_version", soci::into(counter);
      version = std::to_string(counter);
    } else {
      *session_ << "SELECT pg_current_snapshot()::text", soci::into(version);
    }
    return version;
  } catch (const soci::soci_error& e) {
    throw database_error(fmt::format("database error: {}", first_line(e.what())));
  }
}

void soci_store::transact(const std::function<bool(engine::store_transaction&)>& work) {
  run(work);
}

void soci_store::run(const std::function<bool(detail::soci_transaction&)>& work) {
  try {
    transaction_guard guard(*connection_);
    detail::soci_transaction tx(*connection_, *statements_);
    if (work(tx))
      guard.commit();
    else
      guard.rollback();
  } catch (const soci::soci_error& e) {
    throw database_error(fmt::format("database error: {}", first_line(e.what())));
  }
}

std::vector<engine::reminder_view> soci_store::due_reminders(engine::instant now, int limit) {
  std::vector<engine::reminder_view> due;
  run([&](detail::soci_transaction& tx) {
    due = tx.due_reminders(now, limit);
    return false;
  });
  return due;
}

std::vector<engine::reminder_view> soci_store::claim_due_reminders(engine::instant now,
                                                                   engine::instant lease_until,
                                                                   std::string_view holder,
                                                                   int limit) {
  std::vector<engine::reminder_view> claimed;
  run([&](detail::soci_transaction& tx) {
    claimed = tx.claim_due_reminders(now, lease_until, holder, limit);
    return true;
  });
  return claimed;
}

bool soci_store::renew_lease(const engine::reminder& r, engine::instant lease_until,
                             std::string_view holder) {
  bool renewed = false;
  run([&](detail::soci_transaction& tx) {
    renewed = tx.renew_lease(r, lease_until, holder);
    return renewed;
  });
  return renewed;
}

bool soci_store::settle_reminder(const engine::reminder& r, std::string_view holder) {
  bool settled = false;
  run([&](detail::soci_transaction& tx) {
    settled = tx.settle_reminder(r, holder);
    return settled;
  });
  return settled;
}

std::optional<engine::instant> soci_store::next_reminder_due() {
  std::optional<engine::instant> next;
  run([&](detail::soci_transaction& tx) {
    next = tx.next_reminder_due();
    return false;
  });
  return next;
}

}  // namespace bevaka::store
