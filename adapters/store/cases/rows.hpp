#pragma once
// The rows of the cases' tables (bodies, rounds, assignments, their record) and of the
// registrar's listings, read by the queries in statements.hpp. Internal to adapters/store.

#include <soci/soci.h>

#include <string>
#include <utility>

#include "adapters/store/rows.hpp"
#include "engine/cases/case_listings.hpp"
#include "engine/cases/model.hpp"

namespace bevaka::store::detail {

struct body_row {
  long long id = 0;
  std::string name, kind, emails;
  void bind(soci::statement& st);
  [[nodiscard]] engine::body to_model() const;
};

struct round_row {
  long long id = 0, version = 0;
  int shift = 1;
  std::string kind, ref, title, state, nominal, deadline, reason, sent_on;
  soci::indicator sent_null = soci::i_null;
  void bind(soci::statement& st);
  [[nodiscard]] engine::round to_model() const;
};

struct assignment_row {
  long long id = 0, round_id = 0, body_id = 0, version = 0;
  std::string body_name, kind, state, nominal, deadline, reason, submitted_on;
  int late = 0;
  soci::indicator submitted_null = soci::i_null, late_null = soci::i_null;
  std::string first_submitted_on;
  int first_late = 0;
  soci::indicator first_submitted_null = soci::i_null, first_late_null = soci::i_null;
  std::string requested, request_note, request_actor, request_at;
  soci::indicator requested_null = soci::i_null, note_null = soci::i_null,
                  actor_null = soci::i_null, at_null = soci::i_null;
  void bind(soci::statement& st);
  [[nodiscard]] engine::assignment to_model() const;
};

struct round_and_assignment_row {
  round_row round;
  assignment_row assignment;
  void bind(soci::statement& st) {
    round.bind(st);
    assignment.bind(st);
  }
  [[nodiscard]] std::pair<engine::round, engine::assignment> to_model() const {
    return {round.to_model(), assignment.to_model()};
  }
};

struct punctuality_record_row {
  std::string body_name, deadline, state;
  int first_late = 0;
  soci::indicator first_late_null = soci::i_null;
  void bind(soci::statement& st);
  [[nodiscard]] engine::punctuality_record to_model() const;
};

struct event_row {
  long long case_id = 0, round_id = 0, body_id = 0;
  std::string kind, body_name;
  soci::indicator body_null = soci::i_null, name_null = soci::i_null;
  engine::event_record e;
  void bind(soci::statement& st);
  [[nodiscard]] engine::event_record to_model() const;
};

struct awaiting_row {
  long long round_id = 0;
  std::string ref, title, body_name, deadline, state;
  void bind(soci::statement& st);
  [[nodiscard]] engine::awaiting_row to_model() const;
};

// awaiting_row and the number of the assignment's failed reminders
struct awaiting_failed_row : awaiting_row {
  int failed = 0;
  void bind(soci::statement& st);
  [[nodiscard]] engine::awaiting_row to_model() const;
};

}  // namespace bevaka::store::detail
