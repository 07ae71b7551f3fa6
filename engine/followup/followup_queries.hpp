#pragma once
// The questions asked of the follow-up table: which items are in an area or a category, which
// have no evaluation method, who has not reported this half-year; an item's record.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/followup/followup.hpp"
#include "engine/followup/followup_store.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::engine {

enum class missing_kind {
  evaluation,  // no evaluation method (cancelled items left out)
  report,      // ongoing without a report for the period
};

struct action_item_filter {
  std::optional<std::string> unit{};
  std::optional<std::string> area{};
  std::optional<action_category> category{};
  std::optional<missing_kind> missing{};
  half_year period{};  // for missing report
};

// In table order (unit, area, row).
[[nodiscard]] std::vector<action_item> find_action_items(followup_store& followup,
                                                         const action_item_filter& filter);

// `id_text` is the item's id; not_found otherwise.
[[nodiscard]] outcome<action_item> find_action_item(followup_store& followup,
                                                    std::string_view id_text);

struct area_summary {
  std::string unit{};
  std::string name{};
  int items = 0;
  int incomplete = 0;
};

// Every area of one unit or all, in table order, with how many items it has.
[[nodiscard]] std::vector<area_summary> summarize_areas(followup_store& followup,
                                                        std::optional<std::string_view> unit);

// One unit's table as it is sent out: its areas and items in table order, and the half-years of
// the work column and the plan column.
struct followup_sheet {
  std::string unit{};
  half_year work_period{};
  half_year plan_period{};
  std::vector<followup_area> areas{};
  std::vector<action_item> items{};
};

// The work column is for `period`; without it, for the latest half-year that an item has a report
// for, or a plan for the half-year after (and the half-year before `today` when none has).
// Without a unit the items must all be of one unit (bad_input names them otherwise); not_found
// when there is nothing to write.
[[nodiscard]] outcome<followup_sheet> make_followup_sheet(followup_store& followup,
                                                          std::optional<std::string> unit,
                                                          std::optional<half_year> period,
                                                          date today);

// The item's record, oldest first.
[[nodiscard]] outcome<std::vector<followup_event>> item_timeline(followup_store& followup,
                                                                 std::string_view id_text);

}  // namespace bevaka::engine
