#include "adapters/views/programme_views.hpp"

namespace bevaka::views {
namespace {

template <class T>
json or_null(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json text_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json indicator_json(const std::optional<engine::indicator>& i) {
  if (!i) return nullptr;
  return json{{"code", i->code},
              {"body", text_or_null(i->body_name)},
              {"title", i->title},
              {"unit", i->unit}};
}

json year_json(const engine::goal_year& y) {
  json override_by = nullptr;
  if (y.override_by)
    override_by = json{{"status", engine::to_string(y.override_by->status)},
                       {"reason", y.override_by->reason},
                       {"by", y.override_by->actor},
                       {"at", y.override_by->at}};
  return json{{"year", y.year},
              {"value", or_null(y.value)},
              {"previous", or_null(y.previous)},
              {"computed", engine::to_string(y.computed.colour)},
              {"why", y.computed.why},
              {"override", std::move(override_by)},
              {"status", engine::to_string(y.status())}};
}

}  // namespace

json to_json(const engine::goal_view& v) {
  json years = json::array();
  for (const auto& y : v.years) years.push_back(year_json(y));
  return json{
      {"id", v.g.id},
      {"position", v.g.position},
      {"text", v.g.text},
      {"indicator", indicator_json(v.measured)},
      {"target", or_null(v.g.target)},
      {"direction", v.g.direction ? json(engine::to_string(*v.g.direction)) : json(nullptr)},
      {"years", std::move(years)}};
}

namespace {

json step_status_json(const engine::duty_step_status& s) {
  const auto& done = s.done;
  return json{{"step", engine::to_string(s.kind)},
              {"done", done.has_value()},
              {"ref", done ? json(done->ref) : json(nullptr)},
              {"decided", done ? json(engine::format_date(done->decided)) : json(nullptr)},
              {"by", done ? json(done->body) : json(nullptr)},
              {"plan", done ? text_or_null(done->plan_ref) : json(nullptr)},
              {"missing_since",
               s.missing_since ? json(engine::format_date(*s.missing_since)) : json(nullptr)}};
}

}  // namespace

json to_json(const engine::group& g) {
  return json{{"id", g.id},
              {"name", g.name},
              {"kind", engine::to_string(g.kind)},
              {"coordinator", g.coordinator},
              {"members", g.members},
              {"meets_per_year", or_null(g.meets_per_year)},
              {"part_of", text_or_null(g.part_of)}};
}

json to_json(const engine::action_plan& p) {
  return json{{"id", p.id},
              {"ref", p.ref},
              {"title", p.title},
              {"group", p.group},
              {"period", engine::format_year_span(p.period)},
              {"state", p.state}};
}

json to_json(const engine::plan_view& v) {
  json shown = to_json(v.plan);
  json goals = json::array(), reviews = json::array(), items = json::array();
  for (const auto& g : v.goals) goals.push_back(to_json(g));
  for (const auto& r : v.reviews)
    reviews.push_back(json{{"year", r.year}, {"note", r.note}, {"by", r.actor}, {"at", r.at}});
  for (const auto& i : v.items)
    items.push_back(json{{"id", i.id},
                         {"unit", i.unit},
                         {"area", i.area},
                         {"activity", i.activity},
                         {"state", i.state}});
  shown["goals"] = std::move(goals);
  shown["reviews"] = std::move(reviews);
  shown["items"] = std::move(items);
  return shown;
}

json to_json(const engine::goal_override& o) {
  return json{{"goal", o.goal_id},  {"year", o.year}, {"status", engine::to_string(o.status)},
              {"reason", o.reason}, {"by", o.actor},  {"at", o.at}};
}

json to_json(const engine::duty_step& s) {
  return json{{"id", s.id},
              {"period", engine::format_year_span(s.period)},
              {"step", engine::to_string(s.kind)},
              {"ref", s.ref},
              {"decided", engine::format_date(s.decided)},
              {"by", s.body},
              {"plan", text_or_null(s.plan_ref)}};
}

json to_json(const engine::duty_status& s) {
  json periods = json::array();
  for (const auto& p : s.periods) {
    json steps = json::array();
    for (const auto& step : p.steps) steps.push_back(step_status_json(step));
    periods.push_back(json{{"period", engine::format_year_span(p.period)},
                           {"steps", std::move(steps)},
                           {"next", p.next ? json(engine::to_string(*p.next)) : json(nullptr)}});
  }
  json next = nullptr;
  if (s.next)
    next = json{
        {"period",
         s.next->period ? json(engine::format_year_span(*s.next->period)) : json(nullptr)},
        {"step", engine::to_string(s.next->kind)},
        {"missing_since", s.next->missing_since ? json(engine::format_date(*s.next->missing_since))
                                                : json(nullptr)}};
  return json{{"as_of", engine::format_date(s.as_of)},
              {"periods", std::move(periods)},
              {"next", std::move(next)}};
}

}  // namespace bevaka::views
