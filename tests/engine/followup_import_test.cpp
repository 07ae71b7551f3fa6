// A department's follow-up table brought in by the engine, as the import adapter hands it over:
// five rows of seed 003 (a Stockholm district's table for T2 2016), on the in-memory store.
#include "engine/followup/followup_import.hpp"

#include <catch2/catch.hpp>

#include "tests/engine/stockholm_time.hpp"
#include "tests/support/catch_outcome.hpp"
#include "tests/support/memory_store.hpp"

using namespace bevaka::engine;
using bevaka::testing::at;
using bevaka::testing::memory_store;

namespace {

const std::string unit = "Enskede-Årsta-Vantör";

// The table as read_followup_table would give it: areas in order of first appearance (one of
// them without activities), cells cleaned, the area carried down from the row above.
imported_table seed_table() {
  imported_table t{.source = "uppfoljning-t2-2016.txt",
                   .work_period = {2016, 1},
                   .plan_period = {2016, 2},
                   .areas = {"Förebyggande", "Akut hantering av händelser", "Utvecklingsområden"}};
  t.rows.push_back(
      {.line = 20,
       .area = "Förebyggande",
       .activity = "sociala insatsgrupper för både ungdomar och unga vuxna",
       .description = "Pågår som planerat för unga 19-29",
       .expected_result = "Att bryta den kriminella livsstilen hos de som ingår i projektet",
       .work = "Fn 14 inskrivna",
       .plan = "Ta fram utvärderingsmetoder, följa upp de inskrivna på ett systematiskt sätt."});
  t.rows.push_back(
      {.line = 31,
       .area = "Förebyggande",
       .activity = "trygghetsvandringar tillsammans med boende och verksamma i stadsdelarna.",
       .description = "Gå igenom ett område med boende och verksamma för att identifiera otrygga "
                      "platser.",
       .expected_result = "Åtgärda otrygga platser.",
       .work = "En trygghetsvandring har genomförts i Östberga i januari.",
       .plan = "En trygghetsvandring planeras i Rågsved i samarbete med MTR under hösten.",
       .evaluation_method = "Identifierade åtgärdsbehov dokumenteras och följs upp av "
                            "preventionssamordnare."});
  t.rows.push_back({.line = 33, .area = "Förebyggande", .activity = "Riktade föreningsbidrag"});
  t.rows.push_back(
      {.line = 40,
       .area = "Utvecklingsområden",
       .activity = "Att öka människors delaktighet och inflytande för att skapa reell egenmakt",
       .description = "Medborgardialogs arbete kring trygghetssituationen i Östberga",
       .expected_result = "Boende är med och medskapar vad som ska göras",
       .work = "Perspektiv på trygghetssituationen har inhämtats och redovisats i en rapport",
       .plan = "Arbetsgrupp kommer att startas under hösten 2016",
       .evaluation_method = "Arbetet följs av forskare på Uppsala universitet"});
  // The seed's row has neither work nor plan; its plan here is taken from its description, so
  // that one row has a plan alone.
  t.rows.push_back(
      {.line = 42,
       .area = "Utvecklingsområden",
       .activity = "Att ta fram strukturerade bedömningar av risk för sociala oroligheter,",
       .description = "Som säkerhetssamordnare arbetar jag med frågan.",
       .expected_result = "Att vi ska kunna identifiera risken och sätta in åtgärder INNAN något "
                          "faktiskt hänt",
       .plan = "Workshop kring detta hålls i höst"});
  return t;
}

outcome<import_summary> import(memory_store& store, const imported_table& table,
                               std::string_view now) {
  return in_transaction(store, [&](store_transaction& tx) {
    return import_followup_table(tx.followup(), {at(now), "avdelningschef"}, table, unit);
  });
}

struct followup_contents {
  std::vector<action_item> items;
  std::vector<followup_area> areas;
  std::vector<std::vector<followup_event>> events;  // each item's
};

followup_contents contents(memory_store& store) {
  followup_contents found;
  store.transact([&](store_transaction& tx) {
    found.items = tx.followup().action_items(unit);
    found.areas = tx.followup().followup_areas(unit);
    for (const auto& item : found.items)
      found.events.push_back(tx.followup().followup_events("action_item", item.id));
    return false;
  });
  return found;
}

std::vector<std::string> event_names(const std::vector<followup_event>& events) {
  std::vector<std::string> names;
  for (const auto& e : events) names.push_back(e.event + ": " + e.from + " -> " + e.to);
  return names;
}

}  // namespace

TEST_CASE(
    "Importing a follow-up table creates its areas and items and moves each as far as the table "
    "shows",
    "[engine]") {
  memory_store store;
  const auto summary = import(store, seed_table(), "2016-08-18T10:00");
  REQUIRE(summary);
  CHECK(summary->unit == unit);
  CHECK(summary->work_period == "2016H1");
  CHECK(summary->plan_period == "2016H2");
  CHECK(summary->areas == 3);
  CHECK(summary->items == 5);
  CHECK(summary->incomplete == 1);
  CHECK(summary->created == 5);
  CHECK(summary->updated == 0);
  CHECK(summary->unchanged == 0);

  const auto stored = contents(store);
  REQUIRE(stored.areas.size() == 3);
  CHECK(stored.areas[1].name == "Akut hantering av händelser");
  CHECK(stored.areas[1].position == 1);
  REQUIRE(stored.items.size() == 5);
  std::vector<std::string> states;
  for (const auto& item : stored.items) states.push_back(item.state);
  CHECK(states == std::vector<std::string>{"ongoing", "ongoing", "proposed", "ongoing", "planned"});

  const auto& groups = stored.items[0];
  CHECK(groups.id == 1);
  CHECK(groups.unit == unit);
  CHECK(groups.area == "Förebyggande");
  CHECK(groups.reports == std::vector<period_text>{{"2016H1", "Fn 14 inskrivna"}});
  CHECK(groups.plans ==
        std::vector<period_text>{
            {"2016H2",
             "Ta fram utvärderingsmetoder, följa upp de inskrivna på ett systematiskt sätt."}});
  CHECK(event_names(stored.events[0]) == std::vector<std::string>{"import:  -> proposed",
                                                                  "start: proposed -> ongoing",
                                                                  "report: ongoing -> ongoing"});
  CHECK(stored.events[0][0].payload == R"({"source":"uppfoljning-t2-2016.txt:20"})");
  CHECK(stored.events[0][0].actor == "avdelningschef");
  CHECK(stored.events[0][2].payload == R"({"period":"2016H1","text":"Fn 14 inskrivna"})");

  CHECK(stored.items[2].incomplete());
  CHECK(event_names(stored.events[2]) == std::vector<std::string>{"import:  -> proposed"});
  CHECK(event_names(stored.events[4]) ==
        std::vector<std::string>{"import:  -> proposed", "plan: proposed -> planned"});
}

TEST_CASE("Importing the same table again changes nothing", "[engine]") {
  memory_store store;
  REQUIRE(import(store, seed_table(), "2016-08-18T10:00"));
  const auto first = contents(store);

  const auto again = import(store, seed_table(), "2016-08-19T10:00");
  REQUIRE(again);
  CHECK(again->created == 0);
  CHECK(again->updated == 0);
  CHECK(again->unchanged == 5);

  const auto second = contents(store);
  REQUIRE(second.items.size() == first.items.size());
  for (std::size_t i = 0; i < first.items.size(); ++i) {
    CHECK(second.items[i].id == first.items[i].id);
    CHECK(second.items[i].state == first.items[i].state);
    CHECK(second.items[i].version == first.items[i].version);
    CHECK(second.items[i].reports == first.items[i].reports);
    CHECK(second.items[i].plans == first.items[i].plans);
    CHECK(second.events[i].size() == first.events[i].size());
  }
  CHECK(second.areas.size() == 3);
}

TEST_CASE("A changed cell updates its item with one event that names the field", "[engine]") {
  memory_store store;
  REQUIRE(import(store, seed_table(), "2016-08-18T10:00"));
  auto table = seed_table();
  table.rows[1].expected_result = "Färre otrygga platser.";

  const auto summary = import(store, table, "2016-08-25T10:00");
  REQUIRE(summary);
  CHECK(summary->updated == 1);
  CHECK(summary->unchanged == 4);
  const auto stored = contents(store);
  CHECK(stored.items[1].expected_result == "Färre otrygga platser.");
  CHECK(stored.items[1].version == 1);
  CHECK(stored.items[0].version == 0);
  const auto& update = stored.events[1].back();
  CHECK(update.event == "update");
  CHECK(update.from == "ongoing");
  CHECK(update.to == "ongoing");
  CHECK(update.at == "2016-08-25T10:00:00+02:00");
  CHECK(update.payload ==
        R"({"source":"uppfoljning-t2-2016.txt:31","changes":[{"field":"expected_result",)"
        R"("from":"Åtgärda otrygga platser.","to":"Färre otrygga platser."}]})");
}

TEST_CASE("A table naming an activity twice in one area is refused by line, and nothing imported",
          "[engine]") {
  memory_store store;
  auto table = seed_table();
  auto repeated = table.rows[0];
  repeated.line = 25;
  table.rows.push_back(repeated);
  const auto before = store.data_version();

  const auto refused = import(store, table, "2016-08-18T10:00");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == errc::bad_input);
  CHECK(refused.error().message ==
        "uppfoljning-t2-2016.txt:25: the activity 'sociala insatsgrupper för både ungdomar och "
        "unga vuxna' in area 'Förebyggande' is already on line 20");
  CHECK(store.data_version() == before);
  CHECK(contents(store).items.empty());
  CHECK(contents(store).areas.empty());
}
