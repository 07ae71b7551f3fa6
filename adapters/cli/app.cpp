#include "adapters/cli/app.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>

#include "adapters/cli/exit_codes.hpp"
#include "adapters/cli/json_views.hpp"
#include "adapters/cli/render.hpp"
#include "adapters/store/soci_store.hpp"
#include "engine/commands.hpp"
#include "engine/lookup.hpp"
#include "engine/queries.hpp"

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

// What a handler works with once the global options have been read.
struct runtime {
  std::ostream& out;
  output_format format;
  engine::timestamp now;
  store::database_url db;
  std::unique_ptr<store::soci_store> opened;

  // Opens the database on first use. Only `init` may create it.
  store::soci_store& store(bool create = false) {
    if (opened) return *opened;
    if (db.kind == store::backend::sqlite && !create && !std::filesystem::exists(db.target))
      throw store::database_error(
          fmt::format("no database at {}: run `bevaka init` first", db.target));
    opened = std::make_unique<store::soci_store>(
        db, create ? store::open_mode::create : store::open_mode::existing);
    return *opened;
  }
  engine::command_context context(engine::store_transaction& tx, const std::string& by) const {
    return engine::command_context{tx, now, by};
  }
};

using handler = std::function<outcome<void>(runtime&)>;

// A json converts to almost anything, so result<json> needs to be told which side it is on.
outcome<json> ok(json value) { return {boost::system::in_place_value, std::move(value)}; }

// Who acts when --by is not given: the login name, so the record never says "nobody".
std::string default_actor() {
  for (const char* name : {"BEVAKA_USER", "USER", "LOGNAME"})
    if (const char* value = std::getenv(name); value && *value) return value;
  return "cli";
}

outcome<engine::date> read_date(std::string_view option, const std::string& text) {
  if (const auto day = engine::parse_date(text)) return *day;
  return make_error(errc::bad_input,
                    fmt::format("{} '{}' is not a date (YYYY-MM-DD that exists)", option, text));
}

const std::vector<std::string> body_columns{"id", "name", "kind", "emails"};
const std::vector<std::string> assignment_columns{
    "ref", "body", "state", "deadline", "submitted_on", "late_by_working_days"};
const std::vector<std::string> overdue_columns{
    "ref", "title", "body", "deadline", "working_days_overdue", "state"};
const std::vector<std::string> log_columns{"at", "body", "event", "from", "to", "by", "note"};

void write_round(runtime& rt, const json& round) {
  if (rt.format == output_format::json) {
    rt.out << round.dump(2) << '\n';
    return;
  }
  json rows = round.at("assignments");
  for (auto& row : rows) row["ref"] = round.at("ref");
  if (rt.format == output_format::text) {
    rt.out << fmt::format("{}  {}\n{}, {}, deadline {}", round.at("ref").get<std::string>(),
                          round.at("title").get<std::string>(), round.at("kind").get<std::string>(),
                          round.at("state").get<std::string>(),
                          round.at("deadline").get<std::string>());
    if (!round.at("deadline_reason").is_null())
      rt.out << fmt::format(" ({})", round.at("deadline_reason").get<std::string>());
    rt.out << "\n\n";
  }
  write_rows(rt.out, rt.format, rows, assignment_columns);
}

outcome<void> show_round(runtime& rt, engine::store_transaction& tx, const std::string& key) {
  const auto view = engine::show_round(tx, key);
  if (!view) return view.error();
  write_round(rt, to_json(*view));
  return {};
}

void add_init(CLI::App& app, handler& chosen) {
  app.add_subcommand("init", "create the database or bring its schema up to date")
      ->callback([&chosen] {
        chosen = [](runtime& rt) -> outcome<void> {
          auto& s = rt.store(true);
          const auto applied = s.migrate();
          s.require_current_schema();
          write_object(rt.out, rt.format, json{{"applied_migrations", applied}},
                       {"applied_migrations"});
          return {};
        };
      });
}

void add_body_commands(CLI::App& app, handler& chosen) {
  auto* body = app.add_subcommand("body", "the bodies that answer: committees, companies, ...");
  body->require_subcommand(1);
  auto request = std::make_shared<engine::new_body>();
  auto kind = std::make_shared<std::string>();
  auto* add = body->add_subcommand("add", "add a body");
  add->add_option("name", request->name, "its name, e.g. Socialnämnden")->required();
  add->add_option("--kind", *kind, "committee, company, authority or association")
      ->required()
      ->check(CLI::IsMember({"committee", "company", "authority", "association"}));
  add->add_option("--email", request->emails, "an address; repeat for several");
  add->callback([&chosen, request, kind] {
    chosen = [request, kind](runtime& rt) -> outcome<void> {
      request->kind = *engine::parse_body_kind(*kind);
      const auto added = engine::in_transaction(rt.store(), [&](engine::store_transaction& tx) {
        return engine::add_body(tx, *request);
      });
      if (!added) return added.error();
      write_object(rt.out, rt.format, to_json(*added), body_columns);
      return {};
    };
  });
  auto list_kind = std::make_shared<std::string>();
  auto* list = body->add_subcommand("list", "list the bodies");
  list->add_option("--kind", *list_kind, "only bodies of this kind")
      ->check(CLI::IsMember({"committee", "company", "authority", "association"}));
  list->callback([&chosen, list_kind] {
    chosen = [list_kind](runtime& rt) -> outcome<void> {
      const auto kind = engine::parse_body_kind(*list_kind);
      const auto bodies =
          engine::in_transaction(rt.store(), [&](engine::store_transaction& tx) -> outcome<json> {
            return ok(to_json_array(tx.bodies(kind)));
          });
      if (!bodies) return bodies.error();
      write_rows(rt.out, rt.format, *bodies, body_columns);
      return {};
    };
  });
}

struct round_create_options {
  std::string kind, ref, title, deadline, by = default_actor();
  std::vector<std::string> to;
  std::string to_all;
  bool draft = false, no_shift = false;
};

void add_round_create(CLI::App& round, handler& chosen) {
  auto o = std::make_shared<round_create_options>();
  auto* create = round.add_subcommand("create", "create a round and its assignments");
  create->add_option("--kind", o->kind, "consultation or annual-report")
      ->required()
      ->check(CLI::IsMember({"consultation", "annual-report"}));
  create->add_option("--ref", o->ref, "reference number, e.g. \"Kst 2015/503\"")->required();
  create->add_option("--title", o->title, "what the round is about")->required();
  create->add_option("--deadline", o->deadline, "answers by (YYYY-MM-DD)")->required();
  auto* to = create->add_option("--to", o->to, "a body (name or id); repeat for several");
  auto* to_all = create->add_option("--to-all", o->to_all, "every body of this kind")
                     ->check(CLI::IsMember({"committee", "company", "authority", "association"}));
  to->excludes(to_all);
  create->add_flag("--draft", o->draft, "create it without sending it");
  create->add_flag("--no-deadline-shift", o->no_shift,
                   "keep a deadline on a weekend or holiday where it is");
  create->add_option("--by", o->by, "who creates it");
  create->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      const auto deadline = read_date("--deadline", o->deadline);
      if (!deadline) return deadline.error();
      engine::new_round request{
          *engine::parse_round_kind(o->kind), o->ref,   o->title,    *deadline, o->to,
          engine::parse_body_kind(o->to_all), o->draft, !o->no_shift};
      return engine::in_transaction(rt.store(), [&](engine::store_transaction& tx) {
        const auto created = engine::create_round(rt.context(tx, o->by), request);
        if (!created) return outcome<void>(created.error());
        return show_round(rt, tx, std::to_string(created->id));
      });
    };
  });
}

struct event_options {
  std::string round, body, event, by = default_actor(), note, deadline;
};

void add_round_event(CLI::App& round, handler& chosen) {
  auto o = std::make_shared<event_options>();
  auto* event = round.add_subcommand("event", "record an event on a round");
  event->add_option("round", o->round, "id or reference number")->required();
  event->add_option("event", o->event, "send, close-answers, discuss, approve or withdraw")
      ->required();
  event->add_option("--by", o->by, "who records it");
  event->add_option("--note", o->note, "why, or what was attached");
  event->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      return engine::in_transaction(rt.store(), [&](engine::store_transaction& tx) {
        const engine::case_event e{o->event, o->note, std::nullopt};
        const auto fired = engine::fire_round_event(rt.context(tx, o->by), o->round, e);
        if (!fired) return outcome<void>(fired.error());
        return show_round(rt, tx, std::to_string(fired->id));
      });
    };
  });
}

void add_round_commands(CLI::App& app, handler& chosen) {
  auto* round = app.add_subcommand("round", "consultations and annual reports");
  round->require_subcommand(1);
  add_round_create(*round, chosen);
  auto key = std::make_shared<std::string>();
  auto* show = round->add_subcommand("show", "a round and every body's status");
  show->add_option("round", *key, "id or reference number")->required();
  show->callback([&chosen, key] {
    chosen = [key](runtime& rt) -> outcome<void> {
      return engine::in_transaction(
          rt.store(), [&](engine::store_transaction& tx) { return show_round(rt, tx, *key); });
    };
  });
  add_round_event(*round, chosen);
}

outcome<json> fire_assignment(runtime& rt, engine::store_transaction& tx, const event_options& o) {
  std::optional<engine::date> deadline;
  if (!o.deadline.empty()) {
    const auto day = read_date("--deadline", o.deadline);
    if (!day) return day.error();
    deadline = *day;
  }
  const engine::case_event e{o.event, o.note, deadline};
  const auto fired = engine::fire_assignment_event(rt.context(tx, o.by), o.round, o.body, e);
  if (!fired) return fired.error();
  const auto r = tx.round_by_id(fired->round_id);
  return ok(to_json(*r, *fired));
}

void add_assignment_commands(CLI::App& app, handler& chosen) {
  auto* assignment = app.add_subcommand("assignment", "one body's part in one round");
  assignment->require_subcommand(1);
  auto o = std::make_shared<event_options>();
  auto* event = assignment->add_subcommand("event", "record an event on an assignment");
  event->add_option("round", o->round, "id or reference number")->required();
  event->add_option("body", o->body, "id or name")->required();
  event->add_option("event", o->event, "start, decide, submit, register, decline, return or extend")
      ->required();
  event->add_option("--by", o->by, "who records it");
  event->add_option("--note", o->note, "why, or what was attached");
  event->add_option("--deadline", o->deadline, "the new deadline, for extend and return");
  event->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      const auto fired = engine::in_transaction(
          rt.store(), [&](engine::store_transaction& tx) { return fire_assignment(rt, tx, *o); });
      if (!fired) return fired.error();
      write_object(rt.out, rt.format, *fired, assignment_columns);
      return {};
    };
  });
}

void add_overdue(CLI::App& app, handler& chosen) {
  auto kind = std::make_shared<std::string>();
  auto* overdue = app.add_subcommand("overdue", "who is late with what, most overdue first");
  overdue->add_option("--kind", *kind, "only rounds of this kind")
      ->check(CLI::IsMember({"consultation", "annual-report"}));
  overdue->callback([&chosen, kind] {
    chosen = [kind](runtime& rt) -> outcome<void> {
      const auto items =
          engine::in_transaction(rt.store(), [&](engine::store_transaction& tx) -> outcome<json> {
            return ok(
                to_json_array(engine::overdue(tx, rt.now.day, engine::parse_round_kind(*kind))));
          });
      if (!items) return items.error();
      write_rows(rt.out, rt.format, *items, overdue_columns);
      return {};
    };
  });
}

void add_log(CLI::App& app, handler& chosen) {
  auto round = std::make_shared<std::string>();
  auto body = std::make_shared<std::string>();
  auto* log = app.add_subcommand("log", "a round's timeline, oldest first");
  log->add_option("round", *round, "id or reference number")->required();
  log->add_option("body", *body, "only this body's assignment");
  log->callback([&chosen, round, body] {
    chosen = [round, body](runtime& rt) -> outcome<void> {
      const auto events =
          engine::in_transaction(rt.store(), [&](engine::store_transaction& tx) -> outcome<json> {
            const auto found = engine::timeline(
                tx, *round, body->empty() ? std::nullopt : std::optional<std::string_view>(*body));
            if (!found) return found.error();
            return ok(to_json_array(*found));
          });
      if (!events) return events.error();
      write_rows(rt.out, rt.format, *events, log_columns);
      return {};
    };
  });
}

void add_calendar(CLI::App& app, handler& chosen) {
  auto year = std::make_shared<int>(0);
  auto* calendar = app.add_subcommand("calendar", "the non-working weekdays of a year");
  calendar->add_option("--year", *year, "e.g. 2017")->required()->check(CLI::Range(1600, 9999));
  calendar->callback([&chosen, year] {
    chosen = [year](runtime& rt) -> outcome<void> {
      const auto days = engine::non_working_weekdays(std::chrono::year{*year});
      write_rows(rt.out, rt.format, to_json_array(days), {"date", "name"});
      return {};
    };
  });
}

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
  return runtime{out, *parse_output_format(g.format), now, *db, nullptr};
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
  add_init(app, chosen);
  add_body_commands(app, chosen);
  add_round_commands(app, chosen);
  add_assignment_commands(app, chosen);
  add_overdue(app, chosen);
  add_log(app, chosen);
  add_calendar(app, chosen);
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
