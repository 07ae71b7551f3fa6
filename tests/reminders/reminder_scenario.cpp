#include "tests/reminders/reminder_scenario.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>

namespace bevaka::testing {

scoped_environment::scoped_environment(const std::map<std::string, std::string>& values) {
  for (const auto& [name, value] : values) set(name, value);
}

void scoped_environment::set(const std::string& name, const std::string& value) {
  if (!saved_.contains(name)) {
    const char* before = std::getenv(name.c_str());
    saved_[name] = before ? std::optional<std::string>(before) : std::nullopt;
  }
  if (value.empty())
    ::unsetenv(name.c_str());
  else
    ::setenv(name.c_str(), value.c_str(), 1);
}

scoped_environment::~scoped_environment() {
  for (const auto& [name, value] : saved_) {
    if (value)
      ::setenv(name.c_str(), value->c_str(), 1);
    else
      ::unsetenv(name.c_str());
  }
}

std::string fresh_folder(const std::string& name) {
  static std::atomic<int> counter{0};
  const char* dir = std::getenv("BEVAKA_TEST_TMP");
  const auto base =
      dir && *dir ? std::filesystem::path(dir) : std::filesystem::temp_directory_path();
  const auto path =
      base / (name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(path);
  std::filesystem::create_directories(path);
  return path.string();
}

nlohmann::json create_annual_report(cli_session& cli, std::vector<std::string> extra) {
  for (const auto& c : committees)
    cli.ok({"body", "add", c.name, "--kind", "committee", "--email", c.email});
  cli.now = "2017-02-01T10:00";
  std::vector<std::string> args{"round",      "create",     "--kind",   "annual-report",
                                "--ref",      report_ref,   "--title",  report_title,
                                "--deadline", "2017-03-31", "--to-all", "committee"};
  args.insert(args.end(), extra.begin(), extra.end());
  return cli.ok(args);
}

std::vector<nlohmann::json> rows_of(const nlohmann::json& rows, const std::string& body) {
  std::vector<nlohmann::json> found;
  for (const auto& row : rows)
    if (row.at("body") == body) found.push_back(row);
  return found;
}

}  // namespace bevaka::testing
