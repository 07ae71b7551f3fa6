#pragma once
// The compiled report of a round as a document for the crime-prevention council and the board,
// in Swedish: HTML that prints on A4 (each body on a page of its own, table headers repeated),
// or Markdown. Pure functions of the compiled report.

#include <string>

#include "engine/report/annual_report.hpp"
#include "engine/shared/council.hpp"

namespace bevaka::report {

// A complete HTML page; the sections' Markdown is rendered by cmark with raw HTML left out. The
// subtitle says whom it is compiled for: `council` as the municipality names it.
[[nodiscard]] std::string report_html(const engine::compiled_report& report,
                                      const engine::council_names& council);

// The same content as Markdown, the sections' text as the bodies wrote it.
[[nodiscard]] std::string report_markdown(const engine::compiled_report& report,
                                          const engine::council_names& council);

}  // namespace bevaka::report
