#pragma once
// The reminder policy a command names (`round create --remind`), read with the settings.

#include <string>

#include "engine/reminders/reminder_policy.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::cli {

// `text` is a named policy from the configuration, offsets ("-20,-10,-3,+1,+5!"), "none", or
// empty for the configured default. bad_input names --remind and the offending part.
[[nodiscard]] engine::outcome<engine::reminder_policy> reminder_policy_option(
    const std::string& text);

}  // namespace bevaka::cli
