#pragma once
// The JSON shapes of bevaka's answers, shared by the CLI and the HTTP API. They are a contract.

#include <nlohmann/json.hpp>
#include <utility>

#include "engine/access/token.hpp"
#include "engine/calendar/calendar.hpp"
#include "engine/cases/listings.hpp"
#include "engine/cases/model.hpp"
#include "engine/cases/queries.hpp"
#include "engine/reminders/reminder.hpp"

namespace bevaka::views {

using json = nlohmann::ordered_json;

// {id, name, kind, emails}
[[nodiscard]] json to_json(const engine::body& b);
// {id, kind, ref, title, state, deadline, nominal_deadline, deadline_reason, sent_on,
//  assignments: [...]}
[[nodiscard]] json to_json(const engine::round_view& view);
// {round, ref, body, state, deadline, nominal_deadline, submitted_on, late_by_working_days,
//  first_submitted_on, first_late_by_working_days, extension_request: {deadline, note, by, at}
//  or null, deadline_reason}. submitted_on is the day the answer was received.
[[nodiscard]] json to_json(const engine::round& r, const engine::assignment& a);
// {round, ref, title, body, deadline, working_days_overdue, state}
[[nodiscard]] json to_json(const engine::overdue_item& item);
// {at, event, from, to, by, note, body, deadline_from, deadline_to} (the effective deadline
// before and after, when the event moved it; null otherwise), and `received` for a submit and
// `requested_deadline` for a request-extension.
[[nodiscard]] json to_json(const engine::event_record& e);
// A pending extension request: {round, ref, title, body, deadline, requested_deadline, note, by,
// at}; `deadline` is the current (effective) one. The assignment must carry a request.
[[nodiscard]] json to_json(const std::pair<engine::round, engine::assignment>& pending);
// {date, name}
[[nodiscard]] json to_json(const engine::holiday& h);
// The assignment's shape above with the round's title and kind, and working_days_overdue
// (null unless it awaits an answer past its deadline): a body's own list.
[[nodiscard]] json to_json(const engine::obligation& o);
// {holder, role, body}: who a token speaks for. Never the token or its hash.
[[nodiscard]] json to_json(const engine::api_token& t);
// {round, ref, body, to, due_at, kind, state, attempts, sent_at, id, next_attempt_at, error};
// `to` is the body's addresses, or the registrar's for an escalation. Times are Stockholm time
// with the offset, like an event's `at`.
[[nodiscard]] json to_json(const engine::reminder_view& v, const std::string& registrar);

template <class T>
[[nodiscard]] json to_json_array(const std::vector<T>& items) {
  json array = json::array();
  for (const auto& item : items) array.push_back(to_json(item));
  return array;
}

}  // namespace bevaka::views
