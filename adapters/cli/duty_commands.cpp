// duty: the legal duty of Lag 2023:196 — record its steps, and where the municipality stands.
#include <fmt/format.h>

#include "adapters/cli/answer.hpp"
#include "adapters/cli/command_groups.hpp"
#include "adapters/cli/reference_options.hpp"
#include "adapters/views/programme_views.hpp"
#include "engine/programme/duty.hpp"

namespace bevaka::cli {
namespace {

using engine::outcome;

const std::vector<std::string> step_columns{"id", "period", "step", "ref", "decided", "by", "plan"};
const std::vector<std::string> status_columns{"period",  "step", "done", "ref",
                                              "decided", "by",   "plan", "missing_since"};

struct record_options {
  engine::new_duty_step request;
  std::string step, plan, by = default_actor();
};

void add_record(CLI::App& duty, handler& chosen) {
  auto o = std::make_shared<record_options>();
  auto* record = duty.add_subcommand("record", "record a decided step of the duty");
  record->add_option("step", o->step, "situation-picture, action-plan or follow-up")
      ->required()
      ->check(one_of(engine::duty_step_kind_names.names()));
  record->add_option("--period", o->request.period, "the years it covers, e.g. 2024-2027")
      ->required();
  record->add_option("--ref", o->request.ref, "the decision's reference number")->required();
  record->add_option("--decided", o->request.decided, "the decision's date, YYYY-MM-DD")
      ->required();
  record->add_option("--decided-by", o->request.body, "the deciding body (name or id)")->required();
  record->add_option("--plan", o->plan, "action-plan: the plan decided (reference or id)");
  record->add_option("--by", o->by, "who records it");
  record->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      if (const auto ref = reference_number_option(o->request.ref); !ref) return ref.error();
      o->request.kind = *engine::parse_duty_step_kind(o->step);
      if (!o->plan.empty()) o->request.plan = o->plan;
      return answer_object(rt, step_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        const auto s = engine::record_duty_step(tx.cases(), tx.followup(), tx.programme(),
                                                rt.context(o->by), o->request);
        if (!s) return s.error();
        return ok(views::to_json(*s));
      });
    };
  });
}

// Text and CSV: one row per step of each period.
json status_rows(const json& status) {
  json rows = json::array();
  for (const auto& period : status.at("periods"))
    for (auto step : period.at("steps")) {
      step["period"] = period.at("period");
      rows.push_back(std::move(step));
    }
  return rows;
}

// JSON as it is; text and CSV as status_rows.
void write_status(runtime& rt, const json& status) {
  if (rt.format == output_format::json)
    rt.out << status.dump(2) << '\n';
  else
    write_rows(rt.out, rt.format, status_rows(status), status_columns);
}

void add_status(CLI::App& duty, handler& chosen) {
  auto as_of = std::make_shared<std::string>();
  auto* status = duty.add_subcommand(
      "status", "which steps are done, which is due next, since when one is missing");
  status->add_option("--as-of", *as_of, "the day to ask about (default: today)");
  status->callback([&chosen, as_of] {
    chosen = [as_of](runtime& rt) -> outcome<void> {
      auto day = rt.now.day;
      if (!as_of->empty()) {
        const auto parsed = read_date("--as-of", *as_of);
        if (!parsed) return parsed.error();
        day = *parsed;
      }
      return answer_with(rt, write_status, [&](engine::store_transaction& tx) -> outcome<json> {
        return ok(views::to_json(engine::find_duty_status(tx.programme(), day)));
      });
    };
  });
}

}  // namespace

void add_duty_commands(CLI::App& app, handler& chosen) {
  auto* duty = app.add_subcommand(
      "duty", "the legal duty (Lag 2023:196): situation picture, action plan, follow-up");
  duty->require_subcommand(1);
  add_record(*duty, chosen);
  add_status(*duty, chosen);
}

}  // namespace bevaka::cli
