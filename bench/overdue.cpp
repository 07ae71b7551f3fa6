#include <fmt/format.h>
#include <soci/soci.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "bench/workloads.hpp"
#include "engine/cases/queries.hpp"

namespace bevaka::bench {
namespace {

// Every municipality has 40 bodies, and each of its rounds goes to all of them.
constexpr long long municipalities = 290, bodies = 40;
constexpr long long chunk = 250'000;  // assignments per bulk transaction
const std::string today = "2025-06-02", year_ago = "2024-06-02";
// A day in the middle of the history, for the overdue list as it stood then.
const std::string past_day = "2020-03-02";

// The integers first..last as rows n(i), on both backends.
std::string series(long long first, long long last) {
  return fmt::format(
      "WITH RECURSIVE n(i) AS (SELECT CAST({} AS BIGINT) UNION ALL SELECT i + 1 FROM n "
      "WHERE i < {}) ",
      first, last);
}

// `days` after 1 January 2015 as YYYY-MM-DD.
std::string day_sql(store::backend kind, const std::string& days) {
  if (kind == store::backend::sqlite)
    return fmt::format("date('2015-01-01', '+' || ({}) || ' days')", days);
  return fmt::format("to_char(DATE '2015-01-01' + CAST({} AS INTEGER), 'YYYY-MM-DD')", days);
}

// The first id of a table that was empty before a bulk insert; checks the ids are contiguous.
long long first_id(soci::session& sql, const std::string& table) {
  long long first = 0, last = 0, count = 0;
  sql << "SELECT MIN(id), MAX(id), COUNT(*) FROM " + table, soci::into(first), soci::into(last),
      soci::into(count);
  if (last - first + 1 != count)
    throw std::runtime_error(fmt::format("the ids of {} are not contiguous", table));
  return first;
}

// Municipality m's bodies are 40 in a row: 28 committees, 6 companies, 3 authorities, 3
// associations.
void insert_bodies(soci::session& sql) {
  soci::transaction tx(sql);
  sql << series(0, municipalities * bodies - 1) +
             fmt::format(
                 "INSERT INTO bodies (name, kind, emails) "
                 "SELECT 'kommun ' || (i / {0}) || ' instans ' || (i % {0}), "
                 "CASE WHEN i % {0} < 28 THEN 'committee' WHEN i % {0} < 34 THEN 'company' "
                 "WHEN i % {0} < 37 THEN 'authority' ELSE 'association' END, "
                 "'registrator.' || i || '@kommun' || (i / {0}) || '.se' FROM n",
                 bodies);
  tx.commit();
}

// Round i goes to municipality i % 290. Deadlines rise with i from 2015 to the end of 2025
// (4,017 days); the last year's rounds are still open.
void insert_rounds(store::soci_store& s, long long rounds) {
  soci::transaction tx(s.session());
  s.session() << series(0, rounds - 1) +
                     fmt::format(
                         "INSERT INTO rounds (kind, ref, title, state, nominal_deadline, "
                         "deadline, deadline_reason, shift_deadlines, version, ref_key) "
                         "SELECT CASE WHEN i % 5 = 0 THEN 'annual-report' ELSE 'consultation' "
                         "END, 'kommun ' || (i % {0}) || ' dnr ' || i, 'Remiss nr ' || i, "
                         "CASE WHEN d >= '{1}' THEN 'sent' ELSE 'approved' END, d, d, '', 0, 0, "
                         "'kommun' || (i % {0}) || 'dnr' || i "  // engine::reference_key
                         "FROM (SELECT i, {2} AS d FROM n) AS x",
                         municipalities, year_ago,
                         day_sql(s.kind(), fmt::format("i * 4017 / {}", rounds)));
  tx.commit();
}

// Open rounds' assignments await answers (one in four submitted); one in 97 of the last year's
// is overdue; every older one is registered, or declined (one in 50).
std::string assignment_state_sql() {
  return fmt::format(
      "CASE WHEN r.deadline >= '{}' THEN (CASE i % 4 WHEN 0 THEN 'sent' WHEN 1 THEN 'drafting' "
      "WHEN 2 THEN 'decided' ELSE 'submitted' END) "
      "WHEN r.deadline >= '{}' AND i % 97 = 0 THEN (CASE i % 3 WHEN 0 THEN 'sent' "
      "WHEN 1 THEN 'drafting' ELSE 'decided' END) "
      "WHEN i % 50 = 1 THEN 'declined' ELSE 'registered' END",
      today, year_ago);
}

// Assignment i is round i / 40's, to body i % 40 of the round's municipality.
void insert_assignments(soci::session& sql, long long first, long long last, long long body_0,
                        long long round_0) {
  soci::transaction tx(sql);
  sql << series(first, last) +
             fmt::format(
                 "INSERT INTO assignments (round_id, body_id, state, awaiting, "
                 "nominal_deadline, deadline, deadline_reason, submitted_on, "
                 "late_by_working_days, version) "
                 "SELECT round_id, body_id, state, "
                 "CASE WHEN state IN ('sent', 'drafting', 'decided') THEN 1 ELSE 0 END, "
                 "deadline, deadline, '', "
                 "CASE WHEN state IN ('submitted', 'registered') THEN deadline END, "
                 "CASE WHEN state IN ('submitted', 'registered') THEN 0 END, 0 "
                 "FROM (SELECT r.id AS round_id, r.deadline AS deadline, "
                 "{body_0} + ((i / {bodies}) % {municipalities}) * {bodies} + i % {bodies} "
                 "AS body_id, {state} AS state "
                 "FROM n JOIN rounds r ON r.id = {round_0} + i / {bodies}) AS x",
                 fmt::arg("body_0", body_0), fmt::arg("round_0", round_0),
                 fmt::arg("bodies", bodies), fmt::arg("municipalities", municipalities),
                 fmt::arg("state", assignment_state_sql()));
  tx.commit();
}

// `column` (a YYYY-MM-DD text) moved by `days` (an SQL integer expression), as YYYY-MM-DD.
std::string moved_day(store::backend kind, const std::string& column, const std::string& days) {
  if (kind == store::backend::sqlite) return fmt::format("date({}, ({}) || ' days')", column, days);
  return fmt::format("to_char(CAST({} AS DATE) + CAST({} AS INTEGER), 'YYYY-MM-DD')", column, days);
}

// The cases' history as the store keeps it beside each event: every round and assignment from
// 30 days before its deadline; an answered assignment awaited its answer until a day from 3
// working weeks early to a week late (by its id) and has its answered period from then.
void insert_history(store::soci_store& s) {
  const auto kind = s.kind();
  const auto sent = moved_day(kind, "deadline", "-30");
  const auto answered = moved_day(kind, "deadline", "(id % 29) - 21");
  auto& sql = s.session();
  soci::transaction tx(sql);
  sql << fmt::format(
      "INSERT INTO case_history (case_kind, case_id, round_id, body_id, valid_from, valid_to, "
      "state, awaiting, nominal_deadline, deadline, deadline_reason) "
      "SELECT 'round', id, id, NULL, {}, NULL, state, 0, deadline, deadline, '' FROM rounds",
      sent);
  sql << fmt::format(
      "INSERT INTO case_history (case_kind, case_id, round_id, body_id, valid_from, valid_to, "
      "state, awaiting, nominal_deadline, deadline, deadline_reason) "
      "SELECT 'assignment', id, round_id, body_id, {0}, CASE WHEN awaiting = 1 THEN NULL ELSE "
      "{1} END, CASE WHEN awaiting = 1 THEN state ELSE 'sent' END, 1, deadline, deadline, '' "
      "FROM assignments",
      sent, answered);
  sql << fmt::format(
      "INSERT INTO case_history (case_kind, case_id, round_id, body_id, valid_from, valid_to, "
      "state, awaiting, nominal_deadline, deadline, deadline_reason) "
      "SELECT 'assignment', id, round_id, body_id, {}, NULL, state, 0, deadline, deadline, '' "
      "FROM assignments WHERE awaiting = 0",
      answered);
  tx.commit();
}

}  // namespace

void bulk_load(store::soci_store& s, long long assignments) {
  auto& sql = s.session();
  insert_bodies(sql);
  const long long body_0 = first_id(sql, "bodies");
  insert_rounds(s, (assignments + bodies - 1) / bodies);
  const long long round_0 = first_id(sql, "rounds");
  for (long long first = 0; first < assignments; first += chunk)
    insert_assignments(sql, first, std::min(first + chunk, assignments) - 1, body_0, round_0);
  insert_history(s);
}

void settle(store::soci_store& s) {
  if (s.kind() == store::backend::postgresql) {
    s.session() << "VACUUM ANALYZE";
    s.session() << "CHECKPOINT";
  } else {
    s.session() << "PRAGMA wal_checkpoint(RESTART)";
  }
  ::sync();
}

query_plan overdue_query_plan(store::soci_store& s) {
  query_plan plan;
  plan.text = s.explain_overdue(*engine::parse_date(today));
  const auto scan = s.kind() == store::backend::sqlite ? "SCAN " : "Seq Scan";
  for (auto at = plan.text.find(scan); at != std::string::npos; at = plan.text.find(scan, at + 1))
    ++plan.full_scans;
  plan.uses_index = plan.text.find("case_history_awaiting_now") != std::string::npos &&
                    plan.text.find("case_history_awaiting_then") != std::string::npos;
  return plan;
}

latencies overdue_latencies(engine::store& s, int runs, bool as_of_past_day) {
  latencies result;
  const auto day = as_of_past_day ? *engine::parse_date(past_day) : bench_now.day;
  const auto run_once = [&] {
    s.transact([&](engine::store_transaction& tx) {
      result.rows = engine::overdue(tx.listings(), day, std::nullopt).size();
      return false;
    });
  };
  for (int i = 0; i < overdue_warm_up_runs; ++i) run_once();
  for (int i = 0; i < runs; ++i) result.ms.push_back(seconds_of(run_once) * 1000);
  std::sort(result.ms.begin(), result.ms.end());
  return result;
}

}  // namespace bevaka::bench
