// Two answers that end the last two open assignments of a round at the same moment, each in its
// own transaction on its own connection: the round's answers must close exactly once. Without
// the round's row lock each transaction would count the other's assignment as still open
// (neither has committed), and nobody would close the answers.
//
// On PostgreSQL both transactions are held, after writing their assignment, until the other has
// written its own too: the interleaving that needs the lock happens every run. On SQLite writers
// are serialised by BEGIN IMMEDIATE, so holding them there would deadlock; the two threads run
// free instead and the same outcome is required.
#include <barrier>
#include <thread>

#include "engine/cases/case_store.hpp"
#include "engine/cases/commands.hpp"
#include "engine/cases/queries.hpp"
#include "tests/support/catch_outcome.hpp"
#include "tests/support/test_database.hpp"

using namespace bevaka;

namespace {

engine::timestamp at(const char* text) { return *engine::parse_timestamp(text); }

// The store's cases, except that lock_round first waits at `meet` (when there is one): that is
// the moment after a transaction has written its assignment and before it counts the open ones.
class meeting_cases : public engine::case_store {
 public:
  meeting_cases(engine::case_store& inner, std::barrier<>* meet) : inner_(inner), meet_(meet) {}

  std::optional<engine::round> lock_round(engine::id_t round_id) override {
    if (meet_) meet_->arrive_and_wait();
    return inner_.lock_round(round_id);
  }

  std::optional<engine::body> body_by_id(engine::id_t id) override { return inner_.body_by_id(id); }
  std::optional<engine::body> body_by_name(std::string_view name) override {
    return inner_.body_by_name(name);
  }
  std::vector<engine::body> bodies(std::optional<engine::body_kind> kind) override {
    return inner_.bodies(kind);
  }
  engine::id_t insert_body(const engine::body& b) override { return inner_.insert_body(b); }
  std::optional<engine::round> round_by_id(engine::id_t id) override {
    return inner_.round_by_id(id);
  }
  std::optional<engine::round> round_by_ref(std::string_view ref) override {
    return inner_.round_by_ref(ref);
  }
  engine::id_t insert_round(const engine::round& r) override { return inner_.insert_round(r); }
  bool update_round(const engine::round& r) override { return inner_.update_round(r); }
  std::vector<engine::assignment> assignments_of(engine::id_t round_id) override {
    return inner_.assignments_of(round_id);
  }
  std::optional<engine::assignment> assignment_of(engine::id_t round_id,
                                                  engine::id_t body_id) override {
    return inner_.assignment_of(round_id, body_id);
  }
  std::optional<std::pair<engine::round, engine::assignment>> assignment_by_names(
      std::string_view round_ref, std::string_view body_name) override {
    return inner_.assignment_by_names(round_ref, body_name);
  }
  bool has_open_assignment(engine::id_t round_id) override {
    return inner_.has_open_assignment(round_id);
  }
  engine::id_t insert_assignment(const engine::assignment& a) override {
    return inner_.insert_assignment(a);
  }
  bool update_assignment(const engine::assignment& was, const engine::assignment& a) override {
    return inner_.update_assignment(was, a);
  }
  void append_event(const engine::event_record& e) override { inner_.append_event(e); }
  std::vector<engine::event_record> events_of_round(engine::id_t round_id,
                                                    std::optional<engine::id_t> body_id) override {
    return inner_.events_of_round(round_id, body_id);
  }

 private:
  engine::case_store& inner_;
  std::barrier<>* meet_;
};

void add_bodies(engine::store& s) {
  const auto added = engine::in_transaction(s, [](engine::store_transaction& tx) {
    for (const auto& [name, kind] : {std::pair{"Polismyndigheten", engine::body_kind::authority},
                                     std::pair{"Järfällahus AB", engine::body_kind::company}})
      if (auto body = engine::add_body(tx.cases(), {name, kind, {"registrator@example.se"}}); !body)
        return engine::outcome<void>(body.error());
    return engine::outcome<void>();
  });
  REQUIRE(added);
}

// A consultation sent to Polismyndigheten and Järfällahus AB; each ends its assignment with one
// event, by declining to answer (a submitted answer ends only when it is registered).
engine::round send_consultation(engine::store& s, const std::string& ref) {
  const auto sent = engine::in_transaction(s, [&](engine::store_transaction& tx) {
    return engine::create_round(
        tx.cases(), tx.reminders(), {at("2016-02-22"), "trygghetssamordnare"},
        engine::new_round{.kind = engine::round_kind::consultation,
                          .ref = ref,
                          .title = "Trygghetsskapande program för Järfälla kommun",
                          .deadline = *engine::parse_date("2016-04-30"),
                          .recipients = {"Polismyndigheten", "Järfällahus AB"}});
  });
  REQUIRE(sent);
  REQUIRE(sent->state == "sent");
  return *sent;
}

engine::outcome<engine::assignment> in_own_transaction(engine::store& s, std::barrier<>* meet,
                                                       const std::string& ref,
                                                       const std::string& body,
                                                       const std::string& event) {
  return engine::in_transaction(s, [&](engine::store_transaction& tx) {
    meeting_cases cases(tx.cases(), meet);
    return engine::fire_assignment_event(cases, tx.reminders(), {at("2016-04-20"), body}, ref, body,
                                         {event});
  });
}

// Ends `body`'s assignment in `ref` in a transaction of `s` of its own.
engine::outcome<engine::assignment> end_assignment(engine::store& s, std::barrier<>* meet,
                                                   const std::string& ref, const std::string& body,
                                                   const std::string& event) {
  // A thread must not throw (that would end the test binary): a database failure is a refusal.
  try {
    return in_own_transaction(s, meet, ref, body, event);
  } catch (const std::exception& e) {
    return engine::make_error(engine::errc::bad_input, e.what());
  }
}

struct round_end {
  std::string state;
  long long closes = 0;  // close-answers events
};

round_end round_end_of(engine::store& s, engine::id_t round_id) {
  round_end end;
  s.transact([&](engine::store_transaction& tx) {
    end.state = tx.cases().round_by_id(round_id)->state;
    for (const auto& e : tx.cases().events_of_round(round_id, std::nullopt))
      end.closes += e.event == "close-answers" ? 1 : 0;
    return true;
  });
  return end;
}

}  // namespace

TEST_CASE("two last answers at the same moment close the round's answers exactly once",
          "[engine][store][postgresql]") {
  testing::test_database db{"store_concurrent_close"};
  add_bodies(db.store());
  // A second connection to the same database, as a second engine process would have.
  store::soci_store other(*store::parse_database_url(db.url()));

  // A few rounds: on SQLite the threads' order varies from run to run.
  for (const std::string ref : {"Kst 2015/503", "Kst 2015/504", "Kst 2015/505"}) {
    INFO(ref);
    const auto round = send_consultation(db.store(), ref);
    std::optional<std::barrier<>> meet;
    if (db.is_postgresql()) meet.emplace(2);
    std::barrier<>* held = meet ? &*meet : nullptr;

    std::optional<engine::outcome<engine::assignment>> police_declined, company_declined;
    std::thread police([&] {
      police_declined = end_assignment(db.store(), held, ref, "Polismyndigheten", "decline");
    });
    std::thread company(
        [&] { company_declined = end_assignment(other, held, ref, "Järfällahus AB", "decline"); });
    police.join();
    company.join();
    REQUIRE(*police_declined);
    REQUIRE(*company_declined);

    const auto end = round_end_of(db.store(), round.id);
    CHECK(end.state == "answers_closed");
    CHECK(end.closes == 1);
  }
}
