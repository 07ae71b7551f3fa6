#include "adapters/http/metrics.hpp"

#include <fmt/format.h>

namespace bevaka::http {
namespace {

// Prometheus label values escape backslash, double quote and newline.
std::string label(std::string_view value) {
  std::string escaped;
  for (const char c : value) {
    if (c == '\\' || c == '"') escaped += '\\';
    escaped += c == '\n' ? std::string("\\n") : std::string(1, c);
  }
  return escaped;
}

}  // namespace

void metrics::observe_request(std::string_view route, std::string_view method, int status,
                              double seconds) {
  ++requests_[{std::string(route), std::string(method), status}];
  auto found = latencies_.find(route);
  if (found == latencies_.end()) found = latencies_.emplace(std::string(route), histogram{}).first;
  auto& h = found->second;
  for (std::size_t i = 0; i < bucket_bounds.size(); ++i)
    if (seconds <= bucket_bounds[i]) {
      ++h.buckets[i];
      break;
    }
  ++h.count;
  h.sum += seconds;
}

void metrics::count_applied(std::string_view command) {
  auto found = applied_.find(command);
  if (found == applied_.end()) found = applied_.emplace(std::string(command), 0).first;
  ++found->second;
}

std::string metrics::prometheus_text(
    const std::vector<std::pair<std::string_view, long long>>& reminders) const {
  std::string text =
      "# HELP bevaka_http_requests_total HTTP requests answered, by route, method and status.\n"
      "# TYPE bevaka_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [route, method, status] = key;
    text +=
        fmt::format("bevaka_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
                    label(route), label(method), status, count);
  }
  text +=
      "# HELP bevaka_http_request_duration_seconds Time to answer a request, by route.\n"
      "# TYPE bevaka_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latencies_) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < bucket_bounds.size(); ++i) {
      cumulative += h.buckets[i];
      text +=
          fmt::format("bevaka_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                      label(route), bucket_bounds[i], cumulative);
    }
    text += fmt::format(
        "bevaka_http_request_duration_seconds_bucket{{route=\"{0}\",le=\"+Inf\"}} {1}\n"
        "bevaka_http_request_duration_seconds_sum{{route=\"{0}\"}} {2}\n"
        "bevaka_http_request_duration_seconds_count{{route=\"{0}\"}} {1}\n",
        label(route), h.count, h.sum);
  }
  text +=
      "# HELP bevaka_events_applied_total Writes the engine accepted through the API, by command.\n"
      "# TYPE bevaka_events_applied_total counter\n";
  for (const auto& [command, count] : applied_)
    text +=
        fmt::format("bevaka_events_applied_total{{command=\"{}\"}} {}\n", label(command), count);
  text +=
      "# HELP bevaka_reminders Reminders in the outbox, by state.\n"
      "# TYPE bevaka_reminders gauge\n";
  for (const auto& [state, count] : reminders)
    text += fmt::format("bevaka_reminders{{state=\"{}\"}} {}\n", label(state), count);
  return text;
}

}  // namespace bevaka::http
