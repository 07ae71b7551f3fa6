// Leases that hold while a slow server takes its time: two dispatchers on one database (each its
// own connection and SMTP connection, as two engine processes have), against a real SMTP server
// on 127.0.0.1 that answers each message after 2 seconds, with a lease of 5 seconds, on the wall
// clock. A dispatcher that claimed a batch and took longer than its lease to work through it
// would hand its later claims to the other, which would send them again.

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <set>
#include <thread>

#include "adapters/config/settings.hpp"
#include "adapters/mail/smtp_mailer.hpp"
#include "engine/cases/commands.hpp"
#include "engine/reminders/reminder_dispatch.hpp"
#include "tests/reminders/reminder_scenario.hpp"
#include "tests/support/catch_outcome.hpp"
#include "tests/support/smtp_sink.hpp"

using namespace bevaka;
using namespace bevaka::testing;
using namespace std::chrono_literals;

namespace {

constexpr int body_count = 6;

engine::dispatch_settings five_second_lease(const std::string& holder) {
  const auto s = config::load_settings(config::config_file());
  REQUIRE(s);
  const auto templates = config::load_templates(s->mail);
  REQUIRE(templates);
  return {.addresses = {"bevaka@jarfalla.example.se", registrar, "trygghetssamordnaren"},
          .templates = *templates,
          .holder = holder,
          .lease = 5s};
}

// Six committees in one round due in a month, each with one reminder due now, scheduled by
// hand through the store port (the policy's are days apart).
void schedule_one_each(engine::store& store) {
  const engine::system_clock clock;
  const auto now = clock.now();
  const auto scheduled = engine::in_transaction(store, [&](engine::store_transaction& tx) {
    std::vector<std::string> names;
    for (int i = 0; i < body_count; ++i) {
      names.push_back(fmt::format("Nämnd {}", i));
      const auto b = engine::add_body(
          tx.cases(),
          {names.back(), engine::body_kind::committee, {fmt::format("namnd{}@example.se", i)}});
      if (!b) return engine::outcome<void>(b.error());
    }
    const engine::command_context ctx{now, "test"};
    const auto r = engine::create_round(tx.cases(), tx.reminders(), ctx,
                                        {.kind = engine::round_kind::annual_report,
                                         .ref = report_ref,
                                         .title = report_title,
                                         .deadline = engine::add_days(now.day, 30),
                                         .recipients = names});
    if (!r) return engine::outcome<void>(r.error());
    for (const auto& a : tx.cases().assignments_of(r->id))
      tx.reminders().insert_reminder({.assignment_id = a.id,
                                      .round_id = a.round_id,
                                      .body_id = a.body_id,
                                      .deadline = a.deadline.effective,
                                      .due_at = now.utc(),
                                      .next_attempt_at = now.utc()});
    return engine::outcome<void>();
  });
  REQUIRE(scheduled);
}

// A dispatcher as `bevaka serve` runs one: a pass, and another as soon as the last one ends,
// until nothing is scheduled any more (or 60 seconds have passed). Returns what it handled.
std::vector<engine::dispatched> dispatch_until_done(const std::string& url,
                                                    const std::string& smtp_url,
                                                    const std::string& holder) {
  store::soci_store store(*store::parse_database_url(url), store::open_mode::existing);
  mail::smtp_mailer smtp(smtp_url, "");
  const engine::system_clock clock;
  const auto settings = five_second_lease(holder);
  std::vector<engine::dispatched> handled;
  const auto give_up = std::chrono::steady_clock::now() + 60s;
  while (engine::next_due(store) && std::chrono::steady_clock::now() < give_up) {
    auto pass = engine::dispatch_due(store, smtp, clock, settings);
    handled.insert(handled.end(), pass.begin(), pass.end());
    std::this_thread::sleep_for(100ms);
  }
  return handled;
}

}  // namespace

TEST_CASE(
    "Two dispatchers sharing a database, with a server that takes 2 seconds a message and a "
    "lease of 5 seconds, send every reminder exactly once",
    "[reminders][smtp][postgresql]") {
  scoped_environment env{{{"BEVAKA_CONFIG", ""}}};
  smtp_sink server("slow");
  server.answer_after(2s);
  test_database db("reminder_tests");
  schedule_one_each(db.store());

  std::vector<engine::dispatched> by_a, by_b;
  const auto started = std::chrono::steady_clock::now();
  std::thread a([&] { by_a = dispatch_until_done(db.url(), server.url(), "a"); });
  std::thread b([&] { by_b = dispatch_until_done(db.url(), server.url(), "b"); });
  a.join();
  b.join();
  const auto took = std::chrono::steady_clock::now() - started;

  INFO("a sent " << by_a.size() << ", b " << by_b.size() << ", in "
                 << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms");
  CHECK(by_a.size() + by_b.size() == body_count);
  // Both took part: the work was shared, not done by one while the other waited.
  CHECK_FALSE(by_a.empty());
  CHECK_FALSE(by_b.empty());
  const auto received = server.messages();
  std::multiset<std::string> ids;
  for (const auto& m : received) ids.insert(m.at("message_id").get<std::string>());
  CHECK(received.size() == body_count);
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == body_count);
  for (const auto& d : by_a) CHECK(d.reminder.r.state == engine::reminder_state::sent);
  for (const auto& d : by_b) CHECK(d.reminder.r.state == engine::reminder_state::sent);
  // Each reminder was claimed once: no lease ran out under a dispatcher that still meant to
  // send it.
  for (const auto& d : by_a) CHECK(d.reminder.r.attempts == 1);
  for (const auto& d : by_b) CHECK(d.reminder.r.attempts == 1);
}
