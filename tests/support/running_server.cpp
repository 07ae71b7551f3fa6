#include "tests/support/running_server.hpp"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>

extern char** environ;

namespace bevaka::testing {
namespace {

// "bevaka: serving http://127.0.0.1:PORT/"
unsigned short port_in(const std::string& line) {
  const auto colon = line.rfind(':');
  if (line.find("serving http://") == std::string::npos || colon == std::string::npos) return 0;
  return static_cast<unsigned short>(std::stoi(line.substr(colon + 1)));
}

}  // namespace

running_server::running_server(const std::string& db_url, const std::string& now,
                               const std::vector<std::string>& extra) {
  std::vector<std::string> args{BEVAKA_BINARY, "--db", db_url};
  if (!now.empty()) args.insert(args.end(), {"--now", now});
  args.insert(args.end(), {"serve", "--listen", "127.0.0.1:0"});
  args.insert(args.end(), extra.begin(), extra.end());
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  const int failed = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  if (failed) {
    ::close(out[0]);
    throw std::runtime_error(std::string("cannot start ") + BEVAKA_BINARY);
  }
  FILE* from_server = ::fdopen(out[0], "r");
  char line[512] = {};
  const bool got = std::fgets(line, sizeof line, from_server) != nullptr;
  std::fclose(from_server);  // later lines (reminders sent) go nowhere
  port_ = got ? port_in(line) : 0;
  if (port_ == 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    throw std::runtime_error("bevaka serve did not start: " + std::string(line));
  }
}

running_server::~running_server() {
  ::kill(pid_, SIGTERM);
  ::waitpid(pid_, nullptr, 0);
}

bool running_server::alive() const {
  int status = 0;
  return ::waitpid(pid_, &status, WNOHANG) == 0;
}

}  // namespace bevaka::testing
