#pragma once
// Finding the case a user names: a round by id or reference number, a body by id or name.

#include <string_view>

#include "engine/error.hpp"
#include "engine/model.hpp"
#include "engine/store.hpp"

namespace bevaka::engine {

// `key` is the round's id ("12") or its reference number ("Kst 2015/503"). not_found otherwise.
[[nodiscard]] outcome<round> find_round(store_transaction& tx, std::string_view key);

// `key` is the body's id or its name. not_found otherwise.
[[nodiscard]] outcome<body> find_body(store_transaction& tx, std::string_view key);

// The body's part in the round; not_found when the round was not sent to it.
[[nodiscard]] outcome<assignment> find_assignment(store_transaction& tx, const round& r,
                                                  const body& b);

}  // namespace bevaka::engine
