// reminders, remind and serve: the outbox and its dispatcher.
#include <fmt/format.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <iostream>
#include <random>

#include "adapters/cli/command_groups.hpp"
#include "adapters/cli/reminder_options.hpp"
#include "adapters/config/settings.hpp"
#include "adapters/mail/eml_folder_mailer.hpp"
#include "adapters/mail/smtp_mailer.hpp"
#include "engine/reminder_dispatch.hpp"
#include "engine/reminder_dispatcher.hpp"
#include "engine/reminder_schedule.hpp"

namespace bevaka::cli {
namespace {

using engine::outcome;

const std::vector<std::string> reminder_columns{"ref",   "body",     "kind",    "due_at",
                                                "state", "attempts", "sent_at", "to"};
const std::vector<std::string> remind_columns{"ref",   "body",     "kind",    "due_at",
                                              "state", "attempts", "subject", "to"};

// Unique among the processes that share a database: the host, the process and a random part
// (a pid can come back after a restart).
std::string claim_holder() {
  char host[256] = "";
  ::gethostname(host, sizeof host - 1);
  std::random_device random;
  return fmt::format("{}:{}:{:08x}", host, ::getpid(), random());
}

outcome<engine::dispatch_settings> dispatch_settings_from(const config::settings& s) {
  auto templates = config::load_templates(s.mail);
  if (!templates) return templates.error();
  return engine::dispatch_settings{.addresses = {s.mail.from, s.mail.registrar, s.mail.contact},
                                   .templates = std::move(*templates),
                                   .holder = claim_holder(),
                                   .retry_first = s.reminders.retry_first,
                                   .retry_max = s.reminders.retry_max};
}

std::unique_ptr<engine::mailer> mailer_for(const config::mail_settings& mail) {
  if (mail.smtp_url.empty()) return std::make_unique<mail::eml_folder_mailer>(mail.dir);
  return std::make_unique<mail::smtp_mailer>(mail.smtp_url, mail.smtp_password);
}

json dispatched_json(const std::vector<engine::dispatched>& items, const std::string& registrar) {
  json rows = json::array();
  for (const auto& item : items) {
    auto row = to_json(item.reminder, registrar);
    row["message_id"] = item.mail.message_id;
    row["subject"] = item.mail.subject;
    rows.push_back(std::move(row));
  }
  return rows;
}

void add_reminders(CLI::App& app, handler& chosen) {
  auto round = std::make_shared<std::string>();
  auto* reminders = app.add_subcommand("reminders", "the reminders of a round, or of all rounds");
  reminders->add_option("round", *round, "id or reference number");
  reminders->callback([&chosen, round] {
    chosen = [round](runtime& rt) -> outcome<void> {
      const auto s = config::load_settings(config::config_file());
      if (!s) return s.error();
      const auto rows =
          engine::in_transaction(rt.store(), [&](engine::store_transaction& tx) -> outcome<json> {
            const auto found = engine::list_reminders(
                tx, round->empty() ? std::nullopt : std::optional<std::string_view>(*round));
            if (!found) return found.error();
            json array = json::array();
            for (const auto& v : *found) array.push_back(to_json(v, s->mail.registrar));
            return ok(std::move(array));
          });
      if (!rows) return rows.error();
      write_rows(rt.out, rt.format, *rows, reminder_columns);
      return {};
    };
  });
}

void add_remind(CLI::App& app, handler& chosen) {
  auto dry_run = std::make_shared<bool>(false);
  auto* remind = app.add_subcommand("remind", "send the reminders due now, once, and exit");
  remind->add_flag("--dry-run", *dry_run, "show what would go out, send and change nothing");
  remind->callback([&chosen, dry_run] {
    chosen = [dry_run](runtime& rt) -> outcome<void> {
      const auto s = config::load_settings(config::config_file());
      if (!s) return s.error();
      const auto settings = dispatch_settings_from(*s);
      if (!settings) return settings.error();
      const engine::fixed_clock clock(rt.now);
      std::vector<engine::dispatched> handled;
      if (*dry_run) {
        handled = engine::preview_due(rt.store(), clock, *settings);
      } else {
        const auto mailer = mailer_for(s->mail);
        handled = engine::dispatch_due(rt.store(), *mailer, clock, *settings);
      }
      write_rows(rt.out, rt.format, dispatched_json(handled, s->mail.registrar), remind_columns);
      return {};
    };
  });
}

// Runs the dispatcher on the process's io_context until SIGINT or SIGTERM. Each reminder
// handled is one JSON line on standard output (a log for the journal), each failed pass one
// line on standard error.
outcome<void> serve(runtime& rt) {
  const auto s = config::load_settings(config::config_file());
  if (!s) return s.error();
  const auto settings = dispatch_settings_from(*s);
  if (!settings) return settings.error();
  const auto mailer = mailer_for(s->mail);
  // The wall clock, not --now: a server that sleeps until a time must see time pass.
  const engine::system_clock clock;
  boost::asio::io_context io;
  engine::reminder_dispatcher dispatcher(
      io, rt.store(), *mailer, clock, *settings,
      [&rt, &s](const std::vector<engine::dispatched>& handled) {
        for (const auto& row : dispatched_json(handled, s->mail.registrar))
          rt.out << row.dump() << std::endl;
      },
      [](const std::string& error) { std::cerr << "bevaka serve: " << error << std::endl; });
  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code&, int) {
    dispatcher.stop();
    io.stop();
  });
  dispatcher.start();
  io.run();
  return {};
}

void add_serve(CLI::App& app, handler& chosen) {
  app.add_subcommand("serve", "send reminders as they fall due, until stopped (SIGINT, SIGTERM)")
      ->callback([&chosen] { chosen = serve; });
}

}  // namespace

outcome<engine::reminder_policy> reminder_policy_option(const std::string& text) {
  const auto s = config::load_settings(config::config_file());
  if (!s) return s.error();
  const auto policy = config::resolve_policy(s->reminders, text);
  if (!policy)
    return engine::make_error(engine::errc::bad_input,
                              fmt::format("--remind: {}", policy.error().message));
  return policy;
}

void add_reminder_commands(CLI::App& app, handler& chosen) {
  add_reminders(app, chosen);
  add_remind(app, chosen);
  add_serve(app, chosen);
}

}  // namespace bevaka::cli
