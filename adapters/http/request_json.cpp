#include "adapters/http/request_json.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace bevaka::http {
namespace {

api_error wrong_type(std::string_view name, std::string_view wanted) {
  return bad_request(fmt::format("field '{}' must be {}", name, wanted));
}

// nlohmann's message without its "[json.exception.parse_error.101] " prefix.
std::string parse_error_detail(const std::exception& e) {
  std::string_view what = e.what();
  if (const auto end = what.find("] "); end != std::string_view::npos) what.remove_prefix(end + 2);
  return fmt::format("the request body is not JSON: {}", what);
}

}  // namespace

api_outcome<request_json> request_json::parse(std::string_view body,
                                              std::initializer_list<std::string_view> known) {
  views::json object;
  try {
    object = views::json::parse(body);
  } catch (const views::json::parse_error& e) {
    return bad_request(parse_error_detail(e));
  }
  if (!object.is_object()) return bad_request("the request body must be a JSON object");
  for (const auto& [key, value] : object.items())
    if (std::find(known.begin(), known.end(), key) == known.end())
      return bad_request(
          fmt::format("unknown field '{}'; the fields are: {}", key, fmt::join(known, ", ")));
  return request_json(std::move(object));
}

const views::json* request_json::field(std::string_view name) const {
  const auto found = object_.find(name);
  if (found == object_.end() || found->is_null()) return nullptr;
  return &*found;
}

api_outcome<std::string> request_json::text(std::string_view name) const {
  const auto* value = field(name);
  if (!value) return bad_request(fmt::format("field '{}' is missing", name));
  if (!value->is_string()) return wrong_type(name, "a string");
  return value->get<std::string>();
}

api_outcome<std::string> request_json::optional_text(std::string_view name) const {
  if (!field(name)) return std::string();
  return text(name);
}

api_outcome<std::vector<std::string>> request_json::texts(std::string_view name) const {
  const auto* value = field(name);
  if (!value) return std::vector<std::string>();
  if (!value->is_array()) return wrong_type(name, "an array of strings");
  std::vector<std::string> items;
  for (const auto& item : *value) {
    if (!item.is_string()) return wrong_type(name, "an array of strings");
    items.push_back(item.get<std::string>());
  }
  return items;
}

api_outcome<bool> request_json::flag(std::string_view name) const {
  const auto* value = field(name);
  // result<bool> takes a bool only when told it is the value.
  if (!value) return {boost::system::in_place_value, false};
  if (!value->is_boolean()) return wrong_type(name, "true or false");
  return {boost::system::in_place_value, value->get<bool>()};
}

api_outcome<std::optional<engine::date>> request_json::optional_date(std::string_view name) const {
  if (!field(name)) return std::optional<engine::date>();
  const auto written = text(name);
  if (!written) return written.error();
  const auto day = engine::parse_date(*written);
  if (!day)
    return bad_request(
        fmt::format("field '{}' is '{}', not a date (YYYY-MM-DD that exists)", name, *written));
  return std::optional<engine::date>(*day);
}

}  // namespace bevaka::http
