#pragma once
// Groups of the safety programme: adding them, moving one into another, finding them. Each change
// is recorded beside the follow-up cases (case kind "group"), through the follow-up port.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/cases/case_store.hpp"
#include "engine/followup/followup_store.hpp"
#include "engine/programme/programme.hpp"
#include "engine/programme/programme_store.hpp"
#include "engine/shared/command_context.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::engine {

inline constexpr std::string_view group_case = "group";

struct new_group {
  std::string name{};
  group_kind kind = group_kind::council;
  std::string coordinator{};           // a body's name or id
  std::vector<std::string> members{};  // bodies' names or ids
  std::optional<int> meets_per_year{};
  std::optional<std::string> part_of{};  // a group's name or id
};

// Refuses an empty name (bad_input), a name already taken (duplicate), an unknown body or group
// (not_found), a member named twice or meetings fewer than one a year (bad_input).
[[nodiscard]] outcome<group> add_group(case_store& cases, followup_store& followup,
                                       programme_store& programme, const command_context& ctx,
                                       const new_group& request);

// Makes `key` part of `part_of` (a group's name or id), or of none when nullopt. Refuses a move
// that would make a group part of itself, directly or through others (refused).
[[nodiscard]] outcome<group> move_group(followup_store& followup, programme_store& programme,
                                        const command_context& ctx, std::string_view key,
                                        const std::optional<std::string>& part_of);

// `key` is the group's name or id; not_found otherwise.
[[nodiscard]] outcome<group> find_group(programme_store& programme, std::string_view key);

}  // namespace bevaka::engine
