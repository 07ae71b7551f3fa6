#pragma once
// A round's reminder policy: when reminders go out, in working days from the assignment's
// effective deadline. Written as "-20,-10,-3,+1,+5!": 20, 10 and 3 working days before, the
// working day after to the body, and 5 working days after to the registrar (the "!").
// Pure functions; thread-safe.

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "engine/reminders/reminder.hpp"
#include "engine/shared/date.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::engine {

struct reminder_offset {
  int working_days = 0;       // negative before the deadline, positive after, 0 on the day
  bool to_registrar = false;  // an escalation: to the registrar, not the body

  // escalation when to the registrar, overdue after the deadline, otherwise reminder.
  [[nodiscard]] reminder_kind kind() const;
  friend bool operator==(const reminder_offset&, const reminder_offset&) = default;
};

struct reminder_policy {
  std::vector<reminder_offset> offsets{};  // in the order written; empty: no reminders
  friend bool operator==(const reminder_policy&, const reminder_policy&) = default;
};

// Reads "-20,-10,-3,+1,+5!" (spaces allowed around the commas); "none" is the empty policy.
// Refuses an empty part, a part that is not a signed whole number of at most 250 days, and an
// offset written twice, naming the part.
[[nodiscard]] outcome<reminder_policy> parse_reminder_policy(std::string_view text);

// The canonical form: "-20,-10,-3,+1,+5!", or "none".
[[nodiscard]] std::string to_string(const reminder_policy& policy);

// Reminders go out at 08:00 Stockholm time on their working day.
inline constexpr std::chrono::hours reminder_time_of_day{8};

// The working day `offset` counts to from `effective_deadline` (Lag (1930:173) days, as
// add_working_days counts them), at 08:00 Stockholm time.
[[nodiscard]] instant reminder_due_at(date effective_deadline, const reminder_offset& offset);

}  // namespace bevaka::engine
