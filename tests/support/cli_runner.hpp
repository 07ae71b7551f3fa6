#pragma once
// Running the `bevaka` command line in process against a test database: the same `cli::run`
// that main() calls, with what it prints captured.

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
  // Whether ok() and ok_text() also require that the command wrote nothing on stderr.
  bool ok_requires_empty_stderr = false;

  // bevaka --db URL --now NOW ARGS...; `at`, unless empty, is this call's clock instead of `now`.
  cli_result operator()(std::vector<std::string> args, const std::string& at = "") const;
  // A command that must succeed (Catch REQUIREs); what it printed.
  std::string ok_text(const std::vector<std::string>& args, const std::string& at = "") const;
  // A command that must succeed; its JSON answer.
  nlohmann::json ok(const std::vector<std::string>& args) const;
};

}  // namespace bevaka::testing
