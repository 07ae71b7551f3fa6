#include <iostream>

#include "adapters/cli/app.hpp"

int main(int argc, char** argv) { return bevaka::cli::run(argc, argv, std::cout, std::cerr); }
