#include "adapters/views/followup_views.hpp"

namespace bevaka::views {
namespace {

json text_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json period_texts(const std::vector<engine::period_text>& texts) {
  json array = json::array();
  for (const auto& t : texts) array.push_back(json{{"period", t.period}, {"text", t.text}});
  return array;
}

}  // namespace

json to_json(const engine::action_item& item) {
  return json{{"id", item.id},
              {"unit", text_or_null(item.unit)},
              {"area", item.area},
              {"activity", item.activity},
              {"description", item.description},
              {"expected_result", item.expected_result},
              {"evaluation_method", item.evaluation_method},
              {"evaluation_result", item.evaluation_result},
              {"category", item.category ? json(engine::to_string(*item.category)) : json(nullptr)},
              {"state", item.state},
              {"incomplete", item.incomplete()},
              {"reports", period_texts(item.reports)},
              {"plans", period_texts(item.plans)}};
}

json to_json(const engine::import_summary& summary) {
  return json{{"unit", text_or_null(summary.unit)},
              {"areas", summary.areas},
              {"items", summary.items},
              {"incomplete", summary.incomplete},
              {"created", summary.created},
              {"updated", summary.updated},
              {"unchanged", summary.unchanged},
              {"work_period", summary.work_period},
              {"plan_period", summary.plan_period}};
}

json to_json(const engine::area_summary& area) {
  return json{{"unit", text_or_null(area.unit)},
              {"area", area.name},
              {"items", area.items},
              {"incomplete", area.incomplete}};
}

json to_json(const engine::followup_event& e) {
  return json{{"at", e.at},
              {"event", e.event},
              {"from", text_or_null(e.from)},
              {"to", e.to},
              {"by", e.actor},
              {"note", text_or_null(e.note)},
              {"payload", json::parse(e.payload)}};
}

json to_json(const engine::indicator& i) {
  json values = json::array();
  for (const auto& y : engine::yearly_outcomes(i))
    values.push_back(
        json{{"year", y.year},
             {"value", y.value},
             {"previous", y.previous ? json(*y.previous) : json(nullptr)},
             {"outcome", y.outcome ? json(engine::to_string(*y.outcome)) : json(nullptr)}});
  return json{{"id", i.id},
              {"code", i.code},
              {"body", text_or_null(i.body_name)},
              {"title", i.title},
              {"direction", engine::to_string(i.direction)},
              {"unit", i.unit},
              {"values", std::move(values)}};
}

}  // namespace bevaka::views
