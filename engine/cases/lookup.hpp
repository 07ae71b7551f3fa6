#pragma once
// Finding the case a user names: a round by id or reference number, a body by id or name.

#include <string_view>

#include "engine/cases/case_store.hpp"
#include "engine/cases/model.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::engine {

// `key` is the round's id ("12") or its reference number ("Kst 2015/503"). not_found otherwise.
[[nodiscard]] outcome<round> find_round(case_store& cases, std::string_view key);

// `key` is the body's id or its name in any case and Unicode form (case_store::body_by_name).
// not_found otherwise, with the closest names in the message (closest_names).
[[nodiscard]] outcome<body> find_body(case_store& cases, std::string_view key);

struct round_and_assignment {
  round r;
  assignment a;
};

// The body's part in the round, the keys as above; not_found when either is unknown or the
// round was not sent to the body.
[[nodiscard]] outcome<round_and_assignment> find_assignment(case_store& cases,
                                                            std::string_view round_key,
                                                            std::string_view body_key);

}  // namespace bevaka::engine
