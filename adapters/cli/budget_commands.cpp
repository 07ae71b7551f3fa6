// budget: a programme's yearly budget — import, spend, show.
#include "engine/budgets/budget_commands.hpp"

#include <fmt/format.h>

#include "adapters/cli/answer.hpp"
#include "adapters/cli/command_groups.hpp"
#include "adapters/import/budget_reader.hpp"
#include "adapters/views/budget_views.hpp"

namespace bevaka::cli {
namespace {

using engine::errc;
using engine::make_error;
using engine::outcome;

const std::vector<std::string> line_columns{"area", "line", "planned", "spent", "note"};
const std::vector<std::string> spend_columns{"year", "area",    "line", "amount",
                                             "note", "planned", "spent"};

// The whole budget as JSON; one row per line in CSV and text.
void write_budget(runtime& rt, const engine::budget& b) {
  if (rt.format == output_format::json)
    rt.out << views::to_json(b).dump(2) << '\n';
  else
    write_rows(rt.out, rt.format, views::budget_rows(b), line_columns);
}

struct import_options {
  std::string file, owner, by = default_actor();
  int year = 0;
};

void add_import(CLI::App& budget, handler& chosen) {
  auto o = std::make_shared<import_options>();
  // Not `import`: clang-format 14 takes a line that starts with it for a C++20 module import.
  auto* command = budget.add_subcommand(
      "import", "read a year's budget: headings, name<TAB>amount lines, SUMMA, TOTAL SUMMA");
  command->add_option("file", o->file, "the budget as text (e.g. copied from the document)")
      ->required();
  command->add_option("--year", o->year, "the budget's year, e.g. 2013")->required();
  // Kept as the name given: checking that the group exists comes with `group add`.
  command->add_option("--owner", o->owner, "the group that owns it, e.g. Arbetsutskottet")
      ->required();
  command->add_option("--by", o->by, "who imports it");
  command->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      const auto file = import::read_budget_file(o->file);
      if (!file) return file.error();
      return answer_with(rt, write_budget, [&](engine::store_transaction& tx) {
        return engine::import_budget(tx.programme(), tx.budgets(), rt.context(o->by), *file,
                                     o->year, o->owner);
      });
    };
  });
}

struct spend_options {
  std::string line, area, amount, note, by = default_actor();
  int year = 0;
};

void add_spend(CLI::App& budget, handler& chosen) {
  auto o = std::make_shared<spend_options>();
  auto* spend = budget.add_subcommand("spend", "record an outcome against a budget line");
  spend->add_option("--year", o->year, "the budget's year")->required();
  spend->add_option("--line", o->line, "the line's name, e.g. Grannsamverkan")->required();
  spend->add_option("--area", o->area, "the line's area, when its name is in several");
  spend->add_option("--amount", o->amount, "whole kronor, e.g. \"12 500\"; negative corrects")
      ->required();
  spend->add_option("--note", o->note, "what it was for");
  spend->add_option("--by", o->by, "who records it");
  spend->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      const auto amount = engine::parse_kronor(o->amount);
      if (!amount)
        return make_error(errc::bad_input,
                          fmt::format("--amount '{}' is not an amount in whole kronor", o->amount));
      const engine::budget_spending spending{.year = o->year,
                                             .line = o->line,
                                             .area = optional_text(o->area),
                                             .amount = *amount,
                                             .note = o->note};
      return answer_object(rt, spend_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        const auto line = engine::spend_from_budget(tx.budgets(), rt.context(o->by), spending);
        if (!line) return line.error();
        return ok(views::to_json(spending, *line));
      });
    };
  });
}

void add_show(CLI::App& budget, handler& chosen) {
  auto year = std::make_shared<int>();
  auto* show = budget.add_subcommand("show", "a year's budget: planned against spent");
  show->add_option("--year", *year, "the budget's year")->required();
  show->callback([&chosen, year] {
    chosen = [year](runtime& rt) -> outcome<void> {
      return answer_with(rt, write_budget, [&](engine::store_transaction& tx) {
        return engine::find_budget(tx.budgets(), *year);
      });
    };
  });
}

}  // namespace

void add_budget_commands(CLI::App& app, handler& chosen) {
  auto* budget = app.add_subcommand("budget", "a programme's yearly budget, planned and spent");
  budget->require_subcommand(1);
  add_import(*budget, chosen);
  add_spend(*budget, chosen);
  add_show(*budget, chosen);
}

}  // namespace bevaka::cli
