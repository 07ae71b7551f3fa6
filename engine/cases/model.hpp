#pragma once
// The cases the engine keeps: bodies, rounds, assignments, and the events that are their record.
// Plain values; the store adapter reads and writes them, the commands change them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/calendar/calendar.hpp"
#include "engine/shared/date.hpp"
#include "engine/shared/enum_names.hpp"

namespace bevaka::engine {

using id_t = std::int64_t;

enum class body_kind { committee, company, authority, association };
enum class round_kind { consultation, annual_report };

// Names as the CLI, the JSON and the database spell them ("annual-report").
inline constexpr enum_names<body_kind, 4> body_kind_names{{
    {body_kind::committee, "committee"},
    {body_kind::company, "company"},
    {body_kind::authority, "authority"},
    {body_kind::association, "association"},
}};
inline constexpr enum_names<round_kind, 2> round_kind_names{{
    {round_kind::consultation, "consultation"},
    {round_kind::annual_report, "annual-report"},
}};
[[nodiscard]] std::string_view to_string(body_kind kind);
[[nodiscard]] std::string_view to_string(round_kind kind);
[[nodiscard]] std::optional<body_kind> parse_body_kind(std::string_view text);
[[nodiscard]] std::optional<round_kind> parse_round_kind(std::string_view text);

// A committee, company, authority or association that answers rounds.
struct body {
  id_t id = 0;
  std::string name{};
  body_kind kind = body_kind::committee;
  std::vector<std::string> emails{};
};

// One request sent to many bodies at once.
struct round {
  id_t id = 0;
  round_kind kind = round_kind::consultation;
  std::string ref{};  // reference number (diarienummer) as written: "Kst 2015/503"
  std::string title{};
  std::string state{};
  shifted_deadline deadline{};
  bool shift_deadlines = true;    // false: deadlines on non-working days stay where they are
  std::int64_t version = 0;       // optimistic lock: bumped by every update
  std::optional<date> sent_on{};  // the day it was sent; no answer can have arrived before
};

// A later deadline a body has asked for, pending until the registrar grants or denies it.
struct extension_request {
  date deadline{};  // as asked for (nominal)
  std::string note{};
  std::string actor{};
  std::string at{};  // ISO 8601 with the Stockholm offset
};

// One body's part in one round.
struct assignment {
  id_t id = 0;
  id_t round_id = 0;
  id_t body_id = 0;
  std::string body_name{};
  body_kind kind = body_kind::committee;
  std::string state{};
  shifted_deadline deadline{};  // the round's, until an extension or a return moves it
  // The day the current answer reached the municipality (not the day it was recorded), and
  // how late it was: working days after the deadline, 0 when on time. Cleared by a return.
  std::optional<date> submitted_on{};
  std::optional<int> late_by_working_days{};
  std::int64_t version = 0;
  // The first answer and its lateness, kept across a return for completion: punctuality
  // counts the first.
  std::optional<date> first_submitted_on{};
  std::optional<int> first_late_by_working_days{};
  std::optional<extension_request> extension{};  // pending while the assignment awaits an answer
};

enum class case_kind { round, assignment };
inline constexpr enum_names<case_kind, 2> case_kind_names{{
    {case_kind::round, "round"},
    {case_kind::assignment, "assignment"},
}};
[[nodiscard]] std::string_view to_string(case_kind kind);
[[nodiscard]] std::optional<case_kind> parse_case_kind(std::string_view text);

// One accepted change of state: the record. Never changed, never deleted.
struct event_record {
  case_kind kind = case_kind::round;
  id_t case_id = 0;
  id_t round_id = 0;
  std::optional<id_t> body_id{};
  std::string body_name{};  // filled when read back for an assignment's event
  std::string event{};
  std::string from{};  // empty when the case was created by this event
  std::string to{};
  std::string actor{};
  std::string at{};  // ISO 8601 with the Stockholm offset: 2017-03-31T10:00:00+02:00
  std::string note{};
  std::string payload{};  // JSON object with the event's data, "{}" when none
  // Set when the event created the case, changed its state or moved its deadline: the case's
  // deadline from then on. The store keeps each case's history (state and deadline per day)
  // from these, for reads of a past day. Not read back.
  std::optional<shifted_deadline> case_deadline{};
};

// An assignment still awaiting an answer, as the store finds it for the registrar's list.
struct awaiting_row {
  id_t round_id = 0;
  std::string ref{};
  std::string title{};
  std::string body_name{};
  date deadline{};
  std::string state{};
  int failed_reminders = 0;  // reminders the mail server refused for good
};

}  // namespace bevaka::engine
