// group, plan and goal: the safety programme's groups, their action plans and measurable goals.
#include <fmt/format.h>

#include "adapters/cli/answer.hpp"
#include "adapters/cli/command_groups.hpp"
#include "adapters/cli/reference_options.hpp"
#include "adapters/views/programme_views.hpp"
#include "engine/programme/group_commands.hpp"
#include "engine/programme/plan_commands.hpp"

namespace bevaka::cli {
namespace {

using engine::outcome;
using views::to_json_rows;

const std::vector<std::string> group_columns{"id",      "name",           "kind",   "coordinator",
                                             "members", "meets_per_year", "part_of"};
const table_columns plan_columns{{"id", "ref", "title", "group", "period", "state"},
                                 views::lifecycle::action_plan};
const std::vector<std::string> goal_columns{"id", "position", "text", "target", "direction"};
const std::vector<std::string> override_columns{"goal", "year", "status", "reason", "by", "at"};

// "none" clears a link; anything else names what to link to.
std::optional<std::string> unless_none(const std::string& text) {
  return text == "none" ? std::nullopt : std::optional<std::string>(text);
}

struct group_options {
  engine::new_group request;
  std::string kind, part_of, by = default_actor();
  int meets_per_year = 0;
};

void add_group_commands(CLI::App& app, handler& chosen) {
  auto* group = app.add_subcommand("group", "the programme's groups: council, focus groups, ...");
  group->require_subcommand(1);
  auto o = std::make_shared<group_options>();
  auto* add = group->add_subcommand("add", "add a group");
  add->add_option("name", o->request.name, "e.g. Trygg i Österåker")->required();
  add->add_option("--kind", o->kind, "what kind of group")
      ->required()
      ->check(one_of(engine::group_kind_names.names()));
  add->add_option("--coordinator", o->request.coordinator, "the body that coordinates it")
      ->required();
  add->add_option("--member", o->request.members, "a body taking part; repeat for several");
  auto* meets = add->add_option("--meets-per-year", o->meets_per_year, "how often it meets");
  add->add_option("--part-of", o->part_of, "the group it belongs to (name or id)");
  add->add_option("--by", o->by, "who adds it");
  add->callback([&chosen, o, meets] {
    chosen = [o, meets](runtime& rt) -> outcome<void> {
      o->request.kind = *engine::parse_group_kind(o->kind);
      if (meets->count() > 0) o->request.meets_per_year = o->meets_per_year;
      o->request.part_of = optional_text(o->part_of);
      return answer_object(rt, group_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        const auto g = engine::add_group(tx.cases(), tx.followup(), tx.programme(),
                                         rt.context(o->by), o->request);
        if (!g) return g.error();
        return ok(views::to_json(*g));
      });
    };
  });
  group->add_subcommand("list", "every group, by name")->callback([&chosen] {
    chosen = [](runtime& rt) -> outcome<void> {
      return answer_rows(rt, group_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        return ok(to_json_rows(tx.programme().groups()));
      });
    };
  });
  auto move = std::make_shared<std::pair<std::string, std::string>>();
  auto by = std::make_shared<std::string>(default_actor());
  auto* set = group->add_subcommand("move", "make a group part of another, or of none");
  set->add_option("group", move->first, "the group (name or id)")->required();
  set->add_option("--part-of", move->second, "the larger group, or none")->required();
  set->add_option("--by", *by, "who moves it");
  set->callback([&chosen, move, by] {
    chosen = [move, by](runtime& rt) -> outcome<void> {
      return answer_object(rt, group_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        const auto g = engine::move_group(tx.followup(), tx.programme(), rt.context(*by),
                                          move->first, unless_none(move->second));
        if (!g) return g.error();
        return ok(views::to_json(*g));
      });
    };
  });
}

// Text and CSV show a plan as its goals, one column per year of the period with its status.
void write_plan(runtime& rt, const json& plan) {
  if (rt.format == output_format::json) {
    rt.out << plan.dump(2) << '\n';
    return;
  }
  std::vector<std::string> columns{"goal", "text", "indicator", "target"};
  json rows = json::array();
  for (const auto& g : plan.at("goals")) {
    json row{{"goal", g.at("id")},
             {"text", g.at("text")},
             {"indicator", g.at("indicator").is_null() ? json(nullptr) : g["indicator"]["code"]},
             {"target", g.at("target")}};
    for (const auto& y : g.at("years")) row[std::to_string(y.at("year").get<int>())] = y["status"];
    rows.push_back(std::move(row));
  }
  for (const auto& y : rows.empty() ? json::array() : plan["goals"][0]["years"])
    columns.push_back(std::to_string(y.at("year").get<int>()));
  if (rt.format == output_format::text)
    rt.out << fmt::format(
        "{}  {}\n{}, {}, {}\n\n", plan.at("ref").get<std::string>(),
        plan.at("title").get<std::string>(), plan.at("group").get<std::string>(),
        plan.at("period").get<std::string>(),
        views::swedish_state(views::lifecycle::action_plan, plan.at("state").get<std::string>()));
  write_rows(rt.out, rt.format, rows, columns);
}

void add_plan_create(CLI::App& plan, handler& chosen) {
  auto o = std::make_shared<std::pair<engine::new_plan, std::string>>();
  o->second = default_actor();
  auto* create = plan.add_subcommand("create", "draft an action plan of a group or focus area");
  create->add_option("--ref", o->first.ref, "its reference number, e.g. KS 2012/0477-001")
      ->required();
  create->add_option("--title", o->first.title, "e.g. Handlingsplan ANDT 2013-2015")->required();
  create->add_option("--group", o->first.group, "the group or focus area (name or id)")->required();
  create->add_option("--period", o->first.period, "the years it covers, e.g. 2013-2015")
      ->required();
  create->add_option("--by", o->second, "who drafts it");
  create->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      if (const auto ref = reference_number_option(o->first.ref); !ref) return ref.error();
      return answer_object(rt, plan_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        const auto p =
            engine::create_plan(tx.followup(), tx.programme(), rt.context(o->second), o->first);
        if (!p) return p.error();
        return ok(views::to_json(*p));
      });
    };
  });
}

struct plan_event_options {
  std::string plan, by = default_actor();
  engine::plan_event e;
  int year = 0;
};

void add_plan_event(CLI::App& plan, handler& chosen) {
  auto o = std::make_shared<plan_event_options>();
  auto* event = plan.add_subcommand("event", "move a plan along its lifecycle");
  event->add_option("plan", o->plan, "the plan's reference number or id")->required();
  event->add_option("event", o->e.event, "decide, take-effect, review, evaluate or revise")
      ->required();
  auto* year = event->add_option("--year", o->year, "review: the year reviewed (default: now)");
  event->add_option("--note", o->e.note, "e.g. the decision's paragraph, KF 2013-03-25 § 12");
  event->add_option("--by", o->by, "who records it");
  event->callback([&chosen, o, year] {
    chosen = [o, year](runtime& rt) -> outcome<void> {
      if (year->count() > 0) o->e.year = o->year;
      return answer_object(rt, plan_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        const auto p = engine::fire_plan_event(tx.followup(), tx.programme(), rt.context(o->by),
                                               o->plan, o->e);
        if (!p) return p.error();
        return ok(views::to_json(*p));
      });
    };
  });
}

void add_plan_reads(CLI::App& plan, handler& chosen) {
  auto key = std::make_shared<std::string>();
  auto* show = plan.add_subcommand("show", "a plan with its goals and their colour per year");
  show->add_option("plan", *key, "the plan's reference number or id")->required();
  show->callback([&chosen, key] {
    chosen = [key](runtime& rt) -> outcome<void> {
      return answer_with(rt, write_plan, [&](engine::store_transaction& tx) -> outcome<json> {
        const auto v = engine::show_plan(tx.followup(), tx.programme(), *key);
        if (!v) return v.error();
        return ok(views::to_json(*v));
      });
    };
  });
  auto group = std::make_shared<std::string>();
  auto* list = plan.add_subcommand("list", "every plan with its goals, by group and period");
  list->add_option("--group", *group, "only this group's plans");
  list->callback([&chosen, group] {
    chosen = [group](runtime& rt) -> outcome<void> {
      return answer_rows(rt, plan_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        const auto all = engine::list_plans(tx.followup(), tx.programme(), optional_text(*group));
        if (!all) return all.error();
        return ok(to_json_rows(*all));
      });
    };
  });
}

struct goal_options {
  engine::new_goal request;
  std::string indicator, indicator_body, target, direction, by = default_actor();
};

outcome<void> fill_goal(goal_options& o) {
  o.request.indicator = optional_text(o.indicator);
  o.request.indicator_body = optional_text(o.indicator_body);
  if (!o.direction.empty()) o.request.direction = engine::parse_wanted_direction(o.direction);
  if (o.target.empty()) return {};
  const auto target = read_number("--target", o.target);
  if (!target) return target.error();
  o.request.target = *target;
  return {};
}

void add_goal_add(CLI::App& goal, handler& chosen) {
  auto o = std::make_shared<goal_options>();
  auto* add = goal.add_subcommand("add", "add a measurable goal to a draft plan");
  add->add_option("--plan", o->request.plan, "the plan's reference number or id")->required();
  add->add_option("text", o->request.text, "the goal in words")->required();
  add->add_option("--indicator", o->indicator, "the indicator that measures it (its code)");
  add->add_option("--indicator-body", o->indicator_body, "the indicator's body, when several");
  add->add_option("--target", o->target, "the value aimed at, e.g. 80 or 12,5");
  add->add_option("--direction", o->direction, "the wanted direction (default: the indicator's)")
      ->check(CLI::IsMember({"increase", "decrease"}));
  add->add_option("--by", o->by, "who adds it");
  add->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      if (auto filled = fill_goal(*o); !filled) return filled.error();
      return answer_object(rt, goal_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        const auto g = engine::add_goal(tx.cases(), tx.followup(), tx.programme(),
                                        rt.context(o->by), o->request);
        if (!g) return g.error();
        const auto v = engine::show_plan(tx.followup(), tx.programme(), std::to_string(g->plan_id));
        if (!v) return v.error();
        return ok(views::to_json(v->goals.back()));
      });
    };
  });
}

struct override_options {
  std::string goal, status, reason, by = default_actor();
  int year = 0;
};

void add_goal_override(CLI::App& goal, handler& chosen) {
  auto o = std::make_shared<override_options>();
  auto* set = goal.add_subcommand("override", "set a goal's colour for a year by hand, with why");
  set->add_option("goal", o->goal, "the goal's id")->required();
  add_year_option(*set, o->year, "e.g. 2014");
  set->add_option("--status", o->status, "the colour")
      ->required()
      ->check(one_of(engine::goal_colour_names.names()));
  set->add_option("--reason", o->reason, "why")->required();
  set->add_option("--by", o->by, "who sets it");
  set->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      return answer_object(
          rt, override_columns, [&](engine::store_transaction& tx) -> outcome<json> {
            const auto set =
                engine::override_goal(tx.followup(), tx.programme(), rt.context(o->by), o->goal,
                                      o->year, *engine::parse_goal_colour(o->status), o->reason);
            if (!set) return set.error();
            return ok(views::to_json(*set));
          });
    };
  });
}

}  // namespace

void add_programme_commands(CLI::App& app, handler& chosen) {
  add_group_commands(app, chosen);
  auto* plan = app.add_subcommand("plan", "action plans of the groups and focus areas");
  plan->require_subcommand(1);
  add_plan_create(*plan, chosen);
  add_plan_event(*plan, chosen);
  add_plan_reads(*plan, chosen);
  auto* goal = app.add_subcommand("goal", "the measurable goals of the action plans");
  goal->require_subcommand(1);
  add_goal_add(*goal, chosen);
  add_goal_override(*goal, chosen);
}

}  // namespace bevaka::cli
