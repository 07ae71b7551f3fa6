#pragma once
// The HTTP API as a function: request in, response out, no sockets (server.hpp does those).
// Routes /api/... (JSON, a bearer token), /health, /metrics (Prometheus text) and the dashboard.
// Every /api call runs in one transaction of `store`: a refused call writes nothing.

#include <mutex>

#include "adapters/http/api_types.hpp"
#include "adapters/http/metrics.hpp"
#include "engine/clock.hpp"
#include "engine/store.hpp"

namespace bevaka::http {

class api {
 public:
  // Both must outlive the api. `clock` stamps every write; reads may name another day (as_of).
  api(engine::store& store, const engine::clock& clock) : store_(store), clock_(clock) {}

  // Thread-safe: calls are serialised, because one database connection serves them all.
  // Never throws: a database failure is a 503, anything else unexpected a 500.
  [[nodiscard]] api_response handle(const api_request& request);

 private:
  struct routed {
    std::string route;  // the pattern that matched, for the metrics
    api_response response;
  };
  routed dispatch(const api_request& request);

  engine::store& store_;
  const engine::clock& clock_;
  metrics metrics_;
  std::mutex serialised_;
};

}  // namespace bevaka::http
