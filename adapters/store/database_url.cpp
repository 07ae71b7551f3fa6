#include "adapters/store/database_url.hpp"

#include <fmt/format.h>

namespace bevaka::store {

engine::outcome<database_url> parse_database_url(std::string_view url) {
  const auto malformed = [&](std::string_view why) {
    return engine::make_error(
        engine::errc::bad_input,
        fmt::format("--db '{}': {}; use sqlite:PATH or postgresql://[user@]host[:port]/dbname", url,
                    why));
  };
  if (url.starts_with("sqlite:")) {
    const auto path = url.substr(7);
    if (path.empty()) return malformed("the SQLite file path is missing");
    return database_url{backend::sqlite, std::string(path)};
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    const auto rest = url.substr(url.find("://") + 3);
    if (rest.empty() || rest.front() == '/') return malformed("the PostgreSQL host is missing");
    return database_url{backend::postgresql, std::string(url)};
  }
  return malformed("unknown kind of database");
}

}  // namespace bevaka::store
