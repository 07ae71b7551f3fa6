#include "adapters/cli/reference_options.hpp"

#include <fmt/format.h>

#include "adapters/config/settings.hpp"

namespace bevaka::cli {

engine::outcome<engine::reference_number> reference_number_option(const std::string& text) {
  const auto s = config::load_settings(config::config_file());
  if (!s) return s.error();
  auto checked = engine::check_reference(config::reference_patterns(s->references), text);
  if (!checked)
    return engine::make_error(engine::errc::bad_input,
                              fmt::format("--ref: {}", checked.error().message));
  return checked;
}

}  // namespace bevaka::cli
