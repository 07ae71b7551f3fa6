#include "workflows/assignment.hpp"

#include "workflows/detail/machine.hpp"

namespace bevaka::workflows {
namespace {

using namespace detail;
using boost::msm::front::none;
using boost::msm::front::Row;
using effect = assignment_effect;

struct draft : named_state<assignment_state::draft> {};
struct sent : named_state<assignment_state::sent> {};
struct drafting : named_state<assignment_state::drafting> {};
struct decided : named_state<assignment_state::decided> {};
struct submitted : named_state<assignment_state::submitted> {};
struct registered : named_state<assignment_state::registered> {};
struct declined : named_state<assignment_state::declined> {};
struct withdrawn : named_state<assignment_state::withdrawn> {};
struct unanswered : named_state<assignment_state::unanswered> {};

struct send : named_event<assignment_event::send> {};
struct start : named_event<assignment_event::start> {};
struct decide : named_event<assignment_event::decide> {};
struct submit : named_event<assignment_event::submit> {};
struct register_ : named_event<assignment_event::register_> {};
struct decline : named_event<assignment_event::decline> {};
struct return_ : named_event<assignment_event::return_> {};
struct request_extension : named_event<assignment_event::request_extension> {};
struct extend : named_event<assignment_event::extend> {};
struct deny_extension : named_event<assignment_event::deny_extension> {};
struct withdraw : named_event<assignment_event::withdraw> {};
struct close : named_event<assignment_event::close> {};

struct schedule_reminders : record<effect::schedule_reminders> {};
struct move_deadline : record<effect::move_deadline> {};
struct cancel_reminders : record<effect::cancel_reminders> {};
struct receive_submission : record<effect::record_submission, effect::cancel_reminders> {};
struct return_for_completion : record<effect::move_deadline, effect::schedule_reminders> {};
struct record_extension_request : record<effect::record_extension_request> {};
struct grant_extension : record<effect::move_deadline, effect::settle_extension_request> {};
struct settle_extension_request : record<effect::settle_extension_request> {};

struct body_is_not_committee : guard<body_is_not_committee> {
  static constexpr std::string_view reason =
      "a committee must record its decision (decide) before it submits";
  static bool holds(const assignment_facts& facts) { return !facts.body_is_committee; }
};

struct new_deadline_given : guard<new_deadline_given> {
  static constexpr std::string_view reason =
      "request-extension, extend and return need a new deadline";
  static bool holds(const assignment_facts& facts) { return facts.new_deadline_given; }
};

struct extension_requested : guard<extension_requested> {
  static constexpr std::string_view reason = "no extension has been requested";
  static bool holds(const assignment_facts& facts) { return facts.extension_requested; }
};

struct assignment_machine : machine_def<assignment_machine, effect, assignment_facts> {
  using initial_state = draft;
  using states = mp11::mp_list<draft, sent, drafting, decided, submitted, registered, declined,
                               withdrawn, unanswered>;
  using events = mp11::mp_list<send, start, decide, submit, register_, decline, return_,
                               request_extension, extend, deny_extension, withdraw, close>;

  // clang-format off
  struct transition_table : boost::mpl::vector<
    //  Source      Event              Target      Action                    Guard
    Row<draft,      send,              sent,       schedule_reminders,       none>,
    Row<draft,      withdraw,          withdrawn,  none,                     none>,

    Row<sent,       start,             drafting,   none,                     none>,
    Row<sent,       decide,            decided,    none,                     none>,
    Row<sent,       submit,            submitted,  receive_submission,       body_is_not_committee>,
    Row<sent,       decline,           declined,   cancel_reminders,         none>,
    Row<sent,       request_extension, none,       record_extension_request, new_deadline_given>,
    Row<sent,       extend,            none,       grant_extension,          new_deadline_given>,
    Row<sent,       deny_extension,    none,       settle_extension_request, extension_requested>,
    Row<sent,       withdraw,          withdrawn,  cancel_reminders,         none>,
    Row<sent,       close,             unanswered, cancel_reminders,         none>,

    Row<drafting,   decide,            decided,    none,                     none>,
    Row<drafting,   submit,            submitted,  receive_submission,       body_is_not_committee>,
    Row<drafting,   decline,           declined,   cancel_reminders,         none>,
    Row<drafting,   request_extension, none,       record_extension_request, new_deadline_given>,
    Row<drafting,   extend,            none,       grant_extension,          new_deadline_given>,
    Row<drafting,   deny_extension,    none,       settle_extension_request, extension_requested>,
    Row<drafting,   withdraw,          withdrawn,  cancel_reminders,         none>,
    Row<drafting,   close,             unanswered, cancel_reminders,         none>,

    Row<decided,    submit,            submitted,  receive_submission,       none>,
    Row<decided,    decline,           declined,   cancel_reminders,         none>,
    Row<decided,    request_extension, none,       record_extension_request, new_deadline_given>,
    Row<decided,    extend,            none,       grant_extension,          new_deadline_given>,
    Row<decided,    deny_extension,    none,       settle_extension_request, extension_requested>,
    Row<decided,    withdraw,          withdrawn,  cancel_reminders,         none>,
    Row<decided,    close,             unanswered, cancel_reminders,         none>,

    Row<submitted,  register_,         registered, none,                     none>,
    Row<submitted,  return_,           drafting,   return_for_completion,    new_deadline_given>,
    Row<submitted,  withdraw,          withdrawn,  cancel_reminders,         none>,

    Row<unanswered, submit,            submitted,  receive_submission,       none>
  > {};
  // clang-format on
};

}  // namespace

fire_result<assignment_effect> fire_assignment(std::string_view state, std::string_view event,
                                               const assignment_facts& facts) {
  return fire<assignment_machine>(state, event, facts);
}

std::span<const std::string_view> assignment_states() {
  return names_span<assignment_machine::states>();
}

std::span<const std::string_view> assignment_events() {
  return names_span<assignment_machine::events>();
}

namespace {
constexpr std::array<std::string_view, 3> awaiting_answer{
    assignment_state::sent, assignment_state::drafting, assignment_state::decided};
constexpr std::array<std::string_view, 4> ended{
    assignment_state::registered, assignment_state::declined, assignment_state::withdrawn,
    assignment_state::unanswered};
}  // namespace

bool assignment_awaits_answer(std::string_view state) {
  return std::ranges::find(awaiting_answer, state) != awaiting_answer.end();
}

bool assignment_has_answer(std::string_view state) {
  return state == assignment_state::submitted || state == assignment_state::registered;
}

bool assignment_has_ended(std::string_view state) {
  return std::ranges::find(ended, state) != ended.end();
}

std::span<const std::string_view, 4> ended_assignment_states() { return ended; }

}  // namespace bevaka::workflows
