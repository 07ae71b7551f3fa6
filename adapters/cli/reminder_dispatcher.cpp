#include "adapters/cli/reminder_dispatcher.hpp"

#include <algorithm>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>

namespace bevaka::cli {

reminder_dispatcher::reminder_dispatcher(boost::asio::io_context& io, engine::outbox& o,
                                         engine::mailer& m, const engine::clock& c,
                                         engine::dispatch_settings settings, report on_dispatched,
                                         failure on_error, std::chrono::seconds max_sleep)
    : io_(io),
      timer_(io),
      outbox_(o),
      mailer_(m),
      clock_(c),
      settings_(std::move(settings)),
      on_dispatched_(std::move(on_dispatched)),
      on_error_(std::move(on_error)),
      max_sleep_(max_sleep) {}

reminder_dispatcher::~reminder_dispatcher() {
  running_ = false;
  timer_.cancel();
  // A pass under way finishes first; what it posts back finds lifetime_ gone and does nothing.
  worker_.join();
}

void reminder_dispatcher::start() {
  running_ = true;
  pass();
}

void reminder_dispatcher::wake() {
  if (!running_) return;
  if (busy_) {
    look_again_ = true;
    return;
  }
  timer_.cancel();
  pass();
}

void reminder_dispatcher::stop() {
  running_ = false;
  timer_.cancel();
}

void reminder_dispatcher::pass() {
  busy_ = true;
  look_again_ = false;
  ++passes_;
  // The io_context has work while the pass runs elsewhere: its run() must not return meanwhile.
  boost::asio::post(worker_, [this, work = boost::asio::make_work_guard(io_)] {
    std::vector<engine::dispatched> handled;
    std::optional<engine::instant> next;
    std::string error;
    try {
      handled = engine::dispatch_due(outbox_, mailer_, clock_, settings_);
      next = engine::next_due(outbox_);
    } catch (const std::exception& e) {
      // The database or the network failed: try again after the first retry delay.
      error = e.what();
      next = clock_.now().utc() + settings_.retry_first;
    }
    boost::asio::post(io_, [this, alive = std::weak_ptr<int>(lifetime_),
                            handled = std::move(handled), next, error] {
      if (alive.expired()) return;
      busy_ = false;
      if (!error.empty() && on_error_) on_error_(error);
      if (!handled.empty() && on_dispatched_) on_dispatched_(handled);
      if (!running_) return;
      if (look_again_) return pass();
      sleep_until(next);
    });
  });
}

void reminder_dispatcher::sleep_until(std::optional<engine::instant> next) {
  const auto now = clock_.now().utc();
  auto wait = std::chrono::duration_cast<std::chrono::seconds>(max_sleep_);
  if (next)
    wait = std::clamp(std::chrono::duration_cast<std::chrono::seconds>(*next - now),
                      std::chrono::seconds{0}, wait);
  timer_.expires_after(wait);
  timer_.async_wait([this](const boost::system::error_code& ec) {
    if (!ec && running_) pass();
  });
}

}  // namespace bevaka::cli
