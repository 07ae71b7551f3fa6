#pragma once
// Reading a budget as municipalities write it (the appendix "BUDGET 2013" of seed 002) into the
// engine's `imported_budget`. The sums are checked by the engine, not here.

#include <filesystem>
#include <string_view>

#include "engine/budgets/budget.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::import {

// The layout, line by line (any encoding decode_to_utf8 reads; empty lines are skipped):
//  - a line without a tab is a heading; the last heading before a budget line names its area,
//    so titles above it ("BUDGET 2013", "UTGIFTER") are passed over;
//  - `name<TAB>amount[<TAB>comment]` is a budget line (trailing tabs are ignored);
//  - `SUMMA amount` (after a tab or a space) closes the area; `TOTAL SUMMA amount` closes the
//    budget, and what follows it is a closing remark ("exl. samordnarens personalkostnader.");
//  - amounts are whole kronor with spaces or no-break spaces between thousands (parse_kronor).
// Refuses (bad_input, "source:line: what is wrong"): an amount that is not one ("30 OOO"), a
// budget line outside any heading (before the first, after a SUMMA, after TOTAL SUMMA), a SUMMA
// without lines, a heading or TOTAL SUMMA while an area waits for its SUMMA, an area without a
// SUMMA, no TOTAL SUMMA, undecodable bytes.
[[nodiscard]] engine::outcome<engine::imported_budget> read_budget(std::string_view bytes,
                                                                   std::string_view source);

// Reads the file at `path` (not_found when it cannot be opened), then as above.
[[nodiscard]] engine::outcome<engine::imported_budget> read_budget_file(
    const std::filesystem::path& path);

}  // namespace bevaka::import
