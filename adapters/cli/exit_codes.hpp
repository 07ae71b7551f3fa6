#pragma once
// The CLI's exit codes, one table for every command. Scripts rely on them.

#include "engine/shared/error.hpp"

namespace bevaka::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_bad_input = 2;  // malformed arguments or input, impossible dates
inline constexpr int exit_not_found = 3;  // no such body, round or assignment
inline constexpr int exit_refused = 4;    // the state does not accept it, a duplicate, a conflict
inline constexpr int exit_database = 5;   // the database is unreachable, broken or not initialised
inline constexpr int exit_internal = 70;  // a bug: please report it

[[nodiscard]] constexpr int exit_code_for(engine::errc code) {
  switch (code) {
    case engine::errc::bad_input:
      return exit_bad_input;
    case engine::errc::not_found:
      return exit_not_found;
    case engine::errc::duplicate:
    case engine::errc::refused:
    case engine::errc::conflict:
      return exit_refused;
  }
  return exit_internal;
}

}  // namespace bevaka::cli
