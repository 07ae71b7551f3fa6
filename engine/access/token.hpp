#pragma once
// API tokens and their roles, as the store keeps them: only the token's hash, never the token.

#include <optional>
#include <string>
#include <string_view>

#include "engine/cases/model.hpp"
#include "engine/shared/enum_names.hpp"

namespace bevaka::engine {

// admin: everything; registrar: everything on cases; coordinator: rounds; secretary: its own
// body's assignments only; viewer: reads only. access.hpp says exactly who may do what.
enum class role { admin, registrar, coordinator, secretary, viewer };

// Names as the CLI and the JSON spell them.
inline constexpr enum_names<role, 5> role_names{{
    {role::admin, "admin"},
    {role::registrar, "registrar"},
    {role::coordinator, "coordinator"},
    {role::secretary, "secretary"},
    {role::viewer, "viewer"},
}};
[[nodiscard]] std::string_view to_string(role r);
[[nodiscard]] std::optional<role> parse_role(std::string_view text);

// An issued token.
struct api_token {
  id_t id = 0;
  std::string holder{};  // recorded as the actor of every write made with the token
  role holder_role = role::viewer;
  std::optional<id_t> body_id{};  // a secretary's body
  std::string body_name{};        // filled when read back
  std::string hash{};             // lower-case hex SHA-256 of the token
  std::string created_at{};       // ISO 8601, the engine's clock
};

}  // namespace bevaka::engine
