#pragma once
// Reading a follow-up table as departments send it back: a text or CSV file from Excel,
// LibreOffice or a copied document, into the engine's `imported_table`.

#include <filesystem>
#include <optional>
#include <string_view>

#include "engine/followup/followup_import.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::import {

// The layout is found, not assumed:
//  - the encoding (decode_to_utf8) and the separator (tab, ';' or ',': the one that splits the
//    header row into its column names);
//  - the header row is the first with the columns "Område/typ aktivitet" and "Aktivitet"; text
//    above it (the document's introduction) is skipped, and so is the header where it repeats
//    (on every page of a document);
//  - columns by name, in any order: Område/typ aktivitet, Aktivitet, Beskrivning, Förväntat
//    resultat, Arbete <jan-juni|juli-dec> YYYY, Plan för <...> YYYY, Mätmetod - Utvärdering, and
//    optionally Kategori. The months and year of "Arbete" and "Plan" set the periods; without a
//    year `period` (the work column's half-year) must be given, and when given it must agree;
//  - an empty area cell means the area of the row above; an area without an activity is an area
//    with no activities yet; cells are cleaned of markup (clean_cell);
//  - a row that only continues the row above across a page break (right after a repeated header,
//    no area, only an activity that starts in lower case and ends a sentence the row above left
//    open) is joined to it.
// Refuses (bad_input) with "source:line: what is wrong": unknown, missing or repeated columns,
// cells beyond the header, text without an activity, undecodable bytes, unclosed quotes.
[[nodiscard]] engine::outcome<engine::imported_table> read_followup_table(
    std::string_view bytes, std::string_view source, std::optional<engine::half_year> period);

// Reads the file at `path` (not_found when it cannot be opened), then as above.
[[nodiscard]] engine::outcome<engine::imported_table> read_followup_file(
    const std::filesystem::path& path, std::optional<engine::half_year> period);

}  // namespace bevaka::import
