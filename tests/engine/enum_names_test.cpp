#include "engine/shared/enum_names.hpp"

#include <catch2/catch.hpp>

#include "engine/cases/model.hpp"
#include "engine/programme/programme.hpp"

using namespace bevaka::engine;

namespace {

enum class light { red, amber, green };
constexpr enum_names<light, 3> light_names{{
    {light::green, "green"},
    {light::amber, "amber"},
    {light::red, "red"},
}};

}  // namespace

TEST_CASE("an enum's name, its value and the list of names come from one table", "[engine]") {
  static_assert(light_names.to_string(light::amber) == "amber");
  static_assert(light_names.parse("red") == light::red);
  CHECK(light_names.to_string(static_cast<light>(7)).empty());
  CHECK_FALSE(light_names.parse("Red"));
  CHECK_FALSE(light_names.parse(""));
  CHECK(std::vector<std::string_view>(light_names.names().begin(), light_names.names().end()) ==
        std::vector<std::string_view>{"green", "amber", "red"});
}

TEST_CASE("the engine's names round-trip through to_string and parse", "[engine]") {
  for (const auto name : body_kind_names.names()) CHECK(to_string(*parse_body_kind(name)) == name);
  for (const auto name : group_kind_names.names())
    CHECK(to_string(*parse_group_kind(name)) == name);
  CHECK(to_string(round_kind::annual_report) == "annual-report");
  CHECK(parse_goal_colour("not-assessed") == goal_colour::not_assessed);
}
