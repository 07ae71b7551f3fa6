#pragma once
// The cases port: bodies, rounds, their assignments and their record, as one command reads and
// writes them inside its transaction. Implemented by adapters/store for SQLite and PostgreSQL.
// Every method may throw engine::database_error on an infrastructure failure.

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/cases/model.hpp"

namespace bevaka::engine {

class case_store {
 public:
  virtual ~case_store() = default;

  [[nodiscard]] virtual std::optional<body> body_by_id(id_t id) = 0;
  // The body whose name is `name` as a person reads it (same_name: any case, NFC or NFD), so
  // that no two bodies differ only so. The exact spelling should be the fast path.
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
  // Reads the round again and locks its row until the transaction ends: a writer that ends
  // another of its assignments waits here, and every read after it sees what such writers
  // committed (PostgreSQL: SELECT ... FOR UPDATE; SQLite holds the database's write lock).
  [[nodiscard]] virtual std::optional<round> lock_round(id_t round_id) = 0;
  // Whether any assignment of the round has not ended (workflows::assignment_has_ended).
  [[nodiscard]] virtual bool has_open_assignment(id_t round_id) = 0;
  virtual id_t insert_assignment(const assignment& a) = 0;
  // Writes `a` over `was`, the assignment as read in this transaction; optimistic like
  // update_round. Only what differs from `was` need be written.
  [[nodiscard]] virtual bool update_assignment(const assignment& was, const assignment& a) = 0;

  virtual void append_event(const event_record& e) = 0;
  // A round's events, and those of its assignments, oldest first; only one body's when given.
  [[nodiscard]] virtual std::vector<event_record> events_of_round(id_t round_id,
                                                                  std::optional<id_t> body_id) = 0;
};

}  // namespace bevaka::engine
