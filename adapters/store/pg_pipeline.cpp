#include "adapters/store/pg_pipeline.hpp"

#include <fmt/format.h>
#include <soci/soci-backend.h>

#include <cctype>
#include <memory>

namespace bevaka::store::detail {
namespace {

// Commands waiting this long are sent before more are added: libpq in blocking mode can
// deadlock when both directions' socket buffers fill, and a batch of events defers one INSERT
// for each.
constexpr std::size_t most_waiting = 256;

// SOCI's ":name" placeholders as PostgreSQL's "$1", "$2", ... in the order they appear, which
// is the order the parameters are given in (prepared.hpp). Casts ("::text") and quoted text
// are left alone.
std::string numbered_placeholders(const std::string& sql) {
  std::string out;
  int number = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'') quoted = !quoted;
    const bool placeholder =
        !quoted && c == ':' && i + 1 < sql.size() &&
        (std::isalpha(static_cast<unsigned char>(sql[i + 1])) != 0 || sql[i + 1] == '_') &&
        (i == 0 || sql[i - 1] != ':');
    if (!placeholder) {
      out += c;
      continue;
    }
    out += fmt::format("${}", ++number);
    while (i + 1 < sql.size() &&
           (std::isalnum(static_cast<unsigned char>(sql[i + 1])) != 0 || sql[i + 1] == '_'))
      ++i;
  }
  return out;
}

std::string one_line(const char* message) {
  std::string text = message != nullptr ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  for (auto& c : text)
    if (c == '\n') c = ' ';
  return text.empty() ? "the connection to the database was lost" : text;
}

using result_ptr = std::unique_ptr<PGresult, decltype(&PQclear)>;

}  // namespace

void pg_pipeline::begin() {
  waiting_.clear();
  phase_ = phase::idle;
}

void pg_pipeline::enqueue_begin_if_needed() {
  if (phase_ != phase::idle) return;
  waiting_.push_back(command{.sql = "BEGIN", .params = {}});
  phase_ = phase::begin_waiting;
}

void pg_pipeline::settle(bool writes) {
  if (writes) enqueue_begin_if_needed();
  if (!waiting_.empty()) exchange(std::nullopt);
}

long long pg_pipeline::run(const std::string& sql, std::vector<pg_value> params) {
  enqueue_begin_if_needed();
  return exchange(command{.name = &prepared(sql), .params = std::move(params)}).changed;
}

void pg_pipeline::defer(const std::string& sql, std::vector<pg_value> params) {
  enqueue_begin_if_needed();
  const auto& name = prepared(sql);
  if (waiting_.size() >= most_waiting) exchange(std::nullopt);
  waiting_.push_back(command{.name = &name, .params = std::move(params)});
}

std::optional<long long> pg_pipeline::read_number(const std::string& sql,
                                                  std::vector<pg_value> params) {
  const auto value =
      exchange(command{.name = &prepared(sql), .params = std::move(params)}).first_value;
  if (!value) return std::nullopt;
  return std::stoll(*value);
}

void pg_pipeline::commit() {
  if (phase_ == phase::idle) return;  // it only read: nothing to commit
  exchange(command{.sql = "COMMIT", .params = {}});
  phase_ = phase::idle;
}

void pg_pipeline::rollback() noexcept {
  waiting_.clear();
  if (phase_ == phase::begun) {
    if (PQpipelineStatus(conn_) != PQ_PIPELINE_OFF) PQexitPipelineMode(conn_);
    // When the connection is gone, the server rolls back on its own.
    PQclear(PQexec(conn_, "ROLLBACK"));
  }
  phase_ = phase::idle;
}

const std::string& pg_pipeline::prepared(const std::string& sql) {
  if (const auto found = names_.find(sql); found != names_.end()) return found->second;
  const auto name = fmt::format("bevaka_pipeline_{}", names_.size() + 1);
  const result_ptr result(
      PQprepare(conn_, name.c_str(), numbered_placeholders(sql).c_str(), 0, nullptr), &PQclear);
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK)
    throw soci::soci_error(one_line(PQresultErrorMessage(result.get())));
  return names_.emplace(sql, name).first->second;
}

pg_pipeline::last_result pg_pipeline::exchange(std::optional<command> last) {
  if (last) waiting_.push_back(std::move(*last));
  const std::vector<command> batch = std::move(waiting_);
  waiting_.clear();
  if (phase_ == phase::begin_waiting) phase_ = phase::begun;

  if (PQenterPipelineMode(conn_) != 1) throw soci::soci_error(one_line(PQerrorMessage(conn_)));
  for (const auto& c : batch) {
    std::vector<const char*> values;
    for (const auto& p : c.params) values.push_back(p ? p->c_str() : nullptr);
    const int count = static_cast<int>(values.size());
    const int sent = c.sql != nullptr
                         ? PQsendQueryParams(conn_, c.sql, 0, nullptr, nullptr, nullptr, nullptr, 0)
                         : PQsendQueryPrepared(conn_, c.name->c_str(), count, values.data(),
                                               nullptr, nullptr, 0);
    if (sent != 1) throw soci::soci_error(one_line(PQerrorMessage(conn_)));
  }
  if (PQpipelineSync(conn_) != 1) throw soci::soci_error(one_line(PQerrorMessage(conn_)));

  // Every result is read, even after an error, so that libpq is idle again for ROLLBACK.
  std::optional<std::string> error;
  last_result answer;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const result_ptr result(PQgetResult(conn_), &PQclear);
    if (!result) {
      error = error.value_or(one_line(PQerrorMessage(conn_)));
      break;
    }
    const auto status = PQresultStatus(result.get());
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
      if (i + 1 == batch.size()) {
        const char* changed = PQcmdTuples(result.get());
        answer.changed = *changed != '\0' ? std::stoll(changed) : 0;
        if (PQntuples(result.get()) > 0 && PQgetisnull(result.get(), 0, 0) == 0)
          answer.first_value = PQgetvalue(result.get(), 0, 0);
      }
    } else if (status != PGRES_PIPELINE_ABORTED) {
      error = error.value_or(one_line(PQresultErrorMessage(result.get())));
    }
    PQclear(PQgetResult(conn_));  // the null that ends each command's results
  }
  const result_ptr sync(PQgetResult(conn_), &PQclear);
  if (PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC)
    error = error.value_or(one_line(PQerrorMessage(conn_)));
  if (PQexitPipelineMode(conn_) != 1) error = error.value_or(one_line(PQerrorMessage(conn_)));
  if (error) throw soci::soci_error(*error);
  return answer;
}

}  // namespace bevaka::store::detail
