#pragma once
// The dispatcher that runs inside a long-lived process (`bevaka serve`): on Boost.Asio timers it
// sends what is due (dispatch_due), then sleeps until the next reminder or retry falls due,
// rather than polling the table. It shares the process's io_context with whatever else runs
// there (the HTTP server); the sending itself, which blocks on the database and the mail server,
// runs on a worker thread of its own, so the io_context never waits for it.
//
// Other processes may schedule reminders in the same database (a `bevaka round create` from
// the command line); the dispatcher cannot hear of those, so it sleeps at most `max_sleep`
// before it reads the next due time again. Commands run in this process call wake() instead.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "engine/reminders/reminder_dispatch.hpp"

namespace bevaka::cli {

class reminder_dispatcher {
 public:
  using report = std::function<void(const std::vector<engine::dispatched>&)>;
  using failure = std::function<void(const std::string&)>;

  // `s`, `m` and `c` must outlive the dispatcher and are used only from its worker thread (the
  // store should be a connection of its own). `on_dispatched` and `on_error` are called on the
  // io_context's thread, after every pass that handled reminders and after every failed pass.
  reminder_dispatcher(boost::asio::io_context& io, engine::outbox& o, engine::mailer& m,
                      const engine::clock& c, engine::dispatch_settings settings,
                      report on_dispatched, failure on_error,
                      std::chrono::seconds max_sleep = std::chrono::minutes{15});
  ~reminder_dispatcher();
  reminder_dispatcher(const reminder_dispatcher&) = delete;
  reminder_dispatcher& operator=(const reminder_dispatcher&) = delete;

  // Sends what is due now, then keeps going until stop(). Call on the io_context's thread.
  void start();
  // Something may be due sooner than the dispatcher thinks: look again now.
  void wake();
  // Cancels the timer; a pass under way finishes. Call on the io_context's thread.
  void stop();

  // Dispatch passes begun so far: one per wake-up, so a test can see it sleeps rather than polls.
  [[nodiscard]] std::size_t passes() const { return passes_; }

 private:
  void pass();
  void sleep_until(std::optional<engine::instant> next);

  boost::asio::io_context& io_;
  boost::asio::steady_timer timer_;
  boost::asio::thread_pool worker_{1};
  engine::outbox& outbox_;
  engine::mailer& mailer_;
  const engine::clock& clock_;
  engine::dispatch_settings settings_;
  report on_dispatched_;
  failure on_error_;
  std::chrono::seconds max_sleep_;
  bool running_ = false;
  bool busy_ = false;        // a pass is under way on the worker
  bool look_again_ = false;  // woken during a pass: pass again as soon as it ends
  std::size_t passes_ = 0;
  // Handlers posted to the io_context hold a weak reference: they may outlive the dispatcher.
  std::shared_ptr<int> lifetime_ = std::make_shared<int>(0);
};

}  // namespace bevaka::cli
