#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "bench/workloads.hpp"
#include "engine/cases/commands.hpp"

namespace bevaka::bench {
namespace {

constexpr int bodies_per_round = 40;
constexpr std::array<const char*, 4> lifecycle{"start", "decide", "submit", "register"};

template <class T>
T checked(engine::outcome<T>&& result) {
  if (!result) throw std::runtime_error("the engine refused: " + result.error().message);
  return std::move(*result);
}

// Three in four are committees, the rest companies; the same bodies serve every measurement.
std::vector<std::string> bench_bodies(engine::store& s) {
  std::vector<std::string> names;
  for (int i = 0; i < bodies_per_round; ++i) names.push_back(fmt::format("bench body {:02}", i));
  bool made_before = false;
  s.transact([&](engine::store_transaction& tx) {
    made_before = tx.cases().body_by_name(names.front()).has_value();
    return false;
  });
  if (made_before) return names;
  for (int i = 0; i < bodies_per_round; ++i) {
    const auto kind = i % 4 == 3 ? engine::body_kind::company : engine::body_kind::committee;
    checked(engine::in_transaction(s, [&](engine::store_transaction& tx) {
      return engine::add_body(tx.cases(), engine::new_body{.name = names[i], .kind = kind});
    }));
  }
  return names;
}

std::string create_round(engine::store& s, std::string_view name, int number,
                         const std::vector<std::string>& bodies) {
  const engine::new_round request{
      .ref = fmt::format("bench {} {}", name, number),
      .title = "Benchmark round",
      .deadline = engine::date{std::chrono::year{2025}, std::chrono::December, std::chrono::day{1}},
      .recipients = bodies};
  checked(engine::in_transaction(s, [&](engine::store_transaction& tx) {
    return engine::create_round(tx.cases(), tx.reminders(),
                                engine::command_context{bench_now, "bench"}, request);
  }));
  return request.ref;
}

engine::outcome<engine::assignment> fire(engine::store_transaction& tx, const planned_event& e) {
  return engine::fire_assignment_event(tx.cases(), tx.reminders(),
                                       engine::command_context{bench_now, "bench"}, e.round_ref,
                                       e.body_name, engine::case_event{.event = e.event});
}

}  // namespace

std::vector<planned_event> plan_events(engine::store& s, std::string_view name, int events) {
  const auto bodies = bench_bodies(s);
  const int per_round = bodies_per_round * static_cast<int>(lifecycle.size());
  std::vector<std::string> refs;
  for (int i = 0; i < (events + per_round - 1) / per_round; ++i)
    refs.push_back(create_round(s, name, i, bodies));
  // Step by step through all assignments, so consecutive events touch different rows.
  std::vector<planned_event> planned;
  for (const auto* event : lifecycle)
    for (const auto& ref : refs)
      for (const auto& body : bodies) planned.push_back(planned_event{ref, body, event});
  planned.resize(events);
  return planned;
}

double fire_seconds(engine::store& s, std::span<const planned_event> events,
                    std::size_t per_transaction) {
  const auto fire_batch = [&](std::size_t first) {
    checked(engine::in_transaction(s, [&](engine::store_transaction& tx) -> engine::outcome<bool> {
      const auto last = std::min(events.size(), first + per_transaction);
      for (auto i = first; i < last; ++i)
        if (auto fired = fire(tx, events[i]); !fired) return fired.error();
      return true;
    }));
  };
  return seconds_of([&] {
    for (std::size_t first = 0; first < events.size(); first += per_transaction) fire_batch(first);
  });
}

}  // namespace bevaka::bench
