#include <soci/soci.h>

#include <chrono>
#include <string_view>
#include <thread>

#include "adapters/store/database_url.hpp"
#include "adapters/store/migrations.hpp"
#include "tests/support/catch_outcome.hpp"
#include "tests/support/test_database.hpp"

using namespace bevaka;
using engine::errc;

namespace {

long long count_rows(store::soci_store& s, const std::string& table) {
  long long n = 0;
  s.session() << "SELECT COUNT(*) FROM " + table, soci::into(n);
  return n;
}

engine::body a_body(std::string name) {
  return engine::body{0, std::move(name), engine::body_kind::committee, {"a@example.se"}};
}

}  // namespace

TEST_CASE("database URLs are sqlite:PATH or postgresql://, anything else is refused", "[store]") {
  CHECK(store::parse_database_url("sqlite:bevaka.db")->target == "bevaka.db");
  CHECK(store::parse_database_url("postgresql://u@127.0.0.1:5432/db")->kind ==
        store::backend::postgresql);
  for (const char* bad : {"sqlite:", "mysql://x/y", "bevaka.db", "postgresql://", ""}) {
    INFO(bad);
    const auto parsed = store::parse_database_url(bad);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().code == errc::bad_input);
  }
}

TEST_CASE("migrating an up-to-date database applies nothing and loses nothing", "[store]") {
  testing::test_database db("store_tests");
  db.store().transact([](engine::store_transaction& tx) {
    tx.cases().insert_body(a_body("Socialnämnden"));
    return true;
  });
  CHECK(db.store().migrate().empty());
  CHECK(db.store().migrate().empty());
  CHECK(count_rows(db.store(), "bodies") == 1);
  long long version = 0;
  db.store().session() << "SELECT MAX(version) FROM schema_migrations", soci::into(version);
  CHECK(version == store::migrations().back().version);
}

TEST_CASE("a unit of work that returns false or throws writes nothing", "[store]") {
  testing::test_database db("store_tests");
  db.store().transact([](engine::store_transaction& tx) {
    tx.cases().insert_body(a_body("Socialnämnden"));
    return false;
  });
  CHECK_THROWS(db.store().transact([](engine::store_transaction& tx) -> bool {
    tx.cases().insert_body(a_body("Kompetensnämnden"));
    throw std::runtime_error("the disk is full");
  }));
  CHECK(count_rows(db.store(), "bodies") == 0);
  db.store().transact([](engine::store_transaction& tx) {
    tx.cases().insert_body(a_body("Barn- och ungdomsnämnden"));
    return true;
  });
  CHECK(count_rows(db.store(), "bodies") == 1);
}

TEST_CASE("a body is read back as it was written, e-mail addresses in order", "[store]") {
  testing::test_database db("store_tests");
  db.store().transact([](engine::store_transaction& tx) {
    engine::body police{0,
                        "Polismyndigheten",
                        engine::body_kind::authority,
                        {"registrator@example.se", "jarfalla@example.se"}};
    const auto id = tx.cases().insert_body(police);
    const auto read = tx.cases().body_by_id(id);
    REQUIRE(read);
    CHECK(read->name == "Polismyndigheten");
    CHECK(read->kind == engine::body_kind::authority);
    CHECK(read->emails == police.emails);
    CHECK(tx.cases().body_by_name("Polismyndigheten")->id == id);
    CHECK(tx.cases().body_by_name("POLISMYNDIGHETEN")->id == id);
    return true;
  });
}

TEST_CASE("a name the engine does not know, read from the database, is a database error",
          "[store]") {
  testing::test_database db("store_tests");
  db.store().transact([](engine::store_transaction& tx) {
    tx.cases().insert_body(a_body("Socialnämnden"));
    return true;
  });
  db.store().session() << "UPDATE bodies SET kind = 'club'";
  CHECK_THROWS_MATCHES(db.store().transact([](engine::store_transaction& tx) {
    (void)tx.cases().body_by_name("Socialnämnden");
    return false;
  }),
                       store::database_error,
                       Catch::Message("the database holds an unknown value 'club' in bodies.kind"));
}

TEST_CASE("an update from a stale version is refused and changes nothing", "[store]") {
  testing::test_database db("store_tests");
  db.store().transact([](engine::store_transaction& tx) {
    engine::round r{.ref = "Kst 2015/503", .title = "Trygghetsskapande program", .state = "draft"};
    r.deadline = engine::shift_deadline(*engine::parse_date("2016-04-30"));
    r.id = tx.cases().insert_round(r);
    auto first = r;
    first.state = "sent";
    CHECK(tx.cases().update_round(first));
    auto stale = r;
    stale.state = "withdrawn";
    CHECK_FALSE(tx.cases().update_round(stale));
    const auto stored = tx.cases().round_by_id(r.id);
    CHECK(stored->state == "sent");
    CHECK(stored->version == 1);
    CHECK(stored->deadline.reason == "30 april 2016 är en lördag");
    return true;
  });
}

TEST_CASE("the overdue query reads the partial indexes, not the whole table", "[store]") {
  testing::test_database db("store_tests");
  // With an empty table PostgreSQL's planner would pick a sequential scan whatever the indexes.
  if (db.is_postgresql()) db.store().session() << "SET enable_seqscan = off";
  const auto plan = db.store().explain_overdue(*engine::parse_date("2017-04-01"));
  INFO(plan);
  CHECK(plan.find("case_history_awaiting_now") != std::string::npos);
  CHECK(plan.find("case_history_awaiting_then") != std::string::npos);
}

namespace {

engine::round a_round(std::string ref) {
  engine::round r{.ref = std::move(ref), .title = "Trygghetsskapande program", .state = "draft"};
  r.deadline = engine::shift_deadline(*engine::parse_date("2016-04-30"));
  return r;
}

engine::event_record created(engine::id_t round_id) {
  return engine::event_record{.case_id = round_id,
                              .round_id = round_id,
                              .event = "create",
                              .to = "draft",
                              .actor = "registrator",
                              .at = "2016-03-01T09:00:00+01:00",
                              .payload = "{}"};
}

// Creates the round Kst 2015/503 with its create event; returns its id.
engine::id_t created_round(engine::store_transaction& tx) {
  const auto id = tx.cases().insert_round(a_round("Kst 2015/503"));
  tx.cases().append_event(created(id));
  return id;
}

}  // namespace

// On PostgreSQL an appended event is sent with the next statement or the commit, so its error
// surfaces there; either way the whole transaction is undone.
TEST_CASE("a write that fails late undoes its whole transaction, and the next one works",
          "[store]") {
  testing::test_database db("store_tests");
  CHECK_THROWS_AS(db.store().transact([](engine::store_transaction& tx) {
    tx.cases().insert_body(a_body("Socialnämnden"));
    tx.cases().append_event(created(4711));  // no such round: the foreign key refuses it
    return true;
  }),
                  store::database_error);
  CHECK(count_rows(db.store(), "bodies") == 0);
  CHECK(count_rows(db.store(), "events") == 0);

  db.store().transact([](engine::store_transaction& tx) {
    created_round(tx);
    return true;
  });
  CHECK(count_rows(db.store(), "rounds") == 1);
  CHECK(count_rows(db.store(), "events") == 1);
}

TEST_CASE("a transaction reads back what it wrote before it commits, and a rollback keeps none",
          "[store]") {
  testing::test_database db("store_tests");
  db.store().transact([](engine::store_transaction& tx) {
    const auto id = created_round(tx);
    const auto events = tx.cases().events_of_round(id, std::nullopt);
    REQUIRE(events.size() == 1);
    CHECK(events.front().event == "create");
    CHECK(events.front().actor == "registrator");
    return false;
  });
  CHECK(count_rows(db.store(), "rounds") == 0);
  CHECK(count_rows(db.store(), "events") == 0);
}

TEST_CASE("a connection the server ends is a one-line database error, and writes nothing",
          "[store][postgresql]") {
  testing::test_database db("store_tests");
  if (!db.is_postgresql()) return;
  long long pid = 0;
  db.store().session() << "SELECT pg_backend_pid()", soci::into(pid);
  store::soci_store admin(*store::parse_database_url(db.url()));
  admin.session() << "SELECT pg_terminate_backend(:pid)", soci::use(pid);
  long long alive = 1;
  for (int tries = 0; alive > 0 && tries < 100; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    admin.session() << "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = :pid", soci::use(pid),
        soci::into(alive);
  }
  REQUIRE(alive == 0);

  try {
    db.store().transact([](engine::store_transaction& tx) {
      created_round(tx);
      return true;
    });
    FAIL("a transaction went through on a connection the server had ended");
  } catch (const store::database_error& e) {
    INFO(e.what());
    CHECK(std::string_view(e.what()).starts_with("database error: "));
    CHECK(std::string_view(e.what()).find('\n') == std::string_view::npos);
  }
  CHECK(count_rows(admin, "rounds") == 0);
}
