#pragma once
// API tokens: made from a cryptographically secure random source, kept only as their SHA-256
// (OpenSSL). A token has 256 random bits, so an unsalted hash is enough: nobody can guess one.

#include <string>
#include <string_view>

namespace bevaka::http {

// "bvk_" and 64 hex digits from OpenSSL's CSPRNG. Throws std::runtime_error when the random
// source fails (it does not fall back to anything weaker).
[[nodiscard]] std::string new_api_token();

// The lower-case hex SHA-256 of `token`: what the store keeps and looks tokens up by.
[[nodiscard]] std::string token_hash(std::string_view token);

}  // namespace bevaka::http
