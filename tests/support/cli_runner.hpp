#pragma once
// Running the `bevaka` command line in process against a test database, as the reminder tests
// do: the same `cli::run` that main() calls.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/test_database.hpp"

namespace bevaka::testing {

struct cli_result {
  int code = 0;
  std::string out;
  std::string err;
};

// bevaka ARGS...
[[nodiscard]] cli_result run_cli(std::vector<std::string> args);

// A fresh database and the CLI pointed at it; `now` is the clock of every call (unless empty).
struct cli_session {
  explicit cli_session(const std::string& database_name) : db(database_name) {}

  test_database db;
  std::string now;

  cli_result operator()(std::vector<std::string> args) const;
  // A command that must succeed (a Catch REQUIRE); its JSON answer.
  nlohmann::json ok(std::vector<std::string> args) const;
};

}  // namespace bevaka::testing
