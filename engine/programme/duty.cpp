#include "engine/programme/duty.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/cases/lookup.hpp"
#include "engine/followup/followup_events.hpp"
#include "engine/programme/plan_commands.hpp"
#include "workflows/action_plan.hpp"

namespace bevaka::engine {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

date first_day_of(int y) { return date{year{y}, month{1}, day{1}}; }

const duty_step* step_of(const std::vector<duty_step>& steps, year_span period,
                         duty_step_kind kind) {
  const auto found = std::find_if(steps.begin(), steps.end(), [&](const duty_step& s) {
    return s.period == period && s.kind == kind;
  });
  return found == steps.end() ? nullptr : &*found;
}

std::string step_name(duty_step_kind kind, year_span period) {
  return fmt::format("the {} of {}", to_string(kind), format_year_span(period));
}

// The step the given one follows must be recorded, and decided no later than it.
std::optional<error> check_order(const std::vector<duty_step>& steps, const duty_step& s) {
  if (s.kind == duty_step_kind::situation_picture) return std::nullopt;
  const auto before = s.kind == duty_step_kind::action_plan ? duty_step_kind::situation_picture
                                                            : duty_step_kind::action_plan;
  const auto* earlier = step_of(steps, s.period, before);
  if (!earlier)
    return make_error(errc::refused,
                      fmt::format("{} comes after {}: record that first",
                                  step_name(s.kind, s.period), step_name(before, s.period)));
  if (s.decided < earlier->decided)
    return make_error(errc::refused,
                      fmt::format("{} cannot be decided on {}, before {} ({})",
                                  step_name(s.kind, s.period), format_date(s.decided),
                                  step_name(before, s.period), format_date(earlier->decided)));
  return std::nullopt;
}

outcome<duty_step> with_plan(programme_store& programme, duty_step s,
                             const new_duty_step& request) {
  const bool takes_plan = s.kind == duty_step_kind::action_plan;
  if (!takes_plan && request.plan)
    return make_error(errc::bad_input, fmt::format("--plan is for the action-plan step, not the {}",
                                                   to_string(s.kind)));
  if (!takes_plan) return s;
  if (!request.plan)
    return make_error(errc::bad_input,
                      "the action-plan step needs --plan (the plan decided on the picture)");
  const auto p = find_plan(programme, *request.plan);
  if (!p) return p.error();
  if (p->state == workflows::action_plan_state::draft)
    return make_error(errc::refused,
                      fmt::format("plan {} is still a draft: decide it first", p->ref));
  s.plan_id = p->id;
  s.plan_ref = p->ref;
  return s;
}

outcome<duty_step> parse_step(case_store& cases, programme_store& programme,
                              const command_context& ctx, const new_duty_step& request) {
  duty_step s{.kind = request.kind, .ref = trimmed_text(request.ref)};
  const auto period = parse_year_span(trimmed_text(request.period));
  if (!period)
    return make_error(
        errc::bad_input,
        fmt::format("--period '{}' is not a span of years such as 2024-2027", request.period));
  s.period = *period;
  if (s.ref.empty())
    return make_error(errc::bad_input, "a step needs --ref (its reference number)");
  const auto decided = parse_date(request.decided);
  if (!decided)
    return make_error(errc::bad_input, fmt::format("--decided '{}' is not a date (YYYY-MM-DD "
                                                   "that exists)",
                                                   request.decided));
  if (*decided > ctx.now.day)
    return make_error(errc::bad_input, fmt::format("--decided {} is after today ({})",
                                                   request.decided, format_date(ctx.now.day)));
  s.decided = *decided;
  const auto b = find_body(cases, request.body);
  if (!b) return b.error();
  s.body_id = b->id;
  s.body = b->name;
  return with_plan(programme, std::move(s), request);
}

duty_period_status period_status(const std::vector<duty_step>& steps, year_span period,
                                 date as_of) {
  duty_period_status status{.period = period};
  std::optional<date> previous_decided;
  for (const auto kind : {duty_step_kind::situation_picture, duty_step_kind::action_plan,
                          duty_step_kind::follow_up}) {
    duty_step_status step{.kind = kind};
    if (const auto* done = step_of(steps, period, kind)) {
      step.done = *done;
      previous_decided = done->decided;
    } else if (!status.next) {
      status.next = kind;
      const auto due = kind == duty_step_kind::follow_up ? first_day_of(period.last + 1)
                       : previous_decided                ? *previous_decided
                                                         : first_day_of(period.first);
      const auto since = std::max(due, duty_in_force());
      if (since <= as_of) step.missing_since = since;
    }
    status.steps.push_back(std::move(step));
  }
  return status;
}

// A situation picture for `as_of` when no recorded period covers it.
std::optional<duty_due> uncovered(const std::vector<duty_period_status>& periods, date as_of) {
  const int this_year = static_cast<int>(as_of.year());
  date since = duty_in_force();
  for (const auto& p : periods) {
    if (p.period.contains(this_year)) return std::nullopt;
    if (p.period.last < this_year) since = std::max(since, first_day_of(p.period.last + 1));
  }
  if (as_of < since) return std::nullopt;
  return duty_due{.kind = duty_step_kind::situation_picture, .missing_since = since};
}

}  // namespace

date duty_in_force() { return date{year{2023}, month{7}, day{1}}; }

outcome<duty_step> record_duty_step(case_store& cases, followup_store& followup,
                                    programme_store& programme, const command_context& ctx,
                                    const new_duty_step& request) {
  auto s = parse_step(cases, programme, ctx, request);
  if (!s) return s.error();
  const auto steps = programme.duty_steps();
  if (const auto* same = step_of(steps, s->period, s->kind))
    return make_error(errc::duplicate,
                      fmt::format("{} is recorded already ({}, {})", step_name(s->kind, s->period),
                                  same->ref, format_date(same->decided)));
  if (auto out_of_order = check_order(steps, *s)) return *out_of_order;
  s->id = programme.insert_duty_step(*s);
  record_followup(
      followup, ctx,
      followup_event{
          .case_kind = std::string(duty_step_case),
          .case_id = s->id,
          .event = "record",
          .to = std::string(to_string(s->kind)),
          .payload = fmt::format(R"({{"period":"{}","ref":{},"decided":"{}","body":{},"plan":{}}})",
                                 format_year_span(s->period), json_quoted(s->ref),
                                 format_date(s->decided), json_quoted(s->body),
                                 s->plan_id ? json_quoted(s->plan_ref) : std::string("null"))});
  return s;
}

duty_status find_duty_status(programme_store& programme, date as_of) {
  const auto steps = programme.duty_steps();
  duty_status status{.as_of = as_of};
  for (const auto& s : steps)
    if (std::none_of(status.periods.begin(), status.periods.end(),
                     [&](const duty_period_status& p) { return p.period == s.period; }))
      status.periods.push_back(period_status(steps, s.period, as_of));
  for (const auto& p : status.periods) {
    if (!p.next || p.period.first > static_cast<int>(as_of.year())) continue;
    const auto& step = p.steps[static_cast<std::size_t>(*p.next)];
    status.next = duty_due{p.period, *p.next, step.missing_since};
    return status;
  }
  status.next = uncovered(status.periods, as_of);
  return status;
}

}  // namespace bevaka::engine
