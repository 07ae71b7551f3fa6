#include "tests/support/cli_runner.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "adapters/cli/app.hpp"
#include "adapters/cli/exit_codes.hpp"

namespace bevaka::testing {

cli_result run_cli(std::vector<std::string> args) {
  args.insert(args.begin(), "bevaka");
  std::vector<const char*> argv;
  for (const auto& arg : args) argv.push_back(arg.c_str());
  std::ostringstream out, err;
  const int code = cli::run(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

cli_result cli_session::operator()(std::vector<std::string> args) const {
  args.insert(args.begin(), {"--db", db.url()});
  if (!now.empty()) args.insert(args.begin(), {"--now", now});
  return run_cli(std::move(args));
}

nlohmann::json cli_session::ok(const std::vector<std::string>& args) const {
  const auto result = (*this)(args);
  INFO("bevaka " << args.front() << " ... (now " << now << ") said: " << result.err);
  REQUIRE(result.code == cli::exit_ok);
  if (ok_requires_empty_stderr) REQUIRE(result.err.empty());
  return nlohmann::json::parse(result.out);
}

}  // namespace bevaka::testing
