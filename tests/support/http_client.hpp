#pragma once
// A real HTTP client for the API tests (Boost.Beast, synchronous, one connection per request),
// and a raw socket for what no well-behaved client sends.

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace bevaka::testing {

struct http_reply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;

  [[nodiscard]] nlohmann::ordered_json json() const;
  [[nodiscard]] std::string header(const std::string& lower_case_name) const;
};

// Sends one request to 127.0.0.1:port; `token` goes in `Authorization: Bearer` when not empty.
[[nodiscard]] http_reply http_request(unsigned short port, const std::string& method,
                                      const std::string& target, const std::string& token = "",
                                      const std::string& body = "");

// Writes `bytes` to 127.0.0.1:port as they are, then reads until the server closes the
// connection or `wait` passes; returns what came back ("" when nothing did).
[[nodiscard]] std::string raw_exchange(unsigned short port, const std::string& bytes,
                                       std::chrono::milliseconds wait);

// A target's path segment, percent-encoded: "Kst 2015/503" -> "Kst%202015%2F503".
[[nodiscard]] std::string url_encoded(const std::string& segment);

}  // namespace bevaka::testing
