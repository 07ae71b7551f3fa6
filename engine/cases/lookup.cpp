#include "engine/cases/lookup.hpp"

#include <fmt/format.h>

#include <charconv>

#include "engine/shared/closest_names.hpp"

namespace bevaka::engine {
namespace {

std::optional<id_t> as_id(std::string_view key) {
  id_t id = 0;
  const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
  if (ec != std::errc{} || end != key.data() + key.size() || id <= 0) return std::nullopt;
  return id;
}

// "no body 'Socialnamnden'; did you mean 'Socialnämnden'?": the nearest names, if any is near.
std::string no_body_message(case_store& cases, std::string_view key) {
  std::vector<std::string> names;
  for (auto& b : cases.bodies(std::nullopt)) names.push_back(std::move(b.name));
  const auto near = closest_names(key, names);
  if (near.empty()) return fmt::format("no body '{}'", key);
  return fmt::format("no body '{}'; did you mean {}?", key, quoted_choices(near));
}

}  // namespace

outcome<round> find_round(case_store& cases, std::string_view key) {
  if (auto by_ref = cases.round_by_ref(key)) return *by_ref;
  if (const auto id = as_id(key))
    if (auto by_id = cases.round_by_id(*id)) return *by_id;
  return make_error(errc::not_found, fmt::format("no round with id or reference number '{}'", key));
}

outcome<body> find_body(case_store& cases, std::string_view key) {
  if (auto by_name = cases.body_by_name(key)) return *by_name;
  if (const auto id = as_id(key))
    if (auto by_id = cases.body_by_id(*id)) return *by_id;
  return make_error(errc::not_found, no_body_message(cases, key));
}

outcome<round_and_assignment> find_assignment(case_store& cases, std::string_view round_key,
                                              std::string_view body_key) {
  // Users name cases by reference number and body name: one read finds both in the usual case.
  if (auto found = cases.assignment_by_names(round_key, body_key))
    return round_and_assignment{std::move(found->first), std::move(found->second)};
  auto r = find_round(cases, round_key);
  if (!r) return r.error();
  const auto b = find_body(cases, body_key);
  if (!b) return b.error();
  auto a = cases.assignment_of(r->id, b->id);
  if (!a)
    return make_error(errc::not_found, fmt::format("round {} was not sent to {}", r->ref, b->name));
  return round_and_assignment{std::move(*r), std::move(*a)};
}

}  // namespace bevaka::engine
