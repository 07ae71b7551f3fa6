#include "adapters/report/report_document.hpp"

#include <cmark.h>
#include <fmt/format.h>

#include <memory>

#include "adapters/report/report_words.hpp"

namespace bevaka::report {
namespace {

using namespace detail;

// The report's tables, shared by both renderers.
struct table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

table status_table(const engine::compiled_report& report) {
  table t{{"Nämnd/aktör", "Status", "Inlämnad", "Sista dag"}, {}};
  for (const auto& body : report.bodies)
    t.rows.push_back({body.a.body_name, delivery_text(body),
                      body.a.submitted_on ? swedish_date(*body.a.submitted_on) : "–",
                      swedish_date(body.a.deadline.effective)});
  return t;
}

table indicator_table(const engine::body_report& body) {
  table t{{"Mätetal", "Önskad riktning", "Värden", "Utfall"}, {}};
  for (const auto& i : body.indicators)
    t.rows.push_back({fmt::format("{} {}", i.code, i.title), std::string(swedish(i.direction)),
                      values_text(i), latest_outcome_text(i)});
  return t;
}

// One table a plan: its goals, and each year of its period in colour words.
table goal_table(const engine::plan_view& p) {
  table t{{"Mål", "Målvärde"}, {}};
  for (int year = p.plan.period.first; year <= p.plan.period.last; ++year)
    t.header.push_back(std::to_string(year));
  for (const auto& goal : p.goals) {
    std::vector<std::string> cells{goal.g.text, "–"};
    if (goal.g.target && goal.g.direction)
      cells[1] = fmt::format(
          "{} {}{}", *goal.g.direction == engine::wanted_direction::decrease ? "högst" : "minst",
          number_text(*goal.g.target),
          goal.measured && !goal.measured->unit.empty() ? " " + goal.measured->unit
                                                        : std::string());
    for (const auto& y : goal.years) cells.push_back(goal_year_text(y));
    t.rows.push_back(std::move(cells));
  }
  return t;
}

std::string plan_heading(const engine::plan_view& p) {
  return fmt::format("{} {} ({}, {})", p.plan.ref, p.plan.title, p.plan.group,
                     engine::format_year_span(p.plan.period));
}

constexpr std::string_view override_note = "* satt av en person, med motivering.";

table followup_table(const std::vector<engine::followup_status_row>& rows, bool with_unit,
                     std::string_view first_column) {
  table t;
  if (with_unit) t.header.push_back("Enhet");
  t.header.emplace_back(first_column);
  t.header.push_back("åtgärder");
  for (const auto& word : action_item_state_words()) t.header.emplace_back(word.swedish);
  t.header.push_back("ofullständiga");
  t.header.push_back("utan mätmetod");
  for (const auto& row : rows) {
    std::vector<std::string> cells;
    if (with_unit) cells.push_back(row.unit);
    cells.push_back(row.name);
    cells.push_back(std::to_string(row.counts.items));
    for (const auto& word : action_item_state_words()) {
      const auto found = row.counts.by_state.find(std::string(word.state));
      cells.push_back(std::to_string(found == row.counts.by_state.end() ? 0 : found->second));
    }
    cells.push_back(std::to_string(row.counts.incomplete));
    cells.push_back(std::to_string(row.counts.without_evaluation_method));
    t.rows.push_back(std::move(cells));
  }
  return t;
}

// "Brottsförebyggande rådet (KBR)"; a council whose two names are the same ("Trygg i
// Österåker") is named once.
std::string council_text(const engine::council_names& council) {
  if (council.long_name == council.name) return council.name;
  return fmt::format("{} ({})", council.long_name, council.name);
}

std::string subtitle(const engine::compiled_report& report, const engine::council_names& council) {
  return fmt::format("{} · sista dag {} · sammanställd {} för {}", report.r.ref,
                     swedish_date(report.r.deadline.effective), swedish_date(report.today),
                     council_text(council));
}

// --- HTML ---

std::string escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string html_table(const table& t) {
  std::string html = "<table>\n<thead><tr>";
  for (const auto& h : t.header) html += "<th>" + escaped(h) + "</th>";
  html += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    html += "<tr>";
    for (const auto& cell : row) html += "<td>" + escaped(cell) + "</td>";
    html += "</tr>\n";
  }
  return html + "</tbody>\n</table>\n";
}

// CommonMark to HTML; cmark's default leaves raw HTML out, so a body's text cannot inject any.
std::string markdown_html(const std::string& markdown) {
  const std::unique_ptr<char, void (*)(void*)> html(
      cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), std::free);
  return html ? std::string(html.get()) : std::string();
}

// Portrait A4 for the bodies' reports; the follow-up table's eleven columns get a landscape page.
constexpr std::string_view print_style = R"(
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
@page wide { size: A4 landscape; margin: 16mm; }
@media screen { body { max-width: 178mm; margin: 0 auto; } }
body { font-family: "DejaVu Serif", Georgia, serif; font-size: 10.5pt; line-height: 1.35;
       color: #000; }
h1 { font-size: 17pt; margin-bottom: 2pt; }
h2 { font-size: 13.5pt; break-before: page; }
h2.first { break-before: auto; }
h3 { font-size: 11pt; break-after: avoid; }
p.subtitle { margin-top: 0; color: #333; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; font-size: 9.5pt; }
th, td { border: 0.5pt solid #666; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background: #eee; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
section.followup { page: wide; }
section.followup table { font-size: 9pt; }
.empty { color: #555; font-style: italic; }
)";

std::string html_body_part(const engine::body_report& body) {
  std::string html = "<h2>" + escaped(body.a.body_name) + "</h2>\n";
  html += "<p class=\"subtitle\">" + escaped(delivery_text(body)) + "</p>\n";
  if (body.sections.empty()) html += "<p class=\"empty\">Ingen rapport är inlagd.</p>\n";
  for (const auto& s : body.sections) {
    html += fmt::format("<h3>{}. {}</h3>\n", s.number, escaped(s.heading));
    html += s.text.empty() ? "<p class=\"empty\">(tomt)</p>\n" : markdown_html(s.text);
  }
  html += "<h3>Mätetal och utfall</h3>\n";
  if (body.indicators.empty()) return html + "<p class=\"empty\">Inga mätetal.</p>\n";
  return html + html_table(indicator_table(body));
}

// --- Markdown ---

std::string markdown_cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += "<br>";
    else
      out += c;
  }
  return out;
}

std::string markdown_table(const table& t) {
  const auto row = [](const std::vector<std::string>& cells) {
    std::string line = "|";
    for (const auto& c : cells) line.append(" ").append(markdown_cell(c)).append(" |");
    return line + "\n";
  };
  std::string md = row(t.header) + "|";
  for (std::size_t i = 0; i < t.header.size(); ++i) md += " --- |";
  md += "\n";
  for (const auto& r : t.rows) md += row(r);
  return md + "\n";
}

std::string markdown_body_part(const engine::body_report& body) {
  std::string md = fmt::format("## {}\n\n{}\n\n", body.a.body_name, delivery_text(body));
  if (body.sections.empty()) md += "*Ingen rapport är inlagd.*\n\n";
  for (const auto& s : body.sections)
    md += fmt::format("### {}. {}\n\n{}\n\n", s.number, s.heading,
                      s.text.empty() ? "*(tomt)*" : s.text);
  md += "### Mätetal och utfall\n\n";
  if (body.indicators.empty()) return md + "*Inga mätetal.*\n\n";
  return md + markdown_table(indicator_table(body));
}

}  // namespace

std::string report_html(const engine::compiled_report& report,
                        const engine::council_names& council) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n";
  html += "<title>" + escaped(report.r.ref + " " + report.r.title) + "</title>\n";
  html += "<style>" + std::string(print_style) + "</style>\n</head>\n<body>\n";
  html += "<h1>" + escaped(report.r.title) + "</h1>\n";
  html += "<p class=\"subtitle\">" + escaped(subtitle(report, council)) + "</p>\n";
  html +=
      "<h2 class=\"first\">Status per nämnd och aktör</h2>\n" + html_table(status_table(report));
  for (const auto& body : report.bodies) html += html_body_part(body);
  html += "<section class=\"followup\">\n<h2>Uppföljningstabellen</h2>\n";
  html += "<h3>Per område</h3>\n" + html_table(followup_table(report.by_area, true, "Område"));
  html +=
      "<h3>Per kategori</h3>\n" + html_table(followup_table(report.by_category, false, "Kategori"));
  html += "</section>\n";
  if (!report.plans.empty()) {
    html += "<section class=\"plans\">\n<h2>Handlingsplanernas mål</h2>\n";
    for (const auto& p : report.plans)
      html += "<h3>" + escaped(plan_heading(p)) + "</h3>\n" + html_table(goal_table(p));
    html += fmt::format("<p class=\"note\">{}</p>\n</section>\n", override_note);
  }
  return html + "</body>\n</html>\n";
}

std::string report_markdown(const engine::compiled_report& report,
                            const engine::council_names& council) {
  std::string md = fmt::format("# {}\n\n{}\n\n", report.r.title, subtitle(report, council));
  md += "## Status per nämnd och aktör\n\n" + markdown_table(status_table(report));
  for (const auto& body : report.bodies) md += markdown_body_part(body);
  md += "## Uppföljningstabellen\n\n### Per område\n\n" +
        markdown_table(followup_table(report.by_area, true, "Område"));
  md += "### Per kategori\n\n" +
        markdown_table(followup_table(report.by_category, false, "Kategori"));
  if (report.plans.empty()) return md;
  md += "## Handlingsplanernas mål\n\n";
  for (const auto& p : report.plans)
    md += fmt::format("### {}\n\n", plan_heading(p)) + markdown_table(goal_table(p));
  return md + fmt::format("{}\n", override_note);
}

}  // namespace bevaka::report
