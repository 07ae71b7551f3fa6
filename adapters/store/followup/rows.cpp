#include "adapters/store/followup/rows.hpp"

namespace bevaka::store::detail {

using namespace bevaka::engine;

void action_item_row::bind(soci::statement& st) {
  bind_columns(st, id, unit, area, activity, description, expected_result, method, result,
               maybe_null{category, category_null}, state, row_order, version);
}

action_item action_item_row::to_model() const {
  action_item item{.id = id,
                   .unit = unit,
                   .area = area,
                   .activity = activity,
                   .description = description,
                   .expected_result = expected_result,
                   .evaluation_method = method,
                   .evaluation_result = result,
                   .state = state,
                   .position = row_order,
                   .version = version};
  if (category_null == soci::i_ok)
    item.category = stored_name(parse_action_category, category, "action_items.category");
  return item;
}

void action_item_text_row::bind(soci::statement& st) {
  bind_columns(st, item_id, kind, period, content);
}

void followup_area_row::bind(soci::statement& st) {
  bind_columns(st, area.unit, area.name, area.position);
}

void followup_event_row::bind(soci::statement& st) {
  bind_columns(st, e.case_kind, e.event, e.from, e.to, e.actor, e.at, e.note, e.payload);
}

void indicator_row::bind(soci::statement& st) {
  bind_columns(st, id, maybe_null{body_id, body_null}, maybe_null{body_name, name_null}, code,
               title, direction, unit);
}

indicator indicator_row::to_model() const {
  indicator i{.id = id,
              .code = code,
              .title = title,
              .direction = stored_name(parse_wanted_direction, direction, "indicators.direction"),
              .unit = unit};
  if (body_null == soci::i_ok) i.body_id = body_id;
  if (name_null == soci::i_ok) i.body_name = body_name;
  return i;
}

void indicator_value_row::bind(soci::statement& st) { bind_columns(st, indicator_id, year, value); }

void report_section_row::bind(soci::statement& st) {
  bind_columns(st, section.number, section.heading, section.text);
}

}  // namespace bevaka::store::detail
