#pragma once
// Keeping the outbox in step with the cases. The commands call these inside their own
// transaction, so a reminder is scheduled, moved or cancelled exactly when the event that
// causes it is recorded, and never when that event is refused.

#include <optional>
#include <string_view>
#include <vector>

#include "engine/cases/case_store.hpp"
#include "engine/reminders/reminder.hpp"
#include "engine/reminders/reminder_policy.hpp"
#include "engine/reminders/reminder_store.hpp"
#include "engine/shared/command_context.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::engine {

// Schedules the assignment's reminders from its round's policy and its current effective
// deadline. Offsets whose time has already passed at ctx.now are left out: a "20 working days
// left" reminder for a round sent 5 days before its deadline would be wrong.
void schedule_reminders(reminder_store& reminders, const command_context& ctx, const assignment& a);

// Cancels the assignment's reminders that have not gone out yet.
void cancel_reminders(reminder_store& reminders, const assignment& a);

// The round's policy as stored; the empty policy for a round that has none.
[[nodiscard]] reminder_policy reminder_policy_of(reminder_store& reminders, id_t round_id);

// A round's reminders (by id or reference number), or every round's when no key is given:
// ordered by due time, then body.
[[nodiscard]] outcome<std::vector<reminder_view>> list_reminders(
    case_store& cases, reminder_store& reminders, std::optional<std::string_view> round_key);

}  // namespace bevaka::engine
