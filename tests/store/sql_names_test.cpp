// The store's SQL names states, events and kinds in single-quoted literals (WHERE state =
// 'scheduled'). Each must be a name a machine or one of the engine's enums spells: a literal that
// is not one matches nothing, silently, once a name changes. Reads the store's sources as text.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/access/token.hpp"
#include "engine/cases/model.hpp"
#include "engine/followup/followup.hpp"
#include "engine/followup/indicators.hpp"
#include "engine/programme/programme.hpp"
#include "engine/reminders/reminder.hpp"
#include "workflows/action_item.hpp"
#include "workflows/action_plan.hpp"
#include "workflows/assignment.hpp"
#include "workflows/round.hpp"

using namespace bevaka;

namespace {

namespace fs = std::filesystem;

// SQL literals that are names of something else, each with the reason it may stay.
const std::map<std::string, std::string_view> allowed{
    {"spend",
     "a budget's record event (budget_events.event), named by engine/budget_commands.cpp; "
     "budgets have no lifecycle machine"},
};

std::set<std::string> known_names() {
  std::set<std::string> names;
  const auto add = [&](auto list) { names.insert(list.begin(), list.end()); };
  add(workflows::round_states());
  add(workflows::round_events());
  add(workflows::assignment_states());
  add(workflows::assignment_events());
  add(workflows::action_item_states());
  add(workflows::action_item_events());
  add(workflows::action_plan_states());
  add(workflows::action_plan_events());
  add(engine::body_kind_names.names());
  add(engine::round_kind_names.names());
  add(engine::case_kind_names.names());
  add(engine::reminder_kind_names.names());
  add(engine::reminder_state_names.names());
  add(engine::role_names.names());
  add(engine::wanted_direction_names.names());
  add(engine::indicator_outcome_names.names());
  add(engine::group_kind_names.names());
  add(engine::goal_colour_names.names());
  add(engine::duty_step_kind_names.names());
  add(engine::action_category_names.names());
  return names;
}

// Every .cpp of adapters/store (migrations.cpp and statements.cpp hold the SQL), in its folders.
std::vector<fs::path> sql_sources() {
  const fs::path store = fs::path(BEVAKA_SOURCE_DIR) / "adapters" / "store";
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(store))
    if (entry.path().extension() == ".cpp") files.push_back(entry.path());
  return files;
}

struct literal {
  std::string where;  // adapters/store/statements.cpp:110
  std::string name;
};

std::vector<literal> quoted_words(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  const std::string source = text.str();
  static const std::regex word(R"('([a-z][a-z0-9_-]*)')");
  std::vector<literal> found;
  for (std::sregex_iterator it(source.begin(), source.end(), word), end; it != end; ++it) {
    const auto line = 1 + std::count(source.begin(), source.begin() + it->position(), '\n');
    const auto relative = fs::relative(file, BEVAKA_SOURCE_DIR).string();
    found.push_back({relative + ":" + std::to_string(line), (*it)[1].str()});
  }
  return found;
}

}  // namespace

TEST_CASE("every quoted name in the store's SQL is a state, event or kind the engine knows",
          "[store]") {
  const auto names = known_names();
  const auto files = sql_sources();
  REQUIRE(files.size() > 2);
  std::set<std::string> seen;
  for (const auto& file : files) {
    INFO(file.string());
    REQUIRE(fs::exists(file));
    for (const auto& [where, name] : quoted_words(file)) {
      seen.insert(name);
      if (!names.contains(name) && !allowed.contains(name))
        FAIL_CHECK(where << ": '" << name << "' is no state, event or kind the engine knows");
    }
  }
  // The scan found the outbox's states; an allowed literal that no longer occurs leaves the list.
  CHECK(seen.contains("scheduled"));
  for (const auto& [name, why] : allowed) {
    INFO(name << ": " << why);
    CHECK(seen.contains(name));
  }
}
