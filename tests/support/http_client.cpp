#include "tests/support/http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <functional>
#include <stdexcept>

namespace bevaka::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

tcp::endpoint loopback(unsigned short port) {
  return tcp::endpoint(asio::ip::make_address("127.0.0.1"), port);
}

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

nlohmann::ordered_json http_reply::json() const { return nlohmann::ordered_json::parse(body); }

std::string http_reply::header(const std::string& lower_case_name) const {
  const auto found = headers.find(lower_case_name);
  return found == headers.end() ? std::string() : found->second;
}

// Async operations run for at most `limit`, so a server that hangs fails the test instead of
// hanging it (blocking socket calls would wait for ever).
http_reply http_request(unsigned short port, const std::string& method, const std::string& target,
                        const std::string& token, const std::string& body) {
  asio::io_context io;
  beast::tcp_stream stream(io);
  stream.connect(loopback(port));
  bhttp::request<bhttp::string_body> request{bhttp::string_to_verb(method), target, 11};
  request.set(bhttp::field::host, "127.0.0.1:" + std::to_string(port));
  if (!token.empty()) request.set(bhttp::field::authorization, "Bearer " + token);
  if (!body.empty()) request.set(bhttp::field::content_type, "application/json");
  request.body() = body;
  request.prepare_payload();
  beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> response;
  beast::error_code failed;
  bool done = false;
  stream.expires_after(std::chrono::seconds(30));
  bhttp::async_write(stream, request, [&](beast::error_code ec, std::size_t) {
    if (ec) {
      failed = ec;
      return;
    }
    bhttp::async_read(stream, buffer, response, [&](beast::error_code read_ec, std::size_t) {
      failed = read_ec;
      done = true;
    });
  });
  io.run();
  if (!done || failed)
    throw std::runtime_error(method + " " + target + ": no answer: " + failed.message());
  http_reply reply{static_cast<int>(response.result_int()), {}, response.body()};
  for (const auto& field : response)
    reply.headers[lower(std::string(field.name_string()))] = std::string(field.value());
  return reply;
}

std::string raw_exchange(unsigned short port, const std::string& bytes,
                         std::chrono::milliseconds wait) {
  asio::io_context io;
  tcp::socket socket(io);
  socket.connect(loopback(port));
  asio::write(socket, asio::buffer(bytes));
  std::string received;
  std::array<char, 4096> chunk{};
  std::function<void()> read_more = [&] {
    socket.async_read_some(asio::buffer(chunk), [&](beast::error_code ec, std::size_t n) {
      received.append(chunk.data(), n);
      if (!ec) read_more();  // until the server closes the connection
    });
  };
  read_more();
  io.run_for(wait);
  return received;
}

std::string url_encoded(const std::string& segment) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : segment) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 0x0f];
    }
  }
  return out;
}

}  // namespace bevaka::testing
