// The in-memory store keeps the promises of the ports that the engine's tests lean on: rollback,
// optimistic versions, lookups by reference key, and the outbox's claims and settlings as
// soci_store makes them (tests/reminders/outbox_test.cpp checks those on the real databases).
#include "tests/support/memory_store.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "tests/engine/stockholm_time.hpp"

using namespace bevaka::engine;
using bevaka::testing::at;
using bevaka::testing::day;
using bevaka::testing::memory_store;

namespace {

using bevaka::engine::id_t;  // not POSIX's

std::optional<body> body_named(memory_store& store, std::string_view name) {
  std::optional<body> found;
  store.transact([&](store_transaction& tx) {
    found = tx.cases().body_by_name(name);
    return false;
  });
  return found;
}

// Socialnämnden's assignment in round Kst 2015/503; returns the assignment's id.
id_t consultation(store_transaction& tx) {
  const auto body_id = tx.cases().insert_body({.name = "Socialnämnden"});
  const auto round_id = tx.cases().insert_round(
      {.ref = "Kst 2015/503", .state = "sent", .deadline = shift_deadline(day("2016-04-30"))});
  const auto id = tx.cases().insert_assignment({.round_id = round_id,
                                                .body_id = body_id,
                                                .state = "sent",
                                                .deadline = shift_deadline(day("2016-04-30"))});
  // The listings read the cases' history, which the events that change a case write.
  tx.cases().append_event({.kind = case_kind::assignment,
                           .case_id = id,
                           .round_id = round_id,
                           .body_id = body_id,
                           .event = "send",
                           .from = "draft",
                           .to = "sent",
                           .at = "2016-02-22T10:00:00+01:00",
                           .case_deadline = shift_deadline(day("2016-04-30"))});
  return id;
}

reminder due_at(id_t assignment_id, std::string_view when) {
  const auto due = at(when).utc();
  return reminder{.assignment_id = assignment_id,
                  .round_id = 1,
                  .body_id = 1,
                  .due_at = due,
                  .next_attempt_at = due};
}

}  // namespace

TEST_CASE("A transaction is kept only when its work returns true; a throw rolls back and goes on",
          "[engine]") {
  memory_store store;
  store.transact([](store_transaction& tx) {
    CHECK(tx.cases().insert_body({.name = "Socialnämnden"}) == 1);
    return false;
  });
  CHECK_FALSE(body_named(store, "Socialnämnden"));
  CHECK(store.data_version() == "0");

  CHECK_THROWS_AS(store.transact([](store_transaction& tx) -> bool {
    (void)tx.cases().insert_body({.name = "Socialnämnden"});
    throw std::runtime_error("the disk is full");
  }),
                  std::runtime_error);
  CHECK_FALSE(body_named(store, "Socialnämnden"));
  CHECK(store.data_version() == "0");

  store.transact([](store_transaction& tx) {
    CHECK(tx.cases().insert_body({.name = "Socialnämnden"}) == 1);
    CHECK(tx.cases().insert_body({.name = "Järfällahus AB", .kind = body_kind::company}) == 2);
    return true;
  });
  CHECK(body_named(store, "Socialnämnden")->id == 1);
  CHECK(store.data_version() == "1");
  CHECK_THROWS_AS(store.transact([](store_transaction& tx) {
    (void)tx.cases().insert_body({.name = "Socialnämnden"});
    return true;
  }),
                  database_error);
}

TEST_CASE("An update on a stale version writes nothing and says so", "[engine]") {
  memory_store store;
  store.transact([](store_transaction& tx) {
    const auto assignment_id = consultation(tx);
    auto r = *tx.cases().round_by_ref("kst2015/503");
    r.state = "answers_closed";
    CHECK(tx.cases().update_round(r));
    r.state = "withdrawn";
    CHECK_FALSE(tx.cases().update_round(r));
    CHECK(tx.cases().round_by_id(r.id)->state == "answers_closed");
    CHECK(tx.cases().round_by_id(r.id)->version == 1);

    const auto was = *tx.cases().assignment_of(r.id, 1);
    CHECK(was.id == assignment_id);
    CHECK(was.body_name == "Socialnämnden");
    auto a = was;
    a.state = "drafting";
    CHECK(tx.cases().update_assignment(was, a));
    a.state = "declined";
    CHECK_FALSE(tx.cases().update_assignment(was, a));
    CHECK(tx.cases().assignment_of(r.id, 1)->state == "drafting");
    CHECK(tx.cases().has_open_assignment(r.id));
    return true;
  });
}

TEST_CASE("The overdue listing reads assignments awaiting an answer past their effective deadline",
          "[engine]") {
  memory_store store;
  store.transact([](store_transaction& tx) {
    (void)consultation(tx);
    const auto on_deadline = tx.listings().awaiting_past_deadline(day("2016-05-02"), {});
    CHECK(on_deadline.empty());
    const auto after = tx.listings().awaiting_past_deadline(day("2016-05-03"), {});
    REQUIRE(after.size() == 1);
    CHECK(after[0].body_name == "Socialnämnden");
    CHECK(format_date(after[0].deadline) == "2016-05-02");
    CHECK(
        tx.listings().awaiting_past_deadline(day("2016-05-03"), round_kind::annual_report).empty());
    return true;
  });
}

TEST_CASE(
    "The outbox claims only what is due, for the lease, and settles only for its holder while "
    "scheduled",
    "[engine]") {
  memory_store store;
  store.transact([](store_transaction& tx) {
    const auto assignment_id = consultation(tx);
    CHECK(tx.reminders().insert_reminder(due_at(assignment_id, "2016-04-18T08:00")) == 1);
    CHECK(tx.reminders().insert_reminder(due_at(assignment_id, "2016-04-27T08:00")) == 2);
    return true;
  });
  const auto now = at("2016-04-18T08:30").utc();
  const auto lease_end = at("2016-04-18T08:40").utc();

  CHECK(store.due_reminders(now, 10).size() == 1);
  const auto claimed = store.claim_due_reminders(now, lease_end, "a", 10);
  REQUIRE(claimed.size() == 1);
  CHECK(claimed[0].r.id == 1);
  CHECK(claimed[0].r.attempts == 1);
  CHECK(claimed[0].r.next_attempt_at == lease_end);
  CHECK(claimed[0].body_name == "Socialnämnden");
  CHECK(claimed[0].ref == "Kst 2015/503");
  CHECK(store.claim_due_reminders(now, lease_end, "b", 10).empty());
  CHECK(store.due_reminders(now, 10).empty());

  auto sent = claimed[0].r;
  sent.state = reminder_state::sent;
  sent.sent_at = now;
  CHECK_FALSE(store.settle_reminder(sent, "b"));
  CHECK(store.settle_reminder(sent, "a"));
  CHECK_FALSE(store.settle_reminder(sent, "a"));

  // A lease that has run out may be taken over; its first holder can no longer settle it.
  const auto later = at("2016-04-27T08:00").utc();
  REQUIRE(store.claim_due_reminders(later, later + std::chrono::minutes{10}, "a", 10).size() == 1);
  const auto taken = store.claim_due_reminders(later + std::chrono::minutes{11},
                                               later + std::chrono::minutes{21}, "b", 10);
  REQUIRE(taken.size() == 1);
  CHECK(taken[0].r.attempts == 2);
  CHECK_FALSE(store.settle_reminder(taken[0].r, "a"));

  // Cancelled under its holder's hands: the settling is refused.
  store.transact([](store_transaction& tx) {
    tx.reminders().cancel_reminders_of(1);
    return true;
  });
  CHECK_FALSE(store.settle_reminder(taken[0].r, "b"));
  CHECK_FALSE(store.next_reminder_due());
}
