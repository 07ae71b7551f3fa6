#include "engine/cases/queries.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "engine/cases/lookup.hpp"
#include "engine/shared/clock.hpp"

namespace bevaka::engine {
namespace {

// A sent reminder as a line of its assignment's timeline.
event_record reminder_sent(const reminder_view& v) {
  const auto& r = v.r;
  const auto days = std::abs(r.offset_days);
  // In Swedish: the timeline is read by people (the JSON keys stay English).
  const auto when =
      r.offset_days == 0
          ? fmt::format("på sista dagen {}", format_date(r.deadline))
          : fmt::format("{} arbetsdag{} {} sista dagen {}", days, days == 1 ? "" : "ar",
                        r.offset_days < 0 ? "före" : "efter", format_date(r.deadline));
  const bool escalation = r.kind == reminder_kind::escalation;
  const auto what =
      escalation ? std::string("påminnelse till registratorn")
                 : fmt::format("{} till {}",
                               r.kind == reminder_kind::overdue ? "förseningsbesked" : "påminnelse",
                               fmt::join(v.body_emails, ", "));
  return event_record{.kind = case_kind::assignment,
                      .case_id = r.assignment_id,
                      .round_id = r.round_id,
                      .body_id = r.body_id,
                      .body_name = v.body_name,
                      .event = escalation ? "escalate" : "remind",
                      .actor = "bevaka",
                      .at = stockholm_time(*r.sent_at).iso(),
                      .note = fmt::format("{}, {}", what, when),
                      .payload = "{}"};
}

// The instant of an event's time as stored (2017-03-31T10:00:00+02:00), read as Stockholm time.
std::chrono::sys_seconds instant_of(const event_record& e) {
  const auto at = parse_timestamp(std::string_view(e.at).substr(0, 19));
  return at ? at->utc() : std::chrono::sys_seconds{};
}

// The round's events with its sent reminders among them, by time; an event and a reminder at
// the same second keep that order.
std::vector<event_record> with_sent_reminders(case_store& cases, reminder_store& reminders,
                                              id_t round_id, std::optional<id_t> body_id) {
  auto events = cases.events_of_round(round_id, body_id);
  for (const auto& v : reminders.reminders_of(round_id))
    if (v.r.state == reminder_state::sent && v.r.sent_at && (!body_id || v.r.body_id == *body_id))
      events.push_back(reminder_sent(v));
  std::stable_sort(events.begin(), events.end(), [](const event_record& a, const event_record& b) {
    return instant_of(a) < instant_of(b);
  });
  return events;
}

}  // namespace

outcome<round_view> show_round(case_store& cases, std::string_view round_key) {
  auto r = find_round(cases, round_key);
  if (!r) return r.error();
  auto assignments = cases.assignments_of(r->id);
  return round_view{std::move(*r), std::move(assignments)};
}

std::vector<overdue_item> overdue(case_listings& listings, date today,
                                  std::optional<round_kind> kind) {
  std::vector<overdue_item> items;
  for (auto& row : listings.awaiting_past_deadline(today, kind)) {
    const int days = working_days_between(row.deadline, today);
    // Past the deadline on a weekend or holiday only is not late (Lag (1930:173) §2).
    if (days < 1) continue;
    items.push_back(overdue_item{row.round_id, std::move(row.ref), std::move(row.title),
                                 std::move(row.body_name), row.deadline, days,
                                 std::move(row.state)});
  }
  for (auto& row : listings.awaiting_with_failed_reminders(kind)) {
    const auto listed = std::find_if(items.begin(), items.end(), [&](const overdue_item& item) {
      return item.round_id == row.round_id && item.body == row.body_name;
    });
    if (listed != items.end()) {
      listed->failed_reminders = row.failed_reminders;
      continue;
    }
    items.push_back(overdue_item{row.round_id, std::move(row.ref), std::move(row.title),
                                 std::move(row.body_name), row.deadline, 0, std::move(row.state),
                                 row.failed_reminders});
  }
  std::stable_sort(items.begin(), items.end(), [](const overdue_item& a, const overdue_item& b) {
    return std::tie(b.working_days_overdue, a.deadline, a.ref, a.body) <
           std::tie(a.working_days_overdue, b.deadline, b.ref, b.body);
  });
  return items;
}

outcome<std::vector<event_record>> timeline(case_store& cases, reminder_store& reminders,
                                            std::string_view round_key,
                                            std::optional<std::string_view> body_key) {
  if (body_key) {
    const auto found = find_assignment(cases, round_key, *body_key);
    if (!found) return found.error();
    return with_sent_reminders(cases, reminders, found->r.id, found->a.body_id);
  }
  const auto r = find_round(cases, round_key);
  if (!r) return r.error();
  return with_sent_reminders(cases, reminders, r->id, std::nullopt);
}

}  // namespace bevaka::engine
