#include "workflows/round.hpp"

#include "workflows/detail/machine.hpp"

namespace bevaka::workflows {
namespace {

using namespace detail;
using boost::msm::front::none;
using boost::msm::front::Row;
using effect = round_effect;

struct draft : named_state<round_state::draft> {};
struct sent : named_state<round_state::sent> {};
struct answers_closed : named_state<round_state::answers_closed> {};
struct sent_to_council : named_state<round_state::sent_to_council> {};
struct discussed : named_state<round_state::discussed> {};
struct approved : named_state<round_state::approved> {};
struct withdrawn : named_state<round_state::withdrawn> {};

struct send : named_event<round_event::send> {};
struct close_answers : named_event<round_event::close_answers> {};
struct send_to_council : named_event<round_event::send_to_council> {};
struct discuss : named_event<round_event::discuss> {};
struct approve : named_event<round_event::approve> {};
struct withdraw : named_event<round_event::withdraw> {};

struct send_assignments : record<effect::send_assignments> {};
struct withdraw_assignments : record<effect::withdraw_assignments> {};
struct close_assignments : record<effect::close_assignments> {};

struct may_skip_council : guard<may_skip_council> {
  static constexpr std::string_view reason =
      "an annual report must be sent to the crime-prevention council (send-to-council) and "
      "discussed there (discuss) before it is approved";
  static bool holds(const round_facts& facts) { return facts.may_skip_council; }
};

struct round_machine : machine_def<round_machine, effect, round_facts> {
  using initial_state = draft;
  using states =
      mp11::mp_list<draft, sent, answers_closed, sent_to_council, discussed, approved, withdrawn>;
  using events = mp11::mp_list<send, close_answers, send_to_council, discuss, approve, withdraw>;

  // clang-format off
  struct transition_table : boost::mpl::vector<
    //  Source           Event            Target           Action                Guard
    Row<draft,           send,            sent,            send_assignments,     none>,
    Row<draft,           withdraw,        withdrawn,       withdraw_assignments, none>,

    Row<sent,            close_answers,   answers_closed,  close_assignments,    none>,
    Row<sent,            withdraw,        withdrawn,       withdraw_assignments, none>,

    Row<answers_closed,  send_to_council, sent_to_council, none,                 none>,
    Row<answers_closed,  approve,         approved,        none,                 may_skip_council>,
    Row<answers_closed,  withdraw,        withdrawn,       withdraw_assignments, none>,

    Row<sent_to_council, discuss,         discussed,       none,                 none>,
    Row<sent_to_council, withdraw,        withdrawn,       withdraw_assignments, none>,

    Row<discussed,       approve,         approved,        none,                 none>,
    Row<discussed,       withdraw,        withdrawn,       withdraw_assignments, none>
  > {};
  // clang-format on
};

}  // namespace

fire_result<round_effect> fire_round(std::string_view state, std::string_view event,
                                     const round_facts& facts) {
  return fire<round_machine>(state, event, facts);
}

std::span<const std::string_view> round_states() { return names_span<round_machine::states>(); }

std::span<const std::string_view> round_events() { return names_span<round_machine::events>(); }

}  // namespace bevaka::workflows
