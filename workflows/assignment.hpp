#pragma once
// The lifecycle of an assignment: one body's part in one round, from draft to registered (or
// declined, or withdrawn). A pure function of (state, event, facts): the engine loads the state
// name, fires, then saves the new name and carries out the effects. No I/O, no shared state;
// safe to call from any thread.

#include <span>
#include <string_view>

#include "workflows/transition.hpp"

namespace bevaka::workflows {

enum class assignment_effect {
  schedule_reminders,  // reminders before (and after) the assignment's current deadline
  move_deadline,       // the new deadline that came with extend or return now applies
  record_submission,   // the answer is in: stamp it on time or late, by how many working days
  cancel_reminders,    // no more reminders for this assignment
};

// What the guards need to know, supplied by the engine.
struct assignment_facts {
  bool body_is_committee = false;   // a committee must decide before it submits
  bool new_deadline_given = false;  // extend and return carry a new deadline
};

// Restores the lifecycle to `state` and fires `event` (both spelled as in the lists below).
// Refuses unknown names, events the state has no row for, and events a rule forbids.
[[nodiscard]] fire_result<assignment_effect> fire_assignment(std::string_view state,
                                                             std::string_view event,
                                                             const assignment_facts& facts);

// draft, sent, drafting, decided, submitted, registered, declined, withdrawn.
[[nodiscard]] std::span<const std::string_view> assignment_states();

// send, start, decide, submit, register, decline, return, extend, withdraw.
[[nodiscard]] std::span<const std::string_view> assignment_events();

}  // namespace bevaka::workflows
