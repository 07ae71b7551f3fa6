#include "workflows/action_plan.hpp"

#include "workflows/detail/machine.hpp"

namespace bevaka::workflows {
namespace {

using namespace detail;
using boost::msm::front::none;
using boost::msm::front::Row;
using effect = action_plan_effect;

struct draft : named_state<action_plan_state::draft> {};
struct decided : named_state<action_plan_state::decided> {};
struct in_force : named_state<action_plan_state::in_force> {};
struct evaluated : named_state<action_plan_state::evaluated> {};

struct decide : named_event<action_plan_event::decide> {};
struct take_effect : named_event<action_plan_event::take_effect> {};
struct review : named_event<action_plan_event::review> {};
struct evaluate : named_event<action_plan_event::evaluate> {};
struct revise : named_event<action_plan_event::revise> {};

struct record_review : record<effect::record_review> {};

struct has_goals : guard<has_goals> {
  static constexpr std::string_view reason = "a plan needs at least one measurable goal";
  static bool holds(const action_plan_facts& facts) { return facts.has_goals; }
};

struct year_not_yet_reviewed : guard<year_not_yet_reviewed> {
  static constexpr std::string_view reason = "this year already has its review";
  static bool holds(const action_plan_facts& facts) { return !facts.year_already_reviewed; }
};

struct final_year_reached : guard<final_year_reached> {
  static constexpr std::string_view reason =
      "the final evaluation comes in the last year of the plan's period";
  static bool holds(const action_plan_facts& facts) { return facts.final_year_reached; }
};

struct action_plan_machine : machine_def<action_plan_machine, effect, action_plan_facts> {
  using initial_state = draft;
  using states = mp11::mp_list<draft, decided, in_force, evaluated>;
  using events = mp11::mp_list<decide, take_effect, review, evaluate, revise>;

  // clang-format off
  struct transition_table : boost::mpl::vector<
    //  Source    Event        Target     Action         Guard
    Row<draft,    decide,      decided,   none,          has_goals>,

    Row<decided,  take_effect, in_force,  none,          none>,
    Row<decided,  revise,      draft,     none,          none>,

    Row<in_force, review,      none,      record_review, year_not_yet_reviewed>,
    Row<in_force, evaluate,    evaluated, none,          final_year_reached>,
    Row<in_force, revise,      draft,     none,          none>
  > {};
  // clang-format on
};

}  // namespace

fire_result<action_plan_effect> fire_action_plan(std::string_view state, std::string_view event,
                                                 const action_plan_facts& facts) {
  return fire<action_plan_machine>(state, event, facts);
}

std::span<const std::string_view> action_plan_states() {
  return names_span<action_plan_machine::states>();
}

std::span<const std::string_view> action_plan_events() {
  return names_span<action_plan_machine::events>();
}

}  // namespace bevaka::workflows
