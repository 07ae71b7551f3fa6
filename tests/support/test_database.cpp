#include "tests/support/test_database.hpp"

#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace bevaka::testing {
namespace {

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::string postgresql_server_url() {
  const auto file = environment("BEVAKA_TEST_POSTGRESQL_URL_FILE");
  std::ifstream in(file);
  std::string url;
  if (file.empty() || !std::getline(in, url) || url.empty())
    throw std::runtime_error(
        "BEVAKA_TEST_BACKEND=postgresql, but no server URL in BEVAKA_TEST_POSTGRESQL_URL_FILE: "
        "run the tests through ctest, which starts the server");
  return url;
}

// A database per test binary, emptied for each test: quicker than CREATE DATABASE per test.
std::string fresh_postgresql_database(const std::string& name) {
  const auto server = postgresql_server_url();
  {
    store::soci_store admin(*store::parse_database_url(server + "/postgres"));
    long long exists = 0;
    admin.session() << "SELECT COUNT(*) FROM pg_database WHERE datname = :name", soci::use(name),
        soci::into(exists);
    if (!exists) admin.session() << "CREATE DATABASE " + name;
  }
  const auto url = server + "/" + name;
  store::soci_store db(*store::parse_database_url(url));
  db.session() << "DROP SCHEMA public CASCADE";
  db.session() << "CREATE SCHEMA public";
  return url;
}

std::string fresh_sqlite_path(const std::string& name) {
  static std::atomic<int> counter{0};
  auto dir = environment("BEVAKA_TEST_TMP");
  if (dir.empty()) dir = std::filesystem::temp_directory_path();
  std::filesystem::create_directories(dir);
  const auto path = std::filesystem::path(dir) / (name + "-" + std::to_string(::getpid()) + "-" +
                                                  std::to_string(counter++) + ".db");
  for (const auto* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return path.string();
}

}  // namespace

std::string test_backend() {
  const auto backend = environment("BEVAKA_TEST_BACKEND");
  return backend.empty() ? "sqlite" : backend;
}

test_database::test_database(const std::string& name) {
  if (test_backend() == "postgresql") {
    url_ = fresh_postgresql_database(name);
  } else {
    sqlite_path_ = fresh_sqlite_path(name);
    url_ = "sqlite:" + sqlite_path_;
  }
  store_ = std::make_unique<store::soci_store>(*store::parse_database_url(url_));
  store_->migrate();
}

test_database::~test_database() {
  store_.reset();
  if (sqlite_path_.empty()) return;
  std::error_code ignored;
  for (const auto* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(sqlite_path_ + suffix, ignored);
}

bool test_database::is_postgresql() const { return sqlite_path_.empty(); }

}  // namespace bevaka::testing
