#pragma once
// The reminders a command schedules, moves and cancels in the same transaction as the events
// that make them due (the outbox's writing side; outbox.hpp is the dispatcher's side).
// Implemented by adapters/store; may throw engine::database_error.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/reminders/reminder.hpp"

namespace bevaka::engine {

class reminder_store {
 public:
  virtual ~reminder_store() = default;

  // Keeps a round's reminder policy in its canonical text ("-20,-10,-3,+1,+5!", "none").
  virtual void set_reminder_policy(id_t round_id, std::string_view policy) = 0;
  // nullopt for a round that never had one.
  [[nodiscard]] virtual std::optional<std::string> reminder_policy_of(id_t round_id) = 0;
  // Returns the new reminder's id.
  virtual id_t insert_reminder(const reminder& r) = 0;
  // Marks the assignment's scheduled reminders cancelled.
  virtual void cancel_reminders_of(id_t assignment_id) = 0;
  // A round's reminders, or every round's: by due time, then body name.
  [[nodiscard]] virtual std::vector<reminder_view> reminders_of(std::optional<id_t> round_id) = 0;
  // How many reminders are in each state (states with none are left out), for /metrics.
  [[nodiscard]] virtual std::vector<std::pair<reminder_state, long long>> reminder_counts() = 0;
};

}  // namespace bevaka::engine
