#pragma once
// The benchmark's output: one figure a line, `name value unit`, or JSON lines with --json.
// The machine's context comes first so that figures are never quoted without it.

#include <string>

namespace bevaka::bench {

struct figure {
  std::string name;
  double value = 0;
  std::string unit;
};

struct machine_context {
  std::string backend;         // "sqlite" or "postgresql"
  std::string server_version;  // SQLite's library version or PostgreSQL's server version
  std::string durability;      // as the connection reports it: "journal_mode=wal synchronous=2"
};

class reporter {
 public:
  reporter(bool json, machine_context context) : json_(json), context_(std::move(context)) {}

  // `# nproc=2 cpu="..." backend=... version="..." durability="..." date=...`, or in JSON one
  // line {"context": {...}}.
  void print_context() const;
  void print(const figure& f) const;

 private:
  bool json_;
  machine_context context_;
};

}  // namespace bevaka::bench
