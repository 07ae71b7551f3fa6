// The follow-up table over HTTP: the action items as `bevaka followup list`, `log` and `event`
// give and take them. Every role reads; admin, registrar and coordinator record events.
#include <fmt/format.h>

#include "adapters/http/detail/call.hpp"
#include "adapters/http/request_json.hpp"
#include "adapters/views/followup_views.hpp"
#include "engine/followup/followup_commands.hpp"
#include "engine/followup/followup_queries.hpp"

namespace bevaka::http::detail {

api_outcome<api_response> list_action_items(call& c) {
  engine::action_item_filter filter;
  filter.unit = c.param("unit");
  filter.area = c.param("area");
  if (const auto category = c.param("category")) {
    filter.category = engine::parse_action_category(*category);
    if (!filter.category)
      return bad_request(
          fmt::format("category '{}' is not one of the table's categories", *category));
  }
  return json_response(views::to_json_list(engine::find_action_items(c.tx.followup(), filter)));
}

api_outcome<api_response> show_action_item(call& c) {
  const auto item = engine::find_action_item(c.tx.followup(), c.captures.at(0));
  if (!item) return from_engine(item.error());
  return json_response(views::to_json(*item));
}

api_outcome<api_response> action_item_log(call& c) {
  const auto events = engine::item_timeline(c.tx.followup(), c.captures.at(0));
  if (!events) return from_engine(events.error());
  return json_response(views::to_json_list(*events));
}

// {event, period?, text?}: plan, start, report, complete, evaluate or cancel; period is a
// half-year ("2016H2") for report and plan, the server's when absent.
api_outcome<api_response> action_item_event(call& c) {
  if (auto refused =
          refuse_role(c, engine::write_action::action_item_event, "record action item events"))
    return *refused;
  const auto f = request_json::parse(c.request.body, {"event", "period", "text"});
  if (!f) return f.error();
  const auto event = f->text("event");
  if (!event) return event.error();
  const auto period_text = f->optional_text("period");
  if (!period_text) return period_text.error();
  const auto text = f->optional_text("text");
  if (!text) return text.error();
  engine::item_event request{.event = *event, .text = *text};
  if (!period_text->empty()) {
    request.period = engine::parse_half_year(*period_text);
    if (!request.period)
      return bad_request(
          fmt::format("period '{}' is not a half-year such as 2016H1 or 2016H2", *period_text));
  }
  const auto fired =
      engine::fire_item_event(c.tx.followup(), context(c), c.captures.at(0), request);
  if (!fired) return from_engine(fired.error());
  c.counters.count_applied("action_item_event");
  return json_response(views::to_json(*fired));
}

}  // namespace bevaka::http::detail
