#pragma once
// The Swedish a person reads for the states the record keeps in English: one table for every
// surface (the dashboard, the calendar feed, the CLI's text, the report), so that a state is
// called the same everywhere. JSON and CSV keep the English names: they are the contract.

#include <string>
#include <string_view>

#include "adapters/views/json_views.hpp"
#include "engine/shared/council.hpp"

namespace bevaka::views {

// Whose lifecycle a state name belongs to: "sent" is "Skickad" for an assignment and a
// reminder, "Ute på remiss" for a round.
enum class lifecycle { round, assignment, reminder, action_plan, action_item };

// "Skickad" for (assignment, "sent"); a round's states that name the council name it as
// `council` does ("Diskuterad i Brå"). A state without a Swedish name yet (one added since) is
// shown as it is stored.
[[nodiscard]] std::string swedish_state(lifecycle of, std::string_view state,
                                        const engine::council_names& council = {});

// "Remiss" for "consultation", "Årlig rapportering" for "annual-report"; `kind` itself for a
// kind without a Swedish name.
[[nodiscard]] std::string_view swedish_round_kind(std::string_view kind);

// Every table as {"round": {"sent": "Ute på remiss", ...}, "assignment": {...}, "reminder",
// "action_plan", "action_item", "round_kind": {"consultation": "Remiss", ...}}, and the council
// as {"council": {"name": "KBR", "long_name": "Brottsförebyggande rådet"}}: what the dashboard's
// script reads.
[[nodiscard]] json swedish_state_names(const engine::council_names& council);

// "1 arbetsdag", "0 arbetsdagar", "3 arbetsdagar".
[[nodiscard]] std::string working_days_text(long long count);

}  // namespace bevaka::views
