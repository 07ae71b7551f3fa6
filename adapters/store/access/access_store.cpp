// The access port on one transaction: the API's tokens.
#include "adapters/store/soci_transaction.hpp"

namespace bevaka::store::detail {

using namespace bevaka::engine;

id_t soci_transaction::insert_api_token(const api_token& t) {
  return *prepared_.insert_api_token.first(conn_, t.holder, std::string(to_string(t.holder_role)),
                                           nullable<key>(t.body_id), t.hash, t.created_at);
}

std::optional<api_token> soci_transaction::api_token_by_hash(std::string_view hash) {
  return prepared_.api_token_by_hash.first(conn_, std::string(hash));
}

}  // namespace bevaka::store::detail
