#pragma once
// The follow-up table's cases: action items (one row of a department's table, through to the
// evaluation), the areas they are grouped in, half-year reporting periods, and the events that
// record every change to them. Plain values; the store adapter reads and writes them.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/cases/model.hpp"
#include "engine/shared/date.hpp"
#include "engine/shared/enum_names.hpp"
#include "engine/shared/text.hpp"
#include "workflows/action_item.hpp"

namespace bevaka::engine {

// A half-year reporting period (T1 = jan–jun, T2 = jul–dec), written "2016H1" / "2016H2".
// Municipalities that report by tertial still fill in half-year tables (seed 003).
struct half_year {
  int year = 0;
  int half = 1;  // 1 or 2
  auto operator<=>(const half_year&) const = default;
};

// Reads "2016H1" or "2016H2" (also lower-case h); nullopt otherwise.
[[nodiscard]] std::optional<half_year> parse_half_year(std::string_view text);
[[nodiscard]] std::string format_half_year(half_year period);
[[nodiscard]] half_year half_year_of(date day);
[[nodiscard]] half_year next_half_year(half_year period);
[[nodiscard]] half_year previous_half_year(half_year period);

// The three groups of routine-activity theory the strategy sorts its activities into, with the
// names the CLI and the JSON spell them.
enum class action_category { reduce_motivation, reduce_opportunities, capable_guardians };
inline constexpr enum_names<action_category, 3> action_category_names{{
    {action_category::reduce_motivation, "reduce-motivation"},
    {action_category::reduce_opportunities, "reduce-opportunities"},
    {action_category::capable_guardians, "capable-guardians"},
}};
[[nodiscard]] std::string_view to_string(action_category category);
// The Swedish heading as in seed 003 ("Minska brottsbenägenheten", ...).
[[nodiscard]] std::string_view swedish_name(action_category category);
// Accepts the CLI spelling or the Swedish heading, in any case.
[[nodiscard]] std::optional<action_category> parse_action_category(std::string_view text);

// A text that belongs to one half-year: the work done in it, or the plan for it.
struct period_text {
  std::string period{};  // "2016H1"
  std::string text{};
  bool operator==(const period_text&) const = default;
};

// One row of a follow-up table. (unit, area, activity) identifies it: importing the same table
// again finds it by that key.
struct action_item {
  id_t id = 0;
  std::string unit{};  // the owner unit (department); empty when none was given
  std::string area{};  // "Område/typ aktivitet"
  std::string activity{};
  std::string description{};
  std::string expected_result{};
  std::string evaluation_method{};  // "Mätmetod - Utvärdering"
  std::string evaluation_result{};  // recorded by the evaluate event
  std::optional<action_category> category{};
  std::string state{workflows::action_item_state::proposed};
  std::vector<period_text> reports{};  // work done, one per half-year, oldest first
  std::vector<period_text> plans{};    // plans, one per half-year, oldest first
  int position = 0;                    // order within its unit's table
  std::int64_t version = 0;            // optimistic lock: bumped by every update

  // Nothing but an activity name: the department has not filled in the row yet.
  [[nodiscard]] bool incomplete() const;
  [[nodiscard]] const period_text* report_for(std::string_view period) const;
  [[nodiscard]] const period_text* plan_for(std::string_view period) const;
};

// Sets the text for `period` in `texts` (kept oldest first); an empty text removes it.
void put_period_text(std::vector<period_text>& texts, std::string_view period, std::string text);

// An area of one unit's table, kept also while it has no activities yet.
struct followup_area {
  std::string unit{};
  std::string name{};
  int position = 0;
};

// One accepted change to a follow-up case (action item or indicator). Never changed or deleted.
// These cases belong to no round, so they have a record of their own beside the rounds' events.
struct followup_event {
  std::string case_kind{};  // "action_item" or "indicator"
  id_t case_id = 0;
  std::string event{};
  std::string from{};  // empty when the case was created by this event
  std::string to{};
  std::string actor{};
  std::string at{};  // ISO 8601 with the Stockholm offset
  std::string note{};
  std::string payload = "{}";  // JSON object with the event's data
};

}  // namespace bevaka::engine
