// The API's reads of the safety programme: groups, action plans with their goals' colours, and
// the legal duty. Every role reads them; the duty's status takes the call's clock (`as_of`).
#include "adapters/http/detail/call.hpp"
#include "adapters/views/programme_views.hpp"
#include "engine/programme/duty.hpp"
#include "engine/programme/plan_commands.hpp"

namespace bevaka::http::detail {

api_outcome<api_response> list_groups(call& c) {
  return json_response(views::to_json_rows(c.tx.programme().groups()));
}

api_outcome<api_response> list_plans(call& c) {
  const auto plans = engine::list_plans(c.tx.followup(), c.tx.programme(), c.param("group"));
  if (!plans) return from_engine(plans.error());
  return json_response(views::to_json_rows(*plans));
}

api_outcome<api_response> show_plan(call& c) {
  const auto plan = engine::show_plan(c.tx.followup(), c.tx.programme(), c.captures.at(0));
  if (!plan) return from_engine(plan.error());
  return json_response(views::to_json(*plan));
}

api_outcome<api_response> duty_status(call& c) {
  return json_response(views::to_json(engine::find_duty_status(c.tx.programme(), c.now.day)));
}

}  // namespace bevaka::http::detail
