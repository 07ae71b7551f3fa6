// The store calls the HTTP API and the dashboard need: listings, and API tokens.
// The listings find ids here and read each case through the existing by-id calls, so one
// place maps a row to a round or an assignment; a municipality has dozens of rounds.
#include <fmt/format.h>

#include "adapters/store/soci_store.hpp"
#include "adapters/store/soci_transaction.hpp"

namespace bevaka::store::detail {
namespace {

using namespace bevaka::engine;

std::vector<long long> fetch_ids(soci::statement& st, const long long& id) {
  st.execute();
  std::vector<long long> ids;
  while (st.fetch()) ids.push_back(id);
  return ids;
}

struct token_row {
  long long id = 0, body_id = 0;
  std::string holder, role_name, body_name, hash, created_at;
  soci::indicator body_null = soci::i_null, name_null = soci::i_null;

  [[nodiscard]] api_token to_model() const {
    const auto known = parse_role(role_name);
    if (!known)
      throw database_error(fmt::format("the database holds an unknown role '{}'", role_name));
    api_token t{
        .id = id, .holder = holder, .holder_role = *known, .hash = hash, .created_at = created_at};
    if (body_null == soci::i_ok) t.body_id = body_id;
    if (name_null == soci::i_ok) t.body_name = body_name;
    return t;
  }
};

}  // namespace

std::vector<round> soci_transaction::rounds() {
  std::vector<round> found;
  long long id = 0;
  soci::statement st =
      (sql_.prepare << "SELECT id FROM rounds ORDER BY deadline DESC, ref", soci::into(id));
  for (const auto round_id : fetch_ids(st, id))
    if (auto r = round_by_id(round_id)) found.push_back(std::move(*r));
  return found;
}

std::vector<assignment> soci_transaction::assignments_of_body(id_t body_id) {
  std::vector<assignment> found;
  long long key = body_id, round_id = 0;
  soci::statement st = (sql_.prepare << "SELECT round_id FROM assignments WHERE body_id = :body "
                                        "ORDER BY deadline, round_id",
                        soci::into(round_id), soci::use(key, "body"));
  for (const auto each : fetch_ids(st, round_id))
    if (auto a = assignment_of(each, body_id)) found.push_back(std::move(*a));
  return found;
}

id_t soci_transaction::insert_api_token(const api_token& t) {
  std::string role_name(to_string(t.holder_role));
  long long body_id = t.body_id.value_or(0), id = 0;
  soci::indicator body_null = t.body_id ? soci::i_ok : soci::i_null;
  sql_ << "INSERT INTO api_tokens (holder, role, body_id, token_hash, created_at) "
          "VALUES (:holder, :role, :body_id, :token_hash, :created_at) RETURNING id",
      soci::use(t.holder, "holder"), soci::use(role_name, "role"),
      soci::use(body_id, body_null, "body_id"), soci::use(t.hash, "token_hash"),
      soci::use(t.created_at, "created_at"), soci::into(id);
  return id;
}

std::optional<api_token> soci_transaction::api_token_by_hash(std::string_view hash) {
  std::string key(hash);
  token_row r;
  soci::statement st =
      (sql_.prepare << "SELECT t.id, t.holder, t.role, t.body_id, b.name, t.token_hash, "
                       "t.created_at FROM api_tokens t LEFT JOIN bodies b ON b.id = t.body_id "
                       "WHERE t.token_hash = :hash",
       soci::into(r.id), soci::into(r.holder), soci::into(r.role_name),
       soci::into(r.body_id, r.body_null), soci::into(r.body_name, r.name_null), soci::into(r.hash),
       soci::into(r.created_at), soci::use(key, "hash"));
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return r.to_model();
}

}  // namespace bevaka::store::detail
