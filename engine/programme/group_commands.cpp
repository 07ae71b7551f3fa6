#include "engine/programme/group_commands.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/cases/lookup.hpp"
#include "engine/followup/followup_events.hpp"

namespace bevaka::engine {
namespace {

void record_group(followup_store& followup, const command_context& ctx, const group& g,
                  std::string event, std::string payload) {
  record_followup(followup, ctx,
                  followup_event{.case_kind = std::string(group_case),
                                 .case_id = g.id,
                                 .event = std::move(event),
                                 .payload = std::move(payload)});
}

outcome<std::vector<body>> find_members(case_store& cases, const std::vector<std::string>& keys) {
  std::vector<body> members;
  for (const auto& key : keys) {
    auto b = find_body(cases, key);
    if (!b) return b.error();
    if (std::any_of(members.begin(), members.end(), [&](const body& m) { return m.id == b->id; }))
      return make_error(errc::bad_input, fmt::format("{} is named twice as a member", b->name));
    members.push_back(std::move(*b));
  }
  return members;
}

// Whether `inner` is `outer` or lies inside it, following part_of upwards from `outer`.
bool would_cycle(const std::vector<group>& all, id_t inner, id_t outer) {
  std::optional<id_t> at = outer;
  for (std::size_t steps = 0; at && steps <= all.size(); ++steps) {
    if (*at == inner) return true;
    const auto found =
        std::find_if(all.begin(), all.end(), [&](const group& g) { return g.id == *at; });
    at = found == all.end() ? std::nullopt : found->part_of_id;
  }
  return false;
}

std::string group_payload(const group& g) {
  std::string members;
  for (const auto& m : g.members) {
    if (!members.empty()) members += ',';
    members += json_quoted(m);
  }
  return fmt::format(R"({{"name":{},"kind":"{}","coordinator":{},"members":[{}],"part_of":{}}})",
                     json_quoted(g.name), to_string(g.kind), json_quoted(g.coordinator), members,
                     g.part_of.empty() ? std::string("null") : json_quoted(g.part_of));
}

}  // namespace

outcome<group> find_group(programme_store& programme, std::string_view key) {
  const auto all = programme.groups();
  for (const auto& g : all)
    if (g.name == key) return g;
  for (const auto& g : all)
    if (std::to_string(g.id) == key) return g;
  return make_error(errc::not_found, fmt::format("no group with name or id '{}'", key));
}

outcome<group> add_group(case_store& cases, followup_store& followup, programme_store& programme,
                         const command_context& ctx, const new_group& request) {
  group g{.name = trimmed_text(request.name),
          .kind = request.kind,
          .meets_per_year = request.meets_per_year};
  if (g.name.empty()) return make_error(errc::bad_input, "a group needs a name");
  if (g.meets_per_year && *g.meets_per_year < 1)
    return make_error(errc::bad_input,
                      fmt::format("--meets-per-year {} is not a number of meetings (1 or more)",
                                  *g.meets_per_year));
  if (find_group(programme, g.name))
    return make_error(errc::duplicate, fmt::format("a group named {} already exists", g.name));
  const auto coordinator = find_body(cases, request.coordinator);
  if (!coordinator) return coordinator.error();
  g.coordinator_id = coordinator->id;
  g.coordinator = coordinator->name;
  const auto members = find_members(cases, request.members);
  if (!members) return members.error();
  for (const auto& m : *members) {
    g.member_ids.push_back(m.id);
    g.members.push_back(m.name);
  }
  if (request.part_of) {
    const auto outer = find_group(programme, *request.part_of);
    if (!outer) return outer.error();
    g.part_of_id = outer->id;
    g.part_of = outer->name;
  }
  g.id = programme.insert_group(g);
  record_group(followup, ctx, g, "create", group_payload(g));
  return g;
}

outcome<group> move_group(followup_store& followup, programme_store& programme,
                          const command_context& ctx, std::string_view key,
                          const std::optional<std::string>& part_of) {
  auto g = find_group(programme, key);
  if (!g) return g.error();
  std::optional<group> outer;
  if (part_of) {
    auto found = find_group(programme, *part_of);
    if (!found) return found.error();
    if (would_cycle(programme.groups(), g->id, found->id))
      return make_error(errc::refused,
                        fmt::format("{} cannot be part of {}: that would make it part of itself",
                                    g->name, found->name));
    outer = std::move(*found);
  }
  g->part_of_id = outer ? std::optional<id_t>(outer->id) : std::nullopt;
  g->part_of = outer ? outer->name : std::string();
  programme.set_group_part_of(g->id, g->part_of_id);
  record_group(
      followup, ctx, *g, "move",
      fmt::format(R"({{"part_of":{}}})", outer ? json_quoted(outer->name) : std::string("null")));
  return g;
}

}  // namespace bevaka::engine
