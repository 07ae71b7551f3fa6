#include "engine/programme/programme.hpp"

#include <charconv>

namespace bevaka::engine {
namespace {

std::optional<int> four_digit_year(std::string_view text) {
  int year = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (text.size() != 4 || ec != std::errc{} || end != text.data() + text.size() || year < 1900)
    return std::nullopt;
  return year;
}

}  // namespace

std::string_view to_string(group_kind kind) { return group_kind_names.to_string(kind); }

std::optional<group_kind> parse_group_kind(std::string_view text) {
  return group_kind_names.parse(text);
}

std::string_view to_string(goal_colour colour) { return goal_colour_names.to_string(colour); }

std::optional<goal_colour> parse_goal_colour(std::string_view text) {
  return goal_colour_names.parse(text);
}

std::string_view to_string(duty_step_kind kind) { return duty_step_kind_names.to_string(kind); }

std::optional<duty_step_kind> parse_duty_step_kind(std::string_view text) {
  return duty_step_kind_names.parse(text);
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
