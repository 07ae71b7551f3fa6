#pragma once
// The API's refusals: an HTTP status and the JSON body {error, detail}. One table maps the
// engine's errors to statuses.

#include <boost/system/result.hpp>
#include <string>

#include "adapters/http/api_types.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::http {

struct api_error {
  int status = 400;
  std::string error;   // a stable word: bad_input, unauthorized, forbidden, not_found, ...
  std::string detail;  // one line for people: what was wrong and where
};

template <class T>
using api_outcome = boost::system::result<T, api_error>;

// bad_input 400, not_found 404, duplicate/refused/conflict 409.
[[nodiscard]] api_error from_engine(const engine::error& e);

[[nodiscard]] api_error bad_request(std::string detail);
[[nodiscard]] api_error forbidden(std::string detail);
[[nodiscard]] api_error not_found(std::string detail);

// The JSON response for a refusal.
[[nodiscard]] api_response error_response(const api_error& e);

// Lets api_outcome<T>::value() throw; callers test first.
[[noreturn]] void throw_exception_from_error(const api_error& e, const boost::source_location& loc);

}  // namespace bevaka::http
