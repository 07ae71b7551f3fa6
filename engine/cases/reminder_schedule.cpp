#include "engine/cases/reminder_schedule.hpp"

#include "engine/cases/lookup.hpp"

namespace bevaka::engine {

reminder_policy reminder_policy_of(reminder_store& reminders, id_t round_id) {
  const auto stored = reminders.reminder_policy_of(round_id);
  if (!stored) return {};
  // Only parsed policies are stored; a row that no longer parses schedules nothing rather than
  // failing every event of the round.
  auto policy = parse_reminder_policy(*stored);
  return policy ? *policy : reminder_policy{};
}

void schedule_reminders(reminder_store& reminders, const command_context& ctx,
                        const assignment& a) {
  const auto now = ctx.now.utc();
  for (const auto& offset : reminder_policy_of(reminders, a.round_id).offsets) {
    const auto due = reminder_due_at(a.deadline.effective, offset);
    if (due < now) continue;
    reminders.insert_reminder(reminder{.assignment_id = a.id,
                                       .round_id = a.round_id,
                                       .body_id = a.body_id,
                                       .kind = offset.kind(),
                                       .offset_days = offset.working_days,
                                       .deadline = a.deadline.effective,
                                       .due_at = due,
                                       .next_attempt_at = due});
  }
}

void cancel_reminders(reminder_store& reminders, const assignment& a) {
  reminders.cancel_reminders_of(a.id);
}

outcome<std::vector<reminder_view>> list_reminders(case_store& cases, reminder_store& reminders,
                                                   std::optional<std::string_view> round_key) {
  if (!round_key) return reminders.reminders_of(std::nullopt);
  const auto r = find_round(cases, *round_key);
  if (!r) return r.error();
  return reminders.reminders_of(r->id);
}

}  // namespace bevaka::engine
