#include "engine/access/token.hpp"

#include <array>
#include <utility>

namespace bevaka::engine {
namespace {

constexpr std::array<std::pair<role, std::string_view>, 5> role_names{{
    {role::admin, "admin"},
    {role::registrar, "registrar"},
    {role::coordinator, "coordinator"},
    {role::secretary, "secretary"},
    {role::viewer, "viewer"},
}};

}  // namespace

std::string_view to_string(role r) {
  for (const auto& [known, name] : role_names)
    if (known == r) return name;
  return {};
}

std::optional<role> parse_role(std::string_view text) {
  for (const auto& [known, name] : role_names)
    if (name == text) return known;
  return std::nullopt;
}

}  // namespace bevaka::engine
