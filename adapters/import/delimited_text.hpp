#pragma once
// Splitting delimited text into records of cells, with the line each record starts on.
//
// Written here rather than taken from a library: Debian's CSV libraries cannot do what the
// follow-up tables need. libcsv reports neither line numbers nor a way to keep a stray quote as
// text, and fast-cpp-csv-parser does not allow line breaks inside quoted cells. Both rules below
// are needed for the files people really have (DESIGN.md, "Tables people paste").

#include <string>
#include <string_view>
#include <vector>

#include "engine/shared/error.hpp"

namespace bevaka::import {

struct record {
  int line = 0;  // 1-based line of the file on which the record starts
  std::vector<std::string> cells;
};

// Records end at LF, CRLF or CR outside quotes. A cell that starts with `"` is quoted (RFC 4180:
// `""` is one quote, separators and line breaks inside are text).
//  - With ';' or ',' a quoted cell must be closed and followed by the separator or the end of the
//    line: otherwise bad_input "source:line: ...", naming the line where the cell opened.
//  - With a tab (text pasted from a document), a quote is text unless the cell is a well-formed
//    quoted cell: `"Mobilisera den tysta majoriteten" lokalt` stays as it is.
// Blank lines give records with one empty cell; the caller skips what it does not need.
[[nodiscard]] engine::outcome<std::vector<record>> split_records(std::string_view text,
                                                                 char separator,
                                                                 std::string_view source);

}  // namespace bevaka::import
