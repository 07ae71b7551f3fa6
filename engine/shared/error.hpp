#pragma once
// The expected outcomes that are not success. Infrastructure failures (the database is gone, the
// disk is full) are exceptions instead, caught and mapped once at each adapter's edge.

#include <boost/system/result.hpp>
#include <string>
#include <utility>

namespace bevaka::engine {

enum class errc {
  bad_input,  // malformed or impossible input: a date that does not exist, an empty name
  not_found,  // no such body, round or assignment
  duplicate,  // a body name or reference number already taken
  refused,    // the case's state does not accept the event, or a rule forbids it
  conflict,   // someone else changed the case since it was read; try again
};

struct error {
  errc code;
  std::string message;  // one line, says what was wrong and where
};

template <class T>
using outcome = boost::system::result<T, error>;

[[nodiscard]] inline error make_error(errc code, std::string message) {
  return error{code, std::move(message)};
}

// Lets outcome<T>::value() throw when called on an error; callers normally test first.
[[noreturn]] void throw_exception_from_error(const error& e, const boost::source_location& loc);

}  // namespace bevaka::engine
