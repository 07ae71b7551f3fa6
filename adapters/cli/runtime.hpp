#pragma once
// What every command handler works with once the global options have been read: the output,
// the clock, and the database (opened on first use).

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/cli/render.hpp"
#include "adapters/store/soci_store.hpp"
#include "adapters/views/json_views.hpp"
#include "engine/cases/commands.hpp"
#include "engine/shared/clock.hpp"
#include "engine/shared/error.hpp"

namespace bevaka::cli {

// The JSON shapes live in adapters/views, shared with the HTTP API.
using views::to_json;
using views::to_json_array;

struct runtime {
  std::ostream& out;
  output_format format;
  engine::timestamp now;
  store::database_url db;
  std::unique_ptr<store::soci_store> opened;
  bool now_given = false;  // --now or BEVAKA_NOW: the clock stands still (`serve` needs to know)

  // Opens the database on first use. Only `init` may create it.
  store::soci_store& store(bool create = false);
  // Who acts (`by`) and when (the clock), for a command that records an event.
  [[nodiscard]] engine::command_context context(const std::string& by) const {
    return engine::command_context{now, by};
  }
};

// A parsed command, run once the global options are known.
using handler = std::function<engine::outcome<void>(runtime&)>;

// A json converts to almost anything, so result<json> needs to be told which side it is on.
inline engine::outcome<json> ok(json value) {
  return {boost::system::in_place_value, std::move(value)};
}

// Who acts when --by is not given: the login name, so the record never says "nobody".
[[nodiscard]] std::string default_actor();

// `text` as a date, or a bad_input error that names the option.
[[nodiscard]] engine::outcome<engine::date> read_date(std::string_view option,
                                                      const std::string& text);

// `text` as a number, "12,5" as people in Sweden write it or "12.5"; a bad_input error that
// names the option otherwise (and shows the text with its comma read as a point).
[[nodiscard]] engine::outcome<double> read_number(std::string_view option, std::string text);

// An option left empty as not given.
[[nodiscard]] std::optional<std::string> optional_text(const std::string& text);

// Adds the required option --year to `command`: a year from 1900 to 9999, as the plans and the
// indicators count them.
CLI::Option* add_year_option(CLI::App& command, int& year, const std::string& description);

// Accepts exactly one of an enum's names (engine/enum_names.hpp) and lists them in --help.
[[nodiscard]] CLI::IsMember one_of(std::span<const std::string_view> names);

}  // namespace bevaka::cli
