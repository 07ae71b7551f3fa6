#pragma once
// A request and a response as the API sees them: plain values, no sockets and no Beast, so the
// routing is a function that the tests can call directly (server.hpp does the HTTP).

#include <string>
#include <utility>
#include <vector>

namespace bevaka::http {

struct api_request {
  std::string method;         // "GET", "POST", ...
  std::string target;         // origin form: "/api/overdue?as_of=2016-05-04"
  std::string authorization;  // the Authorization header, empty when absent
  std::string host;           // the Host header, empty when absent
  std::string body;
};

struct api_response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers{};  // beyond Content-Type
};

}  // namespace bevaka::http
