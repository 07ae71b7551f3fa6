// The API's budget reads. Every role may read a budget: it names no body's work.
#include <fmt/format.h>

#include <charconv>

#include "adapters/http/detail/call.hpp"
#include "adapters/views/budget_views.hpp"
#include "engine/budgets/budget_commands.hpp"

namespace bevaka::http::detail {

api_outcome<api_response> show_budget(call& c) {
  const auto& text = c.captures.at(0);
  int year = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc{} || end != text.data() + text.size())
    return bad_request(fmt::format("'{}' is not a year", text));
  const auto found = engine::find_budget(c.tx.budgets(), year);
  if (!found) return from_engine(found.error());
  return json_response(views::to_json(*found));
}

}  // namespace bevaka::http::detail
