#include "tests/engine/jarfalla_consultation.hpp"

#include <catch2/catch.hpp>

#include "engine/cases/listings.hpp"
#include "tests/support/catch_outcome.hpp"

namespace bevaka::testing {

using namespace bevaka::engine;
using engine::id_t;  // not POSIX's

namespace {

// Runs `work` (store_transaction& -> T) in a transaction that is rolled back: a read leaves
// data_version as it was, so a test can tell that a refused command wrote nothing.
template <class Work>
auto read_only(memory_store& store, Work&& work) {
  std::optional<decltype(work(std::declval<store_transaction&>()))> result;
  store.transact([&](store_transaction& tx) {
    result.emplace(work(tx));
    return false;
  });
  return std::move(*result);
}

}  // namespace

jarfalla_consultation::jarfalla_consultation() {
  const std::vector<new_body> bodies{
      {"Socialnämnden", body_kind::committee, {"socialnamnden@jarfalla.example.se"}},
      {"Järfällahus AB", body_kind::company, {"info@jarfallahus.example.se"}},
      {"Polismyndigheten", body_kind::authority, {"kommunpolis@polisen.example.se"}},
      {"Brandkåren Attunda", body_kind::authority, {}}};
  for (const auto& b : bodies)
    REQUIRE(in_transaction(store, [&](store_transaction& tx) { return add_body(tx.cases(), b); }));
}

new_round jarfalla_consultation::request(std::string_view policy) const {
  const auto parsed = parse_reminder_policy(policy);
  REQUIRE(parsed);
  return new_round{.kind = round_kind::consultation,
                   .ref = std::string(ref),
                   .title = std::string(title),
                   .deadline = day("2016-04-30"),
                   .recipients = {"Socialnämnden", "Järfällahus AB", "Polismyndigheten"},
                   .reminders = *parsed};
}

outcome<round> jarfalla_consultation::create(const new_round& request, std::string_view now) {
  return in_transaction(store, [&](store_transaction& tx) {
    return create_round(tx.cases(), tx.reminders(), {at(now), "trygghetssamordnare"}, request);
  });
}

round jarfalla_consultation::create_sent(std::string_view now, std::string_view policy) {
  auto created = create(request(policy), now);
  REQUIRE(created);
  return *created;
}

outcome<assignment> jarfalla_consultation::fire(std::string_view body, std::string_view event,
                                                std::string_view now,
                                                std::optional<date> new_deadline) {
  return fire(body, case_event{.event = std::string(event), .new_deadline = new_deadline}, now);
}

outcome<assignment> jarfalla_consultation::fire(std::string_view body, const case_event& e,
                                                std::string_view now, std::string_view actor) {
  return in_transaction(store, [&](store_transaction& tx) {
    return fire_assignment_event(tx.cases(), tx.reminders(), {at(now), std::string(actor)}, ref,
                                 body, e);
  });
}

outcome<round> jarfalla_consultation::fire_round(std::string_view event, std::string_view now) {
  return in_transaction(store, [&](store_transaction& tx) {
    return fire_round_event(tx.cases(), tx.reminders(), {at(now), "registrator"}, ref,
                            {std::string(event), "", std::nullopt});
  });
}

round_view jarfalla_consultation::show() {
  auto view = read_only(store, [&](store_transaction& tx) { return show_round(tx.cases(), ref); });
  REQUIRE(view);
  return *view;
}

assignment jarfalla_consultation::of(std::string_view body) {
  for (const auto& a : show().assignments)
    if (a.body_name == body) return a;
  FAIL("round " << ref << " has no assignment for " << body);
  return {};
}

std::vector<event_record> jarfalla_consultation::events(std::optional<id_t> body) {
  const auto round_id = show().r.id;
  return read_only(
      store, [&](store_transaction& tx) { return tx.cases().events_of_round(round_id, body); });
}

std::vector<reminder_view> jarfalla_consultation::reminders() {
  const auto round_id = show().r.id;
  return read_only(store,
                   [&](store_transaction& tx) { return tx.reminders().reminders_of(round_id); });
}

outcome<round_view> jarfalla_consultation::as_of(std::string_view day_text) {
  return read_only(store, [&](store_transaction& tx) {
    return round_as_of(tx.cases(), tx.listings(), ref, day(day_text));
  });
}

std::vector<std::pair<round, assignment>> jarfalla_consultation::pending_requests() {
  return read_only(
      store, [](store_transaction& tx) { return tx.listings().pending_extension_requests(); });
}

std::vector<overdue_item> jarfalla_consultation::overdue(std::string_view today) {
  return read_only(store, [&](store_transaction& tx) {
    return engine::overdue(tx.listings(), day(today), std::nullopt);
  });
}

}  // namespace bevaka::testing
