#include "engine/followup/followup.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "engine/shared/text.hpp"

namespace bevaka::engine {
namespace {

constexpr enum_names<action_category, 3> swedish_headings{{
    {action_category::reduce_motivation, "Minska brottsbenägenheten"},
    {action_category::reduce_opportunities, "Minska tillfällen till brott"},
    {action_category::capable_guardians, "Öka kapabla väktare"},
}};

const period_text* find_period(const std::vector<period_text>& texts, std::string_view period) {
  const auto it = std::find_if(texts.begin(), texts.end(),
                               [&](const period_text& t) { return t.period == period; });
  return it == texts.end() ? nullptr : &*it;
}

}  // namespace

std::optional<half_year> parse_half_year(std::string_view text) {
  if (text.size() != 6 || (text[4] != 'H' && text[4] != 'h')) return std::nullopt;
  int year = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + 4, year);
  if (ec != std::errc{} || end != text.data() + 4 || year < 1900) return std::nullopt;
  if (text[5] != '1' && text[5] != '2') return std::nullopt;
  return half_year{year, text[5] - '0'};
}

std::string format_half_year(half_year period) {
  return std::to_string(period.year) + "H" + std::to_string(period.half);
}

half_year half_year_of(date day) {
  return half_year{static_cast<int>(day.year()), static_cast<unsigned>(day.month()) <= 6 ? 1 : 2};
}

half_year next_half_year(half_year period) {
  return period.half == 1 ? half_year{period.year, 2} : half_year{period.year + 1, 1};
}

half_year previous_half_year(half_year period) {
  return period.half == 2 ? half_year{period.year, 1} : half_year{period.year - 1, 2};
}

std::string_view to_string(action_category category) {
  return action_category_names.to_string(category);
}

std::string_view swedish_name(action_category category) {
  return swedish_headings.to_string(category);
}

std::optional<action_category> parse_action_category(std::string_view text) {
  const auto wanted = fold_case(text);
  if (const auto category = action_category_names.parse(wanted)) return category;
  for (const auto heading : swedish_headings.names())
    if (wanted == fold_case(heading)) return swedish_headings.parse(heading);
  return std::nullopt;
}

bool action_item::incomplete() const {
  return description.empty() && expected_result.empty() && evaluation_method.empty() &&
         reports.empty() && plans.empty();
}

const period_text* action_item::report_for(std::string_view period) const {
  return find_period(reports, period);
}

const period_text* action_item::plan_for(std::string_view period) const {
  return find_period(plans, period);
}

void put_period_text(std::vector<period_text>& texts, std::string_view period, std::string text) {
  const auto it = std::find_if(texts.begin(), texts.end(),
                               [&](const period_text& t) { return t.period == period; });
  if (it != texts.end()) {
    if (text.empty())
      texts.erase(it);
    else
      it->text = std::move(text);
    return;
  }
  if (text.empty()) return;
  texts.push_back(period_text{std::string(period), std::move(text)});
  std::sort(texts.begin(), texts.end(),
            [](const period_text& a, const period_text& b) { return a.period < b.period; });
}

}  // namespace bevaka::engine
