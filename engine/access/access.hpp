#pragma once
// Who may do what through the HTTP API. An API token carries a role (and a secretary's body);
// the store keeps only the token's hash. Pure policy: the HTTP adapter asks before every call,
// and `bevaka token create` issues tokens through create_api_token.

#include <optional>
#include <string>
#include <string_view>

#include "engine/access/access_store.hpp"
#include "engine/access/token.hpp"
#include "engine/cases/case_store.hpp"
#include "engine/cases/model.hpp"
#include "engine/shared/clock.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::engine {

struct new_api_token {
  role holder_role = role::viewer;
  std::string body{};    // a secretary's body (name or id); empty for every other role
  std::string holder{};  // empty: named after the role (and body)
  std::string hash{};
};

// Refuses a secretary without a body, a body for any other role, an unknown body.
[[nodiscard]] outcome<api_token> create_api_token(case_store& cases, access_store& access,
                                                  const new_api_token& request, timestamp now);

// The writes the API offers.
enum class write_action {
  add_body,
  create_round,
  round_event,
  assignment_event,
  action_item_event
};

// Whether the role may make this kind of write at all.
[[nodiscard]] bool may_write(role r, write_action action);

// Whether `token` may fire `event` on `body`'s assignment: a secretary only on its own body,
// and only start, decide, submit and request-extension (asking for more time; granting it is
// for the registrar, a coordinator or an admin).
[[nodiscard]] bool may_fire_assignment_event(const api_token& token, const body& b,
                                             std::string_view event);

// A secretary reads only its own body's assignments; every other role reads everything.
[[nodiscard]] std::optional<id_t> readable_body_only(const api_token& token);

}  // namespace bevaka::engine
