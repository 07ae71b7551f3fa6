#include "engine/followup/indicator_commands.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "engine/cases/lookup.hpp"
#include "engine/followup/followup_events.hpp"

namespace bevaka::engine {
namespace {

std::string describe(const indicator& i) {
  return i.body_name.empty() ? fmt::format("indicator {}", i.code)
                             : fmt::format("indicator {} of {}", i.code, i.body_name);
}

void record_indicator(followup_store& followup, const command_context& ctx, const indicator& i,
                      std::string event, std::string payload) {
  record_followup(followup, ctx,
                  followup_event{.case_kind = std::string(indicator_case),
                                 .case_id = i.id,
                                 .event = std::move(event),
                                 .payload = std::move(payload)});
}

std::string number_json(std::optional<double> value) {
  return value ? fmt::format("{}", *value) : std::string("null");
}

}  // namespace

outcome<indicator> add_indicator(case_store& cases, followup_store& followup,
                                 const command_context& ctx, const new_indicator& request) {
  indicator i{.code = trimmed_text(request.code),
              .title = trimmed_text(request.title),
              .direction = request.direction,
              .unit = trimmed_text(request.unit)};
  if (i.code.empty()) return make_error(errc::bad_input, "an indicator needs a code (e.g. 6.2)");
  if (i.title.empty()) return make_error(errc::bad_input, "an indicator needs --title");
  if (request.body) {
    const auto b = find_body(cases, *request.body);
    if (!b) return b.error();
    i.body_id = b->id;
    i.body_name = b->name;
  }
  const auto all = followup.indicators();
  if (std::any_of(all.begin(), all.end(), [&](const indicator& other) {
        return other.code == i.code && other.body_id == i.body_id;
      }))
    return make_error(errc::duplicate, fmt::format("{} already exists", describe(i)));
  i.id = followup.insert_indicator(i);
  record_indicator(
      followup, ctx, i, "create",
      fmt::format(R"({{"code":{},"title":{},"direction":"{}","unit":{}}})", json_quoted(i.code),
                  json_quoted(i.title), to_string(i.direction), json_quoted(i.unit)));
  return i;
}

outcome<indicator> set_indicator_value(case_store& cases, followup_store& followup,
                                       const command_context& ctx, std::string_view code,
                                       std::optional<std::string> body, int year, double value) {
  auto i = find_indicator(cases, followup, code, body);
  if (!i) return i.error();
  if (year < 1900 || year > 9999)
    return make_error(errc::bad_input, fmt::format("--year {} is not a year", year));
  std::optional<double> replaced;
  auto found = std::find_if(i->values.begin(), i->values.end(),
                            [&](const indicator_value& v) { return v.year == year; });
  if (found != i->values.end()) {
    if (found->value == value) return i;
    replaced = found->value;
    found->value = value;
  } else {
    i->values.push_back({year, value});
    std::sort(i->values.begin(), i->values.end(),
              [](const auto& a, const auto& b) { return a.year < b.year; });
  }
  followup.put_indicator_value(i->id, year, value);
  record_indicator(followup, ctx, *i, "value",
                   fmt::format(R"({{"year":{},"value":{},"replaced":{}}})", year,
                               number_json(value), number_json(replaced)));
  return i;
}

outcome<indicator> find_indicator(case_store& cases, followup_store& followup,
                                  std::string_view code, const std::optional<std::string>& body) {
  auto found = list_indicators(cases, followup, body);
  if (!found) return found.error();
  std::erase_if(*found, [&](const indicator& i) { return i.code != trimmed_text(code); });
  if (found->empty())
    return make_error(errc::not_found, body ? fmt::format("{} has no indicator {}", *body, code)
                                            : fmt::format("no indicator {}", code));
  if (found->size() > 1) {
    std::vector<std::string> bodies;
    for (const auto& i : *found) bodies.push_back(i.body_name.empty() ? "(none)" : i.body_name);
    return make_error(errc::bad_input,
                      fmt::format("several bodies have indicator {} ({}): name one with --body",
                                  code, fmt::join(bodies, ", ")));
  }
  return std::move(found->front());
}

outcome<std::vector<indicator>> list_indicators(case_store& cases, followup_store& followup,
                                                const std::optional<std::string>& body) {
  auto all = followup.indicators();
  if (!body) return all;
  const auto b = find_body(cases, *body);
  if (!b) return b.error();
  std::erase_if(all, [&](const indicator& i) { return i.body_id != b->id; });
  return all;
}

}  // namespace bevaka::engine
