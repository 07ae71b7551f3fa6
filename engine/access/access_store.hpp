#pragma once
// The access port: the API's tokens, stored by their SHA-256 only. Read and written inside the
// caller's transaction; implemented by adapters/store; may throw engine::database_error.

#include <optional>
#include <string_view>

#include "engine/access/token.hpp"

namespace bevaka::engine {

class access_store {
 public:
  virtual ~access_store() = default;

  // Returns the new token's id. The caller has checked the body.
  virtual id_t insert_api_token(const api_token& t) = 0;
  // The token whose SHA-256 is `hash`, with its body's name.
  [[nodiscard]] virtual std::optional<api_token> api_token_by_hash(std::string_view hash) = 0;
};

}  // namespace bevaka::engine
