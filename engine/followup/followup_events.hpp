#pragma once
// What every change to a follow-up case shares: firing the action-item lifecycle with a refusal
// that names the item, stamping the record with the actor and the engine's clock, and writing the
// record's JSON payloads (shared/text.hpp).

#include <string>
#include <string_view>
#include <vector>

#include "engine/followup/followup.hpp"
#include "engine/followup/followup_store.hpp"
#include "engine/shared/command_context.hpp"
#include "engine/shared/error.hpp"
#include "engine/shared/text.hpp"
#include "workflows/action_item.hpp"

namespace bevaka::engine {

inline constexpr std::string_view action_item_case = "action_item";
inline constexpr std::string_view indicator_case = "indicator";

// "action item 12 (Förebyggande / Trygghetsvandringar)", for messages.
[[nodiscard]] std::string describe(const action_item& item);

struct fired_item_event {
  followup_event record;  // case, event, from, to, note, payload; not yet stamped
  std::vector<workflows::action_item_effect> effects;
};

// Fires `event` on the item's lifecycle and moves `item.state`; returns the event to record and
// the effects to carry out. Refuses (refused or bad_input) with a message that names the item,
// its state, the event and what it would accept.
[[nodiscard]] outcome<fired_item_event> fire_on_item(action_item& item, std::string_view event,
                                                     const workflows::action_item_facts& facts,
                                                     std::string note, std::string payload);

// Stamps `e` with the context's actor and clock and appends it to the follow-up record.
void record_followup(followup_store& followup, const command_context& ctx, followup_event e);

}  // namespace bevaka::engine
