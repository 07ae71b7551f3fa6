#pragma once
// Järfälla's consultation on its safety programme (seed 001, Dnr Kst 2015/503: answers by
// Saturday 30 April 2016, which moves to Monday 2 May), on the in-memory store: the engine's
// commands and queries as the coordinator, a secretary and the registrar run them. Each command
// runs in a transaction of its own through engine::in_transaction; each read in one that is rolled
// back, so the store's data_version changes only when a command commits.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/cases/commands.hpp"
#include "engine/cases/queries.hpp"
#include "engine/reminders/reminder.hpp"
#include "tests/engine/stockholm_time.hpp"
#include "tests/support/memory_store.hpp"

namespace bevaka::testing {

struct jarfalla_consultation {
  static constexpr std::string_view ref = "Kst 2015/503";
  static constexpr std::string_view title = "Trygghetsskapande program för Järfälla kommun";

  memory_store store;

  // Adds Socialnämnden (a committee), Järfällahus AB (a company) and Polismyndigheten (an
  // authority), each with one address under example.se, and Brandkåren Attunda (an authority)
  // with none.
  jarfalla_consultation();

  // The round to the first three bodies, with `policy` (engine::parse_reminder_policy's text).
  [[nodiscard]] engine::new_round request(std::string_view policy = "none") const;

  engine::outcome<engine::round> create(const engine::new_round& request, std::string_view now);
  // The round created at `now` as request(policy) asks; fails the test if it is refused.
  engine::round create_sent(std::string_view now, std::string_view policy = "none");
  engine::outcome<engine::assignment> fire(std::string_view body, std::string_view event,
                                           std::string_view now,
                                           std::optional<engine::date> new_deadline = {});
  engine::outcome<engine::assignment> fire(std::string_view body, const engine::case_event& e,
                                           std::string_view now,
                                           std::string_view actor = "nämndsekreterare");
  engine::outcome<engine::round> fire_round(std::string_view event, std::string_view now);

  [[nodiscard]] engine::round_view show();
  // The round as it stood at the end of `day`.
  [[nodiscard]] engine::outcome<engine::round_view> as_of(std::string_view day);
  [[nodiscard]] engine::assignment of(std::string_view body);
  // The round's record (only one body's when given), oldest first.
  [[nodiscard]] std::vector<engine::event_record> events(std::optional<engine::id_t> body = {});
  [[nodiscard]] std::vector<engine::reminder_view> reminders();
  [[nodiscard]] std::vector<engine::overdue_item> overdue(std::string_view today);
  [[nodiscard]] std::vector<std::pair<engine::round, engine::assignment>> pending_requests();
};

}  // namespace bevaka::testing
