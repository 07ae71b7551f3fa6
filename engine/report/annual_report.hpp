#pragma once
// Entering a body's annual report (the seven sections) and compiling a round for the council and
// the board: every body's status, its sections and indicators with their outcomes, and the
// follow-up table's status by area and by category.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/cases/case_store.hpp"
#include "engine/cases/model.hpp"
#include "engine/followup/followup.hpp"
#include "engine/followup/followup_store.hpp"
#include "engine/followup/indicators.hpp"
#include "engine/followup/report_sections.hpp"
#include "engine/programme/plan_commands.hpp"
#include "engine/programme/programme_store.hpp"
#include "engine/shared/command_context.hpp"
#include "engine/shared/enum_names.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::engine {

// Reads the sections from `markdown` (parse_report_sections) and stores them on the body's
// assignment in an annual-report round, replacing what it had; the assignment's timeline gets a
// "sections" event. Refuses a consultation round (refused), unknown rounds, bodies and
// assignments (not_found) and a malformed file (bad_input, "source:line: ...").
[[nodiscard]] outcome<std::vector<report_section>> enter_report_sections(
    case_store& cases, followup_store& followup, const command_context& ctx,
    std::string_view round_key, std::string_view body_key, std::string_view markdown,
    std::string_view source);

// The sections stored on the body's assignment (empty when none were entered).
[[nodiscard]] outcome<std::vector<report_section>> report_sections_of(case_store& cases,
                                                                      followup_store& followup,
                                                                      std::string_view round_key,
                                                                      std::string_view body_key);

enum class delivery { on_time, late, missing, declined };
// Words for the council's table.
inline constexpr enum_names<delivery, 4> delivery_names{{
    {delivery::on_time, "on time"},
    {delivery::late, "late"},
    {delivery::missing, "missing"},
    {delivery::declined, "declined"},
}};
[[nodiscard]] std::string_view to_string(delivery d);

struct body_report {
  assignment a{};
  delivery status = delivery::missing;
  std::vector<report_section> sections{};  // empty when none were entered
  std::vector<indicator> indicators{};     // the body's, with their values
};

// Items by state, for one area or one category.
struct state_counts {
  std::map<std::string, int> by_state{};  // "ongoing" -> 3, for the states that occur
  int items = 0;
  int incomplete = 0;
  int without_evaluation_method = 0;
};

struct followup_status_row {
  std::string unit{};
  std::string name{};  // the area, or the category's Swedish heading ("Utan kategori" for none)
  state_counts counts{};
};

struct compiled_report {
  round r{};
  date today{};
  std::vector<body_report> bodies{};  // ordered by body name
  std::vector<followup_status_row> by_area{};
  std::vector<followup_status_row> by_category{};
  std::vector<plan_view> plans{};  // the action plans past their draft, with goal colours
};

// `today` decides nothing here but is printed: the report is as of then.
[[nodiscard]] outcome<compiled_report> compile_report(case_store& cases, followup_store& followup,
                                                      programme_store& programme,
                                                      std::string_view round_key, date today);

}  // namespace bevaka::engine
