// Exactly once, and what "once" means when a process dies: the dispatcher against a real SMTP
// server on 127.0.0.1 and a real database (SQLite or PostgreSQL).

#include <catch2/catch.hpp>
#include <stdexcept>

#include "adapters/config/settings.hpp"
#include "adapters/mail/smtp_mailer.hpp"
#include "engine/cases/commands.hpp"
#include "engine/reminders/reminder_dispatch.hpp"
#include "tests/reminders/reminder_scenario.hpp"
#include "tests/support/catch_outcome.hpp"
#include "tests/support/smtp_sink.hpp"

using namespace bevaka;
using namespace bevaka::testing;
using json = nlohmann::json;

namespace {

engine::timestamp at(const std::string& text) { return *engine::parse_timestamp(text); }

engine::dispatch_settings settings_for(const std::string& holder) {
  const auto s = config::load_settings(config::config_file());
  REQUIRE(s);
  const auto templates = config::load_templates(s->mail);
  REQUIRE(templates);
  return engine::dispatch_settings{
      .addresses = {"bevaka@jarfalla.example.se", registrar, "trygghetssamordnaren"},
      .templates = *templates,
      .holder = holder};
}

// The process "dies" right after the server has said 250 and before the database hears of it:
// the exception leaves dispatch_due as a crash would, between the two commits.
class dies_after_delivery final : public engine::mailer {
 public:
  explicit dies_after_delivery(engine::mailer& real) : real_(real) {}
  engine::delivery send(const engine::outgoing_mail& mail) override {
    const auto result = real_.send(mail);
    REQUIRE(result.status == engine::delivery_status::delivered);
    throw std::runtime_error("killed between 250 and commit");
  }

 private:
  engine::mailer& real_;
};

struct delivery_fixture {
  scoped_environment env{{{"BEVAKA_REGISTRAR_EMAIL", registrar},
                          {"BEVAKA_CONFIG", ""},
                          {"BEVAKA_MAIL_DIR", fresh_folder("eml")}}};
  smtp_sink server{"delivery"};
  cli_session cli{"reminder_tests"};

  delivery_fixture() { env.set("BEVAKA_SMTP_URL", server.url()); }
};

}  // namespace

TEST_CASE_METHOD(delivery_fixture,
                 "A process that dies between the server's 250 and its commit causes at most "
                 "one duplicate, with the same Message-ID, once its lease has expired",
                 "[reminders][smtp]") {
  cli.ok({"body", "add", "Socialnämnden", "--kind", "committee", "--email",
          "socialnamnden@example.se"});
  cli.now = "2017-02-01";
  cli.ok({"round", "create", "--kind", "annual-report", "--ref", report_ref, "--title",
          report_title, "--deadline", "2017-03-31", "--to", "Socialnämnden", "--remind", "-20"});
  mail::smtp_mailer smtp(server.url(), "");
  dies_after_delivery dying(smtp);
  const engine::fixed_clock crash_time(at("2017-03-03T09:00"));
  CHECK_THROWS_WITH(engine::dispatch_due(cli.db.store(), dying, crash_time, settings_for("a")),
                    "killed between 250 and commit");
  REQUIRE(server.messages().size() == 1);

  // Restarted at once: the dead process's claim holds for its lease (10 minutes), so nothing
  // goes out twice while it might still be alive.
  const engine::fixed_clock restart(at("2017-03-03T09:05"));
  CHECK(engine::dispatch_due(cli.db.store(), smtp, restart, settings_for("b")).empty());
  CHECK(server.messages().size() == 1);

  // Once the lease has expired the reminder is sent again: the one duplicate, same Message-ID.
  const engine::fixed_clock after_lease(at("2017-03-03T09:11"));
  CHECK(engine::dispatch_due(cli.db.store(), smtp, after_lease, settings_for("b")).size() == 1);
  const auto received = server.messages();
  REQUIRE(received.size() == 2);
  CHECK(received[0].at("message_id") == received[1].at("message_id"));
  const auto rows = cli.ok({"reminders"});
  CHECK(rows.at(0).at("state") == "sent");
  CHECK(rows.at(0).at("attempts") == 2);

  // And never again after that.
  const engine::fixed_clock later(at("2017-04-10"));
  CHECK(engine::dispatch_due(cli.db.store(), smtp, later, settings_for("c")).empty());
  CHECK(server.messages().size() == 2);
}
