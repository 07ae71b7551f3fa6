#include "adapters/config/settings.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace bevaka::config {
namespace {

using engine::errc;
using engine::make_error;
using engine::outcome;

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::string where(const std::filesystem::path& file, const toml::node& node) {
  return fmt::format("{}:{}", file.string(), node.source().begin.line);
}

// Reads the string `key` of `table` into `into`, if present; refuses another type.
std::optional<engine::error> read_string(const std::filesystem::path& file,
                                         const toml::table& table, std::string_view key,
                                         std::string& into) {
  const auto* node = table.get(key);
  if (!node) return std::nullopt;
  const auto* value = node->as_string();
  if (!value)
    return make_error(errc::bad_input,
                      fmt::format("{}: {} must be a string", where(file, *node), key));
  into = value->get();
  return std::nullopt;
}

std::optional<engine::error> read_seconds(const std::filesystem::path& file,
                                          const toml::table& table, std::string_view key,
                                          std::chrono::seconds& into) {
  const auto* node = table.get(key);
  if (!node) return std::nullopt;
  const auto* value = node->as_integer();
  if (!value || value->get() <= 0)
    return make_error(errc::bad_input, fmt::format("{}: {} must be a whole number of seconds > 0",
                                                   where(file, *node), key));
  into = std::chrono::seconds{value->get()};
  return std::nullopt;
}

// An unknown key is most likely a misspelt one: refused rather than silently ignored.
std::optional<engine::error> refuse_unknown(const std::filesystem::path& file,
                                            const toml::table& table,
                                            std::initializer_list<std::string_view> known,
                                            std::string_view section) {
  for (const auto& [key, node] : table)
    if (std::find(known.begin(), known.end(), key.str()) == known.end())
      return make_error(errc::bad_input, fmt::format("{}: unknown setting {}{}", where(file, node),
                                                     section, key.str()));
  return std::nullopt;
}

// A name may not be empty: every label that names the council would read "Diskuterad i ".
std::optional<engine::error> read_council(const std::filesystem::path& file, const toml::table& t,
                                          engine::council_names& council) {
  if (auto bad = refuse_unknown(file, t, {"name", "long_name"}, "council.")) return bad;
  for (auto [key, into] : {std::pair<std::string_view, std::string*>{"name", &council.name},
                           {"long_name", &council.long_name}}) {
    if (auto bad = read_string(file, t, key, *into)) return bad;
    if (into->find_first_not_of(" \t") == std::string::npos)
      return make_error(errc::bad_input, fmt::format("{}: council.{} must not be empty",
                                                     where(file, *t.get(key)), key));
  }
  return std::nullopt;
}

std::optional<engine::error> read_mail(const std::filesystem::path& file, const toml::table& t,
                                       mail_settings& mail) {
  if (auto bad = refuse_unknown(file, t,
                                {"from", "registrar", "contact", "smtp_url", "smtp_password",
                                 "smtp_ca_file", "dir", "templates"},
                                "mail."))
    return bad;
  std::string dir = mail.dir.string(), templates, ca_file = mail.smtp_ca_file.string();
  for (auto [key, into] : {std::pair<std::string_view, std::string*>{"from", &mail.from},
                           {"registrar", &mail.registrar},
                           {"contact", &mail.contact},
                           {"smtp_url", &mail.smtp_url},
                           {"smtp_password", &mail.smtp_password},
                           {"smtp_ca_file", &ca_file},
                           {"dir", &dir},
                           {"templates", &templates}})
    if (auto bad = read_string(file, t, key, *into)) return bad;
  mail.dir = dir;
  mail.smtp_ca_file = ca_file;
  if (!templates.empty()) mail.templates = file.parent_path() / templates;
  return std::nullopt;
}

std::optional<engine::error> read_reminders(const std::filesystem::path& file, const toml::table& t,
                                            reminder_settings& r) {
  if (auto bad = refuse_unknown(file, t,
                                {"default", "retry_first_seconds", "retry_max_seconds", "policies"},
                                "reminders."))
    return bad;
  if (auto bad = read_string(file, t, "default", r.default_policy)) return bad;
  if (auto bad = read_seconds(file, t, "retry_first_seconds", r.retry_first)) return bad;
  if (auto bad = read_seconds(file, t, "retry_max_seconds", r.retry_max)) return bad;
  const auto* policies = t.get_as<toml::table>("policies");
  if (!policies) return std::nullopt;
  for (const auto& [name, node] : *policies) {
    const auto* text = node.as_string();
    const auto parsed = text ? engine::parse_reminder_policy(text->get())
                             : engine::outcome<engine::reminder_policy>(
                                   make_error(errc::bad_input, "a policy must be a string"));
    if (!parsed)
      return make_error(errc::bad_input,
                        fmt::format("{}: {}", where(file, node), parsed.error().message));
    r.policies.emplace(std::string(name.str()), text->get());
  }
  return std::nullopt;
}

// A municipality's patterns: one string, or an array of them; each must parse.
std::optional<engine::error> read_municipality_patterns(const std::filesystem::path& file,
                                                        const toml::node& node,
                                                        std::vector<std::string>& into) {
  const auto must_be = [&](const toml::node& at, std::string_view why) {
    return make_error(errc::bad_input, fmt::format("{}: {}", where(file, at), why));
  };
  std::vector<const toml::node*> values{&node};
  if (const auto* array = node.as_array()) {
    values.clear();
    for (const auto& value : *array) values.push_back(&value);
  }
  for (const auto* value : values) {
    const auto* text = value->as_string();
    if (!text) return must_be(*value, "a reference pattern must be a string");
    if (const auto parsed = engine::reference_pattern::parse(text->get()); !parsed)
      return must_be(*value, parsed.error().message);
    into.push_back(text->get());
  }
  if (into.empty()) return must_be(node, "a municipality needs at least one reference pattern");
  return std::nullopt;
}

std::optional<engine::error> read_references(const std::filesystem::path& file,
                                             const toml::table& t, reference_settings& r) {
  if (auto bad = refuse_unknown(file, t, {"patterns"}, "references.")) return bad;
  const auto* node = t.get("patterns");
  if (!node) return std::nullopt;
  const auto* patterns = node->as_table();
  if (!patterns)
    return make_error(errc::bad_input,
                      fmt::format("{}: references.patterns must be a table of municipalities",
                                  where(file, *node)));
  for (const auto& [municipality, value] : *patterns)
    if (auto bad =
            read_municipality_patterns(file, value, r.patterns[std::string(municipality.str())]))
      return bad;
  return std::nullopt;
}

void apply_environment(settings& s) {
  const std::pair<const char*, std::string*> overrides[] = {
      {"BEVAKA_MAIL_FROM", &s.mail.from},
      {"BEVAKA_REGISTRAR_EMAIL", &s.mail.registrar},
      {"BEVAKA_SMTP_URL", &s.mail.smtp_url},
      {"BEVAKA_SMTP_PASSWORD", &s.mail.smtp_password}};
  for (const auto& [name, into] : overrides)
    if (auto value = environment(name); !value.empty()) *into = value;
  if (auto dir = environment("BEVAKA_MAIL_DIR"); !dir.empty()) s.mail.dir = dir;
  if (auto ca = environment("BEVAKA_SMTP_CA_FILE"); !ca.empty()) s.mail.smtp_ca_file = ca;
}

}  // namespace

std::filesystem::path config_file() {
  if (auto named = environment("BEVAKA_CONFIG"); !named.empty()) return named;
  if (std::filesystem::exists("config/bevaka.toml")) return "config/bevaka.toml";
  return std::filesystem::path(BEVAKA_SOURCE_CONFIG_DIR) / "bevaka.toml";
}

outcome<settings> load_settings(const std::filesystem::path& file) {
  settings s;
  s.mail.templates = file.parent_path() / "templates";
  toml::table root;
  try {
    root = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    if (!std::filesystem::exists(file))
      return make_error(errc::bad_input, fmt::format("no configuration file {}", file.string()));
    return make_error(errc::bad_input, fmt::format("{}:{}: {}", file.string(),
                                                   e.source().begin.line, e.description()));
  }
  if (auto bad = refuse_unknown(file, root, {"council", "mail", "reminders", "references"}, ""))
    return *bad;
  if (const auto* council = root.get_as<toml::table>("council"))
    if (auto bad = read_council(file, *council, s.council)) return *bad;
  if (const auto* mail = root.get_as<toml::table>("mail"))
    if (auto bad = read_mail(file, *mail, s.mail)) return *bad;
  if (const auto* reminders = root.get_as<toml::table>("reminders"))
    if (auto bad = read_reminders(file, *reminders, s.reminders)) return *bad;
  if (const auto* references = root.get_as<toml::table>("references"))
    if (auto bad = read_references(file, *references, s.references)) return *bad;
  apply_environment(s);
  if (const auto policy = resolve_policy(s.reminders, ""); !policy)
    return make_error(errc::bad_input, fmt::format("{}: reminders.default: {}", file.string(),
                                                   policy.error().message));
  return s;
}

outcome<engine::reminder_policy> resolve_policy(const reminder_settings& settings,
                                                std::string_view text) {
  const std::string_view chosen = text.empty() ? settings.default_policy : text;
  if (const auto named = settings.policies.find(chosen); named != settings.policies.end())
    return engine::parse_reminder_policy(named->second);
  return engine::parse_reminder_policy(chosen);
}

std::vector<engine::reference_pattern> reference_patterns(const reference_settings& settings) {
  std::vector<engine::reference_pattern> all;
  for (const auto& [municipality, patterns] : settings.patterns)
    for (const auto& pattern : patterns) all.push_back(*engine::reference_pattern::parse(pattern));
  return all;
}

outcome<engine::reminder_templates> load_templates(const mail_settings& mail) {
  engine::reminder_templates templates;
  for (auto [name, into] :
       {std::pair<const char*, engine::message_template*>{"reminder.txt", &templates.reminder},
        {"overdue.txt", &templates.overdue},
        {"escalation.txt", &templates.escalation}}) {
    const auto path = mail.templates / name;
    std::ifstream in(path, std::ios::binary);
    if (!in)
      return make_error(errc::bad_input, fmt::format("cannot read the template {}", path.string()));
    std::ostringstream text;
    text << in.rdbuf();
    auto parsed = engine::parse_message_template(path.string(), text.str());
    if (!parsed) return parsed.error();
    *into = std::move(*parsed);
  }
  return templates;
}

}  // namespace bevaka::config
