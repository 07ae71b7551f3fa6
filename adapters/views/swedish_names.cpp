#include "adapters/views/swedish_names.hpp"

#include <fmt/format.h>

#include <array>
#include <span>
#include <utility>

#include "workflows/action_item.hpp"
#include "workflows/action_plan.hpp"
#include "workflows/assignment.hpp"
#include "workflows/round.hpp"

namespace bevaka::views {
namespace {

using name_pair = std::pair<std::string_view, std::string_view>;

// States spelt as literals are being added to the machines: they display from the day they
// appear in the record.
namespace round_state = workflows::round_state;
const std::array round_names{
    name_pair{round_state::draft, "Utkast"},
    name_pair{round_state::sent, "Ute på remiss"},
    name_pair{round_state::answers_closed, "Svarstiden stängd"},
    name_pair{"sent_to_council", "Skickad till {council}"},
    name_pair{round_state::discussed, "Diskuterad i {council}"},
    name_pair{round_state::approved, "Godkänd av KS"},
    name_pair{round_state::withdrawn, "Återkallad"},
};

namespace assignment_state = workflows::assignment_state;
const std::array assignment_names{
    name_pair{assignment_state::draft, "Utkast"},
    name_pair{assignment_state::sent, "Skickad"},
    name_pair{assignment_state::drafting, "Påbörjad"},
    name_pair{assignment_state::decided, "Beslutad i nämnd"},
    name_pair{assignment_state::submitted, "Inlämnad"},
    name_pair{assignment_state::registered, "Registrerad"},
    name_pair{assignment_state::declined, "Avstår"},
    name_pair{assignment_state::withdrawn, "Återkallad"},
    name_pair{"unanswered", "Obesvarad"},
};

const std::array reminder_names{
    name_pair{"scheduled", "Planerad"}, name_pair{"sent", "Skickad"},
    name_pair{"cancelled", "Inställd"}, name_pair{"failed", "Gick inte fram"},
    name_pair{"superseded", "Ersatt"},
};

namespace action_plan_state = workflows::action_plan_state;
const std::array action_plan_names{
    name_pair{action_plan_state::draft, "Utkast"},
    name_pair{action_plan_state::decided, "Beslutad"},
    name_pair{action_plan_state::in_force, "Gäller"},
    name_pair{action_plan_state::evaluated, "Utvärderad"},
};

namespace action_item_state = workflows::action_item_state;
const std::array action_item_names{
    name_pair{action_item_state::proposed, "Föreslagen"},
    name_pair{action_item_state::planned, "Planerad"},
    name_pair{action_item_state::ongoing, "Pågående"},
    name_pair{action_item_state::completed, "Genomförd"},
    name_pair{action_item_state::evaluated, "Utvärderad"},
    name_pair{action_item_state::cancelled, "Avbruten"},
};

const std::array round_kind_names{
    name_pair{"consultation", "Remiss"},
    name_pair{"annual-report", "Årlig rapportering"},
};

std::span<const name_pair> names_of(lifecycle of) {
  switch (of) {
    case lifecycle::round:
      return round_names;
    case lifecycle::assignment:
      return assignment_names;
    case lifecycle::reminder:
      return reminder_names;
    case lifecycle::action_plan:
      return action_plan_names;
    case lifecycle::action_item:
      return action_item_names;
  }
  return {};
}

// The council's name where a name holds {council}: the municipality's own ("Brå").
std::string with_council(std::string_view swedish, const engine::council_names& council) {
  std::string text(swedish);
  constexpr std::string_view placeholder = "{council}";
  if (const auto at = text.find(placeholder); at != std::string::npos)
    text.replace(at, placeholder.size(), council.name);
  return text;
}

json as_object(std::span<const name_pair> names, const engine::council_names& council = {}) {
  json object = json::object();
  for (const auto& [state, swedish] : names)
    object[std::string(state)] = with_council(swedish, council);
  return object;
}

std::string_view swedish_name(std::span<const name_pair> names, std::string_view name) {
  for (const auto& [english, swedish] : names)
    if (english == name) return swedish;
  return name;
}

}  // namespace

std::string swedish_state(lifecycle of, std::string_view state,
                          const engine::council_names& council) {
  return with_council(swedish_name(names_of(of), state), council);
}

std::string_view swedish_round_kind(std::string_view kind) {
  return swedish_name(round_kind_names, kind);
}

json swedish_state_names(const engine::council_names& council) {
  return json{{"round", as_object(round_names, council)},
              {"assignment", as_object(assignment_names)},
              {"reminder", as_object(reminder_names)},
              {"action_plan", as_object(action_plan_names)},
              {"action_item", as_object(action_item_names)},
              {"round_kind", as_object(round_kind_names)},
              {"council", {{"name", council.name}, {"long_name", council.long_name}}}};
}

std::string working_days_text(long long count) {
  return fmt::format("{} {}", count, count == 1 ? "arbetsdag" : "arbetsdagar");
}

}  // namespace bevaka::views
