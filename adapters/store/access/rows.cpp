#include "adapters/store/access/rows.hpp"

namespace bevaka::store::detail {

using namespace bevaka::engine;

void token_row::bind(soci::statement& st) {
  bind_columns(st, id, holder, role, maybe_null{body_id, body_null},
               maybe_null{body_name, name_null}, hash, created_at);
}

api_token token_row::to_model() const {
  api_token t{.id = id,
              .holder = holder,
              .holder_role = stored_name(parse_role, role, "api_tokens.role"),
              .hash = hash,
              .created_at = created_at};
  if (body_null == soci::i_ok) t.body_id = body_id;
  if (name_null == soci::i_ok) t.body_name = body_name;
  return t;
}

}  // namespace bevaka::store::detail
