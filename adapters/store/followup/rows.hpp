#pragma once
// The rows of the follow-up work's tables (action items and their texts, the areas of each
// unit's table, their record, indicators and their values, an assignment's report sections),
// read by the queries in statements.hpp. Internal to adapters/store.

#include <soci/soci.h>

#include <string>

#include "adapters/store/rows.hpp"
#include "engine/followup/followup.hpp"
#include "engine/followup/indicators.hpp"
#include "engine/followup/report_sections.hpp"

namespace bevaka::store::detail {

// Without its texts, which a query of their own reads (action_item_text_row).
struct action_item_row {
  long long id = 0, version = 0;
  int row_order = 0;
  std::string unit, area, activity, description, expected_result, method, result, category, state;
  soci::indicator category_null = soci::i_null;
  void bind(soci::statement& st);
  [[nodiscard]] engine::action_item to_model() const;
};

// A report or plan of an action item for one half-year; `kind` is "report" or "plan".
struct action_item_text {
  engine::id_t item_id = 0;
  std::string kind;
  engine::period_text text;
};

struct action_item_text_row {
  long long item_id = 0;
  std::string kind, period, content;
  void bind(soci::statement& st);
  [[nodiscard]] action_item_text to_model() const { return {item_id, kind, {period, content}}; }
};

struct followup_area_row {
  engine::followup_area area;
  void bind(soci::statement& st);
  [[nodiscard]] engine::followup_area to_model() const { return area; }
};

// A case's record, read by case: `case_id` is left 0 for the caller to fill in.
struct followup_event_row {
  engine::followup_event e;
  void bind(soci::statement& st);
  [[nodiscard]] engine::followup_event to_model() const { return e; }
};

// Without its values, which a query of their own reads (indicator_value_row).
struct indicator_row {
  long long id = 0, body_id = 0;
  std::string body_name, code, title, direction, unit;
  soci::indicator body_null = soci::i_null, name_null = soci::i_null;
  void bind(soci::statement& st);
  [[nodiscard]] engine::indicator to_model() const;
};

// An indicator's value for one year.
struct indicator_value_of {
  engine::id_t indicator_id = 0;
  engine::indicator_value value;
};

struct indicator_value_row {
  long long indicator_id = 0;
  int year = 0;
  double value = 0;
  void bind(soci::statement& st);
  [[nodiscard]] indicator_value_of to_model() const { return {indicator_id, {year, value}}; }
};

struct report_section_row {
  engine::report_section section;
  void bind(soci::statement& st);
  [[nodiscard]] engine::report_section to_model() const { return section; }
};

}  // namespace bevaka::store::detail
