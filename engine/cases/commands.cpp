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
constexpr std::array<std::string_view, 9> user_assignment_events{
    assignment_event::start,
    assignment_event::decide,
    assignment_event::submit,
    assignment_event::register_,
    assignment_event::decline,
    assignment_event::return_,
    assignment_event::request_extension,
    assignment_event::extend,
    assignment_event::deny_extension};

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
                           .payload = std::move(payload),
                           .case_deadline = r.deadline});
}

// `deadline_moved`: the event moved the assignment's deadline (a new state is seen from `from`).
void record_assignment(const unit& ctx, const assignment& a, std::string_view event,
                       std::string_view from, std::string note, std::string payload,
                       bool deadline_moved = false) {
  const bool changes_case = deadline_moved || from != a.state;
  record(ctx,
         event_record{.kind = case_kind::assignment,
                      .case_id = a.id,
                      .round_id = a.round_id,
                      .body_id = a.body_id,
                      .event = std::string(event),
                      .from = std::string(from),
                      .to = a.state,
                      .note = std::move(note),
                      .payload = std::move(payload),
                      .case_deadline = changes_case ? std::optional(a.deadline) : std::nullopt});
}

// Checks the new deadline a request-extension, extend or return brings, once the machine has
// accepted the event.
std::optional<error> check_new_deadline(const unit& ctx, const round& r, const assignment& a,
                                        const case_event& e) {
  const auto what = assignment_name(r, a);
  const bool extension =
      e.event == assignment_event::extend || e.event == assignment_event::request_extension;
  if (extension && e.new_deadline <= a.deadline.effective)
    return make_error(errc::bad_input,
                      fmt::format("{}: an extension must move the deadline later than {}", what,
                                  format_date(a.deadline.effective)));
  if (e.new_deadline < ctx.now.day)
    return make_error(errc::bad_input, fmt::format("{}: the new deadline {} is already past", what,
                                                   format_date(*e.new_deadline)));
  return std::nullopt;
}

// The day an answer arrived: given (submit --received) or today. It cannot be in the future,
// nor before the round went out.
outcome<date> received_on(const unit& ctx, const round& r, const assignment& a,
                          const case_event& e) {
  const date received = e.received.value_or(ctx.now.day);
  if (received > ctx.now.day)
    return make_error(
        errc::bad_input,
        fmt::format("{}: the answer cannot have arrived on {}, after today ({})",
                    assignment_name(r, a), format_date(received), format_date(ctx.now.day)));
  if (r.sent_on && received < *r.sent_on)
    return make_error(
        errc::bad_input,
        fmt::format("{}: the answer cannot have arrived on {}, before the round was "
                    "sent ({})",
                    assignment_name(r, a), format_date(received), format_date(*r.sent_on)));
  return received;
}

std::string moved_deadline_payload(const shifted_deadline& from, const shifted_deadline& to) {
  return fmt::format(
      R"({{"deadline":"{}","effective_deadline":"{}","deadline_from":"{}","deadline_to":"{}"}})",
      format_date(to.nominal), format_date(to.effective), format_date(from.effective),
      format_date(to.effective));
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

// Carries out one effect on `a`; returns the event's payload when the effect writes one.
outcome<std::optional<std::string>> carry_out(const unit& ctx, const round& r, assignment& a,
                                              const case_event& e,
                                              workflows::assignment_effect effect,
                                              reminder_changes& reminders) {
  using workflows::assignment_effect;
  switch (effect) {
    case assignment_effect::move_deadline: {
      if (auto bad = check_new_deadline(ctx, r, a, e)) return *bad;
      const auto from = a.deadline;
      a.deadline = deadline_for(r.shift_deadlines, *e.new_deadline);
      a.submitted_on.reset();
      a.late_by_working_days.reset();
      reminders.cancel = reminders.schedule = true;
      return std::optional{moved_deadline_payload(from, a.deadline)};
    }
    case assignment_effect::record_submission: {
      const auto received = received_on(ctx, r, a, e);
      if (!received) return received.error();
      a.submitted_on = *received;
      a.late_by_working_days = working_days_between(a.deadline.effective, *received);
      if (!a.first_submitted_on) {
        a.first_submitted_on = a.submitted_on;
        a.first_late_by_working_days = a.late_by_working_days;
      }
      return std::optional{fmt::format(R"({{"received":"{}","late_by_working_days":{}}})",
                                       format_date(*received), *a.late_by_working_days)};
    }
    case assignment_effect::record_extension_request: {
      if (auto bad = check_new_deadline(ctx, r, a, e)) return *bad;
      if (trimmed_text(e.note).empty())
        return make_error(
            errc::bad_input,
            fmt::format("{}: say why the extension is needed (--note)", assignment_name(r, a)));
      a.extension = stamped(
          ctx, extension_request{.deadline = *e.new_deadline, .note = trimmed_text(e.note)});
      return std::optional{
          fmt::format(R"({{"requested_deadline":"{}"}})", format_date(*e.new_deadline))};
    }
    case assignment_effect::settle_extension_request:
      a.extension.reset();
      return std::optional<std::string>{};
    default:
      reminders.note(effect);
      return std::optional<std::string>{};
  }
}

outcome<assignment> apply_to_assignment(const unit& ctx, const round& r, assignment a,
                                        const case_event& e) {
  const workflows::assignment_facts facts{.body_is_committee = a.kind == body_kind::committee,
                                          .new_deadline_given = e.new_deadline.has_value(),
                                          .extension_requested = a.extension.has_value()};
  const auto fired = workflows::fire_assignment(a.state, e.event, facts);
  if (!fired) return refusal_error(assignment_name(r, a), fired.error(), true);
  const assignment was = a;
  std::string payload = "{}";
  reminder_changes reminders;
  for (const auto effect : fired->effects) {
    auto written = carry_out(ctx, r, a, e, effect, reminders);
    if (!written) return written.error();
    if (*written) payload = std::move(**written);
  }
  const std::string from = a.state;
  a.state = std::string(fired->to);
  // A request is pending only while an answer is awaited: an answer or an end settles it.
  if (!workflows::assignment_awaits_answer(a.state)) a.extension.reset();
  if (!ctx.cases.update_assignment(was, a)) return conflict_error(assignment_name(r, a));
  ++a.version;
  record_assignment(ctx, a, e.event, from, e.note, std::move(payload),
                    a.deadline.effective != was.deadline.effective);
  reminders.apply(ctx, a);
  return a;
}

outcome<round> apply_to_round(const unit& ctx, round r, const case_event& e);

// Whether the round's event `event` reaches this assignment: send reaches the drafts, close
// those still awaiting an answer, withdraw every one that has not ended.
bool reaches(std::string_view event, const assignment& a) {
  if (event == assignment_event::send) return a.state == assignment_state::draft;
  if (event == assignment_event::close) return workflows::assignment_awaits_answer(a.state);
  return !assignment_has_ended(a.state);
}

// Fires `event` on every assignment it reaches, each with its own event. Unanswered
// assignments are ended by the engine, whoever closed the answers.
std::optional<error> cascade(const unit& ctx, const round& r, std::string_view event) {
  const unit engine_ctx{{ctx.now, std::string(engine_actor)}, ctx.cases, ctx.reminders};
  const bool by_engine = event == assignment_event::close;
  for (auto& a : ctx.cases.assignments_of(r.id)) {
    if (!reaches(event, a)) continue;
    const auto applied =
        apply_to_assignment(by_engine ? engine_ctx : ctx, r, std::move(a),
                            case_event{.event = std::string(event),
                                       .note = std::string(by_engine ? unanswered_note : "")});
    if (!applied) return applied.error();
  }
  return std::nullopt;
}

std::string_view assignment_event_of(workflows::round_effect effect) {
  switch (effect) {
    case workflows::round_effect::send_assignments:
      return assignment_event::send;
    case workflows::round_effect::close_assignments:
      return assignment_event::close;
    default:
      return assignment_event::withdraw;
  }
}

outcome<round> apply_to_round(const unit& ctx, round r, const case_event& e) {
  const workflows::round_facts facts{.may_skip_council = r.kind == round_kind::consultation};
  const auto fired = workflows::fire_round(r.state, e.event, facts);
  if (!fired) return refusal_error(round_name(r), fired.error(), false);
  const std::string from = r.state;
  r.state = std::string(fired->to);
  if (e.event == round_event::send) r.sent_on = ctx.now.day;
  if (!ctx.cases.update_round(r)) return conflict_error(round_name(r));
  ++r.version;
  record_round(ctx, r, e.event, from, e.note, "{}");
  for (const auto effect : fired->effects)
    if (auto failed = cascade(ctx, r, assignment_event_of(effect))) return *failed;
  return r;
}

// Answers close on their own when the last assignment of a sent round has ended.
// The round's row is locked first: two answers that end the last two assignments in concurrent
// transactions each wait for the other's commit here, so the later one sees both ended.
outcome<round> close_answers_if_all_ended(const unit& ctx, round r) {
  if (r.state != round_state::sent) return r;
  if (auto locked = ctx.cases.lock_round(r.id)) r = std::move(*locked);
  if (r.state != round_state::sent || ctx.cases.has_open_assignment(r.id)) return r;
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
  if ((e.event == assignment_event::extend || e.event == assignment_event::return_ ||
       e.event == assignment_event::request_extension) &&
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
