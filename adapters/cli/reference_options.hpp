#pragma once
// The reference number a command names (`round create --ref`), checked against the patterns of
// the configuration.

#include <string>

#include "engine/shared/error.hpp"
#include "engine/shared/reference_number.hpp"

namespace bevaka::cli {

// `text`'s parts under the first configured pattern it matches; with no patterns configured,
// anything is taken. bad_input names --ref and the patterns otherwise.
[[nodiscard]] engine::outcome<engine::reference_number> reference_number_option(
    const std::string& text);

}  // namespace bevaka::cli
