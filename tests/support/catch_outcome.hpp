#pragma once
// Lets Catch print an engine outcome in a failed assertion: "ok" or the error's message.

#include <catch2/catch.hpp>

#include "engine/shared/error.hpp"

namespace Catch {
template <class T>
struct StringMaker<boost::system::result<T, bevaka::engine::error>> {
  static std::string convert(const boost::system::result<T, bevaka::engine::error>& r) {
    return r ? std::string("ok") : "error: " + r.error().message;
  }
};
}  // namespace Catch
