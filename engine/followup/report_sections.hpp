#pragma once
// The seven sections of a body's annual safety report (seed 000, Järfälla's instructions), and
// reading them from a Markdown file whose headings name them.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "engine/shared/error.hpp"

namespace bevaka::engine {

struct report_section {
  int number = 0;         // 1..7
  std::string heading{};  // the instructions' heading, whatever the file wrote
  std::string text{};     // Markdown, as written under the heading
  bool operator==(const report_section&) const = default;
};

// 1 Utgångspunkt, 2 Nämndens mål kring trygghet, 3 Konkretiserade mål, 4 Planerade insatser,
// 5 Mätetal, 6 Utfall, 7 Analys; each with the instructions' full heading.
[[nodiscard]] const std::array<std::string_view, 7>& report_section_headings();

// A heading (`#` to `###`) starts a section when its text, without a leading number ("4." or
// "4"), begins with the section's first words ("Planerade insatser ..."), in any case. Headings
// before the first section (a title) are left out; other headings belong to the section's text.
// Refuses (bad_input, "source:line: ...") text before the first section, a section named twice,
// and a file that lacks any of the seven.
[[nodiscard]] outcome<std::vector<report_section>> parse_report_sections(std::string_view markdown,
                                                                         std::string_view source);

}  // namespace bevaka::engine
