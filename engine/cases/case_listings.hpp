#pragma once
// The cases' listings: the reads behind the registrar's daily list, the round list and a body's
// obligations. They span many cases, so each must read an index, not a table. Implemented by
// adapters/store; may throw engine::database_error.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/cases/model.hpp"

namespace bevaka::engine {

// The rounds whose assignments the punctuality count reads (engine/cases/punctuality.hpp): of
// `kind` (any when unset), with an effective deadline from `first_deadline` through
// `last_deadline` (either end open when unset), and only `body_id`'s assignments when set.
struct punctuality_filter {
  std::optional<id_t> body_id{};
  std::optional<round_kind> kind{};
  std::optional<date> first_deadline{};
  std::optional<date> last_deadline{};
};

// One assignment as the punctuality count reads it.
struct punctuality_record {
  std::string body_name{};
  date round_deadline{};  // the round's effective deadline, not the assignment's
  std::string state{};
  // The first answer's lateness in working days (0: on time), kept across a return; unset until
  // a first answer is received.
  std::optional<int> first_late_by_working_days{};
};

class case_listings {
 public:
  virtual ~case_listings() = default;

  // Assignments that, as they stood at the end of `day` (from the events stamped up to then),
  // awaited an answer with a deadline before `day`; earliest deadline first. Must read an
  // index, not the table: the registrar runs it every day, and for a past day too.
  [[nodiscard]] virtual std::vector<awaiting_row> awaiting_past_deadline(
      date day, std::optional<round_kind> kind) = 0;
  // Assignments awaiting an answer with at least one failed reminder, with how many failed.
  // Must read an index: it is part of the registrar's daily list.
  [[nodiscard]] virtual std::vector<awaiting_row> awaiting_with_failed_reminders(
      std::optional<round_kind> kind) = 0;
  // Every round, latest deadline first (then by reference number).
  [[nodiscard]] virtual std::vector<round> rounds() = 0;
  // The rounds that existed at the end of `day`, in their state of that day; same order.
  [[nodiscard]] virtual std::vector<round> rounds_as_of(date day) = 0;
  // One round at the end of `day`; nullopt when it did not exist yet.
  [[nodiscard]] virtual std::optional<round> round_as_of(id_t round_id, date day) = 0;
  // The round's assignments at the end of `day`, ordered by body name: state and deadline of
  // that day; an answer shows only while the state of that day is an answered one.
  [[nodiscard]] virtual std::vector<assignment> assignments_as_of(id_t round_id, date day) = 0;
  // One body's assignments in every round, earliest deadline first.
  [[nodiscard]] virtual std::vector<assignment> assignments_of_body(id_t body_id) = 0;
  // The assignments with a pending extension request, with their rounds, oldest request first.
  // Reads a partial index of the requests alone.
  [[nodiscard]] virtual std::vector<std::pair<round, assignment>> pending_extension_requests() = 0;
  // Every assignment of the rounds `filter` picks, in any state (withdrawn and draft too), in no
  // particular order. Reads the assignments of those rounds only, not the whole table.
  [[nodiscard]] virtual std::vector<punctuality_record> assignments_for_punctuality(
      const punctuality_filter& filter) = 0;
};

}  // namespace bevaka::engine
