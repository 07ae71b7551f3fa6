#include "adapters/views/json_views.hpp"

#include "engine/shared/clock.hpp"

namespace bevaka::views {
namespace {

json date_or_null(const std::optional<engine::date>& day) {
  return day ? json(engine::format_date(*day)) : json(nullptr);
}

json text_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json number_or_null(const std::optional<int>& number) {
  return number ? json(*number) : json(nullptr);
}

json extension_request_or_null(const std::optional<engine::extension_request>& request) {
  if (!request) return nullptr;
  return json{{"deadline", engine::format_date(request->deadline)},
              {"note", request->note},
              {"by", request->actor},
              {"at", request->at}};
}

json assignment_in_round(const engine::assignment& a) {
  return json{{"body", a.body_name},
              {"state", a.state},
              {"deadline", engine::format_date(a.deadline.effective)},
              {"nominal_deadline", engine::format_date(a.deadline.nominal)},
              {"submitted_on", date_or_null(a.submitted_on)},
              {"late_by_working_days", number_or_null(a.late_by_working_days)},
              {"first_submitted_on", date_or_null(a.first_submitted_on)},
              {"first_late_by_working_days", number_or_null(a.first_late_by_working_days)},
              {"extension_request", extension_request_or_null(a.extension)}};
}

// The payload's `field` when the engine wrote one (a date or a number), else null.
json payload_field(const json& payload, const char* field) {
  const auto found = payload.find(field);
  return found == payload.end() ? json(nullptr) : *found;
}

}  // namespace

json to_json(const engine::body& b) {
  return json{
      {"id", b.id}, {"name", b.name}, {"kind", engine::to_string(b.kind)}, {"emails", b.emails}};
}

json to_json(const engine::round_view& view) {
  const auto& r = view.r;
  json assignments = json::array();
  for (const auto& a : view.assignments) assignments.push_back(assignment_in_round(a));
  return json{{"id", r.id},
              {"kind", engine::to_string(r.kind)},
              {"ref", r.ref},
              {"title", r.title},
              {"state", r.state},
              {"deadline", engine::format_date(r.deadline.effective)},
              {"nominal_deadline", engine::format_date(r.deadline.nominal)},
              {"deadline_reason", text_or_null(r.deadline.reason)},
              {"sent_on", date_or_null(r.sent_on)},
              {"assignments", std::move(assignments)}};
}

json to_json(const engine::round& r, const engine::assignment& a) {
  json out{{"round", r.id}, {"ref", r.ref}};
  out.update(assignment_in_round(a));
  out["deadline_reason"] = text_or_null(a.deadline.reason);
  return out;
}

json to_json(const engine::overdue_item& item) {
  return json{{"round", item.round_id},
              {"ref", item.ref},
              {"title", item.title},
              {"body", item.body},
              {"deadline", engine::format_date(item.deadline)},
              {"working_days_overdue", item.working_days_overdue},
              {"state", item.state},
              {"failed_reminders", item.failed_reminders}};
}

json to_json(const engine::event_record& e) {
  // The engine writes the payload; a stored one that is not JSON shows no details.
  const auto payload = json::parse(e.payload, nullptr, false);
  const auto detail = [&](const char* field) {
    return payload.is_object() ? payload_field(payload, field) : json(nullptr);
  };
  json out{{"at", e.at},
           {"event", e.event},
           {"from", text_or_null(e.from)},
           {"to", e.to},
           {"by", e.actor},
           {"note", text_or_null(e.note)},
           {"body", text_or_null(e.body_name)},
           {"deadline_from", detail("deadline_from")},
           {"deadline_to", detail("deadline_to")}};
  for (const char* field : {"received", "requested_deadline"})
    if (auto value = detail(field); !value.is_null()) out[field] = std::move(value);
  return out;
}

json to_json(const std::pair<engine::round, engine::assignment>& pending) {
  const auto& [r, a] = pending;
  return json{{"round", r.id},
              {"ref", r.ref},
              {"title", r.title},
              {"body", a.body_name},
              {"deadline", engine::format_date(a.deadline.effective)},
              {"requested_deadline", engine::format_date(a.extension->deadline)},
              {"note", a.extension->note},
              {"by", a.extension->actor},
              {"at", a.extension->at}};
}

json to_json(const engine::holiday& h) {
  return json{{"date", engine::format_date(h.day)}, {"name", h.name}};
}

json to_json(const engine::obligation& o) {
  json out = to_json(o.r, o.a);
  out["title"] = o.r.title;
  out["round_kind"] = engine::to_string(o.r.kind);
  out["working_days_overdue"] =
      o.working_days_overdue ? json(*o.working_days_overdue) : json(nullptr);
  return out;
}

json to_json(const engine::api_token& t) {
  return json{{"holder", t.holder},
              {"role", engine::to_string(t.holder_role)},
              {"body", text_or_null(t.body_name)}};
}

json to_json(const engine::reminder_view& v, const std::string& registrar) {
  const auto& r = v.r;
  const auto local = [](engine::instant t) { return engine::stockholm_time(t).iso(); };
  const bool escalation = r.kind == engine::reminder_kind::escalation;
  const bool waiting = r.state == engine::reminder_state::scheduled;
  return json{{"round", r.round_id},
              {"ref", v.ref},
              {"body", v.body_name},
              {"to", escalation ? (registrar.empty() ? json::array() : json::array({registrar}))
                                : json(v.body_emails)},
              {"due_at", local(r.due_at)},
              {"kind", engine::to_string(r.kind)},
              {"state", engine::to_string(r.state)},
              {"attempts", r.attempts},
              {"sent_at", r.sent_at ? json(local(*r.sent_at)) : json(nullptr)},
              {"id", r.id},
              {"next_attempt_at", waiting ? json(local(r.next_attempt_at)) : json(nullptr)},
              {"error", text_or_null(r.last_error)}};
}

}  // namespace bevaka::views
