#pragma once
// The `--db` URL: `sqlite:PATH` (the embedded default) or `postgresql://...` (libpq's URI form).

#include <string>
#include <string_view>

#include "engine/shared/error.hpp"

namespace bevaka::store {

enum class backend { sqlite, postgresql };

struct database_url {
  backend kind = backend::sqlite;
  std::string target;  // the file path for SQLite, the whole URI for PostgreSQL
};

inline constexpr std::string_view default_database_url = "sqlite:bevaka.db";

// Refuses anything else with a message that shows the two accepted forms.
[[nodiscard]] engine::outcome<database_url> parse_database_url(std::string_view url);

}  // namespace bevaka::store
