#include "engine/followup/report_sections.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "engine/followup/followup.hpp"

namespace bevaka::engine {
namespace {

constexpr std::array<std::string_view, 7> headings{
    "Utgångspunkt – kommungemensamma inriktningsmålet om trygghet",
    "Nämndens mål kring trygghet med utgångspunkt i det egna uppdraget",
    "Konkretiserade mål",
    "Planerade insatser som syftar till att förebygga brott och ökar tryggheten i kommunen",
    "Mätetal – vad och hur mäter vi",
    "Utfall – vad blev mätningarna i jämförelse med målen",
    "Analys – vad kan förbättras inom respektive nämnds ansvarsområde"};

// What a heading must begin with (case-folded) to name each section.
constexpr std::array<std::string_view, 7> keys{
    "utgångspunkt", "nämndens mål", "konkretiserade mål", "planerade insatser", "mätetal",
    "utfall",       "analys"};

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

// The heading's text when `line` is a Markdown heading of level 1 to 3.
std::optional<std::string_view> heading_text(std::string_view line) {
  std::size_t level = 0;
  while (level < line.size() && line[level] == '#') ++level;
  if (level == 0 || level > 3 || level == line.size() || line[level] != ' ') return std::nullopt;
  auto text = trimmed(line.substr(level));
  while (!text.empty() && text.back() == '#') text.remove_suffix(1);
  return trimmed(text);
}

std::optional<int> section_named(std::string_view heading) {
  while (!heading.empty() && (std::isdigit(static_cast<unsigned char>(heading.front())) ||
                              heading.front() == '.' || heading.front() == ' '))
    heading.remove_prefix(1);
  const auto folded = fold_case(heading);
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (folded.starts_with(keys[i])) return static_cast<int>(i + 1);
  return std::nullopt;
}

std::string without_blank_edges(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto line_start = text.rfind('\n', first);
  const auto start = line_start == std::string::npos ? 0 : line_start + 1;
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(start, last - start + 1);
}

}  // namespace

const std::array<std::string_view, 7>& report_section_headings() { return headings; }

outcome<std::vector<report_section>> parse_report_sections(std::string_view markdown,
                                                           std::string_view source) {
  std::array<std::optional<report_section>, 7> found;
  std::array<int, 7> found_on{};
  report_section* current = nullptr;
  int line_number = 0;
  for (std::size_t start = 0; start < markdown.size();) {
    const auto end = std::min(markdown.find('\n', start), markdown.size());
    auto line = markdown.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    start = end + 1;
    ++line_number;
    const auto heading = heading_text(line);
    const auto number = heading ? section_named(*heading) : std::nullopt;
    if (number) {
      auto& slot = found[*number - 1];
      if (slot)
        return make_error(
            errc::bad_input,
            fmt::format("{}:{}: the section '{}' appears twice (first on line {})", source,
                        line_number, headings[*number - 1], found_on[*number - 1]));
      slot = report_section{*number, std::string(headings[*number - 1]), {}};
      found_on[*number - 1] = line_number;
      current = &*slot;
    } else if (current) {
      current->text.append(line).append("\n");
    } else if (!heading && !trimmed(line).empty()) {
      return make_error(errc::bad_input,
                        fmt::format("{}:{}: text before the first section's heading (# "
                                    "Utgångspunkt ...)",
                                    source, line_number));
    }
  }
  std::vector<report_section> sections;
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (!found[i])
      return make_error(errc::bad_input,
                        fmt::format("{}: the section '{}' is missing (a heading such as '# {}. "
                                    "{}')",
                                    source, headings[i], i + 1, headings[i]));
    found[i]->text = without_blank_edges(found[i]->text);
    sections.push_back(std::move(*found[i]));
  }
  return sections;
}

}  // namespace bevaka::engine
