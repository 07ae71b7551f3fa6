// The safety programme's part of the store port: groups and their members, action plans with
// their reviews, goals and overrides, the items linked to a plan, and the legal duty's steps.
#include <map>

#include "adapters/store/soci_transaction.hpp"

namespace bevaka::store::detail {
namespace {

using namespace bevaka::engine;

// Every group's members, in each group's order, read in one query.
void attach_members(std::vector<group>& all, const std::vector<group_member>& members) {
  std::map<long long, group*> by_id;
  for (auto& g : all) by_id[g.id] = &g;
  for (const auto& member : members) {
    const auto found = by_id.find(member.group_id);
    if (found == by_id.end()) continue;
    found->second->member_ids.push_back(member.body_id);
    found->second->members.push_back(member.name);
  }
}

// 1 asks for every plan's rows, 0 for those of `plan_id` (the queries' :all_plans).
int all_plans(std::optional<id_t> plan_id) { return plan_id ? 0 : 1; }

}  // namespace

std::vector<group> soci_transaction::groups() {
  auto all = prepared_.programme.groups.all(conn_);
  attach_members(all, prepared_.programme.group_members.all(conn_));
  return all;
}

id_t soci_transaction::insert_group(const group& g) {
  auto& sql = prepared_.programme;
  const auto id =
      *sql.insert_group.first(conn_, g.name, text(to_string(g.kind)), g.coordinator_id,
                              nullable<int>(g.meets_per_year), nullable<key>(g.part_of_id));
  for (std::size_t i = 0; i < g.member_ids.size(); ++i)
    sql.insert_group_member.run(conn_, id, g.member_ids[i], static_cast<int>(i));
  return id;
}

void soci_transaction::set_group_part_of(id_t group_id, std::optional<id_t> part_of_id) {
  prepared_.programme.set_group_part_of.run(conn_, nullable<key>(part_of_id), group_id);
}

std::vector<action_plan> soci_transaction::action_plans() {
  return prepared_.programme.action_plans.all(conn_);
}

id_t soci_transaction::insert_action_plan(const action_plan& p) {
  return *prepared_.programme.insert_action_plan.first(
      conn_, p.ref, p.title, p.group_id, p.period.first, p.period.last, p.state, p.version);
}

bool soci_transaction::update_action_plan(const action_plan& p) {
  return prepared_.programme.update_action_plan.run(conn_, p.state, p.version + 1, p.id,
                                                    p.version) == 1;
}

std::vector<plan_review> soci_transaction::plan_reviews(id_t plan_id) {
  auto reviews = prepared_.programme.plan_reviews.all(conn_, plan_id);
  for (auto& r : reviews) r.plan_id = plan_id;
  return reviews;
}

void soci_transaction::insert_plan_review(const plan_review& r) {
  prepared_.programme.insert_plan_review.run(conn_, r.plan_id, r.year, r.note, r.actor, r.at);
}

std::vector<goal> soci_transaction::goals(std::optional<id_t> plan_id) {
  return prepared_.programme.goals.all(conn_, plan_id.value_or(0), all_plans(plan_id));
}

id_t soci_transaction::insert_goal(const goal& g) {
  std::optional<text> direction;
  if (g.direction) direction = text(to_string(*g.direction));
  return *prepared_.programme.insert_goal.first(
      conn_, g.plan_id, g.position, g.text, nullable<key>(g.indicator_id),
      nullable<double>(g.target), nullable<text>(direction));
}

std::vector<goal_override> soci_transaction::goal_overrides(std::optional<id_t> plan_id) {
  return prepared_.programme.goal_overrides.all(conn_, plan_id.value_or(0), all_plans(plan_id));
}

void soci_transaction::insert_goal_override(const goal_override& o) {
  prepared_.programme.insert_goal_override.run(conn_, o.goal_id, o.year, text(to_string(o.status)),
                                               o.reason, o.actor, o.at);
}

std::vector<id_t> soci_transaction::plan_item_ids(id_t plan_id) {
  return prepared_.programme.plan_item_ids.all(conn_, plan_id);
}

void soci_transaction::set_item_plan(id_t item_id, std::optional<id_t> plan_id) {
  prepared_.programme.delete_item_plan.run(conn_, item_id);
  if (plan_id) prepared_.programme.insert_item_plan.run(conn_, item_id, *plan_id);
}

std::vector<duty_step> soci_transaction::duty_steps() {
  return prepared_.programme.duty_steps.all(conn_);
}

id_t soci_transaction::insert_duty_step(const duty_step& s) {
  return *prepared_.programme.insert_duty_step.first(
      conn_, s.period.first, s.period.last, text(to_string(s.kind)), s.ref, format_date(s.decided),
      s.body_id, nullable<key>(s.plan_id));
}

}  // namespace bevaka::store::detail
