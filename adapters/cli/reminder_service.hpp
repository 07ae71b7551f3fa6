#pragma once
// The reminder dispatcher as `bevaka serve` runs it beside the HTTP server, on one io_context.

#include <boost/asio/io_context.hpp>
#include <memory>

#include "adapters/cli/runtime.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::cli {

class reminder_service {
 public:
  // Starts sending reminders as they fall due: on the wall clock (a server that sleeps until a
  // time must see time pass), with the configured mailer and a database connection of its own,
  // since the dispatcher works on a thread of its own. Each reminder handled is a JSON line on
  // rt.out, each failed pass a line on standard error.
  static engine::outcome<std::unique_ptr<reminder_service>> start(runtime& rt,
                                                                  boost::asio::io_context& io);
  virtual ~reminder_service() = default;
  // Call on the io_context's thread; a pass under way finishes.
  virtual void stop() = 0;
};

}  // namespace bevaka::cli
