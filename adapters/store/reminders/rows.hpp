#pragma once
// The rows of the reminders outbox (migration 2), read by the queries in statements.hpp.
// Internal to adapters/store.

#include <soci/soci.h>

#include <optional>
#include <string>
#include <utility>

#include "adapters/store/rows.hpp"
#include "engine/reminders/reminder.hpp"

namespace bevaka::store::detail {

// Throws database_error: a time not stored as 'YYYY-MM-DDTHH:MM:SSZ' is the database's fault.
[[nodiscard]] engine::instant stored_instant(const std::string& text);

// A reminder with its round, body and assignment (reminder_view_columns in statements.hpp).
struct reminder_row {
  long long id = 0, assignment_id = 0, round_id = 0, body_id = 0;
  int offset_days = 0, attempts = 0;
  std::string kind, deadline, due_at, state, next_attempt_at, sent_at, last_error;
  std::string ref, title, round_kind, body_name, emails, nominal, effective, reason;
  soci::indicator sent_null = soci::i_null;
  void bind(soci::statement& st);
  [[nodiscard]] engine::reminder_view to_model() const;
};

// The earliest time a scheduled reminder is due: none when there is none (MIN of no rows).
struct next_due_row {
  std::string at;
  soci::indicator none = soci::i_null;
  void bind(soci::statement& st) { bind_columns(st, maybe_null{at, none}); }
  [[nodiscard]] std::optional<engine::instant> to_model() const;
};

// How many reminders are in a state.
struct reminder_count_row {
  std::string state;
  long long count = 0;
  void bind(soci::statement& st);
  [[nodiscard]] std::pair<engine::reminder_state, long long> to_model() const;
};

}  // namespace bevaka::store::detail
