#include "adapters/report/report_words.hpp"

#include <fmt/format.h>

#include <array>

#include "adapters/views/swedish_names.hpp"
#include "workflows/action_item.hpp"

namespace bevaka::report::detail {
std::string number_text(double value) {
  auto text = fmt::format("{}", value);
  for (auto& c : text)
    if (c == '.') c = ',';
  return text;
}

std::string swedish_date(engine::date day) {
  constexpr std::array<std::string_view, 12> months{
      "januari", "februari", "mars",      "april",   "maj",      "juni",
      "juli",    "augusti",  "september", "oktober", "november", "december"};
  return fmt::format("{} {} {}", static_cast<unsigned>(day.day()),
                     months[static_cast<unsigned>(day.month()) - 1], static_cast<int>(day.year()));
}

std::string_view swedish(engine::delivery d) {
  constexpr std::array<std::string_view, 4> words{"i tid", "sen", "saknas", "avböjd"};
  return words[static_cast<std::size_t>(d)];
}

std::string_view swedish(engine::wanted_direction d) {
  constexpr std::array<std::string_view, 3> words{"öka", "minska", "bibehålla"};
  return words[static_cast<std::size_t>(d)];
}

std::string_view swedish(engine::indicator_outcome o) {
  constexpr std::array<std::string_view, 3> words{"uppnått", "ej uppnått", "oförändrat"};
  return words[static_cast<std::size_t>(o)];
}

std::string goal_year_text(const engine::goal_year& y) {
  constexpr std::array<std::string_view, 4> words{"grön", "gul", "röd", "ej bedömd"};
  auto text = std::string(words[static_cast<std::size_t>(y.status())]);
  if (y.value) text += fmt::format(" ({})", number_text(*y.value));
  if (y.override_by) text += " *";
  return text;
}

const std::vector<state_word>& action_item_state_words() {
  namespace state = workflows::action_item_state;
  static const std::vector<state_word> words{
      {state::proposed, "föreslagna"},   {state::planned, "planerade"},
      {state::ongoing, "pågående"},      {state::completed, "genomförda"},
      {state::evaluated, "utvärderade"}, {state::cancelled, "avbrutna"}};
  return words;
}

std::string values_text(const engine::indicator& i) {
  std::string text;
  for (const auto& v : i.values)
    text += fmt::format("{}{}: {}{}{}", text.empty() ? "" : ", ", v.year, number_text(v.value),
                        i.unit.empty() ? "" : " ", i.unit);
  return text.empty() ? "–" : text;
}

std::string latest_outcome_text(const engine::indicator& i) {
  const auto outcomes = engine::yearly_outcomes(i);
  if (outcomes.empty() || !outcomes.back().outcome) return "–";
  return fmt::format("{} {}", swedish(*outcomes.back().outcome), outcomes.back().year);
}

std::string delivery_text(const engine::body_report& body) {
  if (body.status == engine::delivery::late)
    return fmt::format("sen, {}",
                       views::working_days_text(body.a.late_by_working_days.value_or(0)));
  return std::string(swedish(body.status));
}

}  // namespace bevaka::report::detail
