// The API's writes. Each checks the caller's role first, then reads the body, then calls the
// same engine command as the CLI with the token's holder as the actor and the server's clock.
#include <fmt/format.h>

#include "adapters/http/detail/call.hpp"
#include "adapters/http/request_json.hpp"
#include "engine/access/access.hpp"
#include "engine/cases/commands.hpp"
#include "engine/cases/lookup.hpp"
#include "engine/cases/queries.hpp"

namespace bevaka::http::detail {

std::optional<api_error> refuse_role(const call& c, engine::write_action action,
                                     std::string_view what) {
  if (engine::may_write(c.token.holder_role, action)) return std::nullopt;
  return forbidden(
      fmt::format("a {} token may not {}", engine::to_string(c.token.holder_role), what));
}

engine::command_context context(call& c) { return engine::command_context{c.now, c.token.holder}; }

namespace {

api_outcome<api_response> round_response(call& c, engine::id_t round_id, int status) {
  const auto view = engine::show_round(c.tx.cases(), std::to_string(round_id));
  if (!view) return from_engine(view.error());
  return json_response(views::to_json(*view), status);
}

template <class Enum, class Parse>
api_outcome<Enum> enum_field(const request_json& fields, std::string_view name, Parse parse,
                             std::string_view known) {
  const auto text = fields.text(name);
  if (!text) return text.error();
  const auto value = parse(*text);
  if (!value)
    return bad_request(fmt::format("field '{}' is '{}', not one of: {}", name, *text, known));
  return *value;
}

// Moves a read field into place; the error when it could not be read.
template <class T>
std::optional<api_error> take(T& into, api_outcome<T> read) {
  if (!read) return read.error();
  into = std::move(*read);
  return std::nullopt;
}

api_outcome<engine::new_round> read_new_round(const request_json& f) {
  engine::new_round r;
  std::optional<engine::date> deadline;
  std::string to_all;
  bool keep_deadline = false;
  // Braced lists are evaluated in order: the first field that fails is the one reported.
  for (const auto& failed :
       {take(r.kind, enum_field<engine::round_kind>(f, "kind", engine::parse_round_kind,
                                                    "consultation, annual-report")),
        take(r.ref, f.text("ref")), take(r.title, f.text("title")),
        take(deadline, f.optional_date("deadline")), take(r.recipients, f.texts("to")),
        take(to_all, f.optional_text("to_all")), take(r.draft, f.flag("draft")),
        take(keep_deadline, f.flag("no_deadline_shift"))})
    if (failed) return *failed;
  if (!deadline) return bad_request("field 'deadline' is missing");
  r.deadline = *deadline;
  r.shift_deadlines = !keep_deadline;
  if (to_all.empty()) return r;
  r.all_bodies_of_kind = engine::parse_body_kind(to_all);
  if (!r.all_bodies_of_kind)
    return bad_request(fmt::format("field 'to_all' is '{}', not a kind of body", to_all));
  if (!r.recipients.empty()) return bad_request("give either 'to' or 'to_all', not both");
  return r;
}

}  // namespace

api_outcome<api_response> add_body(call& c) {
  if (auto refused = refuse_role(c, engine::write_action::add_body, "add bodies")) return *refused;
  const auto f = request_json::parse(c.request.body, {"name", "kind", "emails"});
  if (!f) return f.error();
  const auto name = f->text("name");
  if (!name) return name.error();
  const auto kind = enum_field<engine::body_kind>(*f, "kind", engine::parse_body_kind,
                                                  "committee, company, authority, association");
  if (!kind) return kind.error();
  const auto emails = f->texts("emails");
  if (!emails) return emails.error();
  const auto added = engine::add_body(c.tx.cases(), engine::new_body{*name, *kind, *emails});
  if (!added) return from_engine(added.error());
  c.counters.count_applied("add_body");
  return json_response(views::to_json(*added), 201);
}

api_outcome<api_response> create_round(call& c) {
  if (auto refused = refuse_role(c, engine::write_action::create_round, "create rounds"))
    return *refused;
  const auto f = request_json::parse(c.request.body, {"kind", "ref", "title", "deadline", "to",
                                                      "to_all", "draft", "no_deadline_shift"});
  if (!f) return f.error();
  const auto request = read_new_round(*f);
  if (!request) return request.error();
  if (const auto ref = engine::check_reference(c.settings.reference_patterns, request->ref); !ref)
    return bad_request(fmt::format("ref: {}", ref.error().message));
  const auto created = engine::create_round(c.tx.cases(), c.tx.reminders(), context(c), *request);
  if (!created) return from_engine(created.error());
  c.counters.count_applied("create_round");
  return round_response(c, created->id, 201);
}

api_outcome<api_response> round_event(call& c) {
  if (auto refused = refuse_role(c, engine::write_action::round_event, "record round events"))
    return *refused;
  const auto f = request_json::parse(c.request.body, {"event", "note"});
  if (!f) return f.error();
  const auto event = f->text("event");
  if (!event) return event.error();
  const auto note = f->optional_text("note");
  if (!note) return note.error();
  const auto fired = engine::fire_round_event(c.tx.cases(), c.tx.reminders(), context(c),
                                              c.captures.at(0), {*event, *note, std::nullopt});
  if (!fired) return from_engine(fired.error());
  c.counters.count_applied("round_event");
  return round_response(c, fired->id, 200);
}

api_outcome<api_response> assignment_event(call& c) {
  if (auto refused =
          refuse_role(c, engine::write_action::assignment_event, "record assignment events"))
    return *refused;
  const auto f = request_json::parse(c.request.body, {"event", "note", "deadline", "received"});
  if (!f) return f.error();
  const auto event = f->text("event");
  if (!event) return event.error();
  const auto note = f->optional_text("note");
  if (!note) return note.error();
  const auto deadline = f->optional_date("deadline");
  if (!deadline) return deadline.error();
  const auto received = f->optional_date("received");
  if (!received) return received.error();
  const auto b = engine::find_body(c.tx.cases(), c.captures.at(1));
  if (!b) return from_engine(b.error());
  if (!engine::may_fire_assignment_event(c.token, *b, *event))
    return forbidden(
        fmt::format("the token of {} may not record '{}' for {}", c.token.holder, *event, b->name));
  const auto fired =
      engine::fire_assignment_event(c.tx.cases(), c.tx.reminders(), context(c), c.captures.at(0),
                                    std::to_string(b->id), {*event, *note, *deadline, *received});
  if (!fired) return from_engine(fired.error());
  c.counters.count_applied("assignment_event");
  const auto r = c.tx.cases().round_by_id(fired->round_id);
  return json_response(views::to_json(*r, *fired));
}

}  // namespace bevaka::http::detail
