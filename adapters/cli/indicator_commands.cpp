// indicator: what the bodies measure (mätetal) — add, value, list.
#include "engine/followup/indicator_commands.hpp"

#include "adapters/cli/answer.hpp"
#include "adapters/cli/command_groups.hpp"
#include "adapters/views/followup_views.hpp"

namespace bevaka::cli {
namespace {

using engine::outcome;
using views::to_json;
using views::to_json_list;

const std::vector<std::string> indicator_columns{"code", "body", "title", "direction", "unit"};

struct add_options {
  std::string code, title, direction, unit, body, by = default_actor();
};

void add_add(CLI::App& indicator, handler& chosen) {
  auto o = std::make_shared<add_options>();
  auto* add = indicator.add_subcommand("add", "add an indicator");
  add->add_option("code", o->code, "as the body numbers it, e.g. 6.2")->required();
  add->add_option("--title", o->title, "what it measures")->required();
  add->add_option("--direction", o->direction, "the wanted direction")
      ->required()
      ->check(one_of(engine::wanted_direction_names.names()));
  add->add_option("--unit", o->unit, "what the values count, e.g. %");
  add->add_option("--body", o->body, "the body that reports it (name or id)");
  add->add_option("--by", o->by, "who adds it");
  add->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      const engine::new_indicator request{o->code, o->title,
                                          *engine::parse_wanted_direction(o->direction), o->unit,
                                          optional_text(o->body)};
      return answer_object(
          rt, indicator_columns, [&](engine::store_transaction& tx) -> outcome<json> {
            const auto i =
                engine::add_indicator(tx.cases(), tx.followup(), rt.context(o->by), request);
            if (!i) return i.error();
            return ok(to_json(*i));
          });
    };
  });
}

struct value_options {
  std::string code, value, body, by = default_actor();
  int year = 0;
};

void add_value(CLI::App& indicator, handler& chosen) {
  auto o = std::make_shared<value_options>();
  auto* value = indicator.add_subcommand("value", "record an indicator's value for a year");
  value->add_option("code", o->code, "the indicator's code")->required();
  add_year_option(*value, o->year, "e.g. 2016");
  value->add_option("--value", o->value, "the year's value, e.g. 84,5")->required();
  value->add_option("--body", o->body, "the body, when several have this code");
  value->add_option("--by", o->by, "who records it");
  value->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      const auto number = read_number("--value", o->value);
      if (!number) return number.error();
      return answer_object(
          rt, indicator_columns, [&](engine::store_transaction& tx) -> outcome<json> {
            const auto i =
                engine::set_indicator_value(tx.cases(), tx.followup(), rt.context(o->by), o->code,
                                            optional_text(o->body), o->year, *number);
            if (!i) return i.error();
            return ok(to_json(*i));
          });
    };
  });
}

void add_list(CLI::App& indicator, handler& chosen) {
  auto body = std::make_shared<std::string>();
  auto* list = indicator.add_subcommand("list", "the indicators with their values and outcomes");
  list->add_option("--body", *body, "only this body's");
  list->callback([&chosen, body] {
    chosen = [body](runtime& rt) -> outcome<void> {
      return answer_rows(
          rt, indicator_columns, [&](engine::store_transaction& tx) -> outcome<json> {
            const auto all =
                engine::list_indicators(tx.cases(), tx.followup(), optional_text(*body));
            if (!all) return all.error();
            return ok(to_json_list(*all));
          });
    };
  });
}

}  // namespace

void add_indicator_commands(CLI::App& app, handler& chosen) {
  auto* indicator = app.add_subcommand("indicator", "what the bodies measure, year by year");
  indicator->require_subcommand(1);
  add_add(*indicator, chosen);
  add_value(*indicator, chosen);
  add_list(*indicator, chosen);
}

}  // namespace bevaka::cli
