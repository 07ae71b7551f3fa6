#pragma once
// The Swedish column heads of `--format text`, for people; JSON and CSV keep the English keys,
// which are the contract.

#include <string_view>

namespace bevaka::cli {

// "Diarienummer" for "ref", "Sista dag" for "deadline"; a key without a head (a year's column
// in a plan, "2017") is shown as it is.
[[nodiscard]] std::string_view text_head(std::string_view key);

}  // namespace bevaka::cli
