#include "engine/followup/followup_commands.hpp"

#include <fmt/format.h>

#include "engine/followup/followup_events.hpp"
#include "engine/followup/followup_queries.hpp"

namespace bevaka::engine {
namespace {

namespace action_item_event = workflows::action_item_event;

bool takes_period(std::string_view event) {
  return event == action_item_event::report || event == action_item_event::plan;
}

std::optional<error> check_request(const action_item& item, const item_event& e) {
  if (e.period && !takes_period(e.event))
    return make_error(errc::bad_input, fmt::format("{}: --period is for report and plan, not '{}'",
                                                   describe(item), e.event));
  if (e.event == action_item_event::report && e.text.empty())
    return make_error(errc::bad_input,
                      fmt::format("{}: a report needs the work done (--text)", describe(item)));
  return std::nullopt;
}

std::string period_payload(const std::string& period, const std::string& text) {
  return fmt::format(R"({{"period":"{}","text":{}}})", period, json_quoted(text));
}

// Carries out the machine's effects and what the event's text means for the item.
std::string apply(action_item& item, const item_event& e, const std::string& period,
                  const std::vector<workflows::action_item_effect>& effects) {
  for (const auto effect : effects) {
    if (effect == workflows::action_item_effect::record_report) {
      put_period_text(item.reports, period, e.text);
      return period_payload(period, e.text);
    }
    if (effect == workflows::action_item_effect::record_evaluation) {
      item.evaluation_result = e.text;
      return fmt::format(R"({{"method":{},"result":{}}})", json_quoted(item.evaluation_method),
                         json_quoted(e.text));
    }
  }
  if (e.event == action_item_event::plan && !e.text.empty()) {
    put_period_text(item.plans, period, e.text);
    return period_payload(period, e.text);
  }
  return "{}";
}

outcome<action_item> save(followup_store& followup, const command_context& ctx, action_item item,
                          followup_event e) {
  if (!followup.update_action_item(item))
    return make_error(errc::conflict, fmt::format("{} was changed by someone else meanwhile; try "
                                                  "again",
                                                  describe(item)));
  ++item.version;
  record_followup(followup, ctx, std::move(e));
  return item;
}

}  // namespace

outcome<action_item> fire_item_event(followup_store& followup, const command_context& ctx,
                                     std::string_view id_text, const item_event& request) {
  item_event e = request;
  e.text = trimmed_text(e.text);
  auto item = find_action_item(followup, id_text);
  if (!item) return item.error();
  if (auto bad = check_request(*item, e)) return *bad;
  const auto period = format_half_year(e.period.value_or(half_year_of(ctx.now.day)));
  const workflows::action_item_facts facts{
      .period_already_reported = item->report_for(period) != nullptr,
      .has_evaluation_method = !item->evaluation_method.empty(),
      .has_evaluation_result = !e.text.empty()};
  auto fired = fire_on_item(*item, e.event, facts, e.text, "{}");
  if (!fired) return fired.error();
  fired->record.payload = apply(*item, e, period, fired->effects);
  return save(followup, ctx, std::move(*item), std::move(fired->record));
}

outcome<action_item> set_item_fields(followup_store& followup, const command_context& ctx,
                                     std::string_view id_text, const item_settings& settings) {
  auto item = find_action_item(followup, id_text);
  if (!item) return item.error();
  std::vector<std::string> changed;
  if (settings.category) {
    std::optional<action_category> category;
    if (*settings.category != "none") {
      category = parse_action_category(*settings.category);
      if (!category)
        return make_error(errc::bad_input, fmt::format("unknown category '{}'; the categories are "
                                                       "reduce-motivation, reduce-opportunities, "
                                                       "capable-guardians (or none)",
                                                       *settings.category));
    }
    if (category != item->category)
      changed.push_back(fmt::format(
          R"("category":{})", category ? json_quoted(to_string(*category)) : std::string("null")));
    item->category = category;
  }
  const auto method = trimmed_text(settings.evaluation_method.value_or(""));
  if (settings.evaluation_method && method != item->evaluation_method) {
    item->evaluation_method = method;
    changed.push_back(
        fmt::format(R"("evaluation_method":{})", json_quoted(item->evaluation_method)));
  }
  if (changed.empty()) return item;
  std::string payload;
  for (const auto& c : changed) payload += (payload.empty() ? "" : ",") + c;
  followup_event e{.case_kind = std::string(action_item_case),
                   .case_id = item->id,
                   .event = "set",
                   .from = item->state,
                   .to = item->state,
                   .payload = "{" + payload + "}"};
  return save(followup, ctx, std::move(*item), std::move(e));
}

}  // namespace bevaka::engine
