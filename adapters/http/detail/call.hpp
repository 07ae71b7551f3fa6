#pragma once
// What a route's handler works with: the transaction, the caller's token, the path's parts, the
// query, the body and the clock. Internal to adapters/http: api.cpp builds it, the handlers in
// api_reads.cpp and api_writes.cpp read it. A handler only parses, calls the engine and renders.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "adapters/http/api.hpp"
#include "adapters/http/api_error.hpp"
#include "adapters/http/api_types.hpp"
#include "adapters/http/metrics.hpp"
#include "adapters/views/json_views.hpp"
#include "engine/access/access.hpp"
#include "engine/access/token.hpp"
#include "engine/cases/commands.hpp"
#include "engine/shared/clock.hpp"
#include "engine/store.hpp"

namespace bevaka::http::detail {

struct call {
  engine::store_transaction& tx;
  const engine::api_token& token;
  std::vector<std::string> captures;         // the path's {placeholders}, in order, decoded
  std::map<std::string, std::string> query;  // decoded; only the names the route allows
  const api_request& request;
  engine::timestamp now;  // writes: the server's clock; reads: `as_of` when given
  metrics& counters;
  const api_settings& settings;

  [[nodiscard]] std::optional<std::string> param(const std::string& name) const {
    const auto found = query.find(name);
    if (found == query.end()) return std::nullopt;
    return found->second;
  }
};

using handler = api_outcome<api_response> (*)(call&);

// The JSON answer, indented as the CLI prints it, so both give the same bytes.
[[nodiscard]] api_response json_response(const views::json& value, int status = 200);

// GET handlers (api_reads.cpp).
api_outcome<api_response> list_bodies(call& c);
api_outcome<api_response> body_obligations(call& c);
api_outcome<api_response> body_deadlines_ics(call& c);
api_outcome<api_response> list_rounds(call& c);
api_outcome<api_response> show_round(call& c);
api_outcome<api_response> round_overview(call& c);
api_outcome<api_response> round_log(call& c);
api_outcome<api_response> round_reminders(call& c);
api_outcome<api_response> all_reminders(call& c);
api_outcome<api_response> overdue(call& c);
api_outcome<api_response> extension_requests(call& c);
api_outcome<api_response> punctuality(call& c);
api_outcome<api_response> calendar(call& c);
api_outcome<api_response> whoami(call& c);
// The budget reads (api_budgets.cpp).
api_outcome<api_response> show_budget(call& c);

// GET handlers of the safety programme (api_programme.cpp).
api_outcome<api_response> list_groups(call& c);
api_outcome<api_response> list_plans(call& c);
api_outcome<api_response> show_plan(call& c);
api_outcome<api_response> duty_status(call& c);

// For writes (api_writes.cpp): 403 unless the token's role may make this kind of write; the
// engine's context with the token's holder as the actor and the server's clock.
[[nodiscard]] std::optional<api_error> refuse_role(const call& c, engine::write_action action,
                                                   std::string_view what);
[[nodiscard]] engine::command_context context(call& c);

// The follow-up table's action items (api_followup.cpp).
api_outcome<api_response> list_action_items(call& c);
api_outcome<api_response> show_action_item(call& c);
api_outcome<api_response> action_item_log(call& c);
api_outcome<api_response> action_item_event(call& c);

// POST handlers (api_writes.cpp).
api_outcome<api_response> add_body(call& c);
api_outcome<api_response> create_round(call& c);
api_outcome<api_response> round_event(call& c);
api_outcome<api_response> assignment_event(call& c);

}  // namespace bevaka::http::detail
