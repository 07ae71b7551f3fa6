#include <soci/soci.h>

#include <string>

#include "bench/workloads.hpp"

namespace bevaka::bench {

void create_scratch_table(store::soci_store& s) {
  const std::string id = s.kind() == store::backend::sqlite
                             ? "INTEGER PRIMARY KEY"
                             : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
  s.session() << "CREATE TABLE bench_scratch (id " + id + ", at TEXT NOT NULL, note TEXT NOT NULL)";
}

void drop_scratch_table(store::soci_store& s) { s.session() << "DROP TABLE bench_scratch"; }

double raw_insert_seconds(store::soci_store& s, std::size_t transactions) {
  auto& sql = s.session();
  std::string at = bench_now.iso(), note = "a row about as long as an event's note";
  soci::statement insert =
      (sql.prepare << "INSERT INTO bench_scratch (at, note) VALUES (:at, :note)",
       soci::use(at, "at"), soci::use(note, "note"));
  // The same BEGIN as soci_store's transactions, so the two rates compare like with like.
  const std::string begin = s.kind() == store::backend::sqlite ? "BEGIN IMMEDIATE" : "BEGIN";
  return seconds_of([&] {
    for (std::size_t i = 0; i < transactions; ++i) {
      sql << begin;
      insert.execute(true);
      sql << "COMMIT";
    }
  });
}

}  // namespace bevaka::bench
