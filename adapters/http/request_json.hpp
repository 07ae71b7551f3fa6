#pragma once
// Reading a request's JSON body: an object with only the fields a route knows (a misspelt field
// is refused, never ignored), each of the type it must have.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/http/api_error.hpp"
#include "adapters/views/json_views.hpp"
#include "engine/shared/date.hpp"

namespace bevaka::http {

class request_json {
 public:
  // Refuses text that is not a JSON object, and any field not in `known`.
  [[nodiscard]] static api_outcome<request_json> parse(
      std::string_view body, std::initializer_list<std::string_view> known);

  // A string field that must be there.
  [[nodiscard]] api_outcome<std::string> text(std::string_view name) const;
  // A string field, "" when absent or null.
  [[nodiscard]] api_outcome<std::string> optional_text(std::string_view name) const;
  // An array of strings, empty when absent.
  [[nodiscard]] api_outcome<std::vector<std::string>> texts(std::string_view name) const;
  // true or false, false when absent.
  [[nodiscard]] api_outcome<bool> flag(std::string_view name) const;
  // A YYYY-MM-DD date that exists, nullopt when absent or null.
  [[nodiscard]] api_outcome<std::optional<engine::date>> optional_date(std::string_view name) const;

 private:
  explicit request_json(views::json object) : object_(std::move(object)) {}
  [[nodiscard]] const views::json* field(std::string_view name) const;
  views::json object_;
};

}  // namespace bevaka::http
