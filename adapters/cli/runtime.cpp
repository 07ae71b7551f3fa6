#include "adapters/cli/runtime.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
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

engine::outcome<double> read_number(std::string_view option, std::string text) {
  std::replace(text.begin(), text.end(), ',', '.');
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() ||
      !std::isfinite(value))
    return engine::make_error(engine::errc::bad_input,
                              fmt::format("{} '{}' is not a number", option, text));
  return value;
}

std::optional<std::string> optional_text(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

CLI::Option* add_year_option(CLI::App& command, int& year, const std::string& description) {
  return command.add_option("--year", year, description)->required()->check(CLI::Range(1900, 9999));
}

CLI::IsMember one_of(std::span<const std::string_view> names) {
  return CLI::IsMember(std::vector<std::string>(names.begin(), names.end()));
}

}  // namespace bevaka::cli
