// reminders and remind: the outbox; and the dispatcher `serve` runs (reminder_service.hpp).
#include <fmt/format.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <fstream>
#include <iostream>
#include <random>

#include "adapters/cli/answer.hpp"
#include "adapters/cli/command_groups.hpp"
#include "adapters/cli/reminder_dispatcher.hpp"
#include "adapters/cli/reminder_options.hpp"
#include "adapters/cli/reminder_service.hpp"
#include "adapters/config/settings.hpp"
#include "adapters/mail/eml_folder_mailer.hpp"
#include "adapters/mail/smtp_mailer.hpp"
#include "engine/cases/reminder_schedule.hpp"
#include "engine/reminders/reminder_dispatch.hpp"

namespace bevaka::cli {
namespace {

using engine::outcome;

const table_columns reminder_columns{
    {"ref", "body", "kind", "due_at", "state", "attempts", "sent_at", "to"},
    views::lifecycle::reminder};
const table_columns remind_columns{
    {"ref", "body", "kind", "due_at", "state", "attempts", "subject", "to"},
    views::lifecycle::reminder};

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

outcome<std::unique_ptr<engine::mailer>> mailer_for(const config::mail_settings& mail) {
  if (mail.smtp_url.empty())
    return std::unique_ptr<engine::mailer>(std::make_unique<mail::eml_folder_mailer>(mail.dir));
  // Checked here, once: libcurl reads the file only when it connects, and would fail (and retry)
  // every reminder with "error setting certificate verify locations".
  if (!mail.smtp_ca_file.empty() && !std::ifstream(mail.smtp_ca_file))
    return engine::make_error(
        engine::errc::bad_input,
        fmt::format("cannot read the SMTP CA file {} (mail.smtp_ca_file, BEVAKA_SMTP_CA_FILE)",
                    mail.smtp_ca_file.string()));
  return std::unique_ptr<engine::mailer>(
      std::make_unique<mail::smtp_mailer>(mail.smtp_url, mail.smtp_password, mail.smtp_ca_file));
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
      return answer_rows(rt, reminder_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        const auto found =
            engine::list_reminders(tx.cases(), tx.reminders(), optional_text(*round));
        if (!found) return found.error();
        json array = json::array();
        for (const auto& v : *found) array.push_back(to_json(v, s->mail.registrar));
        return ok(std::move(array));
      });
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
      // Time runs on from --now while the reminders go out: each claim's lease must run from
      // the moment it is taken, not from the start of a run that may outlast it.
      const engine::running_clock clock(rt.now);
      std::vector<engine::dispatched> handled;
      if (*dry_run) {
        handled = engine::preview_due(rt.store(), clock, *settings);
      } else {
        const auto mailer = mailer_for(s->mail);
        if (!mailer) return mailer.error();
        handled = engine::dispatch_due(rt.store(), **mailer, clock, *settings);
      }
      write_rows(rt.out, rt.format, dispatched_json(handled, s->mail.registrar), remind_columns);
      return {};
    };
  });
}

// The dispatcher with everything it holds: settings, connection, mailer, clock.
class dispatcher_service final : public reminder_service {
 public:
  dispatcher_service(runtime& rt, boost::asio::io_context& io, const config::settings& s,
                     engine::dispatch_settings settings, std::unique_ptr<engine::mailer> mailer)
      : store_(rt.db, store::open_mode::existing),
        mailer_(std::move(mailer)),
        dispatcher_(
            io, store_, *mailer_, clock_, std::move(settings),
            [&out = rt.out,
             registrar = s.mail.registrar](const std::vector<engine::dispatched>& handled) {
              for (const auto& row : dispatched_json(handled, registrar))
                out << row.dump() << std::endl;
            },
            [](const std::string& error) { std::cerr << "bevaka serve: " << error << std::endl; }) {
    dispatcher_.start();
  }
  void stop() override { dispatcher_.stop(); }

 private:
  store::soci_store store_;
  std::unique_ptr<engine::mailer> mailer_;
  const engine::system_clock clock_;
  reminder_dispatcher dispatcher_;
};

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

outcome<std::unique_ptr<reminder_service>> reminder_service::start(runtime& rt,
                                                                   boost::asio::io_context& io) {
  const auto s = config::load_settings(config::config_file());
  if (!s) return s.error();
  auto settings = dispatch_settings_from(*s);
  if (!settings) return settings.error();
  auto mailer = mailer_for(s->mail);
  if (!mailer) return mailer.error();
  return std::unique_ptr<reminder_service>(
      std::make_unique<dispatcher_service>(rt, io, *s, std::move(*settings), std::move(*mailer)));
}

void add_reminder_commands(CLI::App& app, handler& chosen) {
  add_reminders(app, chosen);
  add_remind(app, chosen);
}

}  // namespace bevaka::cli
