#pragma once
// A fresh, migrated database for one test, on the backend this test run is for:
// BEVAKA_TEST_BACKEND=sqlite (a new file) or postgresql (a fresh schema on the throwaway server
// that the ctest fixture started; its URL is in the file BEVAKA_TEST_POSTGRESQL_URL_FILE).

#include <memory>
#include <string>

#include "adapters/store/soci_store.hpp"

namespace bevaka::testing {

class test_database {
 public:
  // `name` keeps test binaries that share the PostgreSQL server apart (one database each).
  explicit test_database(const std::string& name);
  ~test_database();

  // The --db URL of this database.
  [[nodiscard]] const std::string& url() const { return url_; }
  [[nodiscard]] store::soci_store& store() { return *store_; }
  [[nodiscard]] bool is_postgresql() const;

 private:
  std::string url_;
  std::string sqlite_path_;
  std::unique_ptr<store::soci_store> store_;
};

// The backend under test, for test names and tags in messages.
[[nodiscard]] std::string test_backend();

}  // namespace bevaka::testing
