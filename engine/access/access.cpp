#include "engine/access/access.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "engine/cases/lookup.hpp"
#include "workflows/assignment.hpp"

namespace bevaka::engine {
namespace {

// What a body's secretary records: the body's own progress, and a request for more time. The
// registrar, a coordinator or an admin grants it (extend) or denies it.
constexpr std::array<std::string_view, 4> secretary_events{
    workflows::assignment_event::start, workflows::assignment_event::decide,
    workflows::assignment_event::submit, workflows::assignment_event::request_extension};

std::string default_holder(role r, const std::optional<body>& b) {
  if (b) return fmt::format("{} ({})", to_string(r), b->name);
  return std::string(to_string(r));
}

}  // namespace

outcome<api_token> create_api_token(case_store& cases, access_store& access,
                                    const new_api_token& request, timestamp now) {
  const bool secretary = request.holder_role == role::secretary;
  if (secretary && request.body.empty())
    return make_error(errc::bad_input, "a secretary's token needs --body (the body it acts for)");
  if (!secretary && !request.body.empty())
    return make_error(errc::bad_input, fmt::format("--body is only for a secretary, not a {}",
                                                   to_string(request.holder_role)));
  std::optional<body> b;
  if (secretary) {
    auto found = find_body(cases, request.body);
    if (!found) return found.error();
    b = std::move(*found);
  }
  api_token token{
      .holder = request.holder.empty() ? default_holder(request.holder_role, b) : request.holder,
      .holder_role = request.holder_role,
      .body_id = b ? std::optional<id_t>(b->id) : std::nullopt,
      .body_name = b ? b->name : std::string(),
      .hash = request.hash,
      .created_at = now.iso()};
  token.id = access.insert_api_token(token);
  return token;
}

bool may_write(role r, write_action action) {
  switch (action) {
    case write_action::add_body:
      return r == role::admin || r == role::registrar;
    case write_action::create_round:
    case write_action::round_event:
    case write_action::action_item_event:
      return r == role::admin || r == role::registrar || r == role::coordinator;
    case write_action::assignment_event:
      return r == role::admin || r == role::registrar || r == role::secretary;
  }
  return false;
}

bool may_fire_assignment_event(const api_token& token, const body& b, std::string_view event) {
  if (!may_write(token.holder_role, write_action::assignment_event)) return false;
  if (token.holder_role != role::secretary) return true;
  return token.body_id == b.id && std::find(secretary_events.begin(), secretary_events.end(),
                                            event) != secretary_events.end();
}

std::optional<id_t> readable_body_only(const api_token& token) {
  if (token.holder_role == role::secretary) return token.body_id;
  return std::nullopt;
}

}  // namespace bevaka::engine
