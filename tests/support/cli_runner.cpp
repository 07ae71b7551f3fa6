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

cli_result cli_session::operator()(std::vector<std::string> args, const std::string& at) const {
  const auto& clock = at.empty() ? now : at;
  args.insert(args.begin(), {"--db", db.url()});
  if (!clock.empty()) args.insert(args.begin(), {"--now", clock});
  return run_cli(std::move(args));
}

std::string cli_session::ok_text(const std::vector<std::string>& args,
                                 const std::string& at) const {
  const auto result = (*this)(args, at);
  INFO("bevaka " << args.front() << " ... (now " << (at.empty() ? now : at)
                 << ") said: " << result.err);
  REQUIRE(result.code == cli::exit_ok);
  if (ok_requires_empty_stderr) REQUIRE(result.err.empty());
  return result.out;
}

nlohmann::json cli_session::ok(const std::vector<std::string>& args) const {
  return nlohmann::json::parse(ok_text(args));
}

}  // namespace bevaka::testing
