#include "adapters/import/followup_table_reader.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <sstream>

#include "adapters/import/cell_text.hpp"
#include "adapters/import/delimited_text.hpp"
#include "adapters/import/text_decoding.hpp"

namespace bevaka::import {
namespace {

using engine::errc;
using engine::fold_case;
using engine::half_year;
using engine::make_error;

enum class column {
  area,
  activity,
  description,
  expected_result,
  work,
  plan,
  evaluation_method,
  category
};
constexpr std::size_t column_count = 8;
// Area and activity identify an item and are indexed together; PostgreSQL's index rows hold
// about 2700 bytes.
constexpr std::size_t max_name_bytes = 1000;

struct column_spec {
  column id;
  std::string_view folded;  // the header, case-folded; or its first word when `prefix`
  std::string_view shown;   // as messages name it
  bool prefix;
  bool required;
};

constexpr std::array<column_spec, column_count> column_specs{{
    {column::area, "område/typ aktivitet", "Område/typ aktivitet", false, true},
    {column::activity, "aktivitet", "Aktivitet", false, true},
    {column::description, "beskrivning", "Beskrivning", false, true},
    {column::expected_result, "förväntat resultat", "Förväntat resultat", false, true},
    {column::work, "arbete", "Arbete jan-juni YYYY", true, true},
    {column::plan, "plan", "Plan för juli-dec YYYY", true, true},
    {column::evaluation_method, "mätmetod", "Mätmetod - Utvärdering", true, true},
    {column::category, "kategori", "Kategori", false, false},
}};

const column_spec* spec_for(const std::string& folded_header) {
  for (const auto& spec : column_specs) {
    const bool matches =
        spec.prefix ? folded_header.starts_with(spec.folded) : folded_header == spec.folded;
    if (matches) return &spec;
  }
  return nullptr;
}

std::string folded_cell(std::string_view cell) {
  auto text = clean_cell(cell);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"')
    text = text.substr(1, text.size() - 2);
  return fold_case(text);
}

std::vector<std::string> folded_cells(const std::vector<std::string>& cells) {
  std::vector<std::string> out;
  for (const auto& cell : cells) out.push_back(folded_cell(cell));
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

bool looks_like_header(const std::vector<std::string>& folded) {
  const auto has = [&](std::string_view name) {
    return std::find(folded.begin(), folded.end(), name) != folded.end();
  };
  return has("aktivitet") && has("område/typ aktivitet");
}

// The separator that splits some line into the header's column names.
std::optional<char> detect_separator(std::string_view text) {
  std::istringstream lines{std::string(text)};
  for (std::string line; std::getline(lines, line);) {
    for (const char separator : {'\t', ';', ','}) {
      std::vector<std::string> cells;
      std::istringstream parts(line);
      for (std::string cell; std::getline(parts, cell, separator);) cells.push_back(cell);
      if (looks_like_header(folded_cells(cells))) return separator;
    }
  }
  return std::nullopt;
}

// "arbete jan-juni 2016" -> 2016H1; the half from the first month named, the year from the
// first four-digit number. Either may be missing.
struct header_period {
  std::optional<int> half;
  std::optional<int> year;
};

header_period period_in(const std::string& folded_header) {
  header_period found;
  const auto jan = folded_header.find("jan"), jul = folded_header.find("jul");
  if (jan != std::string::npos || jul != std::string::npos) found.half = jan < jul ? 1 : 2;
  for (std::size_t i = 0; i + 4 <= folded_header.size(); ++i) {
    const auto digits = folded_header.substr(i, 4);
    const bool four_digits = std::all_of(digits.begin(), digits.end(),
                                         [](unsigned char c) { return std::isdigit(c) != 0; });
    const bool alone =
        (i == 0 || !std::isdigit(static_cast<unsigned char>(folded_header[i - 1]))) &&
        (i + 4 == folded_header.size() ||
         !std::isdigit(static_cast<unsigned char>(folded_header[i + 4])));
    if (four_digits && alone) {
      found.year = std::stoi(digits);
      break;
    }
  }
  return found;
}

struct layout {
  int line = 0;
  std::vector<std::string> folded;  // the header's cells, to recognise it where it repeats
  std::array<std::optional<std::size_t>, column_count> index{};
  std::string work_header, plan_header;  // case-folded, to read the periods from
  std::string work_shown;                // as written, for messages
};

bool ends_sentence(std::string_view text) {
  return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?');
}

bool starts_in_lower_case(std::string_view text) {
  if (text.empty()) return false;
  const auto c = static_cast<unsigned char>(text[0]);
  if (c < 0x80) return std::islower(c) != 0;
  return text.size() > 1 && c == 0xC3 &&
         (text[1] == '\xA5' || text[1] == '\xA4' || text[1] == '\xB6');  // å ä ö
}

class table_reader {
 public:
  table_reader(std::string_view source, std::optional<half_year> period)
      : source_(source), period_(period) {}

  engine::outcome<engine::imported_table> read(const std::vector<record>& records) {
    const auto header = std::find_if(records.begin(), records.end(), [](const record& r) {
      return looks_like_header(folded_cells(r.cells));
    });
    if (header == records.end()) return no_header();
    if (auto failed = read_layout(*header)) return *failed;
    table_.source = source_;
    if (auto failed = read_periods()) return *failed;
    for (auto r = std::next(header); r != records.end(); ++r)
      if (auto failed = read_record(*r)) return *failed;
    return std::move(table_);
  }

 private:
  engine::error bad(int line, const std::string& what) const {
    return make_error(errc::bad_input, fmt::format("{}:{}: {}", source_, line, what));
  }

  engine::error no_header() const {
    std::vector<std::string_view> names;
    for (const auto& spec : column_specs)
      if (spec.required) names.push_back(spec.shown);
    return make_error(errc::bad_input,
                      fmt::format("{}: no header row with the follow-up table's columns ({})",
                                  source_, fmt::join(names, ", ")));
  }

  std::optional<engine::error> read_layout(const record& header) {
    layout_.line = header.line;
    layout_.folded = folded_cells(header.cells);
    for (std::size_t i = 0; i < layout_.folded.size(); ++i) {
      const auto& name = layout_.folded[i];
      if (name.empty()) continue;
      const auto* spec = spec_for(name);
      if (!spec)
        return bad(header.line, fmt::format("unknown column '{}'", clean_cell(header.cells[i])));
      auto& slot = layout_.index[static_cast<std::size_t>(spec->id)];
      if (slot) return bad(header.line, fmt::format("the column '{}' appears twice", spec->shown));
      slot = i;
      if (spec->id == column::work) {
        layout_.work_header = name;
        layout_.work_shown = clean_cell(header.cells[i]);
      }
      if (spec->id == column::plan) layout_.plan_header = name;
    }
    for (const auto& spec : column_specs)
      if (spec.required && !layout_.index[static_cast<std::size_t>(spec.id)])
        return bad(header.line, fmt::format("the header has no column '{}'", spec.shown));
    table_.has_category_column =
        layout_.index[static_cast<std::size_t>(column::category)].has_value();
    return std::nullopt;
  }

  std::optional<engine::error> read_periods() {
    const auto work = period_in(layout_.work_header);
    if (!work.half)
      return bad(layout_.line, fmt::format("the column '{}' names no half-year (jan-juni or "
                                           "juli-dec)",
                                           layout_.work_shown));
    if (work.year) {
      const half_year in_header{*work.year, *work.half};
      if (period_ && *period_ != in_header)
        return bad(
            layout_.line,
            fmt::format("the column '{}' is for {}, not --period {}", layout_.work_shown,
                        engine::format_half_year(in_header), engine::format_half_year(*period_)));
      table_.work_period = in_header;
    } else if (period_) {
      if (period_->half != *work.half)
        return bad(layout_.line,
                   fmt::format("the column '{}' is for the other half-year than "
                               "--period {}",
                               layout_.work_shown, engine::format_half_year(*period_)));
      table_.work_period = *period_;
    } else {
      return bad(layout_.line, fmt::format("the column '{}' names no year: give --period (e.g. "
                                           "--period 2016H1)",
                                           layout_.work_shown));
    }
    const auto plan = period_in(layout_.plan_header);
    table_.plan_period = plan.half && plan.year ? half_year{*plan.year, *plan.half}
                                                : engine::next_half_year(table_.work_period);
    return std::nullopt;
  }

  std::string cell(const std::vector<std::string>& cells, column c) const {
    const auto index = layout_.index[static_cast<std::size_t>(c)];
    return index && *index < cells.size() ? cells[*index] : std::string();
  }

  std::optional<engine::error> read_record(const record& r) {
    std::vector<std::string> cells;
    for (const auto& raw : r.cells) cells.push_back(clean_cell(raw));
    if (std::all_of(cells.begin(), cells.end(), [](const auto& c) { return c.empty(); }))
      return std::nullopt;
    if (folded_cells(r.cells) == layout_.folded) {
      after_page_header_ = true;
      return std::nullopt;
    }
    const bool continues = after_page_header_;
    after_page_header_ = false;
    for (std::size_t i = layout_.folded.size(); i < cells.size(); ++i)
      if (!cells[i].empty())
        return bad(r.line, fmt::format("{} cells, but the header on line {} has {} columns",
                                       cells.size(), layout_.line, layout_.folded.size()));
    return read_row(r.line, cells, continues);
  }

  engine::imported_row row_of(int line, const std::vector<std::string>& cells) const {
    return engine::imported_row{.line = line,
                                .area = cell(cells, column::area),
                                .activity = cell(cells, column::activity),
                                .description = cell(cells, column::description),
                                .expected_result = cell(cells, column::expected_result),
                                .work = cell(cells, column::work),
                                .plan = cell(cells, column::plan),
                                .evaluation_method = cell(cells, column::evaluation_method)};
  }

  static bool has_details(const engine::imported_row& row) {
    return !row.description.empty() || !row.expected_result.empty() || !row.work.empty() ||
           !row.plan.empty() || !row.evaluation_method.empty();
  }

  static bool only_activity(const engine::imported_row& row) {
    return row.area.empty() && !has_details(row);
  }

  // The rest of the row above, cut off by a page break (seed 003: "... till en enskild" /
  // header / "verksamhet.").
  bool is_continuation(const engine::imported_row& row, bool after_page_header) const {
    if (!after_page_header || table_.rows.empty() || !only_activity(row)) return false;
    const auto& above = table_.rows.back().activity;
    return starts_in_lower_case(row.activity) && ends_sentence(row.activity) &&
           !ends_sentence(above);
  }

  std::optional<engine::error> read_row(int line, const std::vector<std::string>& cells,
                                        bool after_page_header) {
    auto row = row_of(line, cells);
    const auto category = cell(cells, column::category);
    if (is_continuation(row, after_page_header) && category.empty()) {
      table_.rows.back().activity += " " + row.activity;
      return std::nullopt;
    }
    if (!row.area.empty()) {
      area_ = row.area;
      if (std::find(table_.areas.begin(), table_.areas.end(), area_) == table_.areas.end())
        table_.areas.push_back(area_);
    }
    if (row.activity.empty()) {
      if (!row.area.empty() && !has_details(row) && category.empty()) return std::nullopt;
      return bad(line, "the row has text but no activity (column 'Aktivitet')");
    }
    if (area_.empty())
      return bad(line, "an activity before any area (column 'Område/typ aktivitet' is empty)");
    if (row.activity.size() > max_name_bytes || area_.size() > max_name_bytes)
      return bad(line, fmt::format("an area or activity longer than {} bytes: it names the row "
                                   "and belongs in a short cell (the rest goes in Beskrivning)",
                                   max_name_bytes));
    row.area = area_;
    if (!category.empty()) {
      row.category = engine::parse_action_category(category);
      if (!row.category)
        return bad(line, fmt::format("unknown category '{}'; the categories are: "
                                     "Minska brottsbenägenheten, Minska tillfällen till brott, "
                                     "Öka kapabla väktare",
                                     category));
    }
    table_.rows.push_back(std::move(row));
    return std::nullopt;
  }

  std::string_view source_;
  std::optional<half_year> period_;
  layout layout_;
  engine::imported_table table_;
  std::string area_;  // the area of the row above
  bool after_page_header_ = false;
};

}  // namespace

engine::outcome<engine::imported_table> read_followup_table(std::string_view bytes,
                                                            std::string_view source,
                                                            std::optional<half_year> period) {
  const auto text = decode_to_utf8(bytes, source);
  if (!text) return text.error();
  const auto separator = detect_separator(*text);
  if (!separator) return table_reader(source, period).read({});
  const auto records = split_records(*text, *separator, source);
  if (!records) return records.error();
  return table_reader(source, period).read(*records);
}

engine::outcome<engine::imported_table> read_followup_file(const std::filesystem::path& path,
                                                           std::optional<half_year> period) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(errc::not_found, fmt::format("cannot open {}", path.string()));
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return read_followup_table(bytes, path.string(), period);
}

}  // namespace bevaka::import
