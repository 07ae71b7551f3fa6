#pragma once
// The rows of the safety programme's tables (groups and their members, action plans, their
// reviews, goals and overrides, the legal duty's steps), read by the queries in statements.hpp.
// Internal to adapters/store.

#include <soci/soci.h>

#include <string>

#include "adapters/store/rows.hpp"
#include "engine/programme/programme.hpp"

namespace bevaka::store::detail {

struct group_row {
  long long id = 0, coordinator_id = 0, part_of_id = 0;
  int meets = 0;
  std::string name, kind, coordinator, part_of;
  soci::indicator meets_null = soci::i_null, part_null = soci::i_null,
                  part_name_null = soci::i_null;
  void bind(soci::statement& st);
  // Without its members, which a query of their own reads (group_member_row).
  [[nodiscard]] engine::group to_model() const;
};

// A body in a group, with its name.
struct group_member {
  engine::id_t group_id = 0, body_id = 0;
  std::string name;
};

struct group_member_row {
  long long group_id = 0, body_id = 0;
  std::string name;
  void bind(soci::statement& st);
  [[nodiscard]] group_member to_model() const { return {group_id, body_id, name}; }
};

struct action_plan_row {
  long long id = 0, group_id = 0, version = 0;
  int first = 0, last = 0;
  std::string ref, title, group_name, state;
  void bind(soci::statement& st);
  [[nodiscard]] engine::action_plan to_model() const;
};

// A plan's reviews, read by plan: `plan_id` is left 0 for the caller to fill in.
struct plan_review_row {
  engine::plan_review review;
  void bind(soci::statement& st);
  [[nodiscard]] engine::plan_review to_model() const { return review; }
};

struct goal_row {
  long long id = 0, plan = 0, indicator_id = 0;
  int position = 0;
  double target = 0;
  std::string text, direction;
  soci::indicator indicator_null = soci::i_null, target_null = soci::i_null,
                  direction_null = soci::i_null;
  void bind(soci::statement& st);
  [[nodiscard]] engine::goal to_model() const;
};

struct goal_override_row {
  long long goal_id = 0;
  int year = 0;
  std::string status, reason, actor, at;
  void bind(soci::statement& st);
  [[nodiscard]] engine::goal_override to_model() const;
};

struct duty_step_row {
  long long id = 0, body_id = 0, plan_id = 0;
  int first = 0, last = 0;
  std::string step, ref, decided, body, plan_ref;
  soci::indicator plan_null = soci::i_null, plan_ref_null = soci::i_null;
  void bind(soci::statement& st);
  [[nodiscard]] engine::duty_step to_model() const;
};

}  // namespace bevaka::store::detail
