#include "engine/cases/commands.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>

#include "engine/cases/lookup.hpp"
#include "engine/cases/reminder_schedule.hpp"
#include "engine/shared/text.hpp"
#include "workflows/assignment.hpp"
#include "workflows/round.hpp"

namespace bevaka::engine {
namespace {
// One command's unit of work: who acts when, and the ports it writes through.
struct unit : command_context {
  case_store& cases;
  reminder_store& reminders;
};

namespace assignment_state = workflows::assignment_state;
namespace assignment_event = workflows::assignment_event;
namespace round_state = workflows::round_state;
namespace round_event = workflows::round_event;
using workflows::assignment_has_ended;

// The assignment events a user may fire; send and withdraw follow the round's.
constexpr std::array<std::string_view, 7> user_assignment_events{
    assignment_event::start,     assignment_event::decide,  assignment_event::submit,
    assignment_event::register_, assignment_event::decline, assignment_event::return_,
    assignment_event::extend};

bool is_user_assignment_event(std::string_view event) {
  return std::find(user_assignment_events.begin(), user_assignment_events.end(), event) !=
         user_assignment_events.end();
}

std::string describe_accepted(const std::vector<std::string_view>& accepted, bool user_only) {
  std::vector<std::string_view> shown;
  for (auto event : accepted)
    if (!user_only || is_user_assignment_event(event)) shown.push_back(event);
  if (shown.empty()) return "it accepts nothing more";
  return fmt::format("it accepts: {}", fmt::join(shown, ", "));
}

error refusal_error(std::string_view what, const workflows::refusal& r, bool user_only) {
  using workflows::refusal_kind;
  switch (r.kind) {
    case refusal_kind::guard_rejected:
      return make_error(errc::refused, fmt::format("{} is {}: '{}' refused: {}", what, r.state,
                                                   r.event, r.reason));
    case refusal_kind::unknown_event:
      return make_error(errc::bad_input, fmt::format("{}: unknown event '{}'; {}", what, r.event,
                                                     describe_accepted(r.accepted_events, false)));
    default:
      return make_error(errc::refused,
                        fmt::format("{} is {}: '{}' is not accepted there; {}", what, r.state,
                                    r.event, describe_accepted(r.accepted_events, user_only)));
  }
}

error conflict_error(std::string_view what) {
  return make_error(errc::conflict,
                    fmt::format("{} was changed by someone else meanwhile; try again", what));
}

std::string round_name(const round& r) { return fmt::format("round {}", r.ref); }
std::string assignment_name(const round& r, const assignment& a) {
  return fmt::format("assignment {} / {}", r.ref, a.body_name);
}

shifted_deadline deadline_for(bool shift, date nominal) {
  if (shift) return shift_deadline(nominal);
  return shifted_deadline{nominal, nominal, {}};
}

std::string deadline_payload(const shifted_deadline& d) {
  return fmt::format(R"({{"deadline":"{}","effective_deadline":"{}"}})", format_date(d.nominal),
                     format_date(d.effective));
}

void record(const unit& ctx, event_record e) { ctx.cases.append_event(stamped(ctx, std::move(e))); }

void record_round(const unit& ctx, const round& r, std::string_view event, std::string_view from,
                  std::string note, std::string payload) {
  record(ctx, event_record{.kind = case_kind::round,
                           .case_id = r.id,
                           .round_id = r.id,
                           .event = std::string(event),
                           .from = std::string(from),
                           .to = r.state,
                           .note = std::move(note),
                           .payload = std::move(payload)});
}

void record_assignment(const unit& ctx, const assignment& a, std::string_view event,
                       std::string_view from, std::string note, std::string payload) {
  record(ctx, event_record{.kind = case_kind::assignment,
                           .case_id = a.id,
                           .round_id = a.round_id,
                           .body_id = a.body_id,
                           .event = std::string(event),
                           .from = std::string(from),
                           .to = a.state,
                           .note = std::move(note),
                           .payload = std::move(payload)});
}

// Checks the new deadline an extend or return brings, once the machine has accepted the event.
std::optional<error> check_new_deadline(const unit& ctx, const round& r, const assignment& a,
                                        const case_event& e) {
  const auto what = assignment_name(r, a);
  if (e.event == assignment_event::extend && e.new_deadline <= a.deadline.nominal)
    return make_error(errc::bad_input,
                      fmt::format("{}: an extension must move the deadline later than {}", what,
                                  format_date(a.deadline.nominal)));
  if (e.event == assignment_event::return_ && e.new_deadline < ctx.now.day)
    return make_error(errc::bad_input, fmt::format("{}: the new deadline {} is already past", what,
                                                   format_date(*e.new_deadline)));
  return std::nullopt;
}

// What an event does to the assignment's reminders, carried out once its new state and deadline
// are known: a moved deadline cancels the old reminders and schedules them anew.
struct reminder_changes {
  bool cancel = false;
  bool schedule = false;

  void note(workflows::assignment_effect effect) {
    if (effect == workflows::assignment_effect::cancel_reminders) cancel = true;
    if (effect == workflows::assignment_effect::schedule_reminders) schedule = true;
  }
  void apply(const unit& ctx, const assignment& a) const {
    if (cancel) cancel_reminders(ctx.reminders, a);
    if (schedule) schedule_reminders(ctx.reminders, ctx, a);
  }
};

outcome<assignment> apply_to_assignment(const unit& ctx, const round& r, assignment a,
                                        const case_event& e) {
  const workflows::assignment_facts facts{.body_is_committee = a.kind == body_kind::committee,
                                          .new_deadline_given = e.new_deadline.has_value()};
  const auto fired = workflows::fire_assignment(a.state, e.event, facts);
  if (!fired) return refusal_error(assignment_name(r, a), fired.error(), true);
  const assignment was = a;
  std::string payload = "{}";
  reminder_changes reminders;
  for (const auto effect : fired->effects) {
    if (effect == workflows::assignment_effect::move_deadline) {
      if (auto bad = check_new_deadline(ctx, r, a, e)) return *bad;
      a.deadline = deadline_for(r.shift_deadlines, *e.new_deadline);
      a.submitted_on.reset();
      a.late_by_working_days.reset();
      payload = deadline_payload(a.deadline);
      reminders.cancel = reminders.schedule = true;
    } else if (effect == workflows::assignment_effect::record_submission) {
      a.submitted_on = ctx.now.day;
      a.late_by_working_days = working_days_between(a.deadline.effective, ctx.now.day);
      payload = fmt::format(R"({{"submitted_on":"{}","late_by_working_days":{}}})",
                            format_date(ctx.now.day), *a.late_by_working_days);
    } else {
      reminders.note(effect);
    }
  }
  const std::string from = a.state;
  a.state = std::string(fired->to);
  if (!ctx.cases.update_assignment(was, a)) return conflict_error(assignment_name(r, a));
  ++a.version;
  record_assignment(ctx, a, e.event, from, e.note, std::move(payload));
  reminders.apply(ctx, a);
  return a;
}

outcome<round> apply_to_round(const unit& ctx, round r, const case_event& e);

// Sends or withdraws every assignment that still accepts it, each with its own event.
std::optional<error> cascade(const unit& ctx, const round& r, std::string_view event) {
  for (auto& a : ctx.cases.assignments_of(r.id)) {
    if (assignment_has_ended(a.state) ||
        (event == assignment_event::send && a.state != assignment_state::draft))
      continue;
    const auto applied =
        apply_to_assignment(ctx, r, std::move(a), case_event{.event = std::string(event)});
    if (!applied) return applied.error();
  }
  return std::nullopt;
}

outcome<round> apply_to_round(const unit& ctx, round r, const case_event& e) {
  const workflows::round_facts facts{.may_skip_council = r.kind == round_kind::consultation};
  const auto fired = workflows::fire_round(r.state, e.event, facts);
  if (!fired) return refusal_error(round_name(r), fired.error(), false);
  const std::string from = r.state;
  r.state = std::string(fired->to);
  if (!ctx.cases.update_round(r)) return conflict_error(round_name(r));
  ++r.version;
  record_round(ctx, r, e.event, from, e.note, "{}");
  for (const auto effect : fired->effects) {
    const auto event = effect == workflows::round_effect::send_assignments
                           ? assignment_event::send
                           : assignment_event::withdraw;
    if (auto failed = cascade(ctx, r, event)) return *failed;
  }
  return r;
}

// Answers close on their own when the last assignment of a sent round has ended.
outcome<round> close_answers_if_all_ended(const unit& ctx, round r) {
  if (r.state != round_state::sent) return r;
  if (ctx.cases.has_open_assignment(r.id)) return r;
  const unit engine_ctx{{ctx.now, std::string(engine_actor)}, ctx.cases, ctx.reminders};
  return apply_to_round(engine_ctx, std::move(r),
                        case_event{.event = std::string(round_event::close_answers),
                                   .note = "every assignment has ended"});
}

outcome<std::vector<body>> resolve_recipients(case_store& cases, const new_round& request) {
  if (request.all_bodies_of_kind) {
    auto all = cases.bodies(request.all_bodies_of_kind);
    if (all.empty())
      return make_error(errc::not_found, fmt::format("there are no bodies of kind {}",
                                                     to_string(*request.all_bodies_of_kind)));
    return all;
  }
  if (request.recipients.empty())
    return make_error(errc::bad_input, "a round needs at least one body (--to or --to-all)");
  std::vector<body> found;
  for (const auto& key : request.recipients) {
    auto b = find_body(cases, key);
    if (!b) return b.error();
    if (std::any_of(found.begin(), found.end(), [&](const body& f) { return f.id == b->id; }))
      return make_error(errc::bad_input, fmt::format("{} is named twice", b->name));
    found.push_back(std::move(*b));
  }
  return found;
}

outcome<round> insert_round_with_assignments(const unit& ctx, const new_round& request,
                                             const std::vector<body>& recipients) {
  round r{.kind = request.kind,
          .ref = trimmed_text(request.ref),
          .title = trimmed_text(request.title),
          .state = std::string(round_state::draft),
          .deadline = deadline_for(request.shift_deadlines, request.deadline),
          .shift_deadlines = request.shift_deadlines};
  r.id = ctx.cases.insert_round(r);
  ctx.reminders.set_reminder_policy(r.id, to_string(request.reminders));
  record_round(ctx, r, "create", "", "", deadline_payload(r.deadline));
  for (const auto& b : recipients) {
    assignment a{.round_id = r.id,
                 .body_id = b.id,
                 .body_name = b.name,
                 .kind = b.kind,
                 .state = std::string(assignment_state::draft),
                 .deadline = r.deadline};
    a.id = ctx.cases.insert_assignment(a);
    record_assignment(ctx, a, "create", "", "", deadline_payload(a.deadline));
  }
  return r;
}

}  // namespace

outcome<body> add_body(case_store& cases, const new_body& request) {
  body b{.name = trimmed_text(request.name), .kind = request.kind};
  if (b.name.empty()) return make_error(errc::bad_input, "a body needs a name");
  if (cases.body_by_name(b.name))
    return make_error(errc::duplicate, fmt::format("a body named '{}' already exists", b.name));
  for (const auto& email : request.emails) {
    auto address = trimmed_text(email);
    const auto at = address.find('@');
    if (at == std::string::npos || at == 0 || at + 1 == address.size() ||
        address.find_first_of(" \t,;<>") != std::string::npos)
      return make_error(errc::bad_input, fmt::format("'{}' is not an e-mail address", email));
    b.emails.push_back(std::move(address));
  }
  b.id = cases.insert_body(b);
  return b;
}

outcome<round> create_round(case_store& cases, reminder_store& reminders,
                            const command_context& who, const new_round& request) {
  const unit ctx{who, cases, reminders};
  if (trimmed_text(request.ref).empty()) return make_error(errc::bad_input, "a round needs --ref");
  if (trimmed_text(request.title).empty())
    return make_error(errc::bad_input, "a round needs --title");
  // References that differ only in case or spacing are the same case (reference_key).
  if (const auto existing = cases.round_by_ref(trimmed_text(request.ref)))
    return make_error(errc::duplicate, fmt::format("a round with reference number '{}' already "
                                                   "exists",
                                                   existing->ref));
  const auto recipients = resolve_recipients(cases, request);
  if (!recipients) return recipients.error();
  auto r = insert_round_with_assignments(ctx, request, *recipients);
  if (!r || request.draft) return r;
  return apply_to_round(ctx, std::move(*r), case_event{.event = std::string(round_event::send)});
}

outcome<round> fire_round_event(case_store& cases, reminder_store& reminders,
                                const command_context& who, std::string_view round_key,
                                const case_event& e) {
  auto r = find_round(cases, round_key);
  if (!r) return r.error();
  return apply_to_round(unit{who, cases, reminders}, std::move(*r), e);
}

outcome<assignment> fire_assignment_event(case_store& cases, reminder_store& reminders,
                                          const command_context& who, std::string_view round_key,
                                          std::string_view body_key, const case_event& e) {
  const unit ctx{who, cases, reminders};
  auto found = find_assignment(cases, round_key, body_key);
  if (!found) return found.error();
  auto& [r, a] = *found;
  if (!is_user_assignment_event(e.event))
    return make_error(errc::bad_input, fmt::format("{}: unknown event '{}'; the events are: {}",
                                                   assignment_name(r, a), e.event,
                                                   fmt::join(user_assignment_events, ", ")));
  if ((e.event == assignment_event::extend || e.event == assignment_event::return_) &&
      !e.new_deadline)
    return make_error(errc::bad_input, fmt::format("{}: '{}' needs the new deadline (--deadline)",
                                                   assignment_name(r, a), e.event));
  auto applied = apply_to_assignment(ctx, r, std::move(a), e);
  // Only an event that ends an assignment can end the round's last open one.
  if (!applied || !assignment_has_ended(applied->state)) return applied;
  const auto closed = close_answers_if_all_ended(ctx, std::move(r));
  if (!closed) return closed.error();
  return applied;
}

}  // namespace bevaka::engine
