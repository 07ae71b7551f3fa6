#pragma once
// The questions people ask every day: a round's status, who is overdue, a case's timeline.
// Read-only; the answers depend on `today`, which comes from the engine's clock.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/cases/case_listings.hpp"
#include "engine/cases/case_store.hpp"
#include "engine/cases/model.hpp"
#include "engine/reminders/reminder_store.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::engine {

struct round_view {
  round r;
  std::vector<assignment> assignments;  // ordered by body name
};

[[nodiscard]] outcome<round_view> show_round(case_store& cases, std::string_view round_key);

struct overdue_item {
  id_t round_id = 0;
  std::string ref;
  std::string title;
  std::string body;
  date deadline;
  int working_days_overdue = 0;
  std::string state;
  int failed_reminders = 0;
};

// The registrar's list: assignments awaiting an answer at least one working day past their
// deadline on `today`, most overdue first (then by reference number and body); then those not
// overdue (yet) with a failed reminder, whose body may not know its deadline, earliest first.
// Every row counts the assignment's failed reminders.
[[nodiscard]] std::vector<overdue_item> overdue(case_listings& listings, date today,
                                                std::optional<round_kind> kind);

// A round's timeline, oldest first, with its assignments' events and the reminders sent to them
// (event "remind", or "escalate" for one to the registrar, by "bevaka"); only one body's when
// given.
[[nodiscard]] outcome<std::vector<event_record>> timeline(case_store& cases,
                                                          reminder_store& reminders,
                                                          std::string_view round_key,
                                                          std::optional<std::string_view> body_key);

}  // namespace bevaka::engine
