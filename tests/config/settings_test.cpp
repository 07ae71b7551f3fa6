// The configuration file and the environment that overrides it.
#include "adapters/config/settings.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/support/catch_outcome.hpp"

using namespace bevaka;

namespace {

// A config file of its own for each test, in BEVAKA_TEST_TMP.
std::filesystem::path write_config(const std::string& text) {
  static int counter = 0;
  const char* dir = std::getenv("BEVAKA_TEST_TMP");
  const auto base =
      dir && *dir ? std::filesystem::path(dir) : std::filesystem::temp_directory_path();
  const auto folder =
      base / ("config-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "bevaka.toml") << text;
  return folder / "bevaka.toml";
}

struct no_overrides {
  no_overrides() {
    for (const auto* name : {"BEVAKA_MAIL_FROM", "BEVAKA_REGISTRAR_EMAIL", "BEVAKA_SMTP_URL",
                             "BEVAKA_SMTP_PASSWORD", "BEVAKA_SMTP_CA_FILE", "BEVAKA_MAIL_DIR"})
      ::unsetenv(name);
  }
};

}  // namespace

TEST_CASE_METHOD(no_overrides, "The shipped configuration and its templates load", "[config]") {
  const auto file = std::filesystem::path(BEVAKA_SOURCE_CONFIG) / "bevaka.toml";
  const auto s = config::load_settings(file);
  REQUIRE(s);
  CHECK(s->mail.smtp_url.empty());
  CHECK(s->mail.smtp_ca_file.empty());
  CHECK(s->mail.dir == "var/outbox");
  CHECK(s->reminders.default_policy == "standard");
  CHECK(to_string(config::resolve_policy(s->reminders, "").value()) == "-20,-10,-3,+1,+5!");
  const auto templates = config::load_templates(s->mail);
  REQUIRE(templates);
  CHECK(templates->overdue.subject == "Försenat svar: {ref} {title}");
}

TEST_CASE_METHOD(no_overrides, "Settings come from the file, and BEVAKA_* variables override them",
                 "[config]") {
  const auto file = write_config(R"(
[mail]
from = "bevaka@boras.example.se"
smtp_url = "smtp://mail@127.0.0.1:2525"
smtp_password = "från filen"
smtp_ca_file = "/etc/ssl/boras/kommunens-ca.pem"

[reminders]
default = "-5,+1"
retry_first_seconds = 30
)");
  auto s = config::load_settings(file);
  REQUIRE(s);
  CHECK(s->mail.from == "bevaka@boras.example.se");
  CHECK(s->mail.smtp_password == "från filen");
  CHECK(s->mail.smtp_ca_file == "/etc/ssl/boras/kommunens-ca.pem");
  CHECK(s->mail.registrar == "registrator@kommun.example.se");
  CHECK(s->reminders.retry_first == std::chrono::seconds{30});
  CHECK(to_string(config::resolve_policy(s->reminders, "").value()) == "-5,+1");

  ::setenv("BEVAKA_MAIL_FROM", "trygghet@boras.example.se", 1);
  ::setenv("BEVAKA_SMTP_PASSWORD", "från miljön", 1);
  ::setenv("BEVAKA_MAIL_DIR", "/tmp/brev", 1);
  ::setenv("BEVAKA_SMTP_CA_FILE", "/tmp/test-ca.pem", 1);
  s = config::load_settings(file);
  REQUIRE(s);
  CHECK(s->mail.from == "trygghet@boras.example.se");
  CHECK(s->mail.smtp_password == "från miljön");
  CHECK(s->mail.dir == "/tmp/brev");
  CHECK(s->mail.smtp_ca_file == "/tmp/test-ca.pem");
}

TEST_CASE_METHOD(no_overrides, "A named policy is found by its name; offsets are read as they are",
                 "[config]") {
  const auto file = write_config(R"(
[reminders.policies]
snabb = "-2,+1!"
)");
  const auto s = config::load_settings(file);
  REQUIRE(s);
  CHECK(to_string(config::resolve_policy(s->reminders, "snabb").value()) == "-2,+1!");
  CHECK(to_string(config::resolve_policy(s->reminders, "-7").value()) == "-7");
  CHECK_FALSE(config::resolve_policy(s->reminders, "långsam"));
}

TEST_CASE_METHOD(no_overrides,
                 "A malformed file, an unknown setting or a bad policy is refused with file:line",
                 "[config]") {
  const auto refused = [](const std::string& text) {
    const auto file = write_config(text);
    const auto s = config::load_settings(file);
    REQUIRE_FALSE(s);
    CHECK(s.error().code == engine::errc::bad_input);
    CHECK_THAT(s.error().message, Catch::StartsWith(file.string() + ":"));
    return s.error().message;
  };
  CHECK_THAT(refused("[mail]\nfrom = \"unterminated\n"), Catch::Contains(":2:"));
  CHECK_THAT(refused("[mail]\n\nsender = \"x@example.se\"\n"),
             Catch::Contains(":3: unknown setting mail.sender"));
  CHECK_THAT(refused("[mail]\nfrom = 5\n"), Catch::Contains(":2: from must be a string"));
  CHECK_THAT(refused("[reminders.policies]\nkort = \"-3,x\"\n"),
             Catch::Contains(":2:") && Catch::Contains("'x'"));
  CHECK_THAT(refused("[reminders]\nretry_max_seconds = 0\n"), Catch::Contains(":2:"));
  CHECK_THAT(refused("[reminders]\ndefault = \"saknas\"\n"), Catch::Contains("reminders.default"));
}

TEST_CASE_METHOD(no_overrides, "A configuration file that is not there is named", "[config]") {
  const auto s = config::load_settings("/nonexistent/bevaka.toml");
  REQUIRE_FALSE(s);
  CHECK_THAT(s.error().message, Catch::Contains("/nonexistent/bevaka.toml"));
}

TEST_CASE_METHOD(no_overrides, "Reference patterns are read per municipality and checked",
                 "[config][references]") {
  const auto file = write_config(R"([references.patterns]
"Järfälla" = "{series} {year}/{number}"
"Borås" = ["{year}/{series}{number}[ {sub}]", "{series} {year}/{number}"]
)");
  const auto s = config::load_settings(file);
  REQUIRE(s);
  CHECK(s->references.patterns.at("Borås").size() == 2);
  const auto patterns = config::reference_patterns(s->references);
  REQUIRE(patterns.size() == 3);
  CHECK(patterns[0].text() == "{year}/{series}{number}[ {sub}]");  // by municipality's name
  CHECK(config::load_settings(write_config(""))->references.patterns.empty());

  const auto broken = config::load_settings(write_config(R"([references.patterns]
"Järfälla" = "{series} {year}/{number}"
"Österåker" = ["{series} {år}/{number}"]
)"));
  REQUIRE_FALSE(broken);
  CHECK(broken.error().code == engine::errc::bad_input);
  CHECK_THAT(broken.error().message, Catch::Matchers::Contains("bevaka.toml:3:") &&
                                         Catch::Matchers::Contains("unknown placeholder {år}"));
}

TEST_CASE_METHOD(no_overrides, "The council is KBR unless the municipality names it otherwise",
                 "[config]") {
  const auto shipped =
      config::load_settings(std::filesystem::path(BEVAKA_SOURCE_CONFIG) / "bevaka.toml");
  REQUIRE(shipped);
  CHECK(shipped->council.name == "KBR");
  CHECK(shipped->council.long_name == "Brottsförebyggande rådet");

  const auto boras = config::load_settings(write_config(R"(
[council]
name = "Brå"
long_name = "Brottsförebyggande rådet i Borås"
)"));
  REQUIRE(boras);
  CHECK(boras->council.name == "Brå");
  CHECK(boras->council.long_name == "Brottsförebyggande rådet i Borås");

  const auto none = config::load_settings(write_config("[mail]\n"));
  REQUIRE(none);
  CHECK(none->council.name == "KBR");

  const auto empty = config::load_settings(write_config("[council]\nname = \" \"\n"));
  REQUIRE_FALSE(empty);
  CHECK(empty.error().message.ends_with(":2: council.name must not be empty"));
  const auto misspelt = config::load_settings(write_config("[council]\nnamn = \"Brå\"\n"));
  REQUIRE_FALSE(misspelt);
  CHECK(misspelt.error().message.ends_with(":2: unknown setting council.namn"));
}
