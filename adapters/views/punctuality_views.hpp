#pragma once
// The JSON shape of the punctuality count, shared by the CLI and the HTTP API. It is a contract.

#include <nlohmann/json.hpp>
#include <vector>

#include "engine/cases/punctuality.hpp"

namespace bevaka::views {

using json = nlohmann::ordered_json;

// An array of {body, year, assignments, on_time, late, unanswered, declined,
// median_late_working_days, max_late_working_days}; the last two are null when no first answer
// was late, and the median is an integer unless it falls between two (then it ends in .5).
[[nodiscard]] json punctuality_rows(const std::vector<engine::punctuality_row>& rows);

}  // namespace bevaka::views
