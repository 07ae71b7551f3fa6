#include "adapters/cli/runtime.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>

namespace bevaka::cli {

store::soci_store& runtime::store(bool create) {
  if (opened) return *opened;
  if (db.kind == store::backend::sqlite && !create && !std::filesystem::exists(db.target))
    throw store::database_error(
        fmt::format("no database at {}: run `bevaka init` first", db.target));
  opened = std::make_unique<store::soci_store>(
      db, create ? store::open_mode::create : store::open_mode::existing);
  return *opened;
}

std::string default_actor() {
  for (const char* name : {"BEVAKA_USER", "USER", "LOGNAME"})
    if (const char* value = std::getenv(name); value && *value) return value;
  return "cli";
}

engine::outcome<engine::date> read_date(std::string_view option, const std::string& text) {
  if (const auto day = engine::parse_date(text)) return *day;
  return engine::make_error(
      engine::errc::bad_input,
      fmt::format("{} '{}' is not a date (YYYY-MM-DD that exists)", option, text));
}

CLI::IsMember one_of(std::span<const std::string_view> names) {
  return CLI::IsMember(std::vector<std::string>(names.begin(), names.end()));
}

}  // namespace bevaka::cli
