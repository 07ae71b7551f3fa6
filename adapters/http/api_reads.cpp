// The API's reads. A secretary's token sees only its own body's assignments; everyone else's
// sees everything. Answers depending on today take the call's clock (`as_of`).
#include <fmt/format.h>

#include <charconv>

#include "adapters/http/detail/call.hpp"
#include "adapters/http/ics.hpp"
#include "adapters/views/punctuality_views.hpp"
#include "engine/access/access.hpp"
#include "engine/calendar/calendar.hpp"
#include "engine/cases/listings.hpp"
#include "engine/cases/lookup.hpp"
#include "engine/cases/punctuality.hpp"
#include "engine/cases/queries.hpp"
#include "workflows/assignment.hpp"

namespace bevaka::http::detail {
namespace {

api_error not_yours(const engine::api_token& token, std::string_view what) {
  return forbidden(fmt::format("the token of {} may read only {}'s assignments, not {}",
                               token.holder, token.body_name, what));
}

// The body named in the path, if the caller may read its assignments.
api_outcome<engine::body> readable_body(call& c, const std::string& key) {
  auto b = engine::find_body(c.tx.cases(), key);
  if (!b) return from_engine(b.error());
  const auto only = engine::readable_body_only(c.token);
  if (only && *only != b->id) return not_yours(c.token, b->name);
  return std::move(*b);
}

// The round as it stood on the call's day, with only the caller's assignments in it; forbidden
// when that leaves none.
api_outcome<engine::round_view> visible_round(call& c, const std::string& key) {
  auto view = engine::round_as_of(c.tx.cases(), c.tx.listings(), key, c.now.day);
  if (!view) return from_engine(view.error());
  if (const auto only = engine::readable_body_only(c.token)) {
    std::erase_if(view->assignments, [&](const auto& a) { return a.body_id != *only; });
    if (view->assignments.empty()) return not_yours(c.token, fmt::format("round {}", view->r.ref));
  }
  return std::move(*view);
}

// The round's timeline; a secretary's holds its own body's events only.
api_outcome<std::vector<engine::event_record>> visible_timeline(call& c, const std::string& key,
                                                                std::optional<std::string> body) {
  if (const auto only = engine::readable_body_only(c.token)) {
    if (const auto round = visible_round(c, key); !round) return round.error();
    if (body) {
      const auto named = readable_body(c, *body);
      if (!named) return named.error();
    }
    body = std::to_string(*only);
  }
  auto events = engine::timeline(c.tx.cases(), c.tx.reminders(), key, body);
  if (!events) return from_engine(events.error());
  // The record up to the end of the call's day: a past day shows nothing that came later.
  const auto day = engine::format_date(c.now.day);
  std::erase_if(*events, [&](const auto& e) { return e.at.substr(0, 10) > day; });
  return std::move(*events);
}

// A round's reminders, or every round's, as `bevaka reminders` lists them; a secretary's token
// sees its own body's only.
views::json visible_reminders(call& c, std::optional<engine::id_t> round_id) {
  const auto only = engine::readable_body_only(c.token);
  auto rows = views::json::array();
  for (const auto& v : c.tx.reminders().reminders_of(round_id))
    if (!only || v.r.body_id == *only) rows.push_back(views::to_json(v, c.settings.registrar));
  return rows;
}

template <class Kind, class Parse>
api_outcome<std::optional<Kind>> kind_param(const call& c, Parse parse, std::string_view known) {
  const auto text = c.param("kind");
  if (!text) return std::optional<Kind>();
  const auto kind = parse(*text);
  if (!kind) return bad_request(fmt::format("kind '{}' is not one of: {}", *text, known));
  return std::optional<Kind>(*kind);
}

// The query parameter `name` as a whole number, if given; the engine checks its range.
api_outcome<std::optional<int>> year_param(const call& c, const std::string& name) {
  const auto text = c.param(name);
  if (!text) return std::optional<int>();
  int year = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), year);
  if (ec != std::errc{} || end != text->data() + text->size())
    return bad_request(fmt::format("{} '{}' is not a year", name, *text));
  return std::optional<int>(year);
}

// The body the caller asks about: a secretary's own when it names none, and never another.
api_outcome<std::optional<std::string>> punctuality_body(call& c) {
  const auto named = c.param("body");
  const auto only = engine::readable_body_only(c.token);
  if (!only) return named;
  if (!named) return std::optional<std::string>(std::to_string(*only));
  const auto b = readable_body(c, *named);
  if (!b) return b.error();
  return std::optional<std::string>(std::to_string(b->id));
}

}  // namespace

api_outcome<api_response> list_bodies(call& c) {
  const auto kind = kind_param<engine::body_kind>(c, engine::parse_body_kind,
                                                  "committee, company, authority, association");
  if (!kind) return kind.error();
  return json_response(views::to_json_array(c.tx.cases().bodies(*kind)));
}

api_outcome<api_response> body_obligations(call& c) {
  const auto b = readable_body(c, c.captures.at(0));
  if (!b) return b.error();
  return json_response(
      views::to_json_array(engine::obligations_of(c.tx.cases(), c.tx.listings(), *b, c.now.day)));
}

api_outcome<api_response> body_deadlines_ics(call& c) {
  const auto b = readable_body(c, c.captures.at(0));
  if (!b) return b.error();
  auto open = engine::obligations_of(c.tx.cases(), c.tx.listings(), *b, c.now.day);
  std::erase_if(open,
                [](const auto& o) { return !workflows::assignment_awaits_answer(o.a.state); });
  const auto host = c.request.host.empty() ? std::string("bevaka") : c.request.host;
  return api_response{.content_type = "text/calendar; charset=utf-8",
                      .body = deadlines_calendar(*b, open, c.now, host)};
}

api_outcome<api_response> list_rounds(call& c) {
  const auto rounds =
      engine::all_rounds(c.tx.listings(), engine::readable_body_only(c.token), c.now.day);
  return json_response(views::to_json_array(rounds));
}

api_outcome<api_response> show_round(call& c) {
  const auto view = visible_round(c, c.captures.at(0));
  if (!view) return view.error();
  return json_response(views::to_json(*view));
}

api_outcome<api_response> round_overview(call& c) {
  const auto view = visible_round(c, c.captures.at(0));
  if (!view) return view.error();
  const auto events = visible_timeline(c, c.captures.at(0), std::nullopt);
  if (!events) return events.error();
  return json_response(views::json{{"round", views::to_json(*view)},
                                   {"log", views::to_json_array(*events)},
                                   {"reminders", visible_reminders(c, view->r.id)}});
}

api_outcome<api_response> round_reminders(call& c) {
  const auto view = visible_round(c, c.captures.at(0));
  if (!view) return view.error();
  return json_response(visible_reminders(c, view->r.id));
}

api_outcome<api_response> all_reminders(call& c) {
  return json_response(visible_reminders(c, std::nullopt));
}

api_outcome<api_response> round_log(call& c) {
  const auto events = visible_timeline(c, c.captures.at(0), c.param("body"));
  if (!events) return events.error();
  return json_response(views::to_json_array(*events));
}

api_outcome<api_response> overdue(call& c) {
  const auto kind =
      kind_param<engine::round_kind>(c, engine::parse_round_kind, "consultation, annual-report");
  if (!kind) return kind.error();
  auto items = engine::overdue(c.tx.listings(), c.now.day, *kind);
  if (engine::readable_body_only(c.token))
    std::erase_if(items, [&](const auto& item) { return item.body != c.token.body_name; });
  return json_response(views::to_json_array(items));
}

// A secretary sees only its own body's requests.
api_outcome<api_response> extension_requests(call& c) {
  auto pending = c.tx.listings().pending_extension_requests();
  if (const auto only = engine::readable_body_only(c.token))
    std::erase_if(pending, [&](const auto& p) { return p.second.body_id != *only; });
  return json_response(views::to_json_array(pending));
}

api_outcome<api_response> punctuality(call& c) {
  const auto kind =
      kind_param<engine::round_kind>(c, engine::parse_round_kind, "consultation, annual-report");
  if (!kind) return kind.error();
  const auto from = year_param(c, "from");
  if (!from) return from.error();
  const auto to = year_param(c, "to");
  if (!to) return to.error();
  const auto body = punctuality_body(c);
  if (!body) return body.error();
  const auto rows =
      engine::punctuality(c.tx.cases(), c.tx.listings(),
                          {.body = *body, .kind = *kind, .from_year = *from, .to_year = *to});
  if (!rows) return from_engine(rows.error());
  return json_response(views::punctuality_rows(*rows));
}

api_outcome<api_response> calendar(call& c) {
  const auto& text = c.captures.at(0);
  int year = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc{} || end != text.data() + text.size() || year < 1600 || year > 9999)
    return bad_request(fmt::format("'{}' is not a year from 1600 to 9999", text));
  return json_response(views::to_json_array(engine::non_working_weekdays(std::chrono::year{year})));
}

api_outcome<api_response> whoami(call& c) { return json_response(views::to_json(c.token)); }

}  // namespace bevaka::http::detail
