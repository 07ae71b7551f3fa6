#pragma once
// The `bevaka` command line: parses, calls the engine, renders. Handlers do nothing else.

#include <ostream>

namespace bevaka::cli {

// Runs one command; returns the exit code (exit_codes.hpp). Answers go to `out`, a refusal is
// one line on `err`.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace bevaka::cli
