#pragma once
// What /metrics reports, in Prometheus' text format (version 0.0.4): requests by route, method
// and status, their latencies as a histogram, the commands applied, and the reminders in the
// outbox by state. Not thread-safe: the api serialises every call to it.

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace bevaka::http {

class metrics {
 public:
  // `route` is the route's pattern ("/api/rounds/{round}"), never the raw path, so the number
  // of series stays small.
  void observe_request(std::string_view route, std::string_view method, int status, double seconds);
  // A write the engine accepted: add_body, create_round, round_event, assignment_event.
  void count_applied(std::string_view command);

  // `reminders`: how many reminders the outbox holds in each state, read at the scrape.
  [[nodiscard]] std::string prometheus_text(
      const std::vector<std::pair<std::string_view, long long>>& reminders) const;

 private:
  static constexpr std::array<double, 12> bucket_bounds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                        0.05,   0.1,   0.25,   0.5,   1,    2.5};
  struct histogram {
    std::array<std::uint64_t, bucket_bounds.size()> buckets{};  // counts, not yet cumulative
    std::uint64_t count = 0;
    double sum = 0;
  };
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::string, histogram, std::less<>> latencies_;
  std::map<std::string, std::uint64_t, std::less<>> applied_;
};

}  // namespace bevaka::http
