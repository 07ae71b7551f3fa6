#include "engine/cases/model.hpp"

namespace bevaka::engine {

std::string_view to_string(body_kind kind) { return body_kind_names.to_string(kind); }
std::string_view to_string(round_kind kind) { return round_kind_names.to_string(kind); }
std::optional<body_kind> parse_body_kind(std::string_view text) {
  return body_kind_names.parse(text);
}
std::optional<round_kind> parse_round_kind(std::string_view text) {
  return round_kind_names.parse(text);
}
std::string_view to_string(case_kind kind) { return case_kind_names.to_string(kind); }
std::optional<case_kind> parse_case_kind(std::string_view text) {
  return case_kind_names.parse(text);
}

}  // namespace bevaka::engine
