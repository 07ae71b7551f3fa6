// The cases' listings on one transaction: the registrar's daily list, rounds, obligations,
// punctuality.
#include "adapters/store/soci_transaction.hpp"
#include "workflows/assignment.hpp"

namespace bevaka::store::detail {

using namespace bevaka::engine;

std::vector<engine::awaiting_row> soci_transaction::awaiting_past_deadline(
    engine::date day, std::optional<round_kind> kind) {
  const auto d = format_date(day);
  if (!kind) return prepared_.awaiting.all(conn_, d, d, d, d, d);
  const std::string k(to_string(*kind));
  return prepared_.awaiting_of_kind.all(conn_, d, d, k, d, d, d, k);
}

std::vector<engine::awaiting_row> soci_transaction::awaiting_with_failed_reminders(
    std::optional<round_kind> kind) {
  if (!kind) return prepared_.awaiting_failed.all(conn_);
  return prepared_.awaiting_failed_of_kind.all(conn_, std::string(to_string(*kind)));
}

std::vector<round> soci_transaction::rounds() { return prepared_.rounds.all(conn_); }

std::vector<round> soci_transaction::rounds_as_of(date day) {
  const auto d = format_date(day);
  return prepared_.rounds_as_of.all(conn_, d, d);
}

std::optional<round> soci_transaction::round_as_of(id_t round_id, date day) {
  const auto d = format_date(day);
  return prepared_.round_as_of.first(conn_, d, d, round_id);
}

// The state and deadline are those of the day; what was recorded later (an answer, its first
// answer, a request for more time) is left out.
std::vector<assignment> soci_transaction::assignments_as_of(id_t round_id, date day) {
  const auto d = format_date(day);
  auto found = prepared_.assignments_as_of.all(conn_, d, d, round_id);
  for (auto& a : found) {
    if (!workflows::assignment_has_answer(a.state)) {
      a.submitted_on.reset();
      a.late_by_working_days.reset();
    }
    if (a.first_submitted_on > day) {
      a.first_submitted_on.reset();
      a.first_late_by_working_days.reset();
    }
    if (a.extension && a.extension->at.substr(0, 10) > d) a.extension.reset();
  }
  return found;
}

std::vector<assignment> soci_transaction::assignments_of_body(id_t body_id) {
  return prepared_.assignments_of_body.all(conn_, body_id);
}

std::vector<std::pair<round, assignment>> soci_transaction::pending_extension_requests() {
  return prepared_.pending_extension_requests.all(conn_);
}

// Dates are TEXT 'YYYY-MM-DD', so an open end is the lowest or highest such text.
std::vector<punctuality_record> soci_transaction::assignments_for_punctuality(
    const punctuality_filter& filter) {
  const std::string kind = filter.kind ? std::string(to_string(*filter.kind)) : "";
  const std::string first =
      filter.first_deadline ? format_date(*filter.first_deadline) : "0000-01-01";
  const std::string last = filter.last_deadline ? format_date(*filter.last_deadline) : "9999-12-31";
  return prepared_.punctuality_records.all(conn_, kind, filter.kind ? 0 : 1,
                                           filter.body_id.value_or(0), filter.body_id ? 0 : 1,
                                           first, last);
}

}  // namespace bevaka::store::detail
