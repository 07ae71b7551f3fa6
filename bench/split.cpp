#include "bench/split.hpp"

#include <chrono>

namespace bevaka::bench {
namespace {

using namespace bevaka::engine;
using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point start) {
  return std::chrono::duration<double>(clock_type::now() - start).count();
}

struct sink {
  time_split& split;
  double store_seconds = 0;
};

template <class Call>
auto timed(sink& to, const char* method, Call&& call) {
  const auto start = clock_type::now();
  auto result = call();
  const double seconds = seconds_since(start);
  to.split[method] += seconds;
  to.store_seconds += seconds;
  return result;
}

// Forwards every call to the real transaction and adds its time to split[method].
class timed_transaction final : public store_transaction {
 public:
  timed_transaction(store_transaction& inner, time_split& split) : inner_(inner), sink_{split} {}

  std::optional<body> body_by_id(id_t id) override {
    return timed(sink_, "body_by_id", [&] { return inner_.body_by_id(id); });
  }
  std::optional<body> body_by_name(std::string_view name) override {
    return timed(sink_, "body_by_name", [&] { return inner_.body_by_name(name); });
  }
  std::vector<body> bodies(std::optional<body_kind> kind) override {
    return timed(sink_, "bodies", [&] { return inner_.bodies(kind); });
  }
  id_t insert_body(const body& b) override {
    return timed(sink_, "insert_body", [&] { return inner_.insert_body(b); });
  }
  std::optional<round> round_by_id(id_t id) override {
    return timed(sink_, "round_by_id", [&] { return inner_.round_by_id(id); });
  }
  std::optional<round> round_by_ref(std::string_view ref) override {
    return timed(sink_, "round_by_ref", [&] { return inner_.round_by_ref(ref); });
  }
  id_t insert_round(const round& r) override {
    return timed(sink_, "insert_round", [&] { return inner_.insert_round(r); });
  }
  bool update_round(const round& r) override {
    return timed(sink_, "update_round", [&] { return inner_.update_round(r); });
  }
  std::vector<assignment> assignments_of(id_t round_id) override {
    return timed(sink_, "assignments_of", [&] { return inner_.assignments_of(round_id); });
  }
  std::optional<assignment> assignment_of(id_t round_id, id_t body_id) override {
    return timed(sink_, "assignment_of", [&] { return inner_.assignment_of(round_id, body_id); });
  }
  std::optional<std::pair<round, assignment>> assignment_by_names(std::string_view ref,
                                                                  std::string_view body) override {
    return timed(sink_, "assignment_by_names",
                 [&] { return inner_.assignment_by_names(ref, body); });
  }
  bool has_open_assignment(id_t round_id) override {
    return timed(sink_, "has_open_assignment",
                 [&] { return inner_.has_open_assignment(round_id); });
  }
  id_t insert_assignment(const assignment& a) override {
    return timed(sink_, "insert_assignment", [&] { return inner_.insert_assignment(a); });
  }
  bool update_assignment(const assignment& was, const assignment& a) override {
    return timed(sink_, "update_assignment", [&] { return inner_.update_assignment(was, a); });
  }
  void append_event(const event_record& e) override {
    timed(sink_, "append_event", [&] { return (inner_.append_event(e), 0); });
  }
  std::vector<event_record> events_of_round(id_t round_id, std::optional<id_t> body) override {
    return timed(sink_, "events_of_round", [&] { return inner_.events_of_round(round_id, body); });
  }
  std::vector<std::pair<reminder_state, long long>> reminder_counts() override {
    return timed(sink_, "reminder_counts", [&] { return inner_.reminder_counts(); });
  }
  std::vector<awaiting_row> awaiting_with_failed_reminders(
      std::optional<round_kind> kind) override {
    return timed(sink_, "awaiting_with_failed_reminders",
                 [&] { return inner_.awaiting_with_failed_reminders(kind); });
  }
  std::vector<awaiting_row> awaiting_past_deadline(date day,
                                                   std::optional<round_kind> kind) override {
    return timed(sink_, "awaiting_past_deadline",
                 [&] { return inner_.awaiting_past_deadline(day, kind); });
  }
  std::vector<round> rounds() override {
    return timed(sink_, "rounds", [&] { return inner_.rounds(); });
  }
  std::vector<assignment> assignments_of_body(id_t body_id) override {
    return timed(sink_, "assignments_of_body", [&] { return inner_.assignments_of_body(body_id); });
  }
  id_t insert_api_token(const api_token& t) override {
    return timed(sink_, "insert_api_token", [&] { return inner_.insert_api_token(t); });
  }
  std::optional<api_token> api_token_by_hash(std::string_view hash) override {
    return timed(sink_, "api_token_by_hash", [&] { return inner_.api_token_by_hash(hash); });
  }

  // The follow-up table.
  std::vector<action_item> action_items(std::optional<std::string_view> unit) override {
    return timed(sink_, "action_items", [&] { return inner_.action_items(unit); });
  }
  std::optional<action_item> action_item_by_id(id_t id) override {
    return timed(sink_, "action_item_by_id", [&] { return inner_.action_item_by_id(id); });
  }
  id_t insert_action_item(const action_item& item) override {
    return timed(sink_, "insert_action_item", [&] { return inner_.insert_action_item(item); });
  }
  bool update_action_item(const action_item& item) override {
    return timed(sink_, "update_action_item", [&] { return inner_.update_action_item(item); });
  }
  std::vector<followup_area> followup_areas(std::optional<std::string_view> unit) override {
    return timed(sink_, "followup_areas", [&] { return inner_.followup_areas(unit); });
  }
  void save_followup_area(const followup_area& area) override {
    timed(sink_, "save_followup_area", [&] { return (inner_.save_followup_area(area), 0); });
  }
  void append_followup_event(const followup_event& e) override {
    timed(sink_, "append_followup_event", [&] { return (inner_.append_followup_event(e), 0); });
  }
  std::vector<followup_event> followup_events(std::string_view kind, id_t id) override {
    return timed(sink_, "followup_events", [&] { return inner_.followup_events(kind, id); });
  }
  std::vector<indicator> indicators() override {
    return timed(sink_, "indicators", [&] { return inner_.indicators(); });
  }
  id_t insert_indicator(const indicator& i) override {
    return timed(sink_, "insert_indicator", [&] { return inner_.insert_indicator(i); });
  }
  void put_indicator_value(id_t indicator_id, int year, double value) override {
    timed(sink_, "put_indicator_value",
          [&] { return (inner_.put_indicator_value(indicator_id, year, value), 0); });
  }
  std::vector<report_section> report_sections(id_t assignment_id) override {
    return timed(sink_, "report_sections", [&] { return inner_.report_sections(assignment_id); });
  }
  void save_report_sections(id_t assignment_id,
                            const std::vector<report_section>& sections) override {
    timed(sink_, "save_report_sections",
          [&] { return (inner_.save_report_sections(assignment_id, sections), 0); });
  }

  // Reminders
  void set_reminder_policy(id_t round_id, std::string_view policy) override {
    timed(sink_, "set_reminder_policy",
          [&] { return (inner_.set_reminder_policy(round_id, policy), 0); });
  }
  std::optional<std::string> reminder_policy_of(id_t round_id) override {
    return timed(sink_, "reminder_policy_of", [&] { return inner_.reminder_policy_of(round_id); });
  }
  id_t insert_reminder(const reminder& r) override {
    return timed(sink_, "insert_reminder", [&] { return inner_.insert_reminder(r); });
  }
  void cancel_reminders_of(id_t assignment_id) override {
    timed(sink_, "cancel_reminders_of",
          [&] { return (inner_.cancel_reminders_of(assignment_id), 0); });
  }
  std::vector<reminder_view> reminders_of(std::optional<id_t> round_id) override {
    return timed(sink_, "reminders_of", [&] { return inner_.reminders_of(round_id); });
  }
  std::vector<reminder_view> due_reminders(instant now, int limit) override {
    return timed(sink_, "due_reminders", [&] { return inner_.due_reminders(now, limit); });
  }
  std::vector<reminder_view> claim_due_reminders(instant now, instant lease_until,
                                                 std::string_view holder, int limit) override {
    return timed(sink_, "claim_due_reminders",
                 [&] { return inner_.claim_due_reminders(now, lease_until, holder, limit); });
  }
  bool settle_reminder(const reminder& r, std::string_view holder) override {
    return timed(sink_, "settle_reminder", [&] { return inner_.settle_reminder(r, holder); });
  }
  std::optional<instant> next_reminder_due() override {
    return timed(sink_, "next_reminder_due", [&] { return inner_.next_reminder_due(); });
  }
  std::optional<budget> budget_of_year(int year) override {
    return timed(sink_, "budget_of_year", [&] { return inner_.budget_of_year(year); });
  }
  id_t insert_budget(const budget& b) override {
    return timed(sink_, "insert_budget", [&] { return inner_.insert_budget(b); });
  }
  void append_budget_event(const budget_event& e) override {
    timed(sink_, "append_budget_event", [&] { return (inner_.append_budget_event(e), 0); });
  }

  // The safety programme (issue 7)
  std::vector<group> groups() override {
    return timed(sink_, "groups", [&] { return inner_.groups(); });
  }
  id_t insert_group(const group& g) override {
    return timed(sink_, "insert_group", [&] { return inner_.insert_group(g); });
  }
  void set_group_part_of(id_t group_id, std::optional<id_t> part_of_id) override {
    timed(sink_, "set_group_part_of",
          [&] { return (inner_.set_group_part_of(group_id, part_of_id), 0); });
  }
  std::vector<action_plan> action_plans() override {
    return timed(sink_, "action_plans", [&] { return inner_.action_plans(); });
  }
  id_t insert_action_plan(const action_plan& p) override {
    return timed(sink_, "insert_action_plan", [&] { return inner_.insert_action_plan(p); });
  }
  bool update_action_plan(const action_plan& p) override {
    return timed(sink_, "update_action_plan", [&] { return inner_.update_action_plan(p); });
  }
  std::vector<plan_review> plan_reviews(id_t plan_id) override {
    return timed(sink_, "plan_reviews", [&] { return inner_.plan_reviews(plan_id); });
  }
  void insert_plan_review(const plan_review& r) override {
    timed(sink_, "insert_plan_review", [&] { return (inner_.insert_plan_review(r), 0); });
  }
  std::vector<goal> goals(std::optional<id_t> plan_id) override {
    return timed(sink_, "goals", [&] { return inner_.goals(plan_id); });
  }
  id_t insert_goal(const goal& g) override {
    return timed(sink_, "insert_goal", [&] { return inner_.insert_goal(g); });
  }
  std::vector<goal_override> goal_overrides(std::optional<id_t> plan_id) override {
    return timed(sink_, "goal_overrides", [&] { return inner_.goal_overrides(plan_id); });
  }
  void insert_goal_override(const goal_override& o) override {
    timed(sink_, "insert_goal_override", [&] { return (inner_.insert_goal_override(o), 0); });
  }
  std::vector<id_t> plan_item_ids(id_t plan_id) override {
    return timed(sink_, "plan_item_ids", [&] { return inner_.plan_item_ids(plan_id); });
  }
  void set_item_plan(id_t item_id, std::optional<id_t> plan_id) override {
    timed(sink_, "set_item_plan", [&] { return (inner_.set_item_plan(item_id, plan_id), 0); });
  }
  std::vector<duty_step> duty_steps() override {
    return timed(sink_, "duty_steps", [&] { return inner_.duty_steps(); });
  }
  id_t insert_duty_step(const duty_step& s) override {
    return timed(sink_, "insert_duty_step", [&] { return inner_.insert_duty_step(s); });
  }

  [[nodiscard]] double store_seconds() const { return sink_.store_seconds; }

 private:
  store_transaction& inner_;
  sink sink_;
};

}  // namespace

void timed_store::transact(const std::function<bool(store_transaction&)>& work) {
  double work_seconds = 0, store_seconds = 0;
  const auto start = clock_type::now();
  inner_.transact([&](store_transaction& tx) {
    timed_transaction timed(tx, split_);
    const auto work_start = clock_type::now();
    const bool commit = work(timed);
    work_seconds = seconds_since(work_start);
    store_seconds = timed.store_seconds();
    return commit;
  });
  split_["engine"] += work_seconds - store_seconds;
  split_["begin_commit"] += seconds_since(start) - work_seconds;
}

}  // namespace bevaka::bench
