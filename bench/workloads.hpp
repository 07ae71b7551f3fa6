#pragma once
// The measurements. Each runs on the store's own connection, so the durability settings that
// soci_store sets (SQLite: WAL, synchronous=FULL; PostgreSQL: the server's defaults) apply to
// all of them alike. Each throws on a database failure or an event the engine refuses.

#include <chrono>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/store/soci_store.hpp"
#include "engine/shared/clock.hpp"

namespace bevaka::bench {

// The engine's clock for every event and query of the benchmark: Monday 2 June 2025, 10:00.
inline const engine::timestamp bench_now{
    engine::date{std::chrono::year{2025}, std::chrono::June, std::chrono::day{2}},
    std::chrono::hours{10}, std::chrono::minutes{120}};

// Seconds that `work` takes.
template <class Work>
double seconds_of(Work&& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The raw ceiling's table, bench_scratch (id, at, note).
void create_scratch_table(store::soci_store& s);
void drop_scratch_table(store::soci_store& s);

// BEGIN; one single-row INSERT into bench_scratch; COMMIT, `transactions` times: the ceiling for
// anything that writes one durable transaction at a time. Returns the seconds it took.
[[nodiscard]] double raw_insert_seconds(store::soci_store& s, std::size_t transactions);

struct planned_event {
  std::string round_ref;
  std::string body_name;
  std::string event;
};

// Creates, through the engine, the bodies and sent rounds that `events` assignment events need,
// and returns those events: start, decide, submit, register for each assignment in turn.
// `name` keeps the rounds of different measurements apart.
[[nodiscard]] std::vector<planned_event> plan_events(engine::store& s, std::string_view name,
                                                     int events);

// Fires the events through engine::fire_assignment_event, `per_transaction` in each
// transaction. Returns the seconds it took.
[[nodiscard]] double fire_seconds(engine::store& s, std::span<const planned_event> events,
                                  std::size_t per_transaction);

// Stores `assignments` assignments with raw bulk SQL (290 municipalities of 40 bodies, rounds of
// 40 assignments over 2015-2025, nearly all answered, ~0.1% overdue), in a few transactions.
void bulk_load(store::soci_store& s, long long assignments);

// Brings the database to the steady state a running one is in, so that the timings after it do
// not pay for the bulk load: vacuumed and analysed (PostgreSQL), checkpointed (SQLite's WAL
// keeps its size, as in use: a truncated one makes the first commits grow it, which costs more),
// and flushed to disk with sync(2).
void settle(store::soci_store& s);

struct query_plan {
  std::string text;         // as EXPLAIN QUERY PLAN (SQLite) or EXPLAIN (PostgreSQL) prints it
  bool uses_index = false;  // reads the partial indexes case_history_awaiting_now and _then
  int full_scans = 0;       // steps that read a whole table or index
};

// The plan of the adapter's overdue query on the benchmark's today.
[[nodiscard]] query_plan overdue_query_plan(store::soci_store& s);

struct latencies {
  std::vector<double> ms;  // sorted, one per run
  std::size_t rows = 0;    // what engine::overdue returned
};

inline constexpr int overdue_warm_up_runs = 3;

// Times engine::overdue(listings, today, nullopt), each in its own transaction as the CLI runs it,
// after a few runs that warm the caches as the registrar's daily query finds them; with
// `as_of_past_day`, the list as it stood on a day five years before today.
[[nodiscard]] latencies overdue_latencies(engine::store& s, int runs, bool as_of_past_day);

}  // namespace bevaka::bench
