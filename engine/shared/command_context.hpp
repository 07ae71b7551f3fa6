#pragma once
// Who acts and when. Every command that records an event takes one: each event is stamped with
// the engine's clock and its actor. The ports a command writes through are its own parameters.

#include <string>

#include "engine/shared/clock.hpp"

namespace bevaka::engine {

struct command_context {
  timestamp now;
  std::string actor{};
};

// The one way every record is stamped: a case's event, a follow-up event, a budget entry, a plan
// review and a goal override all carry `actor` and `at` (ISO 8601, Stockholm offset) from here.
template <class Record>
Record stamped(const command_context& ctx, Record record) {
  record.actor = ctx.actor;
  record.at = ctx.now.iso();
  return record;
}

// The engine's own actor, for the events it records by itself (answers closing on their own).
inline constexpr std::string_view engine_actor = "bevaka";

}  // namespace bevaka::engine
