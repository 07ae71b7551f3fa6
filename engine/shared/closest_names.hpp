#pragma once
// "Did you mean …?": the known names nearest to one a person typed and we did not find.

#include <string>
#include <string_view>
#include <vector>

namespace bevaka::engine {

// Up to `most` of `names` that are close to `typed`, nearest first (ties by name). Close means
// few edits (an insertion, a deletion, a changed letter, two neighbours swapped) between the
// two as base_letters gives them, so that case and a missing ring or diaeresis cost nothing:
// at most one edit when `typed` has up to 7 letters, two up to 11, three beyond.
[[nodiscard]] std::vector<std::string> closest_names(std::string_view typed,
                                                     const std::vector<std::string>& names,
                                                     std::size_t most = 3);

// "'A'", "'A' or 'B'", "'A', 'B' or 'C'": names to offer in one sentence.
[[nodiscard]] std::string quoted_choices(const std::vector<std::string>& names);

}  // namespace bevaka::engine
