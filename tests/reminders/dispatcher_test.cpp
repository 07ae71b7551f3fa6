// The dispatcher of `bevaka serve` on Boost.Asio timers, against a real SMTP server on
// 127.0.0.1 and a real database, on the wall clock: it sleeps until the next reminder is due
// instead of polling, and wakes when told that something new is due.

#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "adapters/cli/reminder_dispatcher.hpp"
#include "adapters/config/settings.hpp"
#include "adapters/mail/smtp_mailer.hpp"
#include "engine/cases/commands.hpp"
#include "tests/reminders/reminder_scenario.hpp"
#include "tests/support/catch_outcome.hpp"
#include "tests/support/smtp_sink.hpp"

using namespace bevaka;
using namespace bevaka::testing;
using namespace std::chrono_literals;

namespace {

engine::dispatch_settings dispatch_settings() {
  const auto s = config::load_settings(config::config_file());
  REQUIRE(s);
  const auto templates = config::load_templates(s->mail);
  REQUIRE(templates);
  return {.addresses = {"bevaka@jarfalla.example.se", registrar, "trygghetssamordnaren"},
          .templates = *templates,
          .holder = "dispatcher-test"};
}

engine::instant wall_now() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

// One body, one sent round and its assignment, with no policy: the test schedules by hand, to
// the second, through the store port.
struct dispatcher_fixture {
  scoped_environment env{{{"BEVAKA_CONFIG", ""}}};
  smtp_sink server{"dispatcher"};
  test_database db{"reminder_tests"};
  mail::smtp_mailer smtp{server.url(), ""};
  engine::system_clock clock;
  engine::assignment assignment;

  dispatcher_fixture() {
    const auto now = clock.now();
    const auto created = engine::in_transaction(db.store(), [&](engine::store_transaction& tx) {
      const auto b = engine::add_body(
          tx.cases(),
          {"Socialnämnden", engine::body_kind::committee, {"socialnamnden@example.se"}});
      if (!b) return engine::outcome<engine::assignment>(b.error());
      const engine::command_context ctx{now, "test"};
      const auto r = engine::create_round(tx.cases(), tx.reminders(), ctx,
                                          {.kind = engine::round_kind::annual_report,
                                           .ref = report_ref,
                                           .title = report_title,
                                           .deadline = engine::add_days(now.day, 30),
                                           .recipients = {"Socialnämnden"}});
      if (!r) return engine::outcome<engine::assignment>(r.error());
      return engine::outcome<engine::assignment>(tx.cases().assignments_of(r->id).front());
    });
    REQUIRE(created);
    assignment = *created;
  }

  void schedule_at(engine::instant due) {
    db.store().transact([&](engine::store_transaction& tx) {
      tx.reminders().insert_reminder({.assignment_id = assignment.id,
                                      .round_id = assignment.round_id,
                                      .body_id = assignment.body_id,
                                      .deadline = assignment.deadline.effective,
                                      .due_at = due,
                                      .next_attempt_at = due});
      return true;
    });
  }

  // Runs the io_context on this thread until `done` holds or `limit` has passed.
  template <class Done>
  void run_until(boost::asio::io_context& io, Done done, std::chrono::seconds limit) {
    const auto give_up = std::chrono::steady_clock::now() + limit;
    while (!done() && std::chrono::steady_clock::now() < give_up) {
      io.restart();  // run_for stops the io_context whenever it runs out of work
      io.run_for(50ms);
    }
  }
};

}  // namespace

TEST_CASE_METHOD(dispatcher_fixture,
                 "The dispatcher sleeps until the next reminder is due and sends it then, "
                 "without polling",
                 "[reminders][smtp][dispatcher]") {
  const auto due = wall_now() + 3s;
  schedule_at(due);
  boost::asio::io_context io;
  std::vector<engine::dispatched> handled;
  bevaka::cli::reminder_dispatcher dispatcher(
      io, db.store(), smtp, clock, dispatch_settings(),
      [&](const std::vector<engine::dispatched>& batch) {
        handled.insert(handled.end(), batch.begin(), batch.end());
      },
      [](const std::string& error) { FAIL("a pass failed: " << error); });
  dispatcher.start();
  run_until(
      io, [&] { return !handled.empty(); }, 20s);
  dispatcher.stop();

  REQUIRE(handled.size() == 1);
  CHECK(handled.front().reminder.r.state == engine::reminder_state::sent);
  CHECK(*handled.front().reminder.r.sent_at >= due);
  CHECK(server.messages().size() == 1);
  // One pass at the start (nothing due), one when the timer fired at the due time.
  CHECK(dispatcher.passes() == 2);
}

TEST_CASE_METHOD(dispatcher_fixture,
                 "Woken after a command scheduled something due now, the dispatcher sends it at "
                 "once instead of finishing its sleep",
                 "[reminders][smtp][dispatcher]") {
  boost::asio::io_context io;
  std::size_t sent = 0;
  bevaka::cli::reminder_dispatcher dispatcher(
      io, db.store(), smtp, clock, dispatch_settings(),
      [&](const std::vector<engine::dispatched>& batch) { sent += batch.size(); },
      [](const std::string& error) { FAIL("a pass failed: " << error); });
  dispatcher.start();
  // Nothing is scheduled: it goes to sleep for its longest sleep, 15 minutes.
  run_until(
      io, [&] { return false; }, 1s);
  REQUIRE(dispatcher.passes() == 1);
  schedule_at(wall_now());
  dispatcher.wake();
  run_until(
      io, [&] { return sent == 1; }, 10s);
  dispatcher.stop();
  CHECK(sent == 1);
  CHECK(server.messages().size() == 1);
  CHECK(dispatcher.passes() == 2);
}

TEST_CASE_METHOD(dispatcher_fixture,
                 "A server that is down is retried by the dispatcher after the backoff, on its own",
                 "[reminders][smtp][dispatcher]") {
  server.stop();
  schedule_at(wall_now());
  auto settings = dispatch_settings();
  // Times are stored to the second, so the wait before the retry may be a second short of the
  // backoff: 4 seconds leaves the first second clear of it even on a busy machine.
  settings.retry_first = 4s;
  boost::asio::io_context io;
  std::size_t sent = 0;
  bevaka::cli::reminder_dispatcher dispatcher(
      io, db.store(), smtp, clock, settings,
      [&](const std::vector<engine::dispatched>& batch) {
        for (const auto& d : batch) sent += d.reminder.r.state == engine::reminder_state::sent;
      },
      [](const std::string& error) { FAIL("a pass failed: " << error); });
  dispatcher.start();
  run_until(
      io, [&] { return false; }, 1s);
  REQUIRE(dispatcher.passes() == 1);
  server.start();
  run_until(
      io, [&] { return sent == 1; }, 20s);
  dispatcher.stop();
  CHECK(sent == 1);
  CHECK(server.messages().size() == 1);
  // The failed attempt, then the retry after the backoff: no pass in between.
  CHECK(dispatcher.passes() == 2);
}
