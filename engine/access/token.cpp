#include "engine/access/token.hpp"

namespace bevaka::engine {

std::string_view to_string(role r) { return role_names.to_string(r); }

std::optional<role> parse_role(std::string_view text) { return role_names.parse(text); }

}  // namespace bevaka::engine
