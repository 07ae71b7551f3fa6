#include "adapters/import/followup_table_writer.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <array>
#include <fstream>

namespace bevaka::import {
namespace {

using engine::errc;
using engine::half_year;
using engine::make_error;

std::string months(half_year period) {
  return fmt::format("{} {}", period.half == 1 ? "jan-juni" : "juli-dec", period.year);
}

std::vector<std::string> header(const engine::followup_sheet& sheet) {
  return {"Område/typ aktivitet",
          "Aktivitet",
          "Beskrivning",
          "Förväntat resultat",
          "Arbete " + months(sheet.work_period),
          "Plan för " + months(sheet.plan_period) + " vad och när",
          "Mätmetod - Utvärdering",
          "Kategori"};
}

std::string text_for(const engine::period_text* text) { return text ? text->text : std::string(); }

std::vector<std::string> item_row(const engine::followup_sheet& sheet,
                                  const engine::action_item& item) {
  return {item.area,
          item.activity,
          item.description,
          item.expected_result,
          text_for(item.report_for(engine::format_half_year(sheet.work_period))),
          text_for(item.plan_for(engine::format_half_year(sheet.plan_period))),
          item.evaluation_method,
          item.category ? std::string(engine::swedish_name(*item.category)) : std::string()};
}

std::string csv_cell(const std::string& text) {
  if (text.find_first_of(";\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

engine::error cannot_write(const std::filesystem::path& path, std::string_view why) {
  return make_error(errc::bad_input, fmt::format("cannot write {}: {}", path.string(), why));
}

}  // namespace

std::vector<std::vector<std::string>> followup_sheet_rows(const engine::followup_sheet& sheet) {
  std::vector<std::vector<std::string>> rows{header(sheet)};
  const auto width = rows.front().size();
  std::vector<bool> written(sheet.items.size(), false);
  for (const auto& area : sheet.areas) {
    bool any = false;
    for (std::size_t i = 0; i < sheet.items.size(); ++i) {
      if (sheet.items[i].area != area.name) continue;
      rows.push_back(item_row(sheet, sheet.items[i]));
      written[i] = any = true;
    }
    if (!any) {
      rows.emplace_back(width);
      rows.back()[0] = area.name;
    }
  }
  for (std::size_t i = 0; i < sheet.items.size(); ++i)
    if (!written[i]) rows.push_back(item_row(sheet, sheet.items[i]));
  return rows;
}

engine::outcome<void> write_followup_csv(const std::filesystem::path& path,
                                         const engine::followup_sheet& sheet) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return cannot_write(path, "it cannot be created");
  out << "\xEF\xBB\xBF";
  for (const auto& row : followup_sheet_rows(sheet)) {
    for (std::size_t i = 0; i < row.size(); ++i) out << (i ? ";" : "") << csv_cell(row[i]);
    out << "\r\n";
  }
  out.close();
  if (!out) return cannot_write(path, "the disk refused it");
  return {};
}

engine::outcome<void> write_followup_xlsx(const std::filesystem::path& path,
                                          const engine::followup_sheet& sheet) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (!workbook) return cannot_write(path, "it cannot be created");
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook, "Uppföljning");
  lxw_format* cell = workbook_add_format(workbook);
  format_set_text_wrap(cell);
  format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* heading = workbook_add_format(workbook);
  format_set_text_wrap(heading);
  format_set_bold(heading);
  format_set_align(heading, LXW_ALIGN_VERTICAL_TOP);
  constexpr std::array<double, 8> widths{18, 30, 36, 30, 36, 36, 30, 18};
  for (lxw_col_t c = 0; c < widths.size(); ++c)
    worksheet_set_column(worksheet, c, c, widths[c], nullptr);
  worksheet_set_landscape(worksheet);
  worksheet_set_paper(worksheet, 9);  // A4
  worksheet_fit_to_pages(worksheet, 1, 0);
  worksheet_repeat_rows(worksheet, 0, 0);
  worksheet_freeze_panes(worksheet, 1, 0);
  const auto rows = followup_sheet_rows(sheet);
  for (lxw_row_t r = 0; r < rows.size(); ++r)
    for (lxw_col_t c = 0; c < rows[r].size(); ++c)
      if (!rows[r][c].empty())
        worksheet_write_string(worksheet, r, c, rows[r][c].c_str(), r == 0 ? heading : cell);
  if (const auto failed = workbook_close(workbook); failed != LXW_NO_ERROR)
    return cannot_write(path, lxw_strerror(failed));
  return {};
}

}  // namespace bevaka::import
