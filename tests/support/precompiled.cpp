// Compiles the tests' precompiled header (tests/CMakeLists.txt): the test binaries reuse it.
