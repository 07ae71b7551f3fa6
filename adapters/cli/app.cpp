#include "adapters/cli/app.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "adapters/cli/command_groups.hpp"
#include "adapters/cli/exit_codes.hpp"

namespace bevaka::cli {
namespace {

using engine::errc;
using engine::make_error;
using engine::outcome;

struct global_options {
  std::string db{store::default_database_url};
  std::string now;
  std::string format = "json";
};

outcome<runtime> make_runtime(const global_options& g, std::ostream& out) {
  const auto db = store::parse_database_url(g.db);
  if (!db) return db.error();
  engine::timestamp now = engine::system_clock{}.now();
  if (!g.now.empty()) {
    const auto parsed = engine::parse_timestamp(g.now);
    if (!parsed)
      return make_error(
          errc::bad_input,
          fmt::format("--now '{}' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]", g.now));
    now = *parsed;
  }
  return runtime{out, *parse_output_format(g.format), now, *db, nullptr, !g.now.empty()};
}

int execute(const global_options& g, const handler& chosen, std::ostream& out, std::ostream& err) {
  try {
    auto rt = make_runtime(g, out);
    if (!rt) {
      err << "bevaka: " << rt.error().message << '\n';
      return exit_code_for(rt.error().code);
    }
    const auto done = chosen(*rt);
    if (done) return exit_ok;
    err << "bevaka: " << done.error().message << '\n';
    return exit_code_for(done.error().code);
  } catch (const store::database_error& e) {
    err << "bevaka: " << e.what() << '\n';
    return exit_database;
  } catch (const std::exception& e) {
    err << "bevaka: internal error: " << e.what() << '\n';
    return exit_internal;
  }
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"bevaka keeps watch over rounds, deadlines and answers", "bevaka"};
  app.require_subcommand(1);
  // Global options may come after the command too: `bevaka overdue --format csv`.
  app.fallthrough();
  global_options g;
  app.add_option("--db", g.db, "sqlite:PATH or postgresql://...")
      ->envname("BEVAKA_DB")
      ->capture_default_str();
  app.add_option("--now", g.now, "the clock: YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS], Stockholm time")
      ->envname("BEVAKA_NOW");
  app.add_option("--format", g.format, "text, json or csv")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  handler chosen;
  add_case_commands(app, chosen);
  add_query_commands(app, chosen);
  add_serve_commands(app, chosen);
  add_followup_commands(app, chosen);
  add_indicator_commands(app, chosen);
  add_report_commands(app, chosen);
  add_budget_commands(app, chosen);
  add_reminder_commands(app, chosen);
  add_programme_commands(app, chosen);
  add_duty_commands(app, chosen);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    err << "bevaka: " << e.what() << " (see --help)\n";
    return exit_bad_input;
  }
  return execute(g, chosen, out, err);
}

}  // namespace bevaka::cli
