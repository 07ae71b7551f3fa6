#pragma once
// The legal duty of Lag 2023:196 (in force from 1 July 2023): for each period, a situation
// picture (lägesbild), an action plan decided on it, and a follow-up of that plan, each decided
// by a body under a reference number. Recording the steps in their order, and where a
// municipality stands on a given day.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/cases/case_store.hpp"
#include "engine/followup/followup_store.hpp"
#include "engine/programme/programme.hpp"
#include "engine/programme/programme_store.hpp"
#include "engine/shared/command_context.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::engine {

inline constexpr std::string_view duty_step_case = "duty_step";

// 1 July 2023, when the duty came into force.
[[nodiscard]] date duty_in_force();

struct new_duty_step {
  duty_step_kind kind = duty_step_kind::situation_picture;
  std::string period{};               // "2024-2027"
  std::string ref{};                  // as written; looked up exactly
  std::string decided{};              // YYYY-MM-DD
  std::string body{};                 // the deciding body's name or id
  std::optional<std::string> plan{};  // the action-plan step only: the plan decided
};

// Refuses a malformed period, reference or date, a decision after today, --plan on any step but
// the action plan, and an action plan without --plan (bad_input); an unknown body or plan
// (not_found); a step the period has already (duplicate); a step before the one it follows, or
// decided before it, or a plan still in draft (refused). The step's event is recorded beside the
// follow-up cases (case kind "duty_step").
[[nodiscard]] outcome<duty_step> record_duty_step(case_store& cases, followup_store& followup,
                                                  programme_store& programme,
                                                  const command_context& ctx,
                                                  const new_duty_step& request);

struct duty_step_status {
  duty_step_kind kind = duty_step_kind::situation_picture;
  std::optional<duty_step> done{};
  // When the step is the period's next one and overdue: since when. The action plan is missing
  // from the day its situation picture was decided; the follow-up from the day after the
  // period's last year.
  std::optional<date> missing_since{};
};

struct duty_period_status {
  year_span period{};
  std::vector<duty_step_status> steps{};  // all three, in order
  std::optional<duty_step_kind> next{};   // the first step not done; none when all are
};

// The step due next anywhere: the oldest period's next step, else a situation picture for the
// day when no recorded period covers it (missing since the duty came into force, or since the
// last recorded period ended).
struct duty_due {
  std::optional<year_span> period{};
  duty_step_kind kind = duty_step_kind::situation_picture;
  std::optional<date> missing_since{};
};

struct duty_status {
  date as_of{};
  std::vector<duty_period_status> periods{};  // oldest first
  std::optional<duty_due> next{};             // none when nothing is due
};

[[nodiscard]] duty_status find_duty_status(programme_store& programme, date as_of);

}  // namespace bevaka::engine
