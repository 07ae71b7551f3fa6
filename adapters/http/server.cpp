#include "adapters/http/server.hpp"

#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <optional>

#include "adapters/http/api_error.hpp"

namespace bevaka::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using beast_request = bhttp::request<bhttp::string_body>;
using beast_response = bhttp::response<bhttp::string_body>;

// Errors come back as values, so a refused or dropped connection is not an exception.
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

api_request to_api(beast_request& request) {
  return api_request{.method = std::string(request.method_string()),
                     .target = std::string(request.target()),
                     .authorization = std::string(request[bhttp::field::authorization]),
                     .host = std::string(request[bhttp::field::host]),
                     .body = std::move(request.body())};
}

beast_response to_beast(api_response answer, unsigned version, bool keep_alive) {
  beast_response response{static_cast<bhttp::status>(answer.status), version};
  response.set(bhttp::field::server, "bevaka");
  response.set(bhttp::field::content_type, answer.content_type);
  for (const auto& [name, value] : answer.headers) response.set(name, value);
  response.body() = std::move(answer.body);
  response.keep_alive(keep_alive);
  response.prepare_payload();
  return response;
}

// What to answer a request that could not be read; nothing when the client went away or
// timed out (there is nobody left to tell).
std::optional<api_response> read_failure(const beast::error_code& ec) {
  if (ec == bhttp::error::body_limit)
    return error_response({413, "payload_too_large", "the request body is too large"});
  if (ec == bhttp::error::header_limit)
    return error_response({431, "headers_too_large", "the request's headers are too large"});
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return std::nullopt;
  if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category())
    return error_response(bad_request("malformed HTTP request: " + ec.message()));
  return std::nullopt;
}

api_response answer_safely(const server::handler& handle, const api_request& request) {
  try {
    return handle(request);
  } catch (const std::exception& e) {
    return error_response({500, "internal", e.what()});
  }
}

}  // namespace

struct server::state {
  state(asio::io_context& io, const tcp::endpoint& at, handler h, server_settings s)
      : acceptor(io, at), bound(acceptor.local_endpoint()), handle(std::move(h)), settings(s) {}

  tcp::acceptor acceptor;
  tcp::endpoint bound;  // kept: a closed acceptor no longer knows it
  handler handle;
  server_settings settings;
  bool stopping = false;

  static asio::awaitable<void> accept_loop(std::shared_ptr<state> self);
  static asio::awaitable<void> session(std::shared_ptr<state> self, beast::tcp_stream stream);
  static asio::awaitable<void> linger(beast::tcp_stream& stream);
  static asio::awaitable<bool> read_request(state& self, beast::tcp_stream& stream,
                                            beast::flat_buffer& buffer,
                                            bhttp::request_parser<bhttp::string_body>& parser);
};

asio::awaitable<void> server::state::accept_loop(std::shared_ptr<state> self) {
  while (self->acceptor.is_open()) {
    auto [ec, socket] = co_await self->acceptor.async_accept(use_tuple);
    if (ec == asio::error::operation_aborted) co_return;
    if (ec) continue;  // the client gave up before we accepted; go on with the next
    asio::co_spawn(self->acceptor.get_executor(),
                   session(self, beast::tcp_stream(std::move(socket))), asio::detached);
  }
}

// Reads one request within the timeout, answering "100 Continue" to a client that waits for
// it. On failure, answers what can be answered and returns false: the connection ends.
asio::awaitable<bool> server::state::read_request(
    state& self, beast::tcp_stream& stream, beast::flat_buffer& buffer,
    bhttp::request_parser<bhttp::string_body>& parser) {
  parser.header_limit(static_cast<std::uint32_t>(self.settings.header_limit));
  parser.body_limit(self.settings.body_limit);
  stream.expires_after(self.settings.request_timeout);
  auto [ec, read] = co_await bhttp::async_read_header(stream, buffer, parser, use_tuple);
  if (!ec && beast::iequals(parser.get()[bhttp::field::expect], "100-continue")) {
    bhttp::response<bhttp::empty_body> proceed{bhttp::status::continue_, parser.get().version()};
    std::tie(ec, read) = co_await bhttp::async_write(stream, proceed, use_tuple);
  }
  if (!ec) std::tie(ec, read) = co_await bhttp::async_read(stream, buffer, parser, use_tuple);
  if (!ec) co_return true;
  if (const auto refusal = read_failure(ec)) {
    auto response = to_beast(*refusal, 11, false);
    co_await bhttp::async_write(stream, response, use_tuple);
    co_await linger(stream);
  }
  co_return false;
}

// After refusing a request whose rest is still on its way (a body too large), reads and drops
// what keeps coming for a moment before closing: closing with unread data makes the kernel send
// a reset, which can destroy our answer before the client has read it.
asio::awaitable<void> server::state::linger(beast::tcp_stream& stream) {
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream.expires_after(std::chrono::seconds(2));
  std::array<char, 16 * 1024> sink{};
  for (std::size_t drained = 0; drained < 4 * 1024 * 1024;) {
    const auto [ec, n] = co_await stream.async_read_some(asio::buffer(sink), use_tuple);
    if (ec) break;
    drained += n;
  }
}

asio::awaitable<void> server::state::session(std::shared_ptr<state> self,
                                             beast::tcp_stream stream) {
  beast::flat_buffer buffer;
  for (;;) {
    bhttp::request_parser<bhttp::string_body> parser;
    if (!co_await read_request(*self, stream, buffer, parser)) break;
    auto& request = parser.get();
    const bool keep_alive = request.keep_alive() && !self->stopping;
    auto response =
        to_beast(answer_safely(self->handle, to_api(request)), request.version(), keep_alive);
    stream.expires_after(self->settings.request_timeout);
    const auto [ec, written] = co_await bhttp::async_write(stream, response, use_tuple);
    if (ec || !keep_alive) break;
  }
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

server::server(asio::io_context& io, const tcp::endpoint& at, handler handle,
               server_settings settings)
    : state_(std::make_shared<state>(io, at, std::move(handle), settings)) {}

server::~server() { stop(); }

void server::start() {
  asio::co_spawn(state_->acceptor.get_executor(), state::accept_loop(state_), asio::detached);
}

void server::stop() {
  state_->stopping = true;
  beast::error_code ignored;
  state_->acceptor.close(ignored);
}

tcp::endpoint server::endpoint() const { return state_->bound; }

}  // namespace bevaka::http
