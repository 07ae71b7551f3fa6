#pragma once
// The ports of one transaction over one connection that has begun it.
// Internal to adapters/store.

#include <soci/soci.h>

#include <string>
#include <unordered_map>

#include "adapters/store/connection.hpp"
#include "adapters/store/statements.hpp"
#include "engine/store.hpp"

namespace bevaka::store::detail {

// Reminder times as stored: UTC, 'YYYY-MM-DDTHH:MM:SSZ'.
[[nodiscard]] std::string format_utc(engine::instant t);

// One transaction's ports, all on one connection: each aggregate's methods live in a folder of
// its own (cases/, reminders/, ...). The outbox's claims and settlings are here too, for
// soci_store to run each in a transaction of its own (engine/reminders/outbox.hpp).
class soci_transaction final : public engine::store_transaction,
                               public engine::case_store,
                               public engine::case_listings,
                               public engine::reminder_store,
                               public engine::followup_store,
                               public engine::programme_store,
                               public engine::budget_store,
                               public engine::access_store {
 public:
  // `prepared` belongs to `db` and outlives this transaction.
  soci_transaction(connection& db, statements& prepared) : conn_(db), prepared_(prepared) {}

  engine::case_store& cases() override { return *this; }
  engine::case_listings& listings() override { return *this; }
  engine::reminder_store& reminders() override { return *this; }
  engine::followup_store& followup() override { return *this; }
  engine::programme_store& programme() override { return *this; }
  engine::budget_store& budgets() override { return *this; }
  engine::access_store& access() override { return *this; }

  std::optional<engine::body> body_by_id(engine::id_t id) override;
  std::optional<engine::body> body_by_name(std::string_view name) override;
  std::vector<engine::body> bodies(std::optional<engine::body_kind> kind) override;
  engine::id_t insert_body(const engine::body& b) override;

  std::optional<engine::round> round_by_id(engine::id_t id) override;
  std::optional<engine::round> round_by_ref(std::string_view ref) override;
  engine::id_t insert_round(const engine::round& r) override;
  bool update_round(const engine::round& r) override;
  std::optional<engine::round> lock_round(engine::id_t round_id) override;

  std::vector<engine::assignment> assignments_of(engine::id_t round_id) override;
  std::optional<engine::assignment> assignment_of(engine::id_t round_id,
                                                  engine::id_t body_id) override;
  std::optional<std::pair<engine::round, engine::assignment>> assignment_by_names(
      std::string_view round_ref, std::string_view body_name) override;
  bool has_open_assignment(engine::id_t round_id) override;
  engine::id_t insert_assignment(const engine::assignment& a) override;
  bool update_assignment(const engine::assignment& was, const engine::assignment& a) override;

  void append_event(const engine::event_record& e) override;
  std::vector<engine::event_record> events_of_round(engine::id_t round_id,
                                                    std::optional<engine::id_t> body_id) override;

  std::vector<engine::awaiting_row> awaiting_with_failed_reminders(
      std::optional<engine::round_kind> kind) override;
  std::vector<engine::awaiting_row> awaiting_past_deadline(
      engine::date day, std::optional<engine::round_kind> kind) override;

  // Listings and tokens: cases/case_listings.cpp and access/access_store.cpp.
  std::vector<engine::round> rounds() override;
  std::vector<engine::round> rounds_as_of(engine::date day) override;
  std::optional<engine::round> round_as_of(engine::id_t round_id, engine::date day) override;
  std::vector<engine::assignment> assignments_as_of(engine::id_t round_id,
                                                    engine::date day) override;
  std::vector<engine::assignment> assignments_of_body(engine::id_t body_id) override;
  std::vector<std::pair<engine::round, engine::assignment>> pending_extension_requests() override;
  std::vector<engine::punctuality_record> assignments_for_punctuality(
      const engine::punctuality_filter& filter) override;
  engine::id_t insert_api_token(const engine::api_token& t) override;
  std::optional<engine::api_token> api_token_by_hash(std::string_view hash) override;
  // The follow-up table: followup/.
  std::vector<engine::action_item> action_items(std::optional<std::string_view> unit) override;
  std::optional<engine::action_item> action_item_by_id(engine::id_t id) override;
  engine::id_t insert_action_item(const engine::action_item& item) override;
  bool update_action_item(const engine::action_item& item) override;
  std::vector<engine::followup_area> followup_areas(std::optional<std::string_view> unit) override;
  void save_followup_area(const engine::followup_area& area) override;
  void append_followup_event(const engine::followup_event& e) override;
  std::vector<engine::followup_event> followup_events(std::string_view case_kind,
                                                      engine::id_t case_id) override;
  std::vector<engine::indicator> indicators() override;
  engine::id_t insert_indicator(const engine::indicator& i) override;
  void put_indicator_value(engine::id_t indicator_id, int year, double value) override;
  std::vector<engine::report_section> report_sections(engine::id_t assignment_id) override;
  void save_report_sections(engine::id_t assignment_id,
                            const std::vector<engine::report_section>& sections) override;
  // Reminders: reminders/reminder_store.cpp
  void set_reminder_policy(engine::id_t round_id, std::string_view policy) override;
  std::optional<std::string> reminder_policy_of(engine::id_t round_id) override;
  engine::id_t insert_reminder(const engine::reminder& r) override;
  void cancel_reminders_of(engine::id_t assignment_id) override;
  std::vector<engine::reminder_view> reminders_of(std::optional<engine::id_t> round_id) override;
  std::vector<std::pair<engine::reminder_state, long long>> reminder_counts() override;
  // The outbox's side (engine/reminders/outbox.hpp), each run by soci_store in its own
  // transaction.
  std::vector<engine::reminder_view> due_reminders(engine::instant now, int limit);
  std::vector<engine::reminder_view> claim_due_reminders(engine::instant now,
                                                         engine::instant lease_until,
                                                         std::string_view holder, int limit);
  bool renew_lease(const engine::reminder& r, engine::instant lease_until, std::string_view holder);
  bool settle_reminder(const engine::reminder& r, std::string_view holder);
  std::optional<engine::instant> next_reminder_due();
  // The safety programme: programme/programme_store.cpp
  std::vector<engine::group> groups() override;
  engine::id_t insert_group(const engine::group& g) override;
  void set_group_part_of(engine::id_t group_id, std::optional<engine::id_t> part_of_id) override;
  std::vector<engine::action_plan> action_plans() override;
  engine::id_t insert_action_plan(const engine::action_plan& p) override;
  bool update_action_plan(const engine::action_plan& p) override;
  std::vector<engine::plan_review> plan_reviews(engine::id_t plan_id) override;
  void insert_plan_review(const engine::plan_review& r) override;
  std::vector<engine::goal> goals(std::optional<engine::id_t> plan_id) override;
  engine::id_t insert_goal(const engine::goal& g) override;
  std::vector<engine::goal_override> goal_overrides(std::optional<engine::id_t> plan_id) override;
  void insert_goal_override(const engine::goal_override& o) override;
  std::vector<engine::id_t> plan_item_ids(engine::id_t plan_id) override;
  void set_item_plan(engine::id_t item_id, std::optional<engine::id_t> plan_id) override;
  std::vector<engine::duty_step> duty_steps() override;
  engine::id_t insert_duty_step(const engine::duty_step& s) override;
  // Budgets: budgets/budget_store.cpp
  std::optional<engine::budget> budget_of_year(int year) override;
  engine::id_t insert_budget(const engine::budget& b) override;
  void append_budget_event(const engine::budget_event& e) override;

 private:
  connection& conn_;
  statements& prepared_;
  // Rounds by reference key and body ids by name, as assignment_by_names found them in this
  // transaction: a batch of events names the same few again and again. A round is forgotten
  // when this transaction updates it; bodies are never changed once added.
  std::unordered_map<std::string, engine::round> rounds_by_key_;
  std::unordered_map<std::string, engine::id_t> body_ids_by_name_;
  // How many of a round's assignments have not ended, counted at the first question in this
  // transaction and kept by its own writes: the engine asks after every event that ends one.
  std::unordered_map<engine::id_t, long long> open_assignments_;
  void count_open_assignments(engine::id_t round_id, long long change);
};

}  // namespace bevaka::store::detail
