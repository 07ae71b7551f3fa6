#pragma once
// Bringing a department's follow-up table into the engine. The import adapter reads the file
// (encodings, separators, the document's mess) into an `imported_table`; this command matches its
// rows against the stored items of the unit and writes the differences, all in the caller's
// transaction: a refused import writes nothing.

#include <string>
#include <vector>

#include "engine/followup/followup.hpp"
#include "engine/followup/followup_store.hpp"
#include "engine/shared/command_context.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::engine {

// One activity row, its cells cleaned.
struct imported_row {
  int line = 0;  // where the row starts in the file, for "file:line" messages
  std::string area{}, activity{}, description{}, expected_result{}, work{}, plan{},
      evaluation_method{};
  std::optional<action_category> category{};  // only when the table has a Kategori column
};

struct imported_table {
  std::string source{};     // the file as the user named it
  half_year work_period{};  // of the column "Arbete jan-juni 2016"
  half_year plan_period{};  // of the column "Plan för juli-dec 2016"
  bool has_category_column = false;
  std::vector<std::string> areas{};  // in order of first appearance, also those without activities
  std::vector<imported_row> rows{};
};

struct import_summary {
  std::string unit{};
  std::string work_period{};
  std::string plan_period{};
  int areas = 0;  // in the table
  int items = 0;  // in the table
  int incomplete = 0;
  int created = 0;
  int updated = 0;
  int unchanged = 0;
};

// Creates the items the unit does not have yet (event "import"), updates those it has (one
// "update" event listing the changed fields; an unchanged row writes nothing), and moves each
// through its lifecycle as far as the table shows: work done in the period starts it and records
// the period's report; a plan alone plans it. Refuses (bad_input, "file:line: ...") an activity
// named twice in one area. Items of the unit that the table does not name are left as they are.
[[nodiscard]] outcome<import_summary> import_followup_table(followup_store& followup,
                                                            const command_context& ctx,
                                                            const imported_table& table,
                                                            const std::string& unit);

}  // namespace bevaka::engine
