#include "tests/support/smtp_sink.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace bevaka::testing {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::filesystem::path> files_ending(const std::filesystem::path& dir,
                                                const std::string& suffix) {
  std::vector<std::filesystem::path> found;
  if (!std::filesystem::exists(dir)) return found;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().string().ends_with(suffix)) found.push_back(entry.path());
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

smtp_sink::smtp_sink(const std::string& name, smtp_tls tls) : tls_(tls) {
  static std::atomic<int> counter{0};
  const char* dir = std::getenv("BEVAKA_TEST_TMP");
  const auto base =
      dir && *dir ? std::filesystem::path(dir) : std::filesystem::temp_directory_path();
  state_ = (base / (name + "-smtp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)))
               .string();
  std::filesystem::remove_all(state_);
  std::filesystem::create_directories(state_);
  if (tls_ != smtp_tls::none) {
    // A fresh CA and certificate for each server, in its state folder: no key is committed.
    const auto command = fmt::format("{}/test-certificates '{}'", BEVAKA_FIXTURES_DIR, state_);
    if (std::system(command.c_str()) != 0)
      throw std::runtime_error("could not make the test certificates: " + command);
    std::ofstream(std::filesystem::path(state_) / "tls")
        << (tls_ == smtp_tls::starttls ? "starttls" : "smtps");
  }
  start();
}

smtp_sink::~smtp_sink() {
  try {
    stop();
  } catch (...) {  // a destructor must not throw; the state folder shows what happened
  }
}

void smtp_sink::run(const std::string& action) const {
  const auto command =
      fmt::format("{}/smtp-server {} '{}' {}", BEVAKA_FIXTURES_DIR, action, state_, port_);
  if (std::system(command.c_str()) != 0)
    throw std::runtime_error("the SMTP test server would not " + action + ": " + command);
}

void smtp_sink::start() {
  run("start");
  port_ = std::stoi(read_file(std::filesystem::path(state_) / "port"));
}

void smtp_sink::stop() { run("stop"); }

std::string smtp_sink::url() const {
  return fmt::format("{}://127.0.0.1:{}", tls_ == smtp_tls::implicit ? "smtps" : "smtp", port_);
}

std::string smtp_sink::ca_file() const {
  return tls_ == smtp_tls::none ? "" : (std::filesystem::path(state_) / "ca.crt").string();
}

void smtp_sink::answer(const std::string& mode) {
  std::ofstream(std::filesystem::path(state_) / "mode") << mode;
}

void smtp_sink::answer_after(std::chrono::milliseconds wait) {
  std::ofstream(std::filesystem::path(state_) / "delay")
      << fmt::format("{:.3f}", wait.count() / 1000.0);
}

std::vector<nlohmann::json> smtp_sink::messages() const {
  std::vector<nlohmann::json> all;
  for (const auto& path : files_ending(std::filesystem::path(state_) / "mail", ".json")) {
    auto message = nlohmann::json::parse(read_file(path));
    auto body = message.at("body").get<std::string>();
    std::erase(body, '\r');
    message["body"] = body;
    all.push_back(std::move(message));
  }
  return all;
}

std::string smtp_sink::raw(std::size_t index) const {
  return read_file(files_ending(std::filesystem::path(state_) / "mail", ".eml").at(index));
}

}  // namespace bevaka::testing
