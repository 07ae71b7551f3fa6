#pragma once
// bevaka's settings: plain structs with in-class defaults, read once from the TOML file
// (config/bevaka.toml, or BEVAKA_CONFIG) and then from the BEVAKA_* environment variables that
// override single settings.

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/reminders/reminder_message.hpp"
#include "engine/reminders/reminder_policy.hpp"
#include "engine/shared/council.hpp"
#include "engine/shared/error.hpp"
#include "engine/shared/reference_number.hpp"

namespace bevaka::config {

struct mail_settings {
  std::string from = "bevaka@kommun.example.se";            // BEVAKA_MAIL_FROM
  std::string registrar = "registrator@kommun.example.se";  // BEVAKA_REGISTRAR_EMAIL
  std::string contact = "trygghetssamordnaren";             // {contact} in the templates
  std::string smtp_url{};                                   // BEVAKA_SMTP_URL; empty: files
  std::string smtp_password{};                              // BEVAKA_SMTP_PASSWORD
  std::filesystem::path smtp_ca_file{};                     // BEVAKA_SMTP_CA_FILE; empty: OS CAs
  std::filesystem::path dir = "var/outbox";                 // BEVAKA_MAIL_DIR
  std::filesystem::path templates{};                        // reminder.txt, overdue.txt, ...
};

struct reminder_settings {
  std::string default_policy = "-20,-10,-3,+1,+5!";            // offsets, or a name from `policies`
  std::map<std::string, std::string, std::less<>> policies{};  // name -> offsets
  std::chrono::seconds retry_first{60};
  std::chrono::seconds retry_max{3600};
};

// How each municipality writes its reference numbers (engine/shared/reference_number.hpp), e.g.
// "Järfälla" -> {"{series} {year}/{number}"}. With none, any reference number is taken.
struct reference_settings {
  std::map<std::string, std::vector<std::string>, std::less<>> patterns{};
};

struct settings {
  // A name, not something a deployment overrides: no BEVAKA_* variable.
  engine::council_names council{};
  mail_settings mail{};
  reminder_settings reminders{};
  reference_settings references{};
};

// The file BEVAKA_CONFIG names; else config/bevaka.toml in the working folder if there is one;
// else the one in the source tree this bevaka was built from.
[[nodiscard]] std::filesystem::path config_file();

// Reads `file` and then the environment. A malformed file, an unknown key or a value of the
// wrong type is bad_input, "FILE:LINE: what is wrong"; a missing file is bad_input too.
[[nodiscard]] engine::outcome<settings> load_settings(const std::filesystem::path& file);

// `text` is a policy's name from the settings or offsets written out; empty means the default.
[[nodiscard]] engine::outcome<engine::reminder_policy> resolve_policy(
    const reminder_settings& settings, std::string_view text);

// Every municipality's patterns, in the file's order of municipalities (by name) and patterns.
// load_settings has checked them.
[[nodiscard]] std::vector<engine::reference_pattern> reference_patterns(
    const reference_settings& settings);

// Reads and checks reminder.txt, overdue.txt and escalation.txt from mail.templates.
[[nodiscard]] engine::outcome<engine::reminder_templates> load_templates(const mail_settings& mail);

}  // namespace bevaka::config
