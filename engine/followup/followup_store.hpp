#pragma once
// The follow-up port: the follow-up table's action items and areas with their record, the
// indicators with their yearly values, and the annual report's sections. Read and written
// inside the caller's transaction; implemented by adapters/store; may throw
// engine::database_error.

#include <optional>
#include <string_view>
#include <vector>

#include "engine/followup/followup.hpp"
#include "engine/followup/indicators.hpp"
#include "engine/followup/report_sections.hpp"

namespace bevaka::engine {

class followup_store {
 public:
  virtual ~followup_store() = default;

  // Items with their reports and plans, of one unit or all, in table order (unit, the area's
  // position, the item's position).
  [[nodiscard]] virtual std::vector<action_item> action_items(
      std::optional<std::string_view> unit) = 0;
  [[nodiscard]] virtual std::optional<action_item> action_item_by_id(id_t id) = 0;
  // Returns the new item's id; writes its reports and plans too.
  virtual id_t insert_action_item(const action_item& item) = 0;
  // Writes every field, the reports and plans, and version item.version + 1 where the stored
  // version is still item.version. Returns false (and writes nothing) otherwise.
  [[nodiscard]] virtual bool update_action_item(const action_item& item) = 0;
  // Areas of one unit or all, in table order.
  [[nodiscard]] virtual std::vector<followup_area> followup_areas(
      std::optional<std::string_view> unit) = 0;
  // Adds the area, or moves it to `area.position` when the unit has it already.
  virtual void save_followup_area(const followup_area& area) = 0;
  virtual void append_followup_event(const followup_event& e) = 0;
  // One case's events, oldest first.
  [[nodiscard]] virtual std::vector<followup_event> followup_events(std::string_view case_kind,
                                                                    id_t case_id) = 0;

  // Every indicator with its values (oldest first) and body name, ordered by body and code.
  [[nodiscard]] virtual std::vector<indicator> indicators() = 0;
  virtual id_t insert_indicator(const indicator& i) = 0;
  // Adds the year's value, or replaces it.
  virtual void put_indicator_value(id_t indicator_id, int year, double value) = 0;

  // The annual report's seven sections on one assignment, by number.
  [[nodiscard]] virtual std::vector<report_section> report_sections(id_t assignment_id) = 0;
  // Replaces the assignment's sections with `sections`.
  virtual void save_report_sections(id_t assignment_id,
                                    const std::vector<report_section>& sections) = 0;
};

}  // namespace bevaka::engine
