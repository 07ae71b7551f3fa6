#pragma once
// The row of the API's tokens, read by the queries in statements.hpp. Internal to adapters/store.

#include <soci/soci.h>

#include <string>

#include "adapters/store/rows.hpp"
#include "engine/access/token.hpp"

namespace bevaka::store::detail {

struct token_row {
  long long id = 0, body_id = 0;
  std::string holder, role, body_name, hash, created_at;
  soci::indicator body_null = soci::i_null, name_null = soci::i_null;
  void bind(soci::statement& st);
  [[nodiscard]] engine::api_token to_model() const;
};

}  // namespace bevaka::store::detail
