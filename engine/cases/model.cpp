#include "engine/cases/model.hpp"

#include <array>
#include <utility>

namespace bevaka::engine {
namespace {

constexpr std::array<std::pair<body_kind, std::string_view>, 4> body_kind_names{{
    {body_kind::committee, "committee"},
    {body_kind::company, "company"},
    {body_kind::authority, "authority"},
    {body_kind::association, "association"},
}};

constexpr std::array<std::pair<round_kind, std::string_view>, 2> round_kind_names{{
    {round_kind::consultation, "consultation"},
    {round_kind::annual_report, "annual-report"},
}};

template <class Kind, std::size_t N>
std::string_view name_of(const std::array<std::pair<Kind, std::string_view>, N>& names, Kind kind) {
  for (const auto& [k, name] : names)
    if (k == kind) return name;
  return {};
}

template <class Kind, std::size_t N>
std::optional<Kind> kind_of(const std::array<std::pair<Kind, std::string_view>, N>& names,
                            std::string_view text) {
  for (const auto& [k, name] : names)
    if (name == text) return k;
  return std::nullopt;
}

}  // namespace

std::string_view to_string(body_kind kind) { return name_of(body_kind_names, kind); }
std::string_view to_string(round_kind kind) { return name_of(round_kind_names, kind); }
std::optional<body_kind> parse_body_kind(std::string_view text) {
  return kind_of(body_kind_names, text);
}
std::optional<round_kind> parse_round_kind(std::string_view text) {
  return kind_of(round_kind_names, text);
}
std::string_view to_string(case_kind kind) {
  return kind == case_kind::round ? "round" : "assignment";
}

}  // namespace bevaka::engine
