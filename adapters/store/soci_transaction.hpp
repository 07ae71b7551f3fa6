#pragma once
// The store_transaction port over one SOCI session that already has a transaction open.
// Internal to adapters/store.

#include <soci/soci.h>

#include "adapters/store/database_url.hpp"
#include "engine/store.hpp"

namespace bevaka::store::detail {

// The overdue query: assignments awaiting an answer with a deadline before `:before`.
// Shared with soci_store::explain_overdue so the plan shown is the plan of this very query.
extern const std::string awaiting_past_deadline_sql;

// The dispatcher's query: scheduled reminders due at `:now`, earliest first, reading the partial
// index reminders_due. Shared with soci_store::explain_due_reminders.
extern const std::string due_reminders_sql;

// Reminder times as stored: UTC, 'YYYY-MM-DDTHH:MM:SSZ'.
[[nodiscard]] std::string format_utc(engine::instant t);

class soci_transaction final : public engine::store_transaction {
 public:
  explicit soci_transaction(soci::session& sql) : sql_(sql) {}

  std::optional<engine::body> body_by_id(engine::id_t id) override;
  std::optional<engine::body> body_by_name(std::string_view name) override;
  std::vector<engine::body> bodies(std::optional<engine::body_kind> kind) override;
  engine::id_t insert_body(const engine::body& b) override;

  std::optional<engine::round> round_by_id(engine::id_t id) override;
  std::optional<engine::round> round_by_ref(std::string_view ref) override;
  engine::id_t insert_round(const engine::round& r) override;
  bool update_round(const engine::round& r) override;

  std::vector<engine::assignment> assignments_of(engine::id_t round_id) override;
  std::optional<engine::assignment> assignment_of(engine::id_t round_id,
                                                  engine::id_t body_id) override;
  engine::id_t insert_assignment(const engine::assignment& a) override;
  bool update_assignment(const engine::assignment& a) override;

  void append_event(const engine::event_record& e) override;
  std::vector<engine::event_record> events_of_round(engine::id_t round_id,
                                                    std::optional<engine::id_t> body_id) override;

  std::vector<engine::awaiting_row> awaiting_past_deadline(
      engine::date day, std::optional<engine::round_kind> kind) override;

  // Reminders: soci_transaction_reminders.cpp
  void set_reminder_policy(engine::id_t round_id, std::string_view policy) override;
  std::optional<std::string> reminder_policy_of(engine::id_t round_id) override;
  engine::id_t insert_reminder(const engine::reminder& r) override;
  int cancel_reminders_of(engine::id_t assignment_id) override;
  std::vector<engine::reminder_view> reminders_of(std::optional<engine::id_t> round_id) override;
  std::vector<engine::reminder_view> due_reminders(engine::instant now, int limit) override;
  std::vector<engine::reminder_view> claim_due_reminders(engine::instant now,
                                                         engine::instant lease_until,
                                                         std::string_view holder,
                                                         int limit) override;
  bool settle_reminder(const engine::reminder& r, std::string_view holder) override;
  std::optional<engine::instant> next_reminder_due() override;

 private:
  soci::session& sql_;
};

}  // namespace bevaka::store::detail
