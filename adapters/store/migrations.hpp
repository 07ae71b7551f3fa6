#pragma once
// The schema as numbered migrations. A migration is a list of single statements (SOCI runs one
// statement per call), written once for both backends; `{id}` stands for the backend's
// auto-numbered primary key column.

#include <span>
#include <string_view>
#include <vector>

namespace soci {
class session;
}

namespace bevaka::store {

struct migration {
  int version;
  std::string_view name;
  std::vector<std::string_view> statements;
  // Runs after the statements, in the same transaction: data that SQL cannot compute alike on
  // both backends (it uses the engine's own functions). Null for most migrations.
  void (*then)(soci::session&) = nullptr;
};

// In version order. Never edit an applied migration: add a new one.
[[nodiscard]] std::span<const migration> migrations();

}  // namespace bevaka::store
