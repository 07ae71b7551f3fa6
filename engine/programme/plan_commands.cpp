#include "engine/programme/plan_commands.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "engine/followup/followup_events.hpp"
#include "engine/followup/followup_queries.hpp"
#include "engine/followup/indicator_commands.hpp"
#include "engine/programme/group_commands.hpp"
#include "engine/shared/reference_number.hpp"
#include "workflows/action_plan.hpp"

namespace bevaka::engine {
namespace {

std::string describe(const action_plan& p) { return fmt::format("plan {}", p.ref); }

void record_plan(followup_store& followup, const command_context& ctx, const action_plan& p,
                 std::string event, std::string from, std::string note, std::string payload) {
  record_followup(followup, ctx,
                  followup_event{.case_kind = std::string(action_plan_case),
                                 .case_id = p.id,
                                 .event = std::move(event),
                                 .from = std::move(from),
                                 .to = p.state,
                                 .note = std::move(note),
                                 .payload = std::move(payload)});
}

error plan_refusal(const action_plan& p, const workflows::refusal& r) {
  const auto accepted = r.accepted_events.empty()
                            ? std::string("it accepts nothing more")
                            : fmt::format("it accepts: {}", fmt::join(r.accepted_events, ", "));
  if (r.kind == workflows::refusal_kind::unknown_event)
    return make_error(errc::bad_input,
                      fmt::format("{}: unknown event '{}'; {}", describe(p), r.event, accepted));
  if (r.kind == workflows::refusal_kind::guard_rejected)
    return make_error(errc::refused, fmt::format("{} is {}: '{}' refused: {}", describe(p), p.state,
                                                 r.event, r.reason));
  return make_error(errc::refused, fmt::format("{} is {}: '{}' is not accepted there; {}",
                                               describe(p), p.state, r.event, accepted));
}

std::optional<error> check_review_year(const action_plan& p, const plan_event& e, int year,
                                       int this_year) {
  if (e.year && e.event != workflows::action_plan_event::review)
    return make_error(errc::bad_input,
                      fmt::format("{}: --year is for review, not '{}'", describe(p), e.event));
  if (e.event != workflows::action_plan_event::review) return std::nullopt;
  if (!p.period.contains(year))
    return make_error(errc::bad_input, fmt::format("{}: {} is outside its period {}", describe(p),
                                                   year, format_year_span(p.period)));
  if (year > this_year)
    return make_error(errc::bad_input, fmt::format("{}: {} cannot be reviewed before it has begun",
                                                   describe(p), year));
  return std::nullopt;
}

outcome<goal> find_goal(programme_store& programme, std::string_view key) {
  for (auto& g : programme.goals(std::nullopt))
    if (std::to_string(g.id) == key) return std::move(g);
  return make_error(errc::not_found, fmt::format("no goal {} (goals are named by id)", key));
}

outcome<action_plan> plan_of(programme_store& programme, id_t plan_id) {
  return find_plan(programme, std::to_string(plan_id));
}

// The goal's indicator, its target and wanted direction, or why they do not fit together.
outcome<goal> measured_goal(case_store& cases, followup_store& followup, goal g,
                            const new_goal& request) {
  if (!request.indicator) {
    if (request.target || request.direction || request.indicator_body)
      return make_error(errc::bad_input,
                        "--target, --direction and --indicator-body need --indicator");
    return g;
  }
  if (!request.target)
    return make_error(errc::bad_input,
                      "a goal with --indicator needs --target (the value aimed at)");
  const auto i = find_indicator(cases, followup, *request.indicator, request.indicator_body);
  if (!i) return i.error();
  const auto direction = request.direction.value_or(i->direction);
  if (direction == wanted_direction::hold)
    return make_error(errc::bad_input,
                      fmt::format("indicator {} wants to hold its value: give the goal's "
                                  "--direction (increase or decrease)",
                                  i->code));
  g.indicator_id = i->id;
  g.target = request.target;
  g.direction = direction;
  return g;
}

goal_view view_of(const goal& g, const std::vector<indicator>& indicators, year_span period,
                  const std::vector<goal_override>& overrides) {
  goal_view v{.g = g};
  const auto found = std::find_if(indicators.begin(), indicators.end(),
                                  [&](const indicator& i) { return g.indicator_id == i.id; });
  if (found != indicators.end()) v.measured = *found;
  v.years = goal_years(g, v.measured ? &*v.measured : nullptr, period, overrides);
  return v;
}

plan_view view_of(followup_store& followup, programme_store& programme, const action_plan& p,
                  const std::vector<indicator>& indicators) {
  plan_view v{.plan = p, .reviews = programme.plan_reviews(p.id)};
  const auto overrides = programme.goal_overrides(p.id);
  for (const auto& g : programme.goals(p.id))
    v.goals.push_back(view_of(g, indicators, p.period, overrides));
  for (const auto id : programme.plan_item_ids(p.id))
    if (auto item = followup.action_item_by_id(id)) v.items.push_back(std::move(*item));
  return v;
}

}  // namespace

outcome<action_plan> find_plan(programme_store& programme, std::string_view key) {
  const auto all = programme.action_plans();
  // As rounds are: in any case and spacing ("ks 2013/0042" finds "KS 2013/0042").
  const auto wanted = reference_key(key);
  for (const auto& p : all)
    if (reference_key(p.ref) == wanted) return p;
  for (const auto& p : all)
    if (std::to_string(p.id) == key) return p;
  return make_error(errc::not_found, fmt::format("no plan with reference number or id '{}'", key));
}

outcome<action_plan> create_plan(followup_store& followup, programme_store& programme,
                                 const command_context& ctx, const new_plan& request) {
  action_plan p{.ref = trimmed_text(request.ref), .title = trimmed_text(request.title)};
  if (p.ref.empty())
    return make_error(errc::bad_input, "a plan needs --ref (its reference number)");
  if (p.title.empty()) return make_error(errc::bad_input, "a plan needs --title");
  const auto period = parse_year_span(trimmed_text(request.period));
  if (!period)
    return make_error(
        errc::bad_input,
        fmt::format("--period '{}' is not a span of years such as 2013-2015", request.period));
  p.period = *period;
  const auto g = find_group(programme, request.group);
  if (!g) return g.error();
  p.group_id = g->id;
  p.group = g->name;
  if (find_plan(programme, p.ref))
    return make_error(errc::duplicate,
                      fmt::format("a plan with reference number {} already exists", p.ref));
  p.id = programme.insert_action_plan(p);
  record_plan(followup, ctx, p, "create", "", "",
              fmt::format(R"({{"ref":{},"title":{},"group":{},"period":"{}"}})", json_quoted(p.ref),
                          json_quoted(p.title), json_quoted(p.group), format_year_span(p.period)));
  return p;
}

outcome<action_plan> fire_plan_event(followup_store& followup, programme_store& programme,
                                     const command_context& ctx, std::string_view plan_key,
                                     const plan_event& e) {
  auto p = find_plan(programme, plan_key);
  if (!p) return p.error();
  const int this_year = static_cast<int>(ctx.now.day.year());
  const int year = e.year.value_or(this_year);
  if (auto bad = check_review_year(*p, e, year, this_year)) return *bad;
  const auto reviews = programme.plan_reviews(p->id);
  const workflows::action_plan_facts facts{
      .has_goals = !programme.goals(p->id).empty(),
      .year_already_reviewed = std::any_of(reviews.begin(), reviews.end(),
                                           [&](const plan_review& r) { return r.year == year; }),
      .final_year_reached = this_year >= p->period.last};
  const auto fired = workflows::fire_action_plan(p->state, e.event, facts);
  if (!fired) return plan_refusal(*p, fired.error());
  const auto from = p->state;
  p->state = std::string(fired->to);
  std::string payload = "{}";
  for (const auto effect : fired->effects) {
    if (effect != workflows::action_plan_effect::record_review) continue;
    programme.insert_plan_review(
        stamped(ctx, plan_review{.plan_id = p->id, .year = year, .note = trimmed_text(e.note)}));
    payload = fmt::format(R"({{"year":{}}})", year);
  }
  if (!programme.update_action_plan(*p))
    return make_error(
        errc::conflict,
        fmt::format("{} was changed by someone else meanwhile; try again", describe(*p)));
  ++p->version;
  record_plan(followup, ctx, *p, e.event, from, trimmed_text(e.note), payload);
  return p;
}

outcome<goal> add_goal(case_store& cases, followup_store& followup, programme_store& programme,
                       const command_context& ctx, const new_goal& request) {
  const auto p = find_plan(programme, request.plan);
  if (!p) return p.error();
  if (p->state != workflows::action_plan_state::draft)
    return make_error(errc::refused, fmt::format("{} is {}: goals are added while it is a draft "
                                                 "(revise it first)",
                                                 describe(*p), p->state));
  goal g{.plan_id = p->id,
         .position = static_cast<int>(programme.goals(p->id).size()) + 1,
         .text = trimmed_text(request.text)};
  if (g.text.empty()) return make_error(errc::bad_input, "a goal needs its text");
  auto measured = measured_goal(cases, followup, std::move(g), request);
  if (!measured) return measured.error();
  measured->id = programme.insert_goal(*measured);
  record_followup(
      followup, ctx,
      followup_event{.case_kind = std::string(goal_case),
                     .case_id = measured->id,
                     .event = "create",
                     .payload = fmt::format(R"({{"plan":{},"text":{},"target":{}}})",
                                            json_quoted(p->ref), json_quoted(measured->text),
                                            measured->target ? fmt::format("{}", *measured->target)
                                                             : std::string("null"))});
  return measured;
}

outcome<goal_override> override_goal(followup_store& followup, programme_store& programme,
                                     const command_context& ctx, std::string_view goal_key,
                                     int year, goal_colour status, std::string reason) {
  const auto g = find_goal(programme, goal_key);
  if (!g) return g.error();
  const auto p = plan_of(programme, g->plan_id);
  if (!p) return p.error();
  if (!p->period.contains(year))
    return make_error(errc::bad_input,
                      fmt::format("goal {}: {} is outside the period {} of {}", g->id, year,
                                  format_year_span(p->period), describe(*p)));
  const auto o = stamped(
      ctx, goal_override{
               .goal_id = g->id, .year = year, .status = status, .reason = trimmed_text(reason)});
  if (o.reason.empty())
    return make_error(errc::bad_input,
                      "an override needs --reason (why the colour is set by hand)");
  programme.insert_goal_override(o);
  record_followup(followup, ctx,
                  followup_event{.case_kind = std::string(goal_case),
                                 .case_id = g->id,
                                 .event = "override",
                                 .note = o.reason,
                                 .payload = fmt::format(R"({{"year":{},"status":"{}"}})", year,
                                                        to_string(status))});
  return o;
}

outcome<action_item> link_item_to_plan(followup_store& followup, programme_store& programme,
                                       const command_context& ctx, std::string_view item_key,
                                       const std::optional<std::string>& plan_key) {
  auto item = find_action_item(followup, item_key);
  if (!item) return item.error();
  std::optional<action_plan> p;
  if (plan_key) {
    auto found = find_plan(programme, *plan_key);
    if (!found) return found.error();
    p = std::move(*found);
  }
  programme.set_item_plan(item->id, p ? std::optional<id_t>(p->id) : std::nullopt);
  record_followup(
      followup, ctx,
      followup_event{.case_kind = std::string(action_item_case),
                     .case_id = item->id,
                     .event = "link-plan",
                     .from = item->state,
                     .to = item->state,
                     .payload = fmt::format(R"({{"plan":{}}})",
                                            p ? json_quoted(p->ref) : std::string("null"))});
  return item;
}

outcome<plan_view> show_plan(followup_store& followup, programme_store& programme,
                             std::string_view key) {
  const auto p = find_plan(programme, key);
  if (!p) return p.error();
  return view_of(followup, programme, *p, followup.indicators());
}

outcome<std::vector<plan_view>> list_plans(followup_store& followup, programme_store& programme,
                                           const std::optional<std::string>& group_key) {
  std::optional<id_t> only;
  if (group_key) {
    const auto g = find_group(programme, *group_key);
    if (!g) return g.error();
    only = g->id;
  }
  const auto indicators = followup.indicators();
  std::vector<plan_view> views;
  for (const auto& p : programme.action_plans())
    if (!only || p.group_id == *only) views.push_back(view_of(followup, programme, p, indicators));
  return views;
}

}  // namespace bevaka::engine
