#include "adapters/views/punctuality_views.hpp"

#include <cmath>

namespace bevaka::views {
namespace {

// A whole median prints as 3, not 3.0: the other day counts in the JSON are integers.
json median_or_null(const std::optional<double>& median) {
  if (!median) return nullptr;
  if (std::floor(*median) == *median) return static_cast<int>(*median);
  return *median;
}

json to_json(const engine::punctuality_row& row) {
  return json{{"body", row.body},
              {"year", row.year},
              {"assignments", row.assignments},
              {"on_time", row.on_time},
              {"late", row.late},
              {"unanswered", row.unanswered},
              {"declined", row.declined},
              {"median_late_working_days", median_or_null(row.median_late_working_days)},
              {"max_late_working_days",
               row.max_late_working_days ? json(*row.max_late_working_days) : json(nullptr)}};
}

}  // namespace

json punctuality_rows(const std::vector<engine::punctuality_row>& rows) {
  json array = json::array();
  for (const auto& row : rows) array.push_back(to_json(row));
  return array;
}

}  // namespace bevaka::views
