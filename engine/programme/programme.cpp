#include "engine/programme/programme.hpp"

#include <array>
#include <charconv>

namespace bevaka::engine {
namespace {

constexpr std::array<std::string_view, 6> group_kind_names{
    "council",     "working-committee", "strategic-group", "crime-prevention-council",
    "focus-group", "cooperation-group"};
constexpr std::array<std::string_view, 4> colour_names{"green", "yellow", "red", "not-assessed"};
constexpr std::array<std::string_view, 3> duty_step_names{"situation-picture", "action-plan",
                                                          "follow-up"};

template <class Enum, std::size_t N>
std::optional<Enum> parse_name(const std::array<std::string_view, N>& names,
                               std::string_view text) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == text) return static_cast<Enum>(i);
  return std::nullopt;
}

std::optional<int> four_digit_year(std::string_view text) {
  int year = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (text.size() != 4 || ec != std::errc{} || end != text.data() + text.size() || year < 1900)
    return std::nullopt;
  return year;
}

}  // namespace

std::string_view to_string(group_kind kind) {
  return group_kind_names[static_cast<std::size_t>(kind)];
}

std::optional<group_kind> parse_group_kind(std::string_view text) {
  return parse_name<group_kind>(group_kind_names, text);
}

std::string_view to_string(goal_colour colour) {
  return colour_names[static_cast<std::size_t>(colour)];
}

std::optional<goal_colour> parse_goal_colour(std::string_view text) {
  return parse_name<goal_colour>(colour_names, text);
}

std::string_view to_string(duty_step_kind kind) {
  return duty_step_names[static_cast<std::size_t>(kind)];
}

std::optional<duty_step_kind> parse_duty_step_kind(std::string_view text) {
  return parse_name<duty_step_kind>(duty_step_names, text);
}

std::optional<year_span> parse_year_span(std::string_view text) {
  // Documents write the span with an en dash (U+2013) as often as with a hyphen.
  constexpr std::string_view en_dash = "\xE2\x80\x93";
  auto dash = text.find(en_dash);
  auto dash_size = en_dash.size();
  if (dash == std::string_view::npos) {
    dash = text.find('-');
    dash_size = 1;
  }
  if (dash == std::string_view::npos) {
    const auto only = four_digit_year(text);
    if (!only) return std::nullopt;
    return year_span{*only, *only};
  }
  const auto first = four_digit_year(text.substr(0, dash));
  const auto last = four_digit_year(text.substr(dash + dash_size));
  if (!first || !last || *last < *first) return std::nullopt;
  return year_span{*first, *last};
}

std::string format_year_span(year_span span) {
  if (span.first == span.last) return std::to_string(span.first);
  return std::to_string(span.first) + "-" + std::to_string(span.last);
}

}  // namespace bevaka::engine
