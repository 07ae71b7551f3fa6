#include "adapters/store/programme/rows.hpp"

namespace bevaka::store::detail {

using namespace bevaka::engine;

void group_row::bind(soci::statement& st) {
  bind_columns(st, id, name, kind, coordinator_id, coordinator, maybe_null{meets, meets_null},
               maybe_null{part_of_id, part_null}, maybe_null{part_of, part_name_null});
}

group group_row::to_model() const {
  group g{.id = id,
          .name = name,
          .kind = stored_name(parse_group_kind, kind, "programme_groups.kind"),
          .coordinator_id = coordinator_id,
          .coordinator = coordinator};
  if (meets_null == soci::i_ok) g.meets_per_year = meets;
  if (part_null == soci::i_ok) g.part_of_id = part_of_id;
  if (part_name_null == soci::i_ok) g.part_of = part_of;
  return g;
}

void group_member_row::bind(soci::statement& st) { bind_columns(st, group_id, body_id, name); }

void action_plan_row::bind(soci::statement& st) {
  bind_columns(st, id, ref, title, group_id, group_name, first, last, state, version);
}

action_plan action_plan_row::to_model() const {
  return action_plan{.id = id,
                     .ref = ref,
                     .title = title,
                     .group_id = group_id,
                     .group = group_name,
                     .period = {first, last},
                     .state = state,
                     .version = version};
}

void plan_review_row::bind(soci::statement& st) {
  bind_columns(st, review.year, review.note, review.actor, review.at);
}

void goal_row::bind(soci::statement& st) {
  bind_columns(st, id, plan, position, text, maybe_null{indicator_id, indicator_null},
               maybe_null{target, target_null}, maybe_null{direction, direction_null});
}

goal goal_row::to_model() const {
  goal g{.id = id, .plan_id = plan, .position = position, .text = text};
  if (indicator_null == soci::i_ok) g.indicator_id = indicator_id;
  if (target_null == soci::i_ok) g.target = target;
  if (direction_null == soci::i_ok)
    g.direction = stored_name(parse_wanted_direction, direction, "goals.direction");
  return g;
}

void goal_override_row::bind(soci::statement& st) {
  bind_columns(st, goal_id, year, status, reason, actor, at);
}

goal_override goal_override_row::to_model() const {
  return goal_override{.goal_id = goal_id,
                       .year = year,
                       .status = stored_name(parse_goal_colour, status, "goal_overrides.status"),
                       .reason = reason,
                       .actor = actor,
                       .at = at};
}

void duty_step_row::bind(soci::statement& st) {
  bind_columns(st, id, first, last, step, ref, decided, body_id, body,
               maybe_null{plan_id, plan_null}, maybe_null{plan_ref, plan_ref_null});
}

duty_step duty_step_row::to_model() const {
  duty_step s{.id = id,
              .period = {first, last},
              .kind = stored_name(parse_duty_step_kind, step, "duty_steps.step"),
              .ref = ref,
              .decided = stored_date(decided),
              .body_id = body_id,
              .body = body};
  if (plan_null == soci::i_ok) s.plan_id = plan_id;
  if (plan_ref_null == soci::i_ok) s.plan_ref = plan_ref;
  return s;
}

}  // namespace bevaka::store::detail
