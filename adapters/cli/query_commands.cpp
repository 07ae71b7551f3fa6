// overdue, extension-requests, log, punctuality and calendar: what the registrar reads.
#include "adapters/cli/answer.hpp"
#include "adapters/cli/command_groups.hpp"
#include "adapters/views/punctuality_views.hpp"
#include "engine/calendar/calendar.hpp"
#include "engine/cases/punctuality.hpp"
#include "engine/cases/queries.hpp"

namespace bevaka::cli {
namespace {

using engine::outcome;

const table_columns overdue_columns{
    {"ref", "title", "body", "deadline", "working_days_overdue", "state", "failed_reminders"},
    views::lifecycle::assignment};
const table_columns log_columns{
    {"at", "body", "event", "from", "to", "by", "deadline_from", "deadline_to", "note"},
    views::lifecycle::assignment};
const table_columns request_columns{
    {"ref", "body", "deadline", "requested_deadline", "note", "by", "at"}};
const table_columns punctuality_columns{{"body", "year", "assignments", "on_time", "late",
                                         "unanswered", "declined", "median_late_working_days",
                                         "max_late_working_days"}};

void add_overdue(CLI::App& app, handler& chosen) {
  auto kind = std::make_shared<std::string>();
  auto* overdue = app.add_subcommand(
      "overdue", "who is late with what, most overdue first; then whose reminder failed");
  overdue->add_option("--kind", *kind, "only rounds of this kind")
      ->check(one_of(engine::round_kind_names.names()));
  overdue->callback([&chosen, kind] {
    chosen = [kind](runtime& rt) -> outcome<void> {
      return answer_rows(rt, overdue_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        return ok(to_json_array(
            engine::overdue(tx.listings(), rt.now.day, engine::parse_round_kind(*kind))));
      });
    };
  });
}

void add_extension_requests(CLI::App& app, handler& chosen) {
  auto* requests = app.add_subcommand("extension-requests",
                                      "pending requests for a later deadline, oldest first");
  requests->callback([&chosen] {
    chosen = [](runtime& rt) -> outcome<void> {
      return answer_rows(rt, request_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        return ok(to_json_array(tx.listings().pending_extension_requests()));
      });
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
      return answer_rows(rt, log_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        auto found = engine::timeline(tx.cases(), tx.reminders(), *round, optional_text(*body));
        if (!found) return found.error();
        // The record up to the end of the clock's day (--now): nothing that came later.
        const auto day = engine::format_date(rt.now.day);
        std::erase_if(*found, [&](const auto& e) { return e.at.substr(0, 10) > day; });
        return ok(to_json_array(*found));
      });
    };
  });
}

// The years are checked by the engine, so the CLI and the API refuse them alike.
void add_punctuality(CLI::App& app, handler& chosen) {
  auto body = std::make_shared<std::string>();
  auto kind = std::make_shared<std::string>();
  auto years = std::make_shared<std::pair<int, int>>();
  auto* command = app.add_subcommand(
      "punctuality", "per body and year: first answers on time and late, unanswered, declined");
  command->add_option("--body", *body, "only this body (id or name)");
  command->add_option("--kind", *kind, "only rounds of this kind")
      ->check(one_of(engine::round_kind_names.names()));
  auto* from = command->add_option("--from", years->first, "the first year (of the deadlines)");
  auto* to = command->add_option("--to", years->second, "the last year (of the deadlines)");
  command->callback([&chosen, body, kind, years, from, to] {
    const engine::punctuality_request request{
        .body = optional_text(*body),
        .kind = engine::parse_round_kind(*kind),
        .from_year = from->count() ? std::optional(years->first) : std::nullopt,
        .to_year = to->count() ? std::optional(years->second) : std::nullopt};
    chosen = [request](runtime& rt) -> outcome<void> {
      return answer_rows(
          rt, punctuality_columns, [&](engine::store_transaction& tx) -> outcome<json> {
            const auto rows = engine::punctuality(tx.cases(), tx.listings(), request);
            if (!rows) return rows.error();
            return ok(views::punctuality_rows(*rows));
          });
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

}  // namespace

void add_query_commands(CLI::App& app, handler& chosen) {
  add_overdue(app, chosen);
  add_extension_requests(app, chosen);
  add_log(app, chosen);
  add_punctuality(app, chosen);
  add_calendar(app, chosen);
}

}  // namespace bevaka::cli
