#pragma once
// The commands that move an action item along its lifecycle or change what it says. Each runs in
// the caller's transaction, fires the action-item machine, and writes the item and its event
// together; a refusal writes nothing.

#include <optional>
#include <string>
#include <string_view>

#include "engine/followup/followup.hpp"
#include "engine/followup/followup_store.hpp"
#include "engine/shared/command_context.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::engine {

struct item_event {
  std::string event{};                // plan, start, report, complete, evaluate or cancel
  std::optional<half_year> period{};  // report and plan; the clock's half-year when not given
  std::string text{};  // report: the work done (required); plan: the plan; evaluate: the result;
                       // otherwise a note
};

// `id_text` is the item's id. Refuses what the lifecycle refuses: a second report for one
// half-year, evaluate without an evaluation method or a result (--text), any event the state has
// no row for; bad_input for an unknown event, report without text, --period on other events.
[[nodiscard]] outcome<action_item> fire_item_event(followup_store& followup,
                                                   const command_context& ctx,
                                                   std::string_view id_text, const item_event& e);

struct item_settings {
  std::optional<std::string> category{};  // a category, or "none" to clear it
  std::optional<std::string> evaluation_method{};
};

// Sets the category and/or the evaluation method; one "set" event lists what changed.
[[nodiscard]] outcome<action_item> set_item_fields(followup_store& followup,
                                                   const command_context& ctx,
                                                   std::string_view id_text,
                                                   const item_settings& settings);

}  // namespace bevaka::engine
