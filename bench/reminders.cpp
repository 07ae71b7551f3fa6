// bevaka-bench-reminders: reminders dispatched per second to a local SMTP sink (one `bevaka
// remind` process, and three on PostgreSQL), and the cost of finding the due ones among
// 1,000,000 scheduled. See bench/README.md; bench/run-reminders starts the sink and the servers.

#include <fmt/format.h>
#include <soci/soci.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>

#include "bench/report.hpp"
#include "bench/workloads.hpp"

namespace bevaka::bench {
namespace {

struct options {
  std::string db, smtp_url, bevaka;
  long long scheduled = 1'000'000;
  long long due = 5'000;
  int runs = 200;
  bool json = false;
};

constexpr long long bodies = 1000;
// The benchmark's now, 2025-06-02 10:00 Stockholm: the first `due` reminders fell due at 08:00.
const std::string now_text = "2025-06-02T10:00";
const std::string now_utc = "2025-06-02T08:00:00Z";

std::string series(long long last) {
  return fmt::format(
      "WITH RECURSIVE n(i) AS (SELECT CAST(0 AS BIGINT) UNION ALL SELECT i + 1 FROM n "
      "WHERE i < {}) ",
      last);
}

// UTC text `seconds` after 2025-06-02 06:00:00Z, as the outbox stores times.
std::string utc_sql(store::backend kind, const std::string& seconds) {
  if (kind == store::backend::sqlite)
    return fmt::format("strftime('%Y-%m-%dT%H:%M:%SZ', 1748844000 + ({}), 'unixepoch')", seconds);
  return fmt::format(
      "to_char(to_timestamp(1748844000 + ({})) AT TIME ZONE 'UTC', "
      "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')",
      seconds);
}

// One sent round to 1,000 committees; reminder i is assignment i % 1000's. The first `due` are
// overdue notices due at 06:00Z today, the rest fall due every 5 minutes for the next ten years.
void bulk_load_reminders(store::soci_store& s, const options& o) {
  auto& sql = s.session();
  soci::transaction tx(sql);
  sql << series(bodies - 1) +
             "INSERT INTO bodies (name, kind, emails) SELECT 'Nämnd ' || i, 'committee', "
             "'namnd' || i || '@example.se' FROM n";
  sql << "INSERT INTO rounds (kind, ref, title, state, nominal_deadline, deadline, "
         "deadline_reason, shift_deadlines, version, ref_key) VALUES ('annual-report', "
         "'Kst 2025/1', 'Rapportering av trygghet 2024', 'sent', '2025-05-30', '2025-05-30', '', "
         "1, 0, 'kst2025/1')";
  sql << "INSERT INTO assignments (round_id, body_id, state, awaiting, nominal_deadline, "
         "deadline, deadline_reason, version) SELECT r.id, b.id, 'sent', 1, r.deadline, "
         "r.deadline, '', 0 FROM bodies b, rounds r";
  sql << series(o.scheduled - 1) +
             fmt::format(
                 "INSERT INTO reminders (assignment_id, round_id, body_id, kind, offset_days, "
                 "deadline, due_at, state, next_attempt_at, attempts, claim_holder, last_error) "
                 "SELECT a.id, a.round_id, a.body_id, 'overdue', 1, a.deadline, x.due, "
                 "'scheduled', x.due, 0, '', '' FROM (SELECT i, {} AS due FROM n) AS x "
                 "JOIN assignments a ON a.id = (SELECT MIN(id) FROM assignments) + x.i % {}",
                 utc_sql(s.kind(), fmt::format("CASE WHEN i < {0} THEN 0 ELSE (i - {0}) * 300 "
                                               "+ 86400 END",
                                               o.due)),
                 bodies);
  tx.commit();
}

double percentile(const std::vector<double>& sorted, double p) {
  const auto rank = static_cast<std::size_t>(std::ceil(p * sorted.size()));
  return sorted[std::max<std::size_t>(rank, 1) - 1];
}

// Times `query` (an outbox call: a transaction of its own, as a dispatcher runs it), after
// three warm-up runs.
template <class Query>
std::vector<double> latencies_ms(int runs, Query query) {
  const auto once = [&] { query(); };
  for (int i = 0; i < 3; ++i) once();
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) ms.push_back(seconds_of(once) * 1000);
  std::sort(ms.begin(), ms.end());
  return ms;
}

void measure_lookup(store::soci_store& s, const options& o, const reporter& out) {
  const auto now = engine::parse_timestamp(now_text)->utc();
  const auto plan = s.explain_due_reminders(now);
  out.print({"due_lookup_uses_index", plan.find("reminders_due") != std::string::npos ? 1.0 : 0.0,
             "bool"});
  if (std::getenv("BEVAKA_BENCH_SHOW_PLAN")) std::cerr << plan;
  const auto batch = latencies_ms(o.runs, [&] { (void)s.due_reminders(now, 20); });
  out.print({"due_lookup_batch_of_20_p50", percentile(batch, 0.5), "ms"});
  out.print({"due_lookup_batch_of_20_p99", percentile(batch, 0.99), "ms"});
  const auto next = latencies_ms(o.runs, [&] { (void)s.next_reminder_due(); });
  out.print({"next_due_p50", percentile(next, 0.5), "ms"});
  out.print({"next_due_p99", percentile(next, 0.99), "ms"});
}

long long count_sent(store::soci_store& s) {
  long long sent = 0;
  s.session() << "SELECT COUNT(*) FROM reminders WHERE state = 'sent'", soci::into(sent);
  return sent;
}

// Runs `processes` `bevaka remind` processes at once; returns their wall time in seconds.
double dispatch_seconds(const options& o, int processes) {
  std::string script = "s=0; ";
  for (int p = 0; p < processes; ++p)
    script +=
        fmt::format("BEVAKA_SMTP_URL='{}' '{}' --db '{}' --now {} remind >/dev/null & p{}=$!; ",
                    o.smtp_url, o.bevaka, o.db, now_text, p);
  for (int p = 0; p < processes; ++p) script += fmt::format("wait $p{} || s=1; ", p);
  script += "exit $s";
  const auto command = "/bin/sh -c \"" + script + "\"";
  int status = 0;
  const double seconds = seconds_of([&] { status = std::system(command.c_str()); });
  if (status != 0) throw std::runtime_error("a bevaka remind process failed");
  return seconds;
}

void measure_dispatch(store::soci_store& s, const options& o, int processes, const reporter& out) {
  s.session() << "UPDATE reminders SET state = 'scheduled', attempts = 0, sent_at = NULL, "
                 "next_attempt_at = due_at, claim_holder = '' WHERE state <> 'scheduled'";
  const double seconds = dispatch_seconds(o, processes);
  if (count_sent(s) != o.due)
    throw std::runtime_error(
        fmt::format("{} reminders were due, {} were sent", o.due, count_sent(s)));
  out.print({fmt::format("dispatched_{}_process{}", processes, processes > 1 ? "es" : ""),
             o.due / seconds, "reminders/s"});
}

int run(const options& o) {
  const auto url = store::parse_database_url(o.db);
  if (!url) throw std::runtime_error(url.error().message);
  store::soci_store s(*url);
  s.migrate();
  long long existing = 0;
  s.session() << "SELECT COUNT(*) FROM bodies", soci::into(existing);
  if (existing > 0)
    throw std::runtime_error("the database is not empty: give the benchmark a database of its own");
  const reporter out(o.json,
                     {s.kind() == store::backend::sqlite ? "sqlite" : "postgresql", "", ""});
  out.print_context();
  const double load = seconds_of([&] { bulk_load_reminders(s, o); });
  out.print({"reminders_scheduled", static_cast<double>(o.scheduled), "rows"});
  out.print({"bulk_load_reminders", o.scheduled / load, "rows/s"});
  settle(s);
  measure_lookup(s, o, out);
  measure_dispatch(s, o, 1, out);
  // SQLite lets one process claim at a time: three show only its lock, not the dispatcher.
  if (s.kind() == store::backend::postgresql) measure_dispatch(s, o, 3, out);
  return 0;
}

}  // namespace
}  // namespace bevaka::bench

int main(int argc, char** argv) {
  bevaka::bench::options o;
  bool quick = false;
  CLI::App app{"bevaka-bench-reminders: reminders dispatched per second, due-reminder lookup"};
  app.add_option("--db", o.db, "sqlite:PATH or postgresql://... (an empty database)")->required();
  app.add_option("--smtp-url", o.smtp_url, "the SMTP sink: smtp://127.0.0.1:PORT")->required();
  app.add_option("--bevaka", o.bevaka, "the bevaka binary whose remind is measured")->required();
  auto* scheduled = app.add_option("--scheduled", o.scheduled, "reminders stored")
                        ->check(CLI::PositiveNumber)
                        ->capture_default_str();
  auto* due = app.add_option("--due", o.due, "of them due now, to dispatch")
                  ->check(CLI::PositiveNumber)
                  ->capture_default_str();
  app.add_option("--runs", o.runs, "lookups timed")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_flag("--json", o.json, "JSON lines instead of `name value unit`");
  app.add_flag("--quick", quick, "small sizes for a smoke run");
  CLI11_PARSE(app, argc, argv);
  if (quick) {
    if (scheduled->count() == 0) o.scheduled = 20'000;
    if (due->count() == 0) o.due = 300;
  }
  try {
    return bevaka::bench::run(o);
  } catch (const std::exception& e) {
    std::cerr << "bevaka-bench-reminders: " << e.what() << '\n';
    return 1;
  }
}
