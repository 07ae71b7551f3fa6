#include "engine/followup/followup_events.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace bevaka::engine {

std::string describe(const action_item& item) {
  return fmt::format("action item {} ({} / {})", item.id, item.area, item.activity);
}

outcome<fired_item_event> fire_on_item(action_item& item, std::string_view event,
                                       const workflows::action_item_facts& facts, std::string note,
                                       std::string payload) {
  const auto fired = workflows::fire_action_item(item.state, event, facts);
  if (!fired) {
    const auto& r = fired.error();
    const auto accepted = r.accepted_events.empty()
                              ? std::string("it accepts nothing more")
                              : fmt::format("it accepts: {}", fmt::join(r.accepted_events, ", "));
    if (r.kind == workflows::refusal_kind::unknown_event)
      return make_error(errc::bad_input,
                        fmt::format("{}: unknown event '{}'; {}", describe(item), event, accepted));
    if (r.kind == workflows::refusal_kind::guard_rejected)
      return make_error(errc::refused, fmt::format("{} is {}: '{}' refused: {}", describe(item),
                                                   item.state, event, r.reason));
    return make_error(errc::refused, fmt::format("{} is {}: '{}' is not accepted there; {}",
                                                 describe(item), item.state, event, accepted));
  }
  followup_event e{.case_kind = std::string(action_item_case),
                   .case_id = item.id,
                   .event = std::string(event),
                   .from = item.state,
                   .to = std::string(fired->to),
                   .note = std::move(note),
                   .payload = std::move(payload)};
  item.state = std::string(fired->to);
  return fired_item_event{std::move(e), fired->effects};
}

void record_followup(followup_store& followup, const command_context& ctx, followup_event e) {
  followup.append_followup_event(stamped(ctx, std::move(e)));
}

}  // namespace bevaka::engine
