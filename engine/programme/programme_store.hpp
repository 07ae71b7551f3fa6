#pragma once
// The safety programme's port: groups, action plans with their reviews and goals, and the
// steps of the legal duty. Read and written inside the caller's transaction; implemented by
// adapters/store; may throw engine::database_error.

#include <optional>
#include <vector>

#include "engine/programme/programme.hpp"

namespace bevaka::engine {

class programme_store {
 public:
  virtual ~programme_store() = default;

  // Every group with its coordinator's, members' and larger group's names, ordered by name.
  [[nodiscard]] virtual std::vector<group> groups() = 0;
  // Returns the new group's id; writes its members too. The caller has checked the names.
  virtual id_t insert_group(const group& g) = 0;
  // Moves the group into another (nullopt: into none). The caller has checked for cycles.
  virtual void set_group_part_of(id_t group_id, std::optional<id_t> part_of_id) = 0;
  // Every action plan with its group's name, ordered by group, then period, then reference.
  [[nodiscard]] virtual std::vector<action_plan> action_plans() = 0;
  virtual id_t insert_action_plan(const action_plan& p) = 0;
  // Writes the state and version p.version + 1 where the stored version is still p.version.
  // Returns false (and writes nothing) otherwise.
  [[nodiscard]] virtual bool update_action_plan(const action_plan& p) = 0;
  // A plan's reviews, by year.
  [[nodiscard]] virtual std::vector<plan_review> plan_reviews(id_t plan_id) = 0;
  virtual void insert_plan_review(const plan_review& r) = 0;
  // One plan's goals, or every plan's, in plan order then position.
  [[nodiscard]] virtual std::vector<goal> goals(std::optional<id_t> plan_id) = 0;
  virtual id_t insert_goal(const goal& g) = 0;
  // The overrides of one plan's goals, or of every goal, oldest first. Append-only.
  [[nodiscard]] virtual std::vector<goal_override> goal_overrides(std::optional<id_t> plan_id) = 0;
  virtual void insert_goal_override(const goal_override& o) = 0;
  // The action items linked to a plan, by id.
  [[nodiscard]] virtual std::vector<id_t> plan_item_ids(id_t plan_id) = 0;
  // Links the item to the plan, replacing any earlier link, or unlinks it (nullopt).
  virtual void set_item_plan(id_t item_id, std::optional<id_t> plan_id) = 0;
  // Every recorded step of the legal duty with its body's and plan's names, by period and step.
  [[nodiscard]] virtual std::vector<duty_step> duty_steps() = 0;
  virtual id_t insert_duty_step(const duty_step& s) = 0;
};

}  // namespace bevaka::engine
