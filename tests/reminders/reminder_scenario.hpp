#pragma once
// The reminder tests' scenario: Järfälla's committees and their annual safety report, due
// Friday 31 March 2017 (seed 000), with made-up addresses; and the environment the mail
// settings are read from, set for one test and restored after it.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/cli_runner.hpp"

namespace bevaka::testing {

inline const std::string report_ref = "Kst 2017/84";
inline const std::string report_title = "Rapportering av trygghet 2016 – årlig uppföljning";
inline const std::string registrar = "registrator@jarfalla.example.se";

struct committee {
  std::string name, email;
};

inline const std::vector<committee> committees{
    {"Socialnämnden", "socialnamnden@example.se"},
    {"Barn- och ungdomsnämnden", "bun@example.se"},
    {"Kompetensnämnden", "kompetensnamnden@example.se"},
};

// Sets BEVAKA_* variables for one test; restores what was there when it ends.
class scoped_environment {
 public:
  explicit scoped_environment(const std::map<std::string, std::string>& values);
  ~scoped_environment();
  scoped_environment(const scoped_environment&) = delete;
  scoped_environment& operator=(const scoped_environment&) = delete;
  void set(const std::string& name, const std::string& value);

 private:
  std::map<std::string, std::optional<std::string>> saved_;
};

// A folder of its own under BEVAKA_TEST_TMP, emptied.
[[nodiscard]] std::string fresh_folder(const std::string& name);

// Adds the committees; creates the annual report on 1 February 2017 with `extra` options.
nlohmann::json create_annual_report(cli_session& cli, std::vector<std::string> extra = {});

// The listing's rows of one body, in due order.
[[nodiscard]] std::vector<nlohmann::json> rows_of(const nlohmann::json& rows,
                                                  const std::string& body);

}  // namespace bevaka::testing
