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

// The ports the event path uses, each call forwarded to the real one with its time added to
// split[method]. The other ports pass through untimed: no measured path calls them.
class timed_cases final : public case_store {
 public:
  timed_cases(case_store& inner, sink& to) : inner_(inner), sink_(to) {}

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
  std::optional<round> lock_round(id_t round_id) override {
    return timed(sink_, "lock_round", [&] { return inner_.lock_round(round_id); });
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

 private:
  case_store& inner_;
  sink& sink_;
};

class timed_reminders final : public reminder_store {
 public:
  timed_reminders(reminder_store& inner, sink& to) : inner_(inner), sink_(to) {}

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
  std::vector<std::pair<reminder_state, long long>> reminder_counts() override {
    return timed(sink_, "reminder_counts", [&] { return inner_.reminder_counts(); });
  }

 private:
  reminder_store& inner_;
  sink& sink_;
};

class timed_transaction final : public store_transaction {
 public:
  timed_transaction(store_transaction& inner, time_split& split)
      : inner_(inner),
        sink_{split},
        cases_(inner.cases(), sink_),
        reminders_(inner.reminders(), sink_) {}

  case_store& cases() override { return cases_; }
  case_listings& listings() override { return inner_.listings(); }
  reminder_store& reminders() override { return reminders_; }
  followup_store& followup() override { return inner_.followup(); }
  programme_store& programme() override { return inner_.programme(); }
  budget_store& budgets() override { return inner_.budgets(); }
  access_store& access() override { return inner_.access(); }

  [[nodiscard]] double store_seconds() const { return sink_.store_seconds; }

 private:
  store_transaction& inner_;
  sink sink_;
  timed_cases cases_;
  timed_reminders reminders_;
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
