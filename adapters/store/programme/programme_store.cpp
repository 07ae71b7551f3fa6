// The safety programme's part of the store port: groups and their members, action plans with
// their reviews, goals and overrides, the items linked to a plan, and the legal duty's steps.
// Run by hand a few times a year, so plain statements rather than the prepared-statement cache.
#include <map>

#include "adapters/store/rows.hpp"
#include "adapters/store/soci_transaction.hpp"

namespace bevaka::store::detail {
namespace {

using namespace bevaka::engine;

void attach_members(soci::session& sql, std::vector<group>& all) {
  std::map<long long, group*> by_id;
  for (auto& g : all) by_id[g.id] = &g;
  long long group_id = 0, body_id = 0;
  std::string name;
  soci::statement st = (sql.prepare << "SELECT m.group_id, m.body_id, b.name "
                                       "FROM programme_group_members m "
                                       "JOIN bodies b ON b.id = m.body_id "
                                       "ORDER BY m.group_id, m.position",
                        soci::into(group_id), soci::into(body_id), soci::into(name));
  st.execute();
  while (st.fetch()) {
    const auto found = by_id.find(group_id);
    if (found == by_id.end()) continue;
    found->second->member_ids.push_back(body_id);
    found->second->members.push_back(name);
  }
}

// The plans' and goals' optional columns.
soci::indicator null_unless(bool present) { return present ? soci::i_ok : soci::i_null; }

}  // namespace

std::vector<group> soci_transaction::groups() {
  long long id = 0, coordinator_id = 0, part_of_id = 0;
  int meets = 0;
  std::string name, kind, coordinator, part_of;
  soci::indicator meets_null = soci::i_null, part_null = soci::i_null,
                  part_name_null = soci::i_null;
  soci::statement st =
      (conn_.for_read().prepare
           << "SELECT g.id, g.name, g.kind, g.coordinator_id, c.name, g.meets_per_year, "
              "g.part_of_id, p.name FROM programme_groups g "
              "JOIN bodies c ON c.id = g.coordinator_id "
              "LEFT JOIN programme_groups p ON p.id = g.part_of_id ORDER BY g.name",
       soci::into(id), soci::into(name), soci::into(kind), soci::into(coordinator_id),
       soci::into(coordinator), soci::into(meets, meets_null), soci::into(part_of_id, part_null),
       soci::into(part_of, part_name_null));
  st.execute();
  std::vector<group> all;
  while (st.fetch()) {
    group g{.id = id,
            .name = name,
            .kind = stored_name(parse_group_kind, kind, "programme_groups.kind"),
            .coordinator_id = coordinator_id,
            .coordinator = coordinator};
    if (meets_null == soci::i_ok) g.meets_per_year = meets;
    if (part_null == soci::i_ok) g.part_of_id = part_of_id;
    if (part_name_null == soci::i_ok) g.part_of = part_of;
    all.push_back(std::move(g));
  }
  attach_members(conn_.for_read(), all);
  return all;
}

id_t soci_transaction::insert_group(const group& g) {
  std::string kind(to_string(g.kind));
  long long coordinator = g.coordinator_id, part_of = g.part_of_id.value_or(0), id = 0;
  int meets = g.meets_per_year.value_or(0);
  soci::indicator meets_null = null_unless(g.meets_per_year.has_value());
  soci::indicator part_null = null_unless(g.part_of_id.has_value());
  conn_.for_write()
      << "INSERT INTO programme_groups (name, kind, coordinator_id, meets_per_year, part_of_id) "
         "VALUES (:name, :kind, :coordinator, :meets, :part_of) RETURNING id",
      soci::use(g.name, "name"), soci::use(kind, "kind"), soci::use(coordinator, "coordinator"),
      soci::use(meets, meets_null, "meets"), soci::use(part_of, part_null, "part_of"),
      soci::into(id);
  for (std::size_t i = 0; i < g.member_ids.size(); ++i) {
    long long body = g.member_ids[i];
    int position = static_cast<int>(i);
    conn_.for_write() << "INSERT INTO programme_group_members (group_id, body_id, position) "
                         "VALUES (:group_id, :body, :position)",
        soci::use(id, "group_id"), soci::use(body, "body"), soci::use(position, "position");
  }
  return id;
}

void soci_transaction::set_group_part_of(id_t group_id, std::optional<id_t> part_of_id) {
  long long id = group_id, part_of = part_of_id.value_or(0);
  soci::indicator part_null = null_unless(part_of_id.has_value());
  conn_.for_write() << "UPDATE programme_groups SET part_of_id = :part_of WHERE id = :id",
      soci::use(part_of, part_null, "part_of"), soci::use(id, "id");
}

std::vector<action_plan> soci_transaction::action_plans() {
  long long id = 0, group_id = 0, version = 0;
  int first = 0, last = 0;
  std::string ref, title, group_name, state;
  soci::statement st =
      (conn_.for_read().prepare << "SELECT p.id, p.ref, p.title, p.group_id, g.name, p.first_year, "
                                   "p.last_year, p.state, p.version FROM action_plans p "
                                   "JOIN programme_groups g ON g.id = p.group_id "
                                   "ORDER BY g.name, p.first_year, p.ref",
       soci::into(id), soci::into(ref), soci::into(title), soci::into(group_id),
       soci::into(group_name), soci::into(first), soci::into(last), soci::into(state),
       soci::into(version));
  st.execute();
  std::vector<action_plan> all;
  while (st.fetch())
    all.push_back(action_plan{.id = id,
                              .ref = ref,
                              .title = title,
                              .group_id = group_id,
                              .group = group_name,
                              .period = {first, last},
                              .state = state,
                              .version = version});
  return all;
}

id_t soci_transaction::insert_action_plan(const action_plan& p) {
  long long group_id = p.group_id, version = p.version, id = 0;
  int first = p.period.first, last = p.period.last;
  conn_.for_write()
      << "INSERT INTO action_plans (ref, title, group_id, first_year, last_year, state, version) "
         "VALUES (:ref, :title, :group_id, :first_year, :last_year, :state, :version) "
         "RETURNING id",
      soci::use(p.ref, "ref"), soci::use(p.title, "title"), soci::use(group_id, "group_id"),
      soci::use(first, "first_year"), soci::use(last, "last_year"), soci::use(p.state, "state"),
      soci::use(version, "version"), soci::into(id);
  return id;
}

bool soci_transaction::update_action_plan(const action_plan& p) {
  long long id = p.id, version = p.version, next = p.version + 1;
  soci::statement st =
      (conn_.for_write().prepare << "UPDATE action_plans SET state = :state, version = :next "
                                    "WHERE id = :id AND version = :version",
       soci::use(p.state, "state"), soci::use(next, "next"), soci::use(id, "id"),
       soci::use(version, "version"));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<plan_review> soci_transaction::plan_reviews(id_t plan_id) {
  long long id = plan_id;
  plan_review r{.plan_id = plan_id};
  soci::statement st =
      (conn_.for_read().prepare << "SELECT year, note, actor, at FROM plan_reviews "
                                   "WHERE plan_id = :plan ORDER BY year",
       soci::into(r.year), soci::into(r.note), soci::into(r.actor), soci::into(r.at),
       soci::use(id, "plan"));
  st.execute();
  std::vector<plan_review> reviews;
  while (st.fetch()) reviews.push_back(r);
  return reviews;
}

void soci_transaction::insert_plan_review(const plan_review& r) {
  long long plan = r.plan_id;
  int year = r.year;
  conn_.for_write() << "INSERT INTO plan_reviews (plan_id, year, note, actor, at) "
                       "VALUES (:plan, :year, :note, :actor, :at)",
      soci::use(plan, "plan"), soci::use(year, "year"), soci::use(r.note, "note"),
      soci::use(r.actor, "actor"), soci::use(r.at, "at");
}

std::vector<goal> soci_transaction::goals(std::optional<id_t> plan_id) {
  long long id = 0, plan = 0, indicator_id = 0, only = plan_id.value_or(0);
  int position = 0, all_plans = plan_id ? 0 : 1;
  double target = 0;
  std::string text, direction;
  soci::indicator indicator_null = soci::i_null, target_null = soci::i_null,
                  direction_null = soci::i_null;
  soci::statement st =
      (conn_.for_read().prepare
           << "SELECT id, plan_id, position, text, indicator_id, target, direction "
              "FROM goals WHERE plan_id = :plan OR 1 = :all_plans "
              "ORDER BY plan_id, position, id",
       soci::into(id), soci::into(plan), soci::into(position), soci::into(text),
       soci::into(indicator_id, indicator_null), soci::into(target, target_null),
       soci::into(direction, direction_null), soci::use(only, "plan"),
       soci::use(all_plans, "all_plans"));
  st.execute();
  std::vector<goal> all;
  while (st.fetch()) {
    goal g{.id = id, .plan_id = plan, .position = position, .text = text};
    if (indicator_null == soci::i_ok) g.indicator_id = indicator_id;
    if (target_null == soci::i_ok) g.target = target;
    if (direction_null == soci::i_ok)
      g.direction = stored_name(parse_wanted_direction, direction, "goals.direction");
    all.push_back(std::move(g));
  }
  return all;
}

id_t soci_transaction::insert_goal(const goal& g) {
  long long plan = g.plan_id, indicator_id = g.indicator_id.value_or(0), id = 0;
  int position = g.position;
  double target = g.target.value_or(0);
  std::string direction(g.direction ? to_string(*g.direction) : "");
  soci::indicator indicator_null = null_unless(g.indicator_id.has_value());
  soci::indicator target_null = null_unless(g.target.has_value());
  soci::indicator direction_null = null_unless(g.direction.has_value());
  conn_.for_write()
      << "INSERT INTO goals (plan_id, position, text, indicator_id, target, direction) "
         "VALUES (:plan, :position, :text, :indicator, :target, :direction) RETURNING id",
      soci::use(plan, "plan"), soci::use(position, "position"), soci::use(g.text, "text"),
      soci::use(indicator_id, indicator_null, "indicator"),
      soci::use(target, target_null, "target"), soci::use(direction, direction_null, "direction"),
      soci::into(id);
  return id;
}

std::vector<goal_override> soci_transaction::goal_overrides(std::optional<id_t> plan_id) {
  long long goal_id = 0, only = plan_id.value_or(0);
  int year = 0, all_plans = plan_id ? 0 : 1;
  std::string status, reason, actor, at;
  soci::statement st =
      (conn_.for_read().prepare << "SELECT o.goal_id, o.year, o.status, o.reason, o.actor, o.at "
                                   "FROM goal_overrides o JOIN goals g ON g.id = o.goal_id "
                                   "WHERE g.plan_id = :plan OR 1 = :all_plans ORDER BY o.id",
       soci::into(goal_id), soci::into(year), soci::into(status), soci::into(reason),
       soci::into(actor), soci::into(at), soci::use(only, "plan"),
       soci::use(all_plans, "all_plans"));
  st.execute();
  std::vector<goal_override> all;
  while (st.fetch())
    all.push_back(
        goal_override{.goal_id = goal_id,
                      .year = year,
                      .status = stored_name(parse_goal_colour, status, "goal_overrides.status"),
                      .reason = reason,
                      .actor = actor,
                      .at = at});
  return all;
}

void soci_transaction::insert_goal_override(const goal_override& o) {
  long long goal_id = o.goal_id;
  int year = o.year;
  std::string status(to_string(o.status));
  conn_.for_write() << "INSERT INTO goal_overrides (goal_id, year, status, reason, actor, at) "
                       "VALUES (:goal, :year, :status, :reason, :actor, :at)",
      soci::use(goal_id, "goal"), soci::use(year, "year"), soci::use(status, "status"),
      soci::use(o.reason, "reason"), soci::use(o.actor, "actor"), soci::use(o.at, "at");
}

std::vector<id_t> soci_transaction::plan_item_ids(id_t plan_id) {
  long long plan = plan_id, item = 0;
  soci::statement st =
      (conn_.for_read().prepare << "SELECT item_id FROM plan_items WHERE plan_id = :plan "
                                   "ORDER BY item_id",
       soci::into(item), soci::use(plan, "plan"));
  st.execute();
  std::vector<id_t> ids;
  while (st.fetch()) ids.push_back(item);
  return ids;
}

void soci_transaction::set_item_plan(id_t item_id, std::optional<id_t> plan_id) {
  long long item = item_id;
  conn_.for_write() << "DELETE FROM plan_items WHERE item_id = :item", soci::use(item, "item");
  if (!plan_id) return;
  long long plan = *plan_id;
  conn_.for_write() << "INSERT INTO plan_items (item_id, plan_id) VALUES (:item, :plan)",
      soci::use(item, "item"), soci::use(plan, "plan");
}

std::vector<duty_step> soci_transaction::duty_steps() {
  long long id = 0, body_id = 0, plan_id = 0;
  int first = 0, last = 0;
  std::string step, ref, decided, body, plan_ref;
  soci::indicator plan_null = soci::i_null, plan_ref_null = soci::i_null;
  soci::statement st =
      (conn_.for_read().prepare
           << "SELECT s.id, s.first_year, s.last_year, s.step, s.ref, s.decided_on, "
              "s.body_id, b.name, s.plan_id, p.ref FROM duty_steps s "
              "JOIN bodies b ON b.id = s.body_id "
              "LEFT JOIN action_plans p ON p.id = s.plan_id "
              "ORDER BY s.first_year, s.last_year, s.id",
       soci::into(id), soci::into(first), soci::into(last), soci::into(step), soci::into(ref),
       soci::into(decided), soci::into(body_id), soci::into(body), soci::into(plan_id, plan_null),
       soci::into(plan_ref, plan_ref_null));
  st.execute();
  std::vector<duty_step> all;
  while (st.fetch()) {
    duty_step s{.id = id,
                .period = {first, last},
                .kind = stored_name(parse_duty_step_kind, step, "duty_steps.step"),
                .ref = ref,
                .decided = stored_date(decided),
                .body_id = body_id,
                .body = body};
    if (plan_null == soci::i_ok) s.plan_id = plan_id;
    if (plan_ref_null == soci::i_ok) s.plan_ref = plan_ref;
    all.push_back(std::move(s));
  }
  return all;
}

id_t soci_transaction::insert_duty_step(const duty_step& s) {
  long long body = s.body_id, plan = s.plan_id.value_or(0), id = 0;
  int first = s.period.first, last = s.period.last;
  std::string step(to_string(s.kind)), decided = format_date(s.decided);
  soci::indicator plan_null = null_unless(s.plan_id.has_value());
  conn_.for_write()
      << "INSERT INTO duty_steps (first_year, last_year, step, ref, decided_on, body_id, plan_id) "
         "VALUES (:first_year, :last_year, :step, :ref, :decided, :body, :plan) RETURNING id",
      soci::use(first, "first_year"), soci::use(last, "last_year"), soci::use(step, "step"),
      soci::use(s.ref, "ref"), soci::use(decided, "decided"), soci::use(body, "body"),
      soci::use(plan, plan_null, "plan"), soci::into(id);
  return id;
}

}  // namespace bevaka::store::detail
