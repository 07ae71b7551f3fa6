#include "adapters/http/api_error.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "adapters/views/json_views.hpp"

namespace bevaka::http {

api_error from_engine(const engine::error& e) {
  switch (e.code) {
    case engine::errc::bad_input:
      return {400, "bad_input", e.message};
    case engine::errc::not_found:
      return {404, "not_found", e.message};
    case engine::errc::duplicate:
      return {409, "duplicate", e.message};
    case engine::errc::refused:
      return {409, "refused", e.message};
    case engine::errc::conflict:
      return {409, "conflict", e.message};
  }
  return {500, "internal", e.message};
}

api_error bad_request(std::string detail) { return {400, "bad_input", std::move(detail)}; }
api_error forbidden(std::string detail) { return {403, "forbidden", std::move(detail)}; }
api_error not_found(std::string detail) { return {404, "not_found", std::move(detail)}; }

api_response error_response(const api_error& e) {
  return api_response{
      .status = e.status,
      .body = fmt::format("{}\n", views::json{{"error", e.error}, {"detail", e.detail}}.dump())};
}

void throw_exception_from_error(const api_error& e, const boost::source_location&) {
  throw std::runtime_error(fmt::format("{}: {}", e.error, e.detail));
}

}  // namespace bevaka::http
