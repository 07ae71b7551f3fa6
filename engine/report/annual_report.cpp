#include "engine/report/annual_report.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/cases/lookup.hpp"
#include "engine/followup/followup_events.hpp"
#include "workflows/action_plan.hpp"
#include "workflows/assignment.hpp"

namespace bevaka::engine {
namespace {

delivery delivery_of(const assignment& a) {
  if (a.state == workflows::assignment_state::declined) return delivery::declined;
  if (!a.submitted_on) return delivery::missing;
  return a.late_by_working_days.value_or(0) > 0 ? delivery::late : delivery::on_time;
}

void count(state_counts& counts, const action_item& item) {
  ++counts.by_state[item.state];
  ++counts.items;
  if (item.incomplete()) ++counts.incomplete;
  if (item.evaluation_method.empty() && item.state != workflows::action_item_state::cancelled)
    ++counts.without_evaluation_method;
}

followup_status_row& row_for(std::vector<followup_status_row>& rows, const std::string& unit,
                             const std::string& name) {
  const auto it = std::find_if(rows.begin(), rows.end(), [&](const followup_status_row& row) {
    return row.unit == unit && row.name == name;
  });
  if (it != rows.end()) return *it;
  return rows.emplace_back(followup_status_row{unit, name, {}});
}

void add_followup_status(followup_store& followup, compiled_report& report) {
  for (const auto& area : followup.followup_areas(std::nullopt))
    row_for(report.by_area, area.unit, area.name);
  for (const auto& c : {action_category::reduce_motivation, action_category::reduce_opportunities,
                        action_category::capable_guardians})
    row_for(report.by_category, "", std::string(swedish_name(c)));
  for (const auto& item : followup.action_items(std::nullopt)) {
    count(row_for(report.by_area, item.unit, item.area).counts, item);
    const auto category =
        item.category ? std::string(swedish_name(*item.category)) : std::string("Utan kategori");
    count(row_for(report.by_category, "", category).counts, item);
  }
}

}  // namespace

std::string_view to_string(delivery d) { return delivery_names.to_string(d); }

outcome<std::vector<report_section>> enter_report_sections(
    case_store& cases, followup_store& followup, const command_context& ctx,
    std::string_view round_key, std::string_view body_key, std::string_view markdown,
    std::string_view source) {
  const auto found = find_assignment(cases, round_key, body_key);
  if (!found) return found.error();
  if (found->r.kind != round_kind::annual_report)
    return make_error(errc::refused,
                      fmt::format("round {} is a consultation: only an annual report has the "
                                  "seven sections",
                                  found->r.ref));
  auto sections = parse_report_sections(markdown, source);
  if (!sections) return sections.error();
  followup.save_report_sections(found->a.id, *sections);
  cases.append_event(stamped(
      ctx, event_record{.kind = case_kind::assignment,
                        .case_id = found->a.id,
                        .round_id = found->r.id,
                        .body_id = found->a.body_id,
                        .event = "sections",
                        .from = found->a.state,
                        .to = found->a.state,
                        .note = fmt::format("the seven sections from {}", source),
                        .payload = fmt::format(R"({{"source":{}}})", json_quoted(source))}));
  return sections;
}

outcome<std::vector<report_section>> report_sections_of(case_store& cases, followup_store& followup,
                                                        std::string_view round_key,
                                                        std::string_view body_key) {
  const auto found = find_assignment(cases, round_key, body_key);
  if (!found) return found.error();
  return followup.report_sections(found->a.id);
}

outcome<compiled_report> compile_report(case_store& cases, followup_store& followup,
                                        programme_store& programme, std::string_view round_key,
                                        date today) {
  auto r = find_round(cases, round_key);
  if (!r) return r.error();
  compiled_report report{.r = std::move(*r), .today = today};
  const auto indicators = followup.indicators();
  for (auto& a : cases.assignments_of(report.r.id)) {
    body_report body{.a = a, .status = delivery_of(a), .sections = followup.report_sections(a.id)};
    std::copy_if(indicators.begin(), indicators.end(), std::back_inserter(body.indicators),
                 [&](const indicator& i) { return i.body_id == a.body_id; });
    report.bodies.push_back(std::move(body));
  }
  add_followup_status(followup, report);
  // The council reads the goals beside the reports: how far the plans have come.
  auto plans = list_plans(followup, programme, std::nullopt);
  if (!plans) return plans.error();
  std::erase_if(*plans, [](const plan_view& p) {
    return p.plan.state == workflows::action_plan_state::draft;
  });
  report.plans = std::move(*plans);
  return report;
}

}  // namespace bevaka::engine
