#pragma once
// Writing one unit's follow-up table in the layout it came in, ready to send to a committee:
// the columns the reader knows by name (with the half-years in the headers, and Kategori last),
// one row per item with its area, and a row of its own for an area without items. Reading what
// is written here gives back the same table.

#include <filesystem>
#include <string>
#include <vector>

#include "engine/followup/followup_queries.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::import {

// The header row, then the rows; every row has the header's length.
[[nodiscard]] std::vector<std::vector<std::string>> followup_sheet_rows(
    const engine::followup_sheet& sheet);

// CSV as Excel in Sweden reads it: UTF-8 with a BOM, ';', CRLF, RFC 4180 quotes. Excel evaluates
// a cell that starts with '-' or '=' as a formula when it opens a CSV: send committees the XLSX.
// bad_input when the file cannot be written.
[[nodiscard]] engine::outcome<void> write_followup_csv(const std::filesystem::path& path,
                                                       const engine::followup_sheet& sheet);

// XLSX (libxlsxwriter): text cells, wrapped, the header bold and repeated on every printed A4
// page in landscape. bad_input when the file cannot be written.
[[nodiscard]] engine::outcome<void> write_followup_xlsx(const std::filesystem::path& path,
                                                        const engine::followup_sheet& sheet);

}  // namespace bevaka::import
