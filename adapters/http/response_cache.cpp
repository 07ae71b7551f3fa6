#include "adapters/http/response_cache.hpp"

namespace bevaka::http {

std::optional<api_response> response_cache::find(std::string_view version, const std::string& key) {
  if (version != version_) return std::nullopt;
  const auto found = answers_.find(key);
  if (found == answers_.end()) return std::nullopt;
  return found->second;
}

void response_cache::put(std::string_view version, std::string key, api_response response) {
  if (version != version_) {
    answers_.clear();
    version_ = version;
  }
  if (answers_.size() >= max_entries) answers_.clear();
  answers_.insert_or_assign(std::move(key), std::move(response));
}

void response_cache::clear() {
  answers_.clear();
  version_.clear();
}

}  // namespace bevaka::http
