#include "adapters/http/api.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <boost/url/parse.hpp>
#include <chrono>

#include "adapters/http/api_error.hpp"
#include "adapters/http/dashboard_files.hpp"
#include "adapters/http/detail/call.hpp"
#include "adapters/http/state_names_script.hpp"
#include "adapters/http/token_secret.hpp"

namespace bevaka::http {
namespace {

using namespace detail;

enum class access { read, write };

struct route {
  std::string_view method;
  std::string_view pattern;  // {placeholders} capture one decoded path segment each
  access kind;
  std::vector<std::string_view> query;  // the parameters it takes; every read also takes as_of
  handler handle;
};

// The API, one row a route.
// clang-format off
using enum access;
const std::vector<route> routes{
  {"GET",  "/api/bodies",                                     read,  {"kind"},  list_bodies},
  {"POST", "/api/bodies",                                     write, {},        add_body},
  {"GET",  "/api/bodies/{body}/assignments",                  read,  {},        body_obligations},
  {"GET",  "/api/bodies/{body}/deadlines.ics",                read,  {"token"}, body_deadlines_ics},
  {"GET",  "/api/rounds",                                     read,  {},        list_rounds},
  {"POST", "/api/rounds",                                     write, {},        create_round},
  {"GET",  "/api/rounds/{round}",                             read,  {},        show_round},
  {"GET",  "/api/rounds/{round}/overview",                    read,  {},        round_overview},
  {"POST", "/api/rounds/{round}/events",                      write, {},        round_event},
  {"POST", "/api/rounds/{round}/assignments/{body}/events",   write, {},        assignment_event},
  {"GET",  "/api/rounds/{round}/log",                         read,  {"body"},  round_log},
  {"GET",  "/api/rounds/{round}/reminders",                   read,  {},        round_reminders},
  {"GET",  "/api/reminders",                                  read,  {},        all_reminders},
  {"GET",  "/api/overdue",                                    read,  {"kind"},  overdue},
  {"GET",  "/api/extension-requests",                         read,  {},        extension_requests},
  {"GET",  "/api/punctuality",                                read,  {"body", "kind", "from", "to"}, punctuality},
  {"GET",  "/api/calendar/{year}",                            read,  {},        calendar},
  {"GET",  "/api/action-items",                               read,  {"unit", "area", "category"}, list_action_items},
  {"GET",  "/api/action-items/{item}",                        read,  {},        show_action_item},
  {"GET",  "/api/action-items/{item}/log",                    read,  {},        action_item_log},
  {"POST", "/api/action-items/{item}/events",                 write, {},        action_item_event},
  {"GET",  "/api/whoami",                                     read,  {},        whoami},
  {"GET",  "/api/groups",                                     read,  {},        list_groups},
  {"GET",  "/api/plans",                                      read,  {"group"}, list_plans},
  {"GET",  "/api/plans/{plan}",                               read,  {},        show_plan},
  {"GET",  "/api/duty",                                       read,  {},        duty_status},
  {"GET",  "/api/budgets/{year}",                             read,  {},        show_budget},
};
// clang-format on

std::vector<std::string_view> split_pattern(std::string_view pattern) {
  std::vector<std::string_view> parts;
  while (!pattern.empty()) {
    pattern.remove_prefix(1);  // the '/'
    const auto end = std::min(pattern.find('/'), pattern.size());
    parts.push_back(pattern.substr(0, end));
    pattern.remove_prefix(end);
  }
  return parts;
}

std::optional<std::vector<std::string>> captures_of(const route& r,
                                                    const std::vector<std::string>& segments) {
  const auto parts = split_pattern(r.pattern);
  if (parts.size() != segments.size()) return std::nullopt;
  std::vector<std::string> captures;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].starts_with('{'))
      captures.push_back(segments[i]);
    else if (parts[i] != segments[i])
      return std::nullopt;
  }
  return captures;
}

struct matched {
  const route* chosen = nullptr;
  std::vector<std::string> captures;
  std::string pattern;  // of the path, also when the method did not match
  std::vector<std::string_view> allowed_methods;
};

matched match(std::string_view method, const std::vector<std::string>& segments) {
  matched m;
  for (const auto& r : routes) {
    auto captures = captures_of(r, segments);
    if (!captures) continue;
    m.pattern = r.pattern;
    if (r.method != method) {
      m.allowed_methods.push_back(r.method);
      continue;
    }
    m.chosen = &r;
    m.captures = std::move(*captures);
    break;
  }
  return m;
}

api_outcome<std::map<std::string, std::string>> query_of(const boost::urls::url_view& url,
                                                         const route& r) {
  std::map<std::string, std::string> query;
  for (const auto& p : url.params()) {
    const bool known = std::find(r.query.begin(), r.query.end(), p.key) != r.query.end() ||
                       (p.key == "as_of" && r.kind == access::read);
    if (p.key == "as_of" && !known)
      return bad_request("as_of is for reads: a write always takes the server's clock");
    if (!known)
      return bad_request(
          fmt::format("unknown query parameter '{}' for {} {}", p.key, r.method, r.pattern));
    query[p.key] = p.value;
  }
  return query;
}

// Reads may ask about another day (as_of); writes take the server's clock, always.
api_outcome<engine::timestamp> clock_for(const std::map<std::string, std::string>& query,
                                         const engine::clock& clock) {
  const auto as_of = query.find("as_of");
  if (as_of == query.end()) return clock.now();
  const auto day = engine::parse_date(as_of->second);
  if (!day)
    return bad_request(
        fmt::format("as_of '{}' is not a date (YYYY-MM-DD that exists)", as_of->second));
  return engine::timestamp{.day = *day};
}

std::string bearer_token(std::string_view authorization) {
  constexpr std::string_view scheme = "bearer ";
  if (authorization.size() <= scheme.size()) return {};
  for (std::size_t i = 0; i < scheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(authorization[i])) != scheme[i]) return {};
  authorization.remove_prefix(scheme.size());
  while (!authorization.empty() && authorization.front() == ' ') authorization.remove_prefix(1);
  return std::string(authorization);
}

// The token from the Authorization header; calendar feeds may carry it in the URL instead,
// because Outlook and Google Calendar cannot send headers to a subscription.
std::string presented_token(const api_request& request,
                            const std::map<std::string, std::string>& query) {
  auto token = bearer_token(request.authorization);
  if (const auto in_url = query.find("token"); token.empty() && in_url != query.end())
    token = in_url->second;
  return token;
}

// Who is calling, or 401.
api_outcome<engine::api_token> authenticate(engine::store_transaction& tx,
                                            const api_request& request,
                                            const std::map<std::string, std::string>& query) {
  const auto token = presented_token(request, query);
  if (token.empty())
    return api_error{401, "unauthorized",
                     "send Authorization: Bearer TOKEN (made by `bevaka token create`)"};
  auto found = tx.access().api_token_by_hash(token_hash(token));
  if (!found) return api_error{401, "unauthorized", "the token is not known"};
  return std::move(*found);
}

api_response with_api_headers(api_response response) {
  response.headers.emplace_back("Cache-Control", "no-store");
  if (response.status == 401) response.headers.emplace_back("WWW-Authenticate", "Bearer");
  return response;
}

// The dashboard's files, and the state names it shares with the other surfaces. `script` is
// state_names_script's, made once for the api's council.
std::optional<static_file> dashboard_or_state_names(std::string_view path,
                                                    std::string_view script) {
  if (path == "/state-names.js")
    return static_file{"/state-names.js", "text/javascript; charset=utf-8", script};
  return dashboard_file(path);
}

api_response dashboard_response(std::string_view method, std::string_view path,
                                std::string_view state_names) {
  const auto file = dashboard_or_state_names(path, state_names);
  if (!file) return error_response(not_found(fmt::format("nothing at {}", path)));
  if (method != "GET")
    return error_response({405, "method_not_allowed", "the dashboard answers GET only"});
  return api_response{
      .content_type = std::string(file->content_type),
      .body = std::string(file->content),
      .headers = {{"Content-Security-Policy",
                   "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                   "img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
                  {"X-Content-Type-Options", "nosniff"},
                  {"Referrer-Policy", "no-referrer"},
                  {"Cache-Control", "no-cache"}}};
}

// Every state, those with no reminders as 0, so a graph's series never vanish.
std::vector<std::pair<std::string_view, long long>> reminders_by_state(engine::store& store) {
  using enum engine::reminder_state;
  std::vector<std::pair<std::string_view, long long>> counts;
  for (const auto state : {scheduled, sent, cancelled, failed})
    counts.emplace_back(engine::to_string(state), 0);
  store.transact([&](engine::store_transaction& tx) {
    for (const auto& [state, count] : tx.reminders().reminder_counts())
      for (auto& [name, total] : counts)
        if (name == engine::to_string(state)) total = count;
    return true;
  });
  return counts;
}

}  // namespace

namespace detail {

api_response json_response(const views::json& value, int status) {
  return api_response{.status = status, .body = fmt::format("{}\n", value.dump(2))};
}

}  // namespace detail

api_response api::handle(const api_request& request) {
  const std::lock_guard lock(serialised_);
  const auto started = std::chrono::steady_clock::now();
  routed answer;
  try {
    answer = dispatch(request);
  } catch (const engine::database_error& e) {
    answer = {"error", error_response({503, "database", e.what()})};
  } catch (const std::exception& e) {
    answer = {"error", error_response({500, "internal", e.what()})};
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  metrics_.observe_request(answer.route, request.method, answer.response.status, took.count());
  return std::move(answer.response);
}

api::routed api::dispatch(const api_request& request) {
  const auto url = boost::urls::parse_origin_form(request.target);
  if (!url)
    return {"invalid", error_response(bad_request(fmt::format(
                           "'{}' is not a path with an optional query", request.target)))};
  const std::string path = url->path();
  if (path == "/health" || path == "/metrics") {
    if (request.method != "GET")
      return {path, error_response(
                        {405, "method_not_allowed", fmt::format("{} answers GET only", path)})};
    if (path == "/health") return {path, detail::json_response(views::json{{"status", "ok"}})};
    return {path, api_response{.content_type = "text/plain; version=0.0.4; charset=utf-8",
                               .body = metrics_.prometheus_text(reminders_by_state(store_))}};
  }
  if (!path.starts_with("/api/"))
    return {"dashboard", dashboard_response(request.method, path, state_names_)};
  std::vector<std::string> segments;
  for (const auto& segment : url->segments()) segments.push_back(segment);
  const auto m = match(request.method, segments);
  if (!m.chosen && m.allowed_methods.empty())
    return {"unknown",
            with_api_headers(error_response(not_found(fmt::format("no such API path: {}", path))))};
  if (!m.chosen) {
    const auto allowed = fmt::format("{}", fmt::join(m.allowed_methods, ", "));
    auto refused =
        error_response({405, "method_not_allowed", fmt::format("{} takes {}", m.pattern, allowed)});
    refused.headers.emplace_back("Allow", allowed);
    return {m.pattern, with_api_headers(std::move(refused))};
  }
  const auto query = query_of(*url, *m.chosen);
  if (!query) return {m.pattern, with_api_headers(error_response(query.error()))};
  const auto now = clock_for(*query, clock_);
  if (!now) return {m.pattern, with_api_headers(error_response(now.error()))};
  // A read is answered from the cache while the database is as it was (and the day the same);
  // the token is part of the key, so an answer goes only to whoever was shown it. A write
  // empties the cache: the database's version does not show this connection's own commits.
  const bool read = m.chosen->kind == access::read;
  std::string version, key;
  if (read) {
    version = changes_.data_version();
    key = fmt::format("{}\n{}\n{}", token_hash(presented_token(request, *query)), request.target,
                      engine::format_date(now->day));
    if (auto kept = answers_.find(version, key)) return {m.pattern, std::move(*kept)};
  } else {
    answers_.clear();
  }
  const auto result = engine::in_transaction(
      store_, [&](engine::store_transaction& tx) -> api_outcome<api_response> {
        const auto token = authenticate(tx, request, *query);
        if (!token) return token.error();
        call c{tx, *token, m.captures, *query, request, *now, metrics_, settings_};
        return m.chosen->handle(c);
      });
  auto response = result ? *result : error_response(result.error());
  // The day the answer is for (as_of, or the server's clock): the dashboard marks what is past
  // its deadline by it, not by the browser's clock.
  response.headers.emplace_back("Bevaka-Today", engine::format_date(now->day));
  response = with_api_headers(std::move(response));
  if (read && response.status == 200) answers_.put(version, std::move(key), response);
  return {m.pattern, std::move(response)};
}

}  // namespace bevaka::http
