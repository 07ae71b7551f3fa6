#pragma once
// The `bevaka` command line driven in process against a fresh database, for the follow-up tests:
// the fixtures, scratch files, and the size of the follow-up record.

#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "adapters/cli/app.hpp"
#include "adapters/cli/exit_codes.hpp"
#include "tests/support/test_database.hpp"

namespace bevaka::testing {

using json = nlohmann::json;

inline std::string fixture(const std::string& name) {
  return BEVAKA_FIXTURES_DIR "/followup/" + name;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct cli_result {
  int code = 0;
  std::string out;
  std::string err;
};

// A fresh database, a scratch folder, and the CLI pointed at both. The clock stands at the
// seed's return date, 18 August 2016 (the half-year 2016H2).
class followup_cli {
 public:
  followup_cli() : scratch_(make_scratch()) {}
  ~followup_cli() {
    std::error_code ignored;
    std::filesystem::remove_all(scratch_, ignored);
  }
  followup_cli(const followup_cli&) = delete;
  followup_cli& operator=(const followup_cli&) = delete;

  std::string now = "2016-08-18";

  cli_result operator()(std::vector<std::string> args) const {
    args.insert(args.begin(), {"bevaka", "--db", db_.url(), "--now", now});
    std::vector<const char*> argv;
    for (const auto& arg : args) argv.push_back(arg.c_str());
    std::ostringstream out, err;
    const int code = cli::run(static_cast<int>(argv.size()), argv.data(), out, err);
    return {code, out.str(), err.str()};
  }

  // A command that must succeed; its JSON answer.
  json ok(const std::vector<std::string>& args) const {
    const auto result = (*this)(args);
    INFO("bevaka " << args.front() << " " << (args.size() > 1 ? args[1] : "")
                   << " said: " << result.err);
    REQUIRE(result.code == cli::exit_ok);
    REQUIRE(result.err.empty());
    return json::parse(result.out);
  }

  // Writes `content` to a file in the scratch folder and returns its path.
  std::string write_temp(const std::string& name, const std::string& content) const {
    const auto path = (scratch_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  [[nodiscard]] std::string scratch(const std::string& name) const {
    return (scratch_ / name).string();
  }

  // Every event recorded on the follow-up cases.
  long long event_count() {
    long long count = 0;
    db_.store().session() << "SELECT COUNT(*) FROM followup_events", soci::into(count);
    return count;
  }

  test_database& db() { return db_; }

 private:
  static std::filesystem::path make_scratch() {
    static std::atomic<int> counter{0};
    const auto dir =
        std::filesystem::temp_directory_path() /
        ("bevaka-followup-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir);
    return dir;
  }

  test_database db_{"followup_tests"};
  std::filesystem::path scratch_;
};

}  // namespace bevaka::testing
