#include "adapters/store/migrations.hpp"

#include <fmt/format.h>
#include <soci/soci.h>

#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <vector>

#include "adapters/store/soci_store.hpp"
#include "engine/calendar/calendar.hpp"
#include "engine/cases/commands.hpp"
#include "engine/shared/reference_number.hpp"
#include "workflows/assignment.hpp"
#include "workflows/round.hpp"

namespace bevaka::store {
namespace {

// Fills rounds.ref_key from rounds.ref with the engine's reference_key, then makes it unique.
// Not SQL's lower(): SQLite's folds only ASCII, PostgreSQL's follows the database's locale, and
// the key must be the same on both. Rounds whose references differ only in case or spacing were
// allowed before; they would break the unique index, so they are named instead.
void fill_reference_keys(soci::session& sql) {
  std::map<std::string, std::string> ref_of_key;
  std::vector<std::pair<long long, std::string>> keys;
  {
    long long id = 0;
    std::string ref;
    soci::statement rounds =
        (sql.prepare << "SELECT id, ref FROM rounds ORDER BY id", soci::into(id), soci::into(ref));
    rounds.execute();
    while (rounds.fetch()) {
      auto key = engine::reference_key(ref);
      if (const auto [at, added] = ref_of_key.emplace(key, ref); !added)
        throw database_error(fmt::format(
            "the rounds '{}' and '{}' differ only in case or spacing; give one another reference "
            "number before upgrading",
            at->second, ref));
      keys.emplace_back(id, std::move(key));
    }
  }
  long long id = 0;
  std::string key;
  soci::statement update = (sql.prepare << "UPDATE rounds SET ref_key = :key WHERE id = :id",
                            soci::use(key, "key"), soci::use(id, "id"));
  for (auto& [round_id, round_key] : keys) {
    id = round_id;
    key = round_key;
    update.execute(true);
  }
  sql << "CREATE UNIQUE INDEX rounds_by_ref_key ON rounds (ref_key)";
}

// The number after `"field":` in an event's JSON payload; nullopt when it is not there. The
// payloads are the engine's own (engine/cases/commands.cpp), one flat object each.
std::optional<std::string> payload_field(const std::string& payload, std::string_view field) {
  const auto key = fmt::format("\"{}\":", field);
  auto at = payload.find(key);
  if (at == std::string::npos) return std::nullopt;
  at += key.size();
  if (at < payload.size() && payload[at] == '"') {
    const auto end = payload.find('"', at + 1);
    if (end == std::string::npos) return std::nullopt;
    return payload.substr(at + 1, end - at - 1);
  }
  const auto end = payload.find_first_of(",}", at);
  return payload.substr(at, end - at);
}

// Each assignment's first answer, from its first submit event (a return for completion cleared
// submitted_on, but the event kept the day and the lateness).
void fill_first_submissions(soci::session& sql) {
  std::vector<std::tuple<long long, std::string, int>> firsts;
  {
    long long id = 0;
    std::string payload;
    std::string submit(workflows::assignment_event::submit);
    std::set<long long> seen;
    soci::statement submits =
        (sql.prepare << "SELECT case_id, payload FROM events WHERE case_kind = 'assignment' AND "
                        "event = :submit ORDER BY id",
         soci::use(submit), soci::into(id), soci::into(payload));
    submits.execute();
    while (submits.fetch()) {
      if (!seen.insert(id).second) continue;
      auto day = payload_field(payload, "received");
      if (!day) day = payload_field(payload, "submitted_on");  // as the engine wrote it first
      const auto late = payload_field(payload, "late_by_working_days");
      if (!day || !late) continue;
      firsts.emplace_back(id, *day, std::stoi(*late));
    }
  }
  long long id = 0;
  std::string day;
  int late = 0;
  soci::statement update = (sql.prepare << "UPDATE assignments SET first_submitted_on = :day, "
                                           "first_late_by_working_days = :late WHERE id = :id",
                            soci::use(day, "day"), soci::use(late, "late"), soci::use(id, "id"));
  for (auto& [assignment_id, first_day, first_late] : firsts) {
    id = assignment_id;
    day = first_day;
    late = first_late;
    update.execute(true);
  }
}

// Rounds whose answers closed before assignments could end as unanswered: those still awaiting
// an answer end so now, with the engine's event stamped when the answers closed, and their
// reminders are cancelled. The rounds keep their states. (A round whose state was set without its
// close-answers event gets the stamp of its latest event.)
void end_unanswered_assignments(soci::session& sql) {
  namespace round_state = workflows::round_state;
  namespace assignment_state = workflows::assignment_state;
  const auto past_answers = fmt::format("'{}', '{}', '{}'", round_state::answers_closed,
                                        round_state::discussed, round_state::approved);
  const auto open = fmt::format(
      "FROM assignments a JOIN rounds r ON r.id = a.round_id WHERE a.awaiting = 1 AND r.state IN "
      "({})",
      past_answers);
  sql << fmt::format(
      "INSERT INTO events (case_kind, case_id, round_id, body_id, event, from_state, to_state, "
      "actor, at, note, payload) SELECT 'assignment', a.id, a.round_id, a.body_id, '{}', "
      "a.state, '{}', '{}', COALESCE((SELECT MIN(c.at) FROM events c WHERE c.case_kind = "
      "'round' AND c.case_id = a.round_id AND c.event = '{}'), (SELECT MAX(l.at) FROM events l "
      "WHERE l.round_id = a.round_id)), '{}', '{{}}' {} ORDER BY a.id",
      workflows::assignment_event::close, assignment_state::unanswered, engine::engine_actor,
      workflows::round_event::close_answers, engine::unanswered_note, open);
  sql << fmt::format(
      "UPDATE reminders SET state = 'cancelled' WHERE state = 'scheduled' AND assignment_id IN "
      "(SELECT a.id {})",
      open);
  sql << fmt::format(
      "UPDATE assignments SET state = '{}', awaiting = 0, version = version + 1 WHERE id IN "
      "(SELECT a.id {})",
      assignment_state::unanswered, open);
}

// The cases' history from their record: each event that created a case, changed its state or
// moved its deadline (a payload with "effective_deadline") ends the case's period and begins
// the next on the event's local day. A shifted deadline's reason is the engine's own.
void fill_case_history(soci::session& sql) {
  struct period {
    std::string kind, state, nominal, deadline, reason, from;
    long long case_id = 0, round_id = 0, body_id = 0;
    soci::indicator body = soci::i_null;
    std::optional<std::string> to;
  };
  std::vector<period> periods;
  std::map<std::pair<std::string, long long>, std::size_t> current;
  {
    period e;
    std::string payload, at;
    soci::statement events =
        (sql.prepare << "SELECT case_kind, case_id, round_id, body_id, to_state, at, payload "
                        "FROM events ORDER BY id",
         soci::into(e.kind), soci::into(e.case_id), soci::into(e.round_id),
         soci::into(e.body_id, e.body), soci::into(e.state), soci::into(at), soci::into(payload));
    events.execute();
    while (events.fetch()) {
      const auto key = std::pair{e.kind, e.case_id};
      const auto open = current.find(key);
      period next = open == current.end() ? e : periods[open->second];
      next.state = e.state;
      next.from = at.substr(0, 10);
      if (const auto effective = payload_field(payload, "effective_deadline")) {
        next.deadline = *effective;
        next.nominal = payload_field(payload, "deadline").value_or(*effective);
        const auto nominal = engine::parse_date(next.nominal);
        next.reason =
            nominal && next.nominal != next.deadline ? engine::shift_deadline(*nominal).reason : "";
      }
      if (open != current.end()) {
        const auto& was = periods[open->second];
        if (was.state == next.state && was.deadline == next.deadline) continue;
        periods[open->second].to = next.from;
      }
      current[key] = periods.size();
      periods.push_back(std::move(next));
    }
  }
  period p;
  int awaiting = 0;
  std::string to;
  soci::indicator to_null = soci::i_null;
  soci::statement insert =
      (sql.prepare << "INSERT INTO case_history (case_kind, case_id, round_id, body_id, "
                      "valid_from, valid_to, state, awaiting, nominal_deadline, deadline, "
                      "deadline_reason) VALUES (:kind, :id, :round, :body, :day_from, :day_to, "
                      ":state, :awaiting, :nominal, :deadline, :reason)",
       soci::use(p.kind), soci::use(p.case_id), soci::use(p.round_id), soci::use(p.body_id, p.body),
       soci::use(p.from), soci::use(to, to_null), soci::use(p.state), soci::use(awaiting),
       soci::use(p.nominal), soci::use(p.deadline), soci::use(p.reason));
  for (auto& each : periods) {
    p = std::move(each);
    to = p.to.value_or("");
    to_null = p.to ? soci::i_ok : soci::i_null;
    awaiting = p.kind == engine::to_string(engine::case_kind::assignment) &&
                       workflows::assignment_awaits_answer(p.state)
                   ? 1
                   : 0;
    insert.execute(true);
  }
  // A case with no record at all (written by hand, not by bevaka) has always been as it is.
  sql << "INSERT INTO case_history (case_kind, case_id, round_id, body_id, valid_from, "
         "valid_to, state, awaiting, nominal_deadline, deadline, deadline_reason) "
         "SELECT 'round', r.id, r.id, NULL, '0001-01-01', NULL, r.state, 0, r.nominal_deadline, "
         "r.deadline, r.deadline_reason FROM rounds r WHERE NOT EXISTS (SELECT 1 FROM "
         "case_history h WHERE h.case_kind = 'round' AND h.case_id = r.id)";
  sql << "INSERT INTO case_history (case_kind, case_id, round_id, body_id, valid_from, "
         "valid_to, state, awaiting, nominal_deadline, deadline, deadline_reason) "
         "SELECT 'assignment', a.id, a.round_id, a.body_id, '0001-01-01', NULL, a.state, "
         "a.awaiting, a.nominal_deadline, a.deadline, a.deadline_reason FROM assignments a "
         "WHERE NOT EXISTS (SELECT 1 FROM case_history h WHERE h.case_kind = 'assignment' AND "
         "h.case_id = a.id)";
}

// The day each sent round went out, from its send event's stamp (the local date).
void fill_round_details(soci::session& sql) {
  sql << fmt::format(
      "UPDATE rounds SET sent_on = (SELECT substr(MIN(e.at), 1, 10) FROM events e WHERE "
      "e.case_kind = 'round' AND e.case_id = rounds.id AND e.event = '{}')",
      workflows::round_event::send);
  fill_first_submissions(sql);
  end_unanswered_assignments(sql);
}

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
    // The follow-up table. Action items and indicators belong to no round, so their
    // record is a table of its own: `events` requires a round. Texts per half-year (work done,
    // plans) are rows of their own, one per item, kind and period.
    {3,
     "follow-up table",
     {
         R"(CREATE TABLE followup_areas (
              id {id},
              unit TEXT NOT NULL,
              name TEXT NOT NULL,
              row_order INTEGER NOT NULL,
              UNIQUE (unit, name)))",
         R"(CREATE TABLE action_items (
              id {id},
              unit TEXT NOT NULL,
              area TEXT NOT NULL,
              activity TEXT NOT NULL,
              description TEXT NOT NULL,
              expected_result TEXT NOT NULL,
              evaluation_method TEXT NOT NULL,
              evaluation_result TEXT NOT NULL,
              category TEXT,
              state TEXT NOT NULL,
              row_order INTEGER NOT NULL,
              version BIGINT NOT NULL,
              UNIQUE (unit, area, activity)))",
         R"(CREATE TABLE action_item_texts (
              item_id BIGINT NOT NULL REFERENCES action_items (id),
              kind TEXT NOT NULL,
              period TEXT NOT NULL,
              content TEXT NOT NULL,
              PRIMARY KEY (item_id, kind, period)))",
         R"(CREATE TABLE followup_events (
              id {id},
              case_kind TEXT NOT NULL,
              case_id BIGINT NOT NULL,
              event TEXT NOT NULL,
              from_state TEXT NOT NULL,
              to_state TEXT NOT NULL,
              actor TEXT NOT NULL,
              at TEXT NOT NULL,
              note TEXT NOT NULL,
              payload TEXT NOT NULL))",
         R"(CREATE INDEX followup_events_by_case ON followup_events (case_kind, case_id, id))",
         R"(CREATE TABLE indicators (
              id {id},
              body_id BIGINT REFERENCES bodies (id),
              code TEXT NOT NULL,
              title TEXT NOT NULL,
              direction TEXT NOT NULL,
              unit TEXT NOT NULL))",
         R"(CREATE UNIQUE INDEX indicators_by_body_and_code ON indicators (
              COALESCE(body_id, 0), code))",
         R"(CREATE TABLE indicator_values (
              indicator_id BIGINT NOT NULL REFERENCES indicators (id),
              year INTEGER NOT NULL,
              value DOUBLE PRECISION NOT NULL,
              PRIMARY KEY (indicator_id, year)))",
         R"(CREATE TABLE report_sections (
              assignment_id BIGINT NOT NULL REFERENCES assignments (id),
              number INTEGER NOT NULL,
              heading TEXT NOT NULL,
              content TEXT NOT NULL,
              PRIMARY KEY (assignment_id, number)))",
     }},
    // Times are UTC text, 'YYYY-MM-DDTHH:MM:SSZ', so they sort as they compare. A dispatcher
    // finds due reminders through reminders_due, which holds only the scheduled ones, in the
    // order it takes them: many fall due at the same 08:00, so the id is part of the key.
    {4,
     "reminders outbox",
     {
         R"(CREATE TABLE round_reminder_policies (
              round_id BIGINT PRIMARY KEY REFERENCES rounds (id),
              policy TEXT NOT NULL))",
         R"(CREATE TABLE reminders (
              id {id},
              assignment_id BIGINT NOT NULL REFERENCES assignments (id),
              round_id BIGINT NOT NULL REFERENCES rounds (id),
              body_id BIGINT NOT NULL REFERENCES bodies (id),
              kind TEXT NOT NULL,
              offset_days INTEGER NOT NULL,
              deadline TEXT NOT NULL,
              due_at TEXT NOT NULL,
              state TEXT NOT NULL,
              next_attempt_at TEXT NOT NULL,
              attempts INTEGER NOT NULL,
              claim_holder TEXT NOT NULL,
              sent_at TEXT,
              last_error TEXT NOT NULL))",
         R"(CREATE INDEX reminders_due ON reminders (next_attempt_at, id)
              WHERE state = 'scheduled')",
         R"(CREATE INDEX reminders_open_by_assignment ON reminders (assignment_id)
              WHERE state = 'scheduled')",
         R"(CREATE INDEX reminders_by_round ON reminders (round_id, due_at))",
     }},
    // The registrar's list shows failed reminders: an index of those alone keeps it a read of
    // a few entries however many reminders were sent.
    {5,
     "failed reminders",
     {
         R"(CREATE INDEX reminders_failed ON reminders (assignment_id) WHERE state = 'failed')",
     }},
    // The safety programme. Groups are programme_groups: GROUPS is a keyword of
    // window frames on both backends. A goal's overrides and a plan's reviews are append-only
    // records of their own, read back with the plan; the record of changes is followup_events.
    {6,
     "safety programme",
     {
         R"(CREATE TABLE programme_groups (
              id {id},
              name TEXT NOT NULL UNIQUE,
              kind TEXT NOT NULL,
              coordinator_id BIGINT NOT NULL REFERENCES bodies (id),
              meets_per_year INTEGER,
              part_of_id BIGINT REFERENCES programme_groups (id)))",
         R"(CREATE TABLE programme_group_members (
              group_id BIGINT NOT NULL REFERENCES programme_groups (id),
              body_id BIGINT NOT NULL REFERENCES bodies (id),
              position INTEGER NOT NULL,
              PRIMARY KEY (group_id, body_id)))",
         R"(CREATE TABLE action_plans (
              id {id},
              ref TEXT NOT NULL UNIQUE,
              title TEXT NOT NULL,
              group_id BIGINT NOT NULL REFERENCES programme_groups (id),
              first_year INTEGER NOT NULL,
              last_year INTEGER NOT NULL,
              state TEXT NOT NULL,
              version BIGINT NOT NULL))",
         R"(CREATE TABLE plan_reviews (
              plan_id BIGINT NOT NULL REFERENCES action_plans (id),
              year INTEGER NOT NULL,
              note TEXT NOT NULL,
              actor TEXT NOT NULL,
              at TEXT NOT NULL,
              PRIMARY KEY (plan_id, year)))",
         R"(CREATE TABLE goals (
              id {id},
              plan_id BIGINT NOT NULL REFERENCES action_plans (id),
              position INTEGER NOT NULL,
              text TEXT NOT NULL,
              indicator_id BIGINT REFERENCES indicators (id),
              target DOUBLE PRECISION,
              direction TEXT))",
         R"(CREATE TABLE goal_overrides (
              id {id},
              goal_id BIGINT NOT NULL REFERENCES goals (id),
              year INTEGER NOT NULL,
              status TEXT NOT NULL,
              reason TEXT NOT NULL,
              actor TEXT NOT NULL,
              at TEXT NOT NULL))",
         R"(CREATE TABLE plan_items (
              item_id BIGINT PRIMARY KEY REFERENCES action_items (id),
              plan_id BIGINT NOT NULL REFERENCES action_plans (id)))",
         R"(CREATE TABLE duty_steps (
              id {id},
              first_year INTEGER NOT NULL,
              last_year INTEGER NOT NULL,
              step TEXT NOT NULL,
              ref TEXT NOT NULL,
              decided_on TEXT NOT NULL,
              body_id BIGINT NOT NULL REFERENCES bodies (id),
              plan_id BIGINT REFERENCES action_plans (id),
              UNIQUE (first_year, last_year, step)))",
     }},
    // Budgets: a year's budget, its lines in the file's order, and its record (the
    // import and each outcome), from which a line's spent is summed. Amounts are whole kronor.
    // Reference numbers: rounds are found by a key that ignores case and spacing
    // (engine/reference_number.hpp), kept beside `ref` and filled by fill_reference_keys.
    {7,
     "budgets and reference keys",
     {
         R"(CREATE TABLE budgets (
              id {id},
              year INTEGER NOT NULL UNIQUE,
              owner TEXT NOT NULL,
              source TEXT NOT NULL))",
         R"(CREATE TABLE budget_lines (
              id {id},
              budget_id BIGINT NOT NULL REFERENCES budgets (id),
              area TEXT NOT NULL,
              area_order INTEGER NOT NULL,
              name TEXT NOT NULL,
              planned BIGINT NOT NULL,
              note TEXT NOT NULL,
              line_order INTEGER NOT NULL))",
         R"(CREATE INDEX budget_lines_by_budget ON budget_lines (budget_id, area_order, line_order))",
         R"(CREATE TABLE budget_events (
              id {id},
              budget_id BIGINT NOT NULL REFERENCES budgets (id),
              line_id BIGINT REFERENCES budget_lines (id),
              event TEXT NOT NULL,
              amount BIGINT NOT NULL,
              actor TEXT NOT NULL,
              at TEXT NOT NULL,
              note TEXT NOT NULL))",
         R"(CREATE INDEX budget_events_by_budget ON budget_events (budget_id, line_id))",
         R"(ALTER TABLE rounds ADD COLUMN ref_key TEXT NOT NULL DEFAULT '')",
     },
     fill_reference_keys},
    // The record is right: the day a round was sent, an assignment's first answer (kept across
    // a return), a pending extension request, and assignments left unanswered when the answers
    // closed (fill_round_details).
    {8,
     "first answers, extension requests, unanswered assignments",
     {
         R"(ALTER TABLE rounds ADD COLUMN sent_on TEXT)",
         R"(ALTER TABLE assignments ADD COLUMN first_submitted_on TEXT)",
         R"(ALTER TABLE assignments ADD COLUMN first_late_by_working_days INTEGER)",
         R"(ALTER TABLE assignments ADD COLUMN requested_deadline TEXT)",
         R"(ALTER TABLE assignments ADD COLUMN request_note TEXT)",
         R"(ALTER TABLE assignments ADD COLUMN request_actor TEXT)",
         R"(ALTER TABLE assignments ADD COLUMN request_at TEXT)",
         R"(CREATE INDEX assignments_extension_requested ON assignments (requested_deadline)
              WHERE requested_deadline IS NOT NULL)",
     },
     fill_round_details},
    // One reminder at a time: a claim asks whether a later reminder of the same assignment is
    // due or sent (statements.cpp, later_step_exists), whatever its state, so the assignment's
    // reminders are found by an index of their own. The new state `superseded` needs no
    // change: reminders still scheduled are superseded by the first claim that finds them due.
    {9,
     "superseded reminders",
     {
         R"(CREATE INDEX reminders_by_assignment ON reminders (assignment_id, due_at))",
     }},
    // The record as it stood: each round's and assignment's state and deadline per period,
    // valid from one day (inclusive) to another (exclusive; NULL while current), kept by the
    // store beside each event that changes them. The overdue list of any day reads the open
    // periods by deadline and the ended ones by the day they ended.
    {10,
     "the cases' history",
     {
         R"(CREATE TABLE case_history (
              case_kind TEXT NOT NULL,
              case_id BIGINT NOT NULL,
              round_id BIGINT NOT NULL REFERENCES rounds (id),
              body_id BIGINT REFERENCES bodies (id),
              valid_from TEXT NOT NULL,
              valid_to TEXT,
              state TEXT NOT NULL,
              awaiting INTEGER NOT NULL,
              nominal_deadline TEXT NOT NULL,
              deadline TEXT NOT NULL,
              deadline_reason TEXT NOT NULL))",
         R"(CREATE INDEX case_history_by_case ON case_history (case_kind, case_id, valid_from))",
         R"(CREATE INDEX case_history_awaiting_now ON case_history (deadline)
              WHERE awaiting = 1 AND valid_to IS NULL)",
         R"(CREATE INDEX case_history_awaiting_then ON case_history (valid_to)
              WHERE awaiting = 1 AND valid_to IS NOT NULL)",
     },
     fill_case_history},
};

}  // namespace

std::span<const migration> migrations() { return all_migrations; }

}  // namespace bevaka::store
