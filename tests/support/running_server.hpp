#pragma once
// A real `bevaka serve` process on 127.0.0.1 (a free port the server picks itself), for the
// API tests: started in the constructor, stopped with SIGTERM in the destructor.

#include <sys/types.h>

#include <string>
#include <vector>

namespace bevaka::testing {

class running_server {
 public:
  // Runs BEVAKA_BINARY (the build's bevaka) as `bevaka --db DB [--now NOW] serve --listen
  // 127.0.0.1:0 EXTRA...` and waits for the line that names its port. Throws when it exits first.
  running_server(const std::string& db_url, const std::string& now,
                 const std::vector<std::string>& extra = {});
  ~running_server();
  running_server(const running_server&) = delete;
  running_server& operator=(const running_server&) = delete;

  [[nodiscard]] unsigned short port() const { return port_; }
  // Whether the process is still running (it must never crash on bad input).
  [[nodiscard]] bool alive() const;

 private:
  pid_t pid_ = -1;
  unsigned short port_ = 0;
};

}  // namespace bevaka::testing
