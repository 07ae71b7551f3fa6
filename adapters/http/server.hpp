#pragma once
// The HTTP/1.1 server on Boost.Beast: accepts connections on the caller's io_context and hands
// each parsed request to a handler (api::handle). Sockets only; what to answer is the handler's.
//
// Concurrency: each connection is a coroutine on the io_context; the handler runs on the thread
// that runs the io_context and blocks it while it works (the api serialises calls on its one
// database connection anyway). Run the io_context on one thread.
//
// Protection: a request must arrive whole within `request_timeout` (slow clients are cut off),
// an idle keep-alive connection is closed after it too, headers above `header_limit` or a body
// above `body_limit` get 431/413, and malformed HTTP gets 400; then the connection is closed.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <functional>
#include <memory>

#include "adapters/http/api_types.hpp"

namespace bevaka::http {

struct server_settings {
  std::chrono::milliseconds request_timeout{std::chrono::seconds(30)};
  std::size_t header_limit = 16 * 1024;
  std::size_t body_limit = 64 * 1024;
};

class server {
 public:
  using handler = std::function<api_response(const api_request&)>;

  // Binds and listens at once (throws boost::system::system_error when it cannot); port 0
  // takes a free port (see endpoint()). Accepts once start() is called.
  server(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& at, handler handle,
         server_settings settings = {});
  ~server();
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  void start();
  // Stops accepting; connections close after their current request.
  void stop();

  [[nodiscard]] boost::asio::ip::tcp::endpoint endpoint() const;

 private:
  struct state;
  std::shared_ptr<state> state_;  // shared with the coroutines, which may outlive a stop()
};

}  // namespace bevaka::http
