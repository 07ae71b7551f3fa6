#pragma once
// The answers to reads, kept until the database changes. The registrar's dashboard and whatever
// polls the API ask the same few questions over and over (who is overdue today?) while the
// answers change a few times a day: a hit costs a lookup instead of a transaction, queries and
// JSON. Entries belong to one database version (engine::change_feed::data_version, read before the
// query ran) and go as soon as another is seen; the api clears them on its own writes, which
// the version does not show. Not thread-safe: the api serialises every call to it.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "adapters/http/api_types.hpp"

namespace bevaka::http {

class response_cache {
 public:
  // The answer stored under `key` while the database was at `version`, if it still is.
  [[nodiscard]] std::optional<api_response> find(std::string_view version, const std::string& key);
  void put(std::string_view version, std::string key, api_response response);
  void clear();

 private:
  // Readers ask about today, or any day (as_of): bounded, so such keys cannot grow it forever.
  static constexpr std::size_t max_entries = 512;
  std::string version_;
  std::unordered_map<std::string, api_response> answers_;
};

}  // namespace bevaka::http
