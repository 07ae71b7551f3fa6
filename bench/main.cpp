// bevaka-bench: events per second through the engine into durable storage, beside the raw
// ceiling of the same database, and the overdue query's latency at a million assignments.
// See bench/README.md.

#include <soci/soci.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <span>

#include "bench/report.hpp"
#include "bench/split.hpp"
#include "bench/workloads.hpp"

namespace bevaka::bench {
namespace {

constexpr std::size_t batch_size = 1000, interleaved_blocks = 10;

struct options {
  std::string db;
  int events = 20'000;
  long long assignments = 1'000'000;
  int runs = 200;
  bool json = false;
  bool split = false;
};

// The benchmark writes a million rows: it refuses a database that holds anything.
void require_empty(store::soci_store& s) {
  long long bodies = 0;
  s.session() << "SELECT COUNT(*) FROM bodies", soci::into(bodies);
  if (bodies > 0)
    throw std::runtime_error("the database is not empty: give the benchmark a database of its own");
}

// `name=value` for each setting, as the store's own connection reports it.
std::string settings(store::soci_store& s, std::initializer_list<const char*> names) {
  const bool sqlite = s.kind() == store::backend::sqlite;
  std::string text;
  for (const auto* name : names) {
    std::string value;
    s.session() << (sqlite ? "PRAGMA " : "SHOW ") + std::string(name), soci::into(value);
    text += (text.empty() ? "" : " ") + std::string(name) + "=" + value;
  }
  return text;
}

machine_context context_of(store::soci_store& s) {
  machine_context context;
  const bool sqlite = s.kind() == store::backend::sqlite;
  context.backend = sqlite ? "sqlite" : "postgresql";
  s.session() << (sqlite ? "SELECT sqlite_version()" : "SHOW server_version"),
      soci::into(context.server_version);
  context.durability = sqlite ? settings(s, {"journal_mode", "synchronous"})
                              : settings(s, {"fsync", "synchronous_commit", "wal_sync_method"});
  return context;
}

double percentile(const std::vector<double>& sorted, double p) {
  const auto rank = static_cast<std::size_t>(std::ceil(p * sorted.size()));
  return sorted[std::max<std::size_t>(rank, 1) - 1];
}

// The store the timed work goes through: the real one or, with --split, the real one behind a
// timed_store, whose split is printed and cleared after each measurement.
class measured_store {
 public:
  measured_store(engine::store& s, bool split) : real_(s) {
    if (split) timed_.emplace(s);
  }
  engine::store& get() { return timed_ ? static_cast<engine::store&>(*timed_) : real_; }

  // `mode_split_part value us/unit`, e.g. `one_per_tx_split_engine 7.1 us/event`.
  void print_split(const std::string& mode, std::size_t units, const std::string& unit,
                   const reporter& out) {
    if (!timed_) return;
    for (const auto& [part, seconds] : timed_->split())
      out.print({mode + "_split_" + part, seconds * 1e6 / units, "us/" + unit});
    timed_->clear();
  }

 private:
  engine::store& real_;
  std::optional<timed_store> timed_;
};

// Alternates blocks of raw inserts and of events, as many of each, so that a disk whose speed
// drifts (a shared VM's can halve within seconds) slows both alike and the ratio stays fair.
void measure_one_per_tx(store::soci_store& s, measured_store& measured,
                        const std::vector<planned_event>& events, const reporter& out) {
  create_scratch_table(s);
  double raw_seconds = 0, event_seconds = 0;
  const std::size_t block = std::max<std::size_t>(1, events.size() / interleaved_blocks);
  for (std::size_t first = 0; first < events.size(); first += block) {
    const auto part = std::span(events).subspan(first, std::min(block, events.size() - first));
    raw_seconds += raw_insert_seconds(s, part.size());
    event_seconds += fire_seconds(measured.get(), part, 1);
  }
  drop_scratch_table(s);
  const double raw_rate = events.size() / raw_seconds, rate = events.size() / event_seconds;
  out.print({"raw_ceiling", raw_rate, "inserts/s"});
  out.print({"events_one_per_tx", rate, "events/s"});
  out.print({"events_one_per_tx_vs_raw_ceiling", 100 * rate / raw_rate, "%"});
  measured.print_split("one_per_tx", events.size(), "event", out);
}

void measure_batched(measured_store& measured, const std::vector<planned_event>& events,
                     const reporter& out) {
  const double seconds = fire_seconds(measured.get(), events, batch_size);
  out.print({"events_batched_1000_per_tx", events.size() / seconds, "events/s"});
  measured.print_split("batched", events.size(), "event", out);
}

void measure_overdue(store::soci_store& s, measured_store& measured, const options& o,
                     const reporter& out) {
  long long stored = 0;
  s.session() << "SELECT COUNT(*) FROM assignments", soci::into(stored);
  out.print({"assignments_stored", static_cast<double>(stored), "rows"});
  const auto plan = overdue_query_plan(s);
  out.print({"overdue_query_uses_index", plan.uses_index ? 1.0 : 0.0, "bool"});
  out.print({"overdue_query_full_scans", static_cast<double>(plan.full_scans), "steps"});
  if (std::getenv("BEVAKA_BENCH_SHOW_PLAN")) std::cerr << plan.text;
  const auto timed = overdue_latencies(measured.get(), o.runs, false);
  out.print({"overdue_query_rows", static_cast<double>(timed.rows), "rows"});
  out.print({"overdue_query_median", percentile(timed.ms, 0.5), "ms"});
  out.print({"overdue_query_p99", percentile(timed.ms, 0.99), "ms"});
  const auto past = overdue_latencies(measured.get(), o.runs, true);
  out.print({"overdue_as_of_rows", static_cast<double>(past.rows), "rows"});
  out.print({"overdue_as_of_median", percentile(past.ms, 0.5), "ms"});
  out.print({"overdue_as_of_p99", percentile(past.ms, 0.99), "ms"});
  measured.print_split("overdue", 2 * (timed.ms.size() + overdue_warm_up_runs), "query", out);
}

int run(const options& o) {
  const auto url = store::parse_database_url(o.db);
  if (!url) throw std::runtime_error(url.error().message);
  store::soci_store s(*url);
  s.migrate();
  require_empty(s);
  const reporter out(o.json, context_of(s));
  out.print_context();
  const double load_seconds = seconds_of([&] { bulk_load(s, o.assignments); });
  out.print({"bulk_load_assignments", o.assignments / load_seconds, "rows/s"});
  const auto single = plan_events(s, "single", o.events);
  const auto batched = plan_events(s, "batched", o.events);
  settle(s);
  measured_store measured(s, o.split);
  measure_one_per_tx(s, measured, single, out);
  measure_batched(measured, batched, out);
  measure_overdue(s, measured, o, out);
  return 0;
}

}  // namespace
}  // namespace bevaka::bench

int main(int argc, char** argv) {
  bevaka::bench::options o;
  bool quick = false;
  CLI::App app{"bevaka-bench: engine events/s beside the raw ceiling, overdue query latency"};
  app.add_option("--db", o.db, "sqlite:PATH or postgresql://... (an empty database)")->required();
  auto* events = app.add_option("--events", o.events, "events per measurement")
                     ->check(CLI::PositiveNumber)
                     ->capture_default_str();
  auto* assignments =
      app.add_option("--assignments", o.assignments, "assignments stored for the overdue query")
          ->check(CLI::PositiveNumber)
          ->capture_default_str();
  auto* runs = app.add_option("--runs", o.runs, "overdue queries timed")
                   ->check(CLI::PositiveNumber)
                   ->capture_default_str();
  app.add_flag("--json", o.json, "JSON lines instead of `name value unit`");
  app.add_flag("--split", o.split, "also where the time goes: us per event and per query");
  app.add_flag("--quick", quick, "small sizes for a smoke run of a few seconds");
  CLI11_PARSE(app, argc, argv);
  if (quick) {
    if (events->count() == 0) o.events = 500;
    if (assignments->count() == 0) o.assignments = 20'000;
    if (runs->count() == 0) o.runs = 20;
  }
  try {
    return bevaka::bench::run(o);
  } catch (const std::exception& e) {
    std::cerr << "bevaka-bench: " << e.what() << '\n';
    return 1;
  }
}
