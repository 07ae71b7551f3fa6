// followup: the follow-up table of action items — import, list, areas, event, set, log, export.
#include "engine/followup/followup_commands.hpp"

#include <fmt/format.h>

#include "adapters/cli/answer.hpp"
#include "adapters/cli/command_groups.hpp"
#include "adapters/import/followup_table_reader.hpp"
#include "adapters/import/followup_table_writer.hpp"
#include "adapters/views/followup_views.hpp"
#include "engine/followup/followup_import.hpp"
#include "engine/followup/followup_queries.hpp"
#include "engine/programme/plan_commands.hpp"

namespace bevaka::cli {
namespace {

using engine::errc;
using engine::make_error;
using engine::outcome;
using views::to_json;
using views::to_json_list;

const table_columns item_columns{
    {"id", "unit", "area", "activity", "category", "state", "incomplete"},
    views::lifecycle::action_item};
const std::vector<std::string> import_columns{"unit",       "areas",       "items",
                                              "incomplete", "created",     "updated",
                                              "unchanged",  "work_period", "plan_period"};
const std::vector<std::string> area_columns{"unit", "area", "items", "incomplete"};
const table_columns event_columns{{"at", "event", "from", "to", "by", "note"},
                                  views::lifecycle::action_item};

outcome<std::optional<engine::half_year>> read_period(const std::string& text) {
  if (text.empty()) return std::optional<engine::half_year>{};
  if (const auto period = engine::parse_half_year(text)) return period;
  return make_error(errc::bad_input,
                    fmt::format("--period '{}' is not a half-year such as 2016H1 or 2016H2", text));
}

struct import_options {
  std::string file, unit, period, by = default_actor();
};

void add_import(CLI::App& followup, handler& chosen) {
  auto o = std::make_shared<import_options>();
  // Not `import`: clang-format 14 takes a line that starts with it for a C++20 module import.
  auto* command = followup.add_subcommand(
      "import", "read a follow-up table (CSV or text from Excel, LibreOffice or a document)");
  command->add_option("file", o->file, "the table")->required();
  command->add_option("--unit", o->unit, "the department that owns the table's items");
  command->add_option("--period", o->period,
                      "the half-year of the work column when its header has no year (2016H1)");
  command->add_option("--by", o->by, "who imports it");
  command->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      const auto period = read_period(o->period);
      if (!period) return period.error();
      const auto table = import::read_followup_file(o->file, *period);
      if (!table) return table.error();
      return answer_object(rt, import_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        const auto summary =
            engine::import_followup_table(tx.followup(), rt.context(o->by), *table, o->unit);
        if (!summary) return summary.error();
        return ok(to_json(*summary));
      });
    };
  });
}

struct list_options {
  std::string unit, area, category, missing, period;
};

outcome<engine::action_item_filter> make_filter(const list_options& o, engine::date today) {
  engine::action_item_filter filter;
  if (!o.unit.empty()) filter.unit = o.unit;
  if (!o.area.empty()) filter.area = o.area;
  if (!o.category.empty()) filter.category = engine::parse_action_category(o.category);
  if (!o.missing.empty())
    filter.missing =
        o.missing == "report" ? engine::missing_kind::report : engine::missing_kind::evaluation;
  const auto period = read_period(o.period);
  if (!period) return period.error();
  filter.period = period->value_or(engine::half_year_of(today));
  return filter;
}

void add_list(CLI::App& followup, handler& chosen) {
  auto o = std::make_shared<list_options>();
  auto* list = followup.add_subcommand("list", "the action items, in table order");
  list->add_option("--unit", o->unit, "only this department's items");
  list->add_option("--area", o->area, "only this area (Område/typ aktivitet)");
  list->add_option("--category", o->category, "only this category")
      ->check(one_of(engine::action_category_names.names()));
  list->add_option("--missing", o->missing,
                   "evaluation: no evaluation method; report: ongoing without a report for the "
                   "half-year")
      ->check(CLI::IsMember({"evaluation", "report"}));
  list->add_option("--period", o->period, "the half-year for --missing report (default: now)");
  list->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      const auto filter = make_filter(*o, rt.now.day);
      if (!filter) return filter.error();
      return answer_rows(rt, item_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        return ok(to_json_list(engine::find_action_items(tx.followup(), *filter)));
      });
    };
  });
}

void add_areas(CLI::App& followup, handler& chosen) {
  auto unit = std::make_shared<std::string>();
  auto* areas = followup.add_subcommand("areas", "the areas of the tables, with their items");
  areas->add_option("--unit", *unit, "only this department's areas");
  areas->callback([&chosen, unit] {
    chosen = [unit](runtime& rt) -> outcome<void> {
      return answer_rows(rt, area_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        return ok(to_json_list(engine::summarize_areas(tx.followup(), optional_text(*unit))));
      });
    };
  });
}

struct event_options {
  std::string id, event, period, text, by = default_actor();
};

void add_event(CLI::App& followup, handler& chosen) {
  auto o = std::make_shared<event_options>();
  auto* event = followup.add_subcommand("event", "record an event on an action item");
  event->add_option("id", o->id, "the item's id")->required();
  event->add_option("event", o->event, "plan, start, report, complete, evaluate or cancel")
      ->required();
  event->add_option("--period", o->period, "report and plan: the half-year (default: now)");
  event->add_option("--text", o->text,
                    "report: the work done; plan: the plan; evaluate: the result; else a note");
  event->add_option("--by", o->by, "who records it");
  event->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      const auto period = read_period(o->period);
      if (!period) return period.error();
      const engine::item_event request{o->event, *period, o->text};
      return answer_object(rt, item_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        const auto fired =
            engine::fire_item_event(tx.followup(), rt.context(o->by), o->id, request);
        if (!fired) return fired.error();
        return ok(to_json(*fired));
      });
    };
  });
}

struct set_options {
  std::string id, by = default_actor();
  std::optional<std::string> category, method, plan;
};

void add_set(CLI::App& followup, handler& chosen) {
  auto o = std::make_shared<set_options>();
  auto* set =
      followup.add_subcommand("set", "set an action item's category, evaluation method or plan");
  set->add_option("id", o->id, "the item's id")->required();
  set->add_option("--category", o->category,
                  "reduce-motivation, reduce-opportunities, capable-guardians or none");
  set->add_option("--evaluation-method", o->method, "how the item will be evaluated");
  set->add_option("--plan", o->plan, "the action plan it serves (reference or id), or none");
  set->add_option("--by", o->by, "who records it");
  set->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      const engine::item_settings settings{o->category, o->method};
      return answer_object(rt, item_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        if (o->plan) {
          const auto plan = *o->plan == "none" ? std::nullopt : o->plan;
          const auto linked = engine::link_item_to_plan(tx.followup(), tx.programme(),
                                                        rt.context(o->by), o->id, plan);
          if (!linked) return linked.error();
        }
        const auto set = engine::set_item_fields(tx.followup(), rt.context(o->by), o->id, settings);
        if (!set) return set.error();
        return ok(to_json(*set));
      });
    };
  });
}

void add_log(CLI::App& followup, handler& chosen) {
  auto id = std::make_shared<std::string>();
  auto* log = followup.add_subcommand("log", "an action item's record, oldest first");
  log->add_option("id", *id, "the item's id")->required();
  log->callback([&chosen, id] {
    chosen = [id](runtime& rt) -> outcome<void> {
      return answer_rows(rt, event_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        const auto found = engine::item_timeline(tx.followup(), *id);
        if (!found) return found.error();
        return ok(to_json_list(*found));
      });
    };
  });
}

struct export_options {
  std::string format, output, unit, period;
};

outcome<void> write_sheet(const export_options& o, const engine::followup_sheet& sheet) {
  if (o.format == "xlsx") return import::write_followup_xlsx(o.output, sheet);
  return import::write_followup_csv(o.output, sheet);
}

void add_export(CLI::App& followup, handler& chosen) {
  auto o = std::make_shared<export_options>();
  auto* out = followup.add_subcommand("export", "write a unit's table to send to a committee");
  out->add_option("--format", o->format, "csv (UTF-8, ';') or xlsx")
      ->required()
      ->check(CLI::IsMember({"csv", "xlsx"}));
  out->add_option("--output", o->output, "the file to write")->required();
  out->add_option("--unit", o->unit, "the department whose table it is");
  out->add_option("--period", o->period,
                  "the half-year of the work column (default: the latest reported)");
  out->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      const auto period = read_period(o->period);
      if (!period) return period.error();
      const auto unit = optional_text(o->unit);
      const auto sheet = engine::in_transaction(
          rt.store(), [&](engine::store_transaction& tx) -> outcome<engine::followup_sheet> {
            return engine::make_followup_sheet(tx.followup(), unit, *period, rt.now.day);
          });
      if (!sheet) return sheet.error();
      if (auto written = write_sheet(*o, *sheet); !written) return written.error();
      write_object(rt.out, rt.format,
                   json{{"output", o->output},
                        {"format", o->format},
                        {"unit", sheet->unit.empty() ? json(nullptr) : json(sheet->unit)},
                        {"items", sheet->items.size()},
                        {"work_period", engine::format_half_year(sheet->work_period)},
                        {"plan_period", engine::format_half_year(sheet->plan_period)}},
                   {"output", "format", "unit", "items", "work_period", "plan_period"});
      return {};
    };
  });
}

}  // namespace

void add_followup_commands(CLI::App& app, handler& chosen) {
  auto* followup = app.add_subcommand("followup", "the follow-up table of action items");
  followup->require_subcommand(1);
  add_import(*followup, chosen);
  add_list(*followup, chosen);
  add_areas(*followup, chosen);
  add_event(*followup, chosen);
  add_set(*followup, chosen);
  add_log(*followup, chosen);
  add_export(*followup, chosen);
}

}  // namespace bevaka::cli
