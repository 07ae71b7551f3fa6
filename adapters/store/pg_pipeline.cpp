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

pg_pipeline::result pg_pipeline::result_of(PGresult* reply) {
  result answer;
  const char* changed = PQcmdTuples(reply);
  answer.changed = *changed != '\0' ? std::stoll(changed) : 0;
  if (PQntuples(reply) > 0 && PQgetisnull(reply, 0, 0) == 0)
    answer.number = std::stoll(PQgetvalue(reply, 0, 0));
  return answer;
}

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
  if (!waiting_.empty()) exchange({});
}

pg_pipeline::command pg_pipeline::prepared_command(const std::string& sql,
                                                   std::vector<pg_value> params) {
  return command{.name = &prepared(sql), .params = std::move(params)};
}

long long pg_pipeline::run(const std::string& sql, std::vector<pg_value> params) {
  enqueue_begin_if_needed();
  return exchange({prepared_command(sql, std::move(params))}).front().changed;
}

void pg_pipeline::defer(const std::string& sql, std::vector<pg_value> params) {
  enqueue_begin_if_needed();
  auto deferred = prepared_command(sql, std::move(params));
  if (waiting_.size() >= most_waiting) exchange({});
  waiting_.push_back(std::move(deferred));
}

std::optional<long long> pg_pipeline::read_number(const std::string& sql,
                                                  std::vector<pg_value> params) {
  return exchange({prepared_command(sql, std::move(params))}).front().number;
}

std::pair<long long, std::optional<long long>> pg_pipeline::run_then_read_number(
    const std::string& write_sql, std::vector<pg_value> write_params, const std::string& read_sql,
    std::vector<pg_value> read_params) {
  enqueue_begin_if_needed();
  std::vector<command> now;
  now.push_back(prepared_command(write_sql, std::move(write_params)));
  now.push_back(prepared_command(read_sql, std::move(read_params)));
  const auto results = exchange(std::move(now));
  return {results[0].changed, results[1].number};
}

void pg_pipeline::commit() {
  if (phase_ == phase::idle) return;  // it only read: nothing to commit
  exchange({command{.sql = "COMMIT", .params = {}}});
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
  const result_ptr reply(
      PQprepare(conn_, name.c_str(), numbered_placeholders(sql).c_str(), 0, nullptr), &PQclear);
  if (PQresultStatus(reply.get()) != PGRES_COMMAND_OK)
    throw soci::soci_error(one_line(PQresultErrorMessage(reply.get())));
  return names_.emplace(sql, name).first->second;
}

std::vector<pg_pipeline::result> pg_pipeline::exchange(std::vector<command> now) {
  std::vector<command> batch = std::move(waiting_);
  waiting_.clear();
  const auto first_of_now = batch.size();
  for (auto& c : now) batch.push_back(std::move(c));
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
  std::vector<result> answers;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const result_ptr reply(PQgetResult(conn_), &PQclear);
    if (!reply) {
      error = error.value_or(one_line(PQerrorMessage(conn_)));
      break;
    }
    const auto status = PQresultStatus(reply.get());
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
      if (i >= first_of_now) answers.push_back(result_of(reply.get()));
    } else if (status != PGRES_PIPELINE_ABORTED) {
      error = error.value_or(one_line(PQresultErrorMessage(reply.get())));
    }
    PQclear(PQgetResult(conn_));  // the null that ends each command's results
  }
  const result_ptr sync(PQgetResult(conn_), &PQclear);
  if (PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC)
    error = error.value_or(one_line(PQerrorMessage(conn_)));
  if (PQexitPipelineMode(conn_) != 1) error = error.value_or(one_line(PQerrorMessage(conn_)));
  if (error) throw soci::soci_error(*error);
  return answers;
}

}  // namespace bevaka::store::detail
