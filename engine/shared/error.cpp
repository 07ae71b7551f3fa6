#include "engine/shared/error.hpp"

#include <stdexcept>

namespace bevaka::engine {

void throw_exception_from_error(const error& e, const boost::source_location&) {
  throw std::runtime_error(e.message);
}

}  // namespace bevaka::engine
