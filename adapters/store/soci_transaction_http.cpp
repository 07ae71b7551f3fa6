// The store calls the HTTP API and the dashboard need: listings, and API tokens.
#include "adapters/store/soci_transaction.hpp"

namespace bevaka::store::detail {

using namespace bevaka::engine;

std::vector<round> soci_transaction::rounds() { return prepared_.rounds.all(conn_); }

std::vector<assignment> soci_transaction::assignments_of_body(id_t body_id) {
  return prepared_.assignments_of_body.all(conn_, body_id);
}

id_t soci_transaction::insert_api_token(const api_token& t) {
  return *prepared_.insert_api_token.first(conn_, t.holder, std::string(to_string(t.holder_role)),
                                           nullable<key>(t.body_id), t.hash, t.created_at);
}

std::optional<api_token> soci_transaction::api_token_by_hash(std::string_view hash) {
  return prepared_.api_token_by_hash.first(conn_, std::string(hash));
}

}  // namespace bevaka::store::detail
