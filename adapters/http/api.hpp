#pragma once
// The HTTP API as a function: request in, response out, no sockets (server.hpp does those).
// Routes /api/... (JSON, a bearer token), /health, /metrics (Prometheus text) and the dashboard.
// Every /api call runs in one transaction of `store`: a refused call writes nothing. Answers to
// reads are kept until the database changes (response_cache.hpp).

#include <mutex>
#include <string>
#include <vector>

#include "adapters/http/api_types.hpp"
#include "adapters/http/metrics.hpp"
#include "adapters/http/response_cache.hpp"
#include "adapters/http/state_names_script.hpp"
#include "engine/shared/clock.hpp"
#include "engine/shared/council.hpp"
#include "engine/shared/reference_number.hpp"
#include "engine/store.hpp"

namespace bevaka::http {

// What the API takes from the configuration.
struct api_settings {
  std::string registrar{};  // escalations' address, shown in the reminders' `to`
  // A new round's reference must match one of these (none: any reference is taken).
  std::vector<engine::reference_pattern> reference_patterns{};
  engine::council_names council{};  // named in the dashboard's state names and labels
};

class api {
 public:
  // All three must outlive the api; `changes` tells when the store's data changed, for the
  // cache. `clock` stamps every write; reads may name another day (as_of).
  api(engine::store& store, engine::change_feed& changes, const engine::clock& clock,
      api_settings settings = {})
      : store_(store),
        changes_(changes),
        clock_(clock),
        settings_(std::move(settings)),
        state_names_(state_names_script(settings_.council)) {}

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
  engine::change_feed& changes_;
  const engine::clock& clock_;
  api_settings settings_;
  std::string state_names_;  // /state-names.js, for settings_.council
  metrics metrics_;
  response_cache answers_;
  std::mutex serialised_;
};

}  // namespace bevaka::http
