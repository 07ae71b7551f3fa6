// Österåker's ANDT action plan for 2013–2015 (seed 002) and its measurable goals, on the
// in-memory store: a goal on an indicator takes its colour from the indicator's yearly values.
// The reference number and the survey values are illustrative, as in examples/trygg-kommun.
#include <catch2/catch.hpp>

#include "engine/cases/commands.hpp"
#include "engine/followup/indicator_commands.hpp"
#include "engine/programme/group_commands.hpp"
#include "engine/programme/plan_commands.hpp"
#include "tests/engine/stockholm_time.hpp"
#include "tests/support/catch_outcome.hpp"
#include "tests/support/memory_store.hpp"

using namespace bevaka::engine;
using bevaka::testing::at;
using bevaka::testing::memory_store;

namespace {

const std::string plan_ref = "KS 2013/0042";

// The ANDT focus group coordinated by the executive board, its plan (a draft) and the indicator
// CAN9 (share of pupils in year 9 who drank alcohol in the past year, wanted to decrease) with its
// values for 2012–2014.
struct andt_plan {
  memory_store store;

  // Runs `work` (store_transaction&, context -> outcome<T>) as the coordinator on 24 January 2013.
  template <class Work>
  auto run(Work&& work) {
    const command_context ctx{at("2013-01-24T10:00"), "samordnaren"};
    return in_transaction(store, [&](store_transaction& tx) { return work(tx, ctx); });
  }

  andt_plan() {
    const auto ready = run([](store_transaction& tx, const command_context& ctx) -> outcome<bool> {
      const auto ks = add_body(tx.cases(), {"Kommunstyrelsen i Österåker", body_kind::committee});
      if (!ks) return ks.error();
      const auto andt = add_group(tx.cases(), tx.followup(), tx.programme(), ctx,
                                  {.name = "ANDT",
                                   .kind = group_kind::focus_group,
                                   .coordinator = "Kommunstyrelsen i Österåker"});
      if (!andt) return andt.error();
      const auto plan =
          create_plan(tx.followup(), tx.programme(), ctx,
                      {plan_ref, "Handlingsplan ANDT 2013-2015", "ANDT", "2013-2015"});
      if (!plan) return plan.error();
      const auto can9 = add_indicator(
          tx.cases(), tx.followup(), ctx,
          {.code = "CAN9",
           .title = "Andel elever i årskurs 9 som druckit alkohol det senaste året (CAN)",
           .direction = wanted_direction::decrease,
           .unit = "%"});
      if (!can9) return can9.error();
      const std::vector<std::pair<int, double>> values{{2012, 52}, {2013, 47}, {2014, 48}};
      for (const auto& [year, value] : values) {
        const auto set =
            set_indicator_value(tx.cases(), tx.followup(), ctx, "CAN9", {}, year, value);
        if (!set) return set.error();
      }
      return true;
    });
    REQUIRE(ready);
  }

  outcome<goal> add(new_goal request) {
    request.plan = plan_ref;
    return run([&](store_transaction& tx, const command_context& ctx) {
      return add_goal(tx.cases(), tx.followup(), tx.programme(), ctx, request);
    });
  }

  plan_view show(std::string_view key) {
    std::optional<outcome<plan_view>> shown;
    store.transact([&](store_transaction& tx) {
      shown.emplace(show_plan(tx.followup(), tx.programme(), key));
      return false;
    });
    REQUIRE(*shown);
    return **shown;
  }
};

}  // namespace

TEST_CASE("A goal on an indicator shows each year of the plan in its colour, with the reason",
          "[engine]") {
  andt_plan p;
  const auto measured =
      p.add({.text = "Färre unga dricker alkohol", .indicator = "CAN9", .target = 40});
  REQUIRE(measured);
  CHECK(measured->id == 1);
  CHECK(measured->position == 1);
  CHECK(measured->direction == wanted_direction::decrease);  // the indicator's
  REQUIRE(p.add({.text = "Krogar mot Knark: alla krogar med serveringstillstånd utbildade"}));

  const auto view = p.show("ks 2013/0042");  // in any case and spacing
  CHECK(view.plan.ref == plan_ref);
  CHECK(view.plan.group == "ANDT");
  CHECK(view.plan.state == "draft");
  REQUIRE(view.goals.size() == 2);
  const auto& years = view.goals[0].years;
  REQUIRE(years.size() == 3);
  CHECK(years[0].year == 2013);
  CHECK(years[0].value == 47.0);
  CHECK(years[0].previous == 52.0);
  CHECK(years[0].status() == goal_colour::yellow);
  CHECK(years[0].computed.why == "47 år 2013 når inte målet 40; närmar sig från 52 år 2012");
  CHECK(years[1].status() == goal_colour::red);
  CHECK(years[1].computed.why == "48 år 2014 når inte målet 40; fjärmar sig från 47 år 2013");
  CHECK(years[2].status() == goal_colour::not_assessed);
  CHECK(years[2].computed.why == "inget värde för 2015");
  REQUIRE(view.goals[0].measured);
  CHECK(view.goals[0].measured->code == "CAN9");
  for (const auto& y : view.goals[1].years) CHECK(y.status() == goal_colour::not_assessed);
}

TEST_CASE("A person's colour for a goal's year is shown over the computed one", "[engine]") {
  andt_plan p;
  REQUIRE(p.add({.text = "Färre unga dricker alkohol", .indicator = "CAN9", .target = 40}));
  const auto unmeasured =
      p.add({.text = "Krogar mot Knark: alla krogar med serveringstillstånd utbildade"});
  REQUIRE(unmeasured);

  const auto overridden = p.run([&](store_transaction& tx, const command_context& ctx) {
    return override_goal(tx.followup(), tx.programme(), ctx, std::to_string(unmeasured->id), 2014,
                         goal_colour::green, "Alla krogar i kommunen har gått utbildningen");
  });
  REQUIRE(overridden);
  const auto years = p.show(plan_ref).goals[1].years;
  REQUIRE(years.size() == 3);
  CHECK(years[1].status() == goal_colour::green);
  CHECK(years[1].computed.colour == goal_colour::not_assessed);
  REQUIRE(years[1].override_by);
  CHECK(years[1].override_by->reason == "Alla krogar i kommunen har gått utbildningen");
  CHECK(years[1].override_by->actor == "samordnaren");
  CHECK(years[0].status() == goal_colour::not_assessed);
}

TEST_CASE("A goal is refused without its target or once the plan is decided, and not written",
          "[engine]") {
  andt_plan p;
  const auto written = p.store.data_version();
  const auto no_target = p.add({.text = "Färre unga dricker alkohol", .indicator = "CAN9"});
  REQUIRE_FALSE(no_target);
  CHECK(no_target.error().code == errc::bad_input);
  CHECK(no_target.error().message == "a goal with --indicator needs --target (the value aimed at)");
  CHECK(p.store.data_version() == written);
  CHECK(p.show(plan_ref).goals.empty());

  REQUIRE(p.add({.text = "Färre unga dricker alkohol", .indicator = "CAN9", .target = 40}));
  const auto decided = p.run([](store_transaction& tx, const command_context& ctx) {
    return fire_plan_event(tx.followup(), tx.programme(), ctx, plan_ref, {"decide"});
  });
  REQUIRE(decided);
  CHECK(decided->state == "decided");
  CHECK(decided->version == 1);

  const auto late = p.add({.text = "Fler nyktra evenemang"});
  REQUIRE_FALSE(late);
  CHECK(late.error().code == errc::refused);
  CHECK(late.error().message ==
        "plan KS 2013/0042 is decided: goals are added while it is a draft (revise it first)");
  CHECK(p.show(plan_ref).goals.size() == 1);
}
