// init, body, round and assignment: the commands that create cases and move them along.
#include <fmt/format.h>

#include "adapters/cli/answer.hpp"
#include "adapters/cli/command_groups.hpp"
#include "adapters/cli/reference_options.hpp"
#include "adapters/cli/reminder_options.hpp"
#include "engine/cases/listings.hpp"
#include "engine/cases/lookup.hpp"
#include "engine/cases/queries.hpp"

namespace bevaka::cli {
namespace {

using engine::outcome;

const std::vector<std::string> body_columns{"id", "name", "kind", "emails"};
const table_columns assignment_columns{
    {"ref", "body", "state", "deadline", "submitted_on", "late_by_working_days"},
    views::lifecycle::assignment};

void write_round(runtime& rt, const json& round) {
  if (rt.format == output_format::json) {
    rt.out << round.dump(2) << '\n';
    return;
  }
  json rows = round.at("assignments");
  for (auto& row : rows) row["ref"] = round.at("ref");
  if (rt.format == output_format::text) {
    rt.out << fmt::format(
        "{}  {}\n{}, {}, sista dag {}", round.at("ref").get<std::string>(),
        round.at("title").get<std::string>(),
        views::swedish_round_kind(round.at("kind").get<std::string>()),
        views::swedish_state(views::lifecycle::round, round.at("state").get<std::string>()),
        round.at("deadline").get<std::string>());
    if (!round.at("deadline_reason").is_null())
      rt.out << fmt::format(" ({})", round.at("deadline_reason").get<std::string>());
    rt.out << "\n\n";
  }
  write_rows(rt.out, rt.format, rows, assignment_columns);
}

// A round with its assignments, read in the caller's transaction: as it is now (after a
// command changed it), or as it stood at the end of `day`.
outcome<json> round_json(engine::store_transaction& tx, const std::string& key,
                         std::optional<engine::date> day = std::nullopt) {
  const auto view = day ? engine::round_as_of(tx.cases(), tx.listings(), key, *day)
                        : engine::show_round(tx.cases(), key);
  if (!view) return view.error();
  return ok(to_json(*view));
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
      ->check(one_of(engine::body_kind_names.names()));
  add->add_option("--email", request->emails, "an address; repeat for several");
  add->callback([&chosen, request, kind] {
    chosen = [request, kind](runtime& rt) -> outcome<void> {
      request->kind = *engine::parse_body_kind(*kind);
      return answer_object(rt, body_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        const auto added = engine::add_body(tx.cases(), *request);
        if (!added) return added.error();
        return ok(to_json(*added));
      });
    };
  });
  auto list_kind = std::make_shared<std::string>();
  auto* list = body->add_subcommand("list", "list the bodies");
  list->add_option("--kind", *list_kind, "only bodies of this kind")
      ->check(one_of(engine::body_kind_names.names()));
  list->callback([&chosen, list_kind] {
    chosen = [list_kind](runtime& rt) -> outcome<void> {
      const auto kind = engine::parse_body_kind(*list_kind);
      return answer_rows(rt, body_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        return ok(to_json_array(tx.cases().bodies(kind)));
      });
    };
  });
}

struct round_create_options {
  std::string kind, ref, title, deadline, by = default_actor(), remind;
  std::vector<std::string> to;
  std::string to_all;
  bool draft = false, no_shift = false;
};

void add_round_create(CLI::App& round, handler& chosen) {
  auto o = std::make_shared<round_create_options>();
  auto* create = round.add_subcommand("create", "create a round and its assignments");
  create->add_option("--kind", o->kind, "consultation or annual-report")
      ->required()
      ->check(one_of(engine::round_kind_names.names()));
  create->add_option("--ref", o->ref, "reference number, e.g. \"Kst 2015/503\"")->required();
  create->add_option("--title", o->title, "what the round is about")->required();
  create->add_option("--deadline", o->deadline, "answers by (YYYY-MM-DD)")->required();
  auto* to = create->add_option("--to", o->to, "a body (name or id); repeat for several");
  auto* to_all = create->add_option("--to-all", o->to_all, "every body of this kind")
                     ->check(one_of(engine::body_kind_names.names()));
  to->excludes(to_all);
  create->add_flag("--draft", o->draft, "create it without sending it");
  create->add_flag("--no-deadline-shift", o->no_shift,
                   "keep a deadline on a weekend or holiday where it is");
  create->add_option("--by", o->by, "who creates it");
  create->add_option("--remind", o->remind,
                     "reminder policy: a name from the configuration, offsets in working days "
                     "such as \"-20,-10,-3,+1,+5!\" (! to the registrar), or none");
  create->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      const auto deadline = read_date("--deadline", o->deadline);
      if (!deadline) return deadline.error();
      if (const auto ref = reference_number_option(o->ref); !ref) return ref.error();
      const auto reminders = reminder_policy_option(o->remind);
      if (!reminders) return reminders.error();
      engine::new_round request{
          *engine::parse_round_kind(o->kind), o->ref,   o->title,     *deadline, o->to,
          engine::parse_body_kind(o->to_all), o->draft, !o->no_shift, *reminders};
      return answer_with(rt, write_round, [&](engine::store_transaction& tx) -> outcome<json> {
        const auto created =
            engine::create_round(tx.cases(), tx.reminders(), rt.context(o->by), request);
        if (!created) return created.error();
        return round_json(tx, std::to_string(created->id));
      });
    };
  });
}

struct event_options {
  std::string round, body, event, by = default_actor(), note, deadline, received;
};

void add_round_event(CLI::App& round, handler& chosen) {
  auto o = std::make_shared<event_options>();
  auto* event = round.add_subcommand("event", "record an event on a round");
  event->add_option("round", o->round, "id or reference number")->required();
  event
      ->add_option("event", o->event,
                   "send, close-answers, send-to-council, discuss, approve or withdraw")
      ->required();
  event->add_option("--by", o->by, "who records it");
  event->add_option("--note", o->note, "why, or what was attached");
  event->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      return answer_with(rt, write_round, [&](engine::store_transaction& tx) -> outcome<json> {
        const engine::case_event e{o->event, o->note, std::nullopt};
        const auto fired =
            engine::fire_round_event(tx.cases(), tx.reminders(), rt.context(o->by), o->round, e);
        if (!fired) return fired.error();
        return round_json(tx, std::to_string(fired->id));
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
      return answer_with(rt, write_round, [&](engine::store_transaction& tx) {
        return round_json(tx, *key, rt.now.day);
      });
    };
  });
  add_round_event(*round, chosen);
}

// The date an option gives, or none when it was not given.
outcome<std::optional<engine::date>> optional_date(std::string_view option,
                                                   const std::string& text) {
  if (text.empty()) return std::optional<engine::date>{};
  const auto day = read_date(option, text);
  if (!day) return day.error();
  return std::optional{*day};
}

outcome<json> fire_assignment(runtime& rt, engine::store_transaction& tx, const event_options& o) {
  const auto deadline = optional_date("--deadline", o.deadline);
  if (!deadline) return deadline.error();
  const auto received = optional_date("--received", o.received);
  if (!received) return received.error();
  const engine::case_event e{o.event, o.note, *deadline, *received};
  const auto fired = engine::fire_assignment_event(tx.cases(), tx.reminders(), rt.context(o.by),
                                                   o.round, o.body, e);
  if (!fired) return fired.error();
  const auto r = tx.cases().round_by_id(fired->round_id);
  return ok(to_json(*r, *fired));
}

void add_assignment_commands(CLI::App& app, handler& chosen) {
  auto* assignment = app.add_subcommand("assignment", "one body's part in one round");
  assignment->require_subcommand(1);
  auto o = std::make_shared<event_options>();
  auto* event = assignment->add_subcommand("event", "record an event on an assignment");
  event->add_option("round", o->round, "id or reference number")->required();
  event->add_option("body", o->body, "id or name")->required();
  event
      ->add_option("event", o->event,
                   "start, decide, submit, register, decline, return, request-extension, extend "
                   "or deny-extension")
      ->required();
  event->add_option("--by", o->by, "who records it");
  event->add_option("--note", o->note, "why, or what was attached");
  event->add_option("--deadline", o->deadline,
                    "the new deadline, for request-extension, extend and return");
  event->add_option("--received", o->received,
                    "submit: the day the answer reached the municipality (default today)");
  event->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      return answer_object(rt, assignment_columns, [&](engine::store_transaction& tx) {
        return fire_assignment(rt, tx, *o);
      });
    };
  });
}

}  // namespace

void add_case_commands(CLI::App& app, handler& chosen) {
  add_init(app, chosen);
  add_body_commands(app, chosen);
  add_round_commands(app, chosen);
  add_assignment_commands(app, chosen);
}

}  // namespace bevaka::cli
