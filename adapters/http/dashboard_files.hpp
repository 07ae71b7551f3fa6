#pragma once
// The dashboard's files (dashboard/: HTML, CSS, JavaScript), built into the binary by
// embed_dashboard.cmake: nothing to build or install at run time.

#include <optional>
#include <string_view>

namespace bevaka::http {

struct static_file {
  std::string_view path;  // "/index.html"
  std::string_view content_type;
  std::string_view content;
};

// The file served at `path`; "/" is "/index.html". nullopt for any other path.
[[nodiscard]] std::optional<static_file> dashboard_file(std::string_view path);

}  // namespace bevaka::http
