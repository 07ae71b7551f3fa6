#include "bench/report.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

namespace bevaka::bench {
namespace {

std::string cpu_model() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);)
    if (line.starts_with("model name")) return line.substr(line.find(':') + 2);
  return "unknown";
}

std::string utc_now() {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", now);
}

// Rates read best as whole numbers, latencies and ratios with three significant digits.
std::string formatted(double value) {
  return value >= 100 ? fmt::format("{:.0f}", value) : fmt::format("{:.3g}", value);
}

}  // namespace

void reporter::print_context() const {
  const auto nproc = std::thread::hardware_concurrency();
  if (json_) {
    const nlohmann::json context{{"nproc", nproc},
                                 {"cpu", cpu_model()},
                                 {"backend", context_.backend},
                                 {"version", context_.server_version},
                                 {"durability", context_.durability},
                                 {"date", utc_now()}};
    std::cout << nlohmann::json{{"context", context}}.dump() << std::endl;
    return;
  }
  std::cout << fmt::format(
                   "# nproc={} cpu=\"{}\" backend={} version=\"{}\" durability=\"{}\" date={}\n",
                   nproc, cpu_model(), context_.backend, context_.server_version,
                   context_.durability, utc_now())
            << std::flush;
}

void reporter::print(const figure& f) const {
  if (json_) {
    const nlohmann::json line{
        {"name", f.name}, {"value", f.value}, {"unit", f.unit}, {"backend", context_.backend}};
    std::cout << line.dump() << std::endl;
    return;
  }
  std::cout << f.name << ' ' << formatted(f.value) << ' ' << f.unit << std::endl;
}

}  // namespace bevaka::bench
