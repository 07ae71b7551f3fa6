#pragma once
// The storage port: what the engine needs from a database, nothing more. The SOCI adapter in
// adapters/store implements it for SQLite and PostgreSQL. Every method may throw on an
// infrastructure failure (connection lost, disk full); the adapter's caller maps that once.

#include <functional>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/budget.hpp"
#include "engine/followup.hpp"
#include "engine/indicators.hpp"
#include "engine/model.hpp"
#include "engine/programme.hpp"
#include "engine/reminder.hpp"
#include "engine/report_sections.hpp"
#include "engine/token.hpp"

namespace bevaka::engine {

// One unit of work inside one database transaction. Not thread-safe: one per thread.
class store_transaction {
 public:
  virtual ~store_transaction() = default;

  [[nodiscard]] virtual std::optional<body> body_by_id(id_t id) = 0;
  [[nodiscard]] virtual std::optional<body> body_by_name(std::string_view name) = 0;
  // All bodies, or those of one kind, ordered by name.
  [[nodiscard]] virtual std::vector<body> bodies(std::optional<body_kind> kind) = 0;
  // Returns the new body's id. The caller has checked that the name is free.
  virtual id_t insert_body(const body& b) = 0;

  [[nodiscard]] virtual std::optional<round> round_by_id(id_t id) = 0;
  // By reference number in any case and spacing (reference_key): one indexed read.
  [[nodiscard]] virtual std::optional<round> round_by_ref(std::string_view ref) = 0;
  virtual id_t insert_round(const round& r) = 0;
  // Writes state and version r.version + 1 where the stored version is still r.version.
  // Returns false (and writes nothing) when someone else changed the round meanwhile.
  [[nodiscard]] virtual bool update_round(const round& r) = 0;

  // The round's assignments, ordered by body name.
  [[nodiscard]] virtual std::vector<assignment> assignments_of(id_t round_id) = 0;
  [[nodiscard]] virtual std::optional<assignment> assignment_of(id_t round_id, id_t body_id) = 0;
  // The fast path of finding an assignment by the names users give: the round's reference
  // number (in any case and spacing) and the body's name, in one read. nullopt when either name
  // does not match.
  [[nodiscard]] virtual std::optional<std::pair<round, assignment>> assignment_by_names(
      std::string_view round_ref, std::string_view body_name) = 0;
  // Whether any assignment of the round has not ended (lifecycle.hpp's has_ended).
  [[nodiscard]] virtual bool has_open_assignment(id_t round_id) = 0;
  virtual id_t insert_assignment(const assignment& a) = 0;
  // Writes `a` over `was`, the assignment as read in this transaction; optimistic like
  // update_round. Only what differs from `was` need be written.
  [[nodiscard]] virtual bool update_assignment(const assignment& was, const assignment& a) = 0;

  virtual void append_event(const event_record& e) = 0;
  // A round's events, and those of its assignments, oldest first; only one body's when given.
  [[nodiscard]] virtual std::vector<event_record> events_of_round(id_t round_id,
                                                                  std::optional<id_t> body_id) = 0;

  // Assignments awaiting an answer with a deadline before `day`, earliest deadline first.
  // Must read an index, not the table: the registrar runs it every day.
  [[nodiscard]] virtual std::vector<awaiting_row> awaiting_past_deadline(
      date day, std::optional<round_kind> kind) = 0;
  // Assignments awaiting an answer with at least one failed reminder, with how many failed.
  // Must read an index: it is part of the registrar's daily list.
  [[nodiscard]] virtual std::vector<awaiting_row> awaiting_with_failed_reminders(
      std::optional<round_kind> kind) = 0;

  // --- The HTTP API and the dashboard (issue 4) ---

  // Every round, latest deadline first (then by reference number).
  [[nodiscard]] virtual std::vector<round> rounds() = 0;
  // One body's assignments in every round, earliest deadline first.
  [[nodiscard]] virtual std::vector<assignment> assignments_of_body(id_t body_id) = 0;
  // Returns the new token's id. The caller has checked the body.
  virtual id_t insert_api_token(const api_token& t) = 0;
  // The token whose SHA-256 is `hash`, with its body's name.
  [[nodiscard]] virtual std::optional<api_token> api_token_by_hash(std::string_view hash) = 0;
  // --- The follow-up table (action items, their areas, their record) ---

  // Items with their reports and plans, of one unit or all, in table order (unit, the area's
  // position, the item's position).
  [[nodiscard]] virtual std::vector<action_item> action_items(
      std::optional<std::string_view> unit) = 0;
  [[nodiscard]] virtual std::optional<action_item> action_item_by_id(id_t id) = 0;
  // Returns the new item's id; writes its reports and plans too.
  virtual id_t insert_action_item(const action_item& item) = 0;
  // Writes every field, the reports and plans, and version item.version + 1 where the stored
  // version is still item.version. Returns false (and writes nothing) otherwise.
  [[nodiscard]] virtual bool update_action_item(const action_item& item) = 0;
  // Areas of one unit or all, in table order.
  [[nodiscard]] virtual std::vector<followup_area> followup_areas(
      std::optional<std::string_view> unit) = 0;
  // Adds the area, or moves it to `area.position` when the unit has it already.
  virtual void save_followup_area(const followup_area& area) = 0;
  virtual void append_followup_event(const followup_event& e) = 0;
  // One case's events, oldest first.
  [[nodiscard]] virtual std::vector<followup_event> followup_events(std::string_view case_kind,
                                                                    id_t case_id) = 0;

  // Every indicator with its values (oldest first) and body name, ordered by body and code.
  [[nodiscard]] virtual std::vector<indicator> indicators() = 0;
  virtual id_t insert_indicator(const indicator& i) = 0;
  // Adds the year's value, or replaces it.
  virtual void put_indicator_value(id_t indicator_id, int year, double value) = 0;

  // The annual report's seven sections on one assignment, by number.
  [[nodiscard]] virtual std::vector<report_section> report_sections(id_t assignment_id) = 0;
  // Replaces the assignment's sections with `sections`.
  virtual void save_report_sections(id_t assignment_id,
                                    const std::vector<report_section>& sections) = 0;
  // --- Reminders: the outbox (issue 3) ---
  // A round's reminder policy in its canonical text ("-20,-10,-3,+1,+5!", "none"); nullopt for
  // a round that never had one.
  virtual void set_reminder_policy(id_t round_id, std::string_view policy) = 0;
  [[nodiscard]] virtual std::optional<std::string> reminder_policy_of(id_t round_id) = 0;
  // Returns the new reminder's id.
  virtual id_t insert_reminder(const reminder& r) = 0;
  // Marks the assignment's scheduled reminders cancelled.
  virtual void cancel_reminders_of(id_t assignment_id) = 0;
  // A round's reminders, or every round's: by due time, then body name.
  [[nodiscard]] virtual std::vector<reminder_view> reminders_of(std::optional<id_t> round_id) = 0;
  // Scheduled reminders whose next attempt is at or before `now`, earliest first, at most
  // `limit`. Reads, claims nothing. Must read an index: a dispatcher runs it all day.
  [[nodiscard]] virtual std::vector<reminder_view> due_reminders(instant now, int limit) = 0;
  // Claims up to `limit` of the due reminders for `holder` until `lease_until`: each one's
  // attempts go up by one and its next attempt moves to `lease_until`, so nobody else takes it
  // while the lease lasts, and anybody may once it has expired (its holder died). Reminders
  // that another transaction is claiming are skipped without waiting.
  [[nodiscard]] virtual std::vector<reminder_view> claim_due_reminders(instant now,
                                                                       instant lease_until,
                                                                       std::string_view holder,
                                                                       int limit) = 0;
  // Writes state, next attempt, sent_at and last_error of a claimed reminder, if `holder` still
  // holds its claim and it is still scheduled. Returns false (writing nothing) otherwise.
  [[nodiscard]] virtual bool settle_reminder(const reminder& r, std::string_view holder) = 0;
  // The earliest next attempt of any scheduled reminder; nullopt when none is scheduled.
  [[nodiscard]] virtual std::optional<instant> next_reminder_due() = 0;
  // How many reminders are in each state (states with none are left out), for /metrics.
  [[nodiscard]] virtual std::vector<std::pair<reminder_state, long long>> reminder_counts() = 0;

  // --- The safety programme: groups, action plans and goals, the legal duty (issue 7) ---
  // Every group with its coordinator's, members' and larger group's names, ordered by name.
  [[nodiscard]] virtual std::vector<group> groups() = 0;
  // Returns the new group's id; writes its members too. The caller has checked the names.
  virtual id_t insert_group(const group& g) = 0;
  // Moves the group into another (nullopt: into none). The caller has checked for cycles.
  virtual void set_group_part_of(id_t group_id, std::optional<id_t> part_of_id) = 0;
  // Every action plan with its group's name, ordered by group, then period, then reference.
  [[nodiscard]] virtual std::vector<action_plan> action_plans() = 0;
  virtual id_t insert_action_plan(const action_plan& p) = 0;
  // Writes the state and version p.version + 1 where the stored version is still p.version.
  // Returns false (and writes nothing) otherwise.
  [[nodiscard]] virtual bool update_action_plan(const action_plan& p) = 0;
  // A plan's reviews, by year.
  [[nodiscard]] virtual std::vector<plan_review> plan_reviews(id_t plan_id) = 0;
  virtual void insert_plan_review(const plan_review& r) = 0;
  // One plan's goals, or every plan's, in plan order then position.
  [[nodiscard]] virtual std::vector<goal> goals(std::optional<id_t> plan_id) = 0;
  virtual id_t insert_goal(const goal& g) = 0;
  // The overrides of one plan's goals, or of every goal, oldest first. Append-only.
  [[nodiscard]] virtual std::vector<goal_override> goal_overrides(std::optional<id_t> plan_id) = 0;
  virtual void insert_goal_override(const goal_override& o) = 0;
  // The action items linked to a plan, by id.
  [[nodiscard]] virtual std::vector<id_t> plan_item_ids(id_t plan_id) = 0;
  // Links the item to the plan, replacing any earlier link, or unlinks it (nullopt).
  virtual void set_item_plan(id_t item_id, std::optional<id_t> plan_id) = 0;
  // Every recorded step of the legal duty with its body's and plan's names, by period and step.
  [[nodiscard]] virtual std::vector<duty_step> duty_steps() = 0;
  virtual id_t insert_duty_step(const duty_step& s) = 0;

  // --- Budgets (issue 7) ---
  // The year's budget, its areas and lines in the file's order, each line's spent summed from
  // its outcomes; nullopt when the year has none.
  [[nodiscard]] virtual std::optional<budget> budget_of_year(int year) = 0;
  // Returns the new budget's id; writes its lines too. The caller has checked the year is free.
  virtual id_t insert_budget(const budget& b) = 0;
  virtual void append_budget_event(const budget_event& e) = 0;
};

class store {
 public:
  virtual ~store() = default;
  // Runs `work` in one transaction: commits when it returns true, rolls back when it returns
  // false or throws (and rethrows). Nothing of a refused command is ever written.
  virtual void transact(const std::function<bool(store_transaction&)>& work) = 0;
};

// Runs `work` (store_transaction& -> outcome<T>) in one transaction that commits only on success.
template <class Work>
auto in_transaction(store& s, Work&& work) -> decltype(work(std::declval<store_transaction&>())) {
  std::optional<decltype(work(std::declval<store_transaction&>()))> result;
  s.transact([&](store_transaction& tx) {
    result.emplace(work(tx));
    return result->has_value();
  });
  return std::move(*result);
}

}  // namespace bevaka::engine
