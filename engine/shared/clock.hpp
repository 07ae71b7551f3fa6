#pragma once
// The engine's clock: everything that depends on "today" asks it, so a user can set it (`--now`)
// and tests can travel in time. Times are wall-clock times in Europe/Stockholm.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "engine/shared/date.hpp"

namespace bevaka::engine {

struct timestamp {
  date day;
  std::chrono::seconds time_of_day{0};
  std::chrono::minutes utc_offset{60};  // +01:00 in winter, +02:00 in summer

  // 2017-03-31T10:00:00+02:00
  [[nodiscard]] std::string iso() const;
  // The same instant in UTC, for ordering and arithmetic.
  [[nodiscard]] std::chrono::sys_seconds utc() const;
};

// Reads `YYYY-MM-DD` (the start of that day) or `YYYY-MM-DDTHH:MM[:SS]` as Stockholm time.
// Returns nullopt for malformed text and impossible dates or times.
[[nodiscard]] std::optional<timestamp> parse_timestamp(std::string_view text);

// The Stockholm wall-clock time of an instant (CET/CEST, the EU's summer-time rule).
[[nodiscard]] timestamp stockholm_time(std::chrono::sys_seconds instant);

// The port. Implementations must be safe to call from several threads.
class clock {
 public:
  virtual ~clock() = default;
  [[nodiscard]] virtual timestamp now() const = 0;
  // Waits `d` by this clock, for a short backoff inside a call (seconds, not hours). The
  // thread sleeps; a test's clock may move itself on by `d` instead.
  virtual void sleep_for(std::chrono::seconds d) const;
};

// The operating system's clock, read in Stockholm.
class system_clock final : public clock {
 public:
  [[nodiscard]] timestamp now() const override;
};

// A clock that stands still at the time it was given: `--now`, and the tests.
class fixed_clock final : public clock {
 public:
  explicit fixed_clock(timestamp at) : at_(at) {}
  [[nodiscard]] timestamp now() const override { return at_; }

 private:
  timestamp at_;
};

// A clock that starts at the time it was given and then runs at the wall clock's pace: `--now`
// for a command that takes time, whose leases must run from the moment they are taken.
class running_clock final : public clock {
 public:
  explicit running_clock(timestamp start);
  [[nodiscard]] timestamp now() const override;

 private:
  std::chrono::sys_seconds start_;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace bevaka::engine
