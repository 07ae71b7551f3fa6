#pragma once
// The `bevaka` command line driven in process against a fresh database, for the follow-up tests:
// the fixtures, scratch files, and the size of the follow-up record.

#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "adapters/cli/exit_codes.hpp"
#include "tests/support/cli_runner.hpp"

namespace bevaka::testing {

using json = nlohmann::json;

inline std::string fixture(const std::string& name) {
  return BEVAKA_FIXTURES_DIR "/followup/" + name;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A fresh database, a scratch folder, and the CLI pointed at both; a command that succeeds says
// nothing on stderr. The clock stands at the seed's return date, 18 August 2016 (the half-year
// 2016H2).
class followup_cli : public cli_session {
 public:
  followup_cli() : cli_session("followup_tests"), scratch_(make_scratch()) {
    now = "2016-08-18";
    ok_requires_empty_stderr = true;
  }
  ~followup_cli() {
    std::error_code ignored;
    std::filesystem::remove_all(scratch_, ignored);
  }
  followup_cli(const followup_cli&) = delete;
  followup_cli& operator=(const followup_cli&) = delete;

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
    db.store().session() << "SELECT COUNT(*) FROM followup_events", soci::into(count);
    return count;
  }

 private:
  static std::filesystem::path make_scratch() {
    static std::atomic<int> counter{0};
    const auto dir =
        std::filesystem::temp_directory_path() /
        ("bevaka-followup-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir);
    return dir;
  }

  std::filesystem::path scratch_;
};

}  // namespace bevaka::testing
