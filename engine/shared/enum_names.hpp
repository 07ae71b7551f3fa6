#pragma once
// An enum's names as the CLI, the JSON and the database spell them, in one constexpr table of
// {value, name} pairs beside the enum: `to_string`, `parse` and the list of names all read that
// table, so each name is typed once. Plain constexpr values; safe to use from any thread.

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace bevaka::engine {

template <class Enum, std::size_t N>
class enum_names {
 public:
  // `entries` lists each value once, with its name, in the order the names are shown (a CLI
  // option's choices, an error's list of what is accepted). A table declared constexpr with an
  // entry missing (fewer than N), an empty name, or a value or name twice does not compile.
  constexpr explicit enum_names(const std::pair<Enum, std::string_view> (&entries)[N]) {
    for (std::size_t i = 0; i < N; ++i) {
      values_[i] = entries[i].first;
      names_[i] = entries[i].second;
      if (names_[i].empty()) throw std::logic_error("enum_names: an entry without a name");
      for (std::size_t j = 0; j < i; ++j)
        if (values_[j] == values_[i] || names_[j] == names_[i])
          throw std::logic_error("enum_names: a value or a name twice");
    }
  }

  // The value's name; empty for a value the table does not list.
  [[nodiscard]] constexpr std::string_view to_string(Enum value) const {
    for (std::size_t i = 0; i < N; ++i)
      if (values_[i] == value) return names_[i];
    return {};
  }

  // The value spelled exactly `name` (case matters), or nullopt.
  [[nodiscard]] constexpr std::optional<Enum> parse(std::string_view name) const {
    for (std::size_t i = 0; i < N; ++i)
      if (names_[i] == name) return values_[i];
    return std::nullopt;
  }

  // Every name, in table order. Valid as long as the table: declare tables `inline constexpr`.
  [[nodiscard]] constexpr std::span<const std::string_view, N> names() const { return names_; }

 private:
  std::array<Enum, N> values_{};
  std::array<std::string_view, N> names_{};
};

}  // namespace bevaka::engine
