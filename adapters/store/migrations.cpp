#include "adapters/store/migrations.hpp"

namespace bevaka::store {
namespace {

// Dates are TEXT in ISO form (YYYY-MM-DD), so they compare and index the same on both backends.
// `awaiting` is 1 while an assignment waits for an answer: the overdue query reads its index.
const std::vector<migration> all_migrations{
    {1,
     "cases and events",
     {
         R"(CREATE TABLE bodies (
              id {id},
              name TEXT NOT NULL UNIQUE,
              kind TEXT NOT NULL,
              emails TEXT NOT NULL))",
         R"(CREATE TABLE rounds (
              id {id},
              kind TEXT NOT NULL,
              ref TEXT NOT NULL UNIQUE,
              title TEXT NOT NULL,
              state TEXT NOT NULL,
              nominal_deadline TEXT NOT NULL,
              deadline TEXT NOT NULL,
              deadline_reason TEXT NOT NULL,
              shift_deadlines INTEGER NOT NULL,
              version BIGINT NOT NULL))",
         R"(CREATE TABLE assignments (
              id {id},
              round_id BIGINT NOT NULL REFERENCES rounds (id),
              body_id BIGINT NOT NULL REFERENCES bodies (id),
              state TEXT NOT NULL,
              awaiting INTEGER NOT NULL,
              nominal_deadline TEXT NOT NULL,
              deadline TEXT NOT NULL,
              deadline_reason TEXT NOT NULL,
              submitted_on TEXT,
              late_by_working_days INTEGER,
              version BIGINT NOT NULL,
              UNIQUE (round_id, body_id)))",
         R"(CREATE INDEX assignments_awaiting_by_deadline ON assignments (deadline)
              WHERE awaiting = 1)",
         R"(CREATE TABLE events (
              id {id},
              case_kind TEXT NOT NULL,
              case_id BIGINT NOT NULL,
              round_id BIGINT NOT NULL REFERENCES rounds (id),
              body_id BIGINT REFERENCES bodies (id),
              event TEXT NOT NULL,
              from_state TEXT NOT NULL,
              to_state TEXT NOT NULL,
              actor TEXT NOT NULL,
              at TEXT NOT NULL,
              note TEXT NOT NULL,
              payload TEXT NOT NULL))",
         R"(CREATE INDEX events_by_round ON events (round_id, id))",
     }},
    // Only a token's SHA-256 is kept: a stolen database gives no working token.
    {2,
     "api tokens",
     {
         R"(CREATE TABLE api_tokens (
              id {id},
              holder TEXT NOT NULL,
              role TEXT NOT NULL,
              body_id BIGINT REFERENCES bodies (id),
              token_hash TEXT NOT NULL UNIQUE,
              created_at TEXT NOT NULL))",
         R"(CREATE INDEX assignments_by_body ON assignments (body_id, deadline))",
     }},
};

}  // namespace

std::span<const migration> migrations() { return all_migrations; }

}  // namespace bevaka::store
