#pragma once
// A programme's yearly budget (seed 002's "BUDGET 2013"): areas under their headings, lines with
// a planned amount, and the outcomes recorded against the lines. Amounts are whole kronor in
// 64-bit integers, never floating point. Plain values; the store adapter reads and writes them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/cases/model.hpp"

namespace bevaka::engine {

using kronor = std::int64_t;

// Reads an amount as Swedish budgets write it: "175 000", "175000", "175 000" (no-break
// space) or "175 000" (narrow no-break space); groups after the first have three digits. A
// leading '-' is accepted (a correction); the caller decides whether it may be negative.
// nullopt for anything else: letters, decimals, "10 00", an amount beyond 18 digits.
[[nodiscard]] std::optional<kronor> parse_kronor(std::string_view text);

// "175 000": the amount with a space between groups of three, as the budget writes it.
[[nodiscard]] std::string format_kronor(kronor amount);

// A budget as read from a file, before any check of its sums. Line numbers are the file's, for
// "file:line" messages.
struct imported_budget_line {
  int line = 0;
  std::string name{};
  kronor amount = 0;
  std::string note{};  // the comment after a second tab, "(t.ex. upp/siktröjning, klotter)"
};

struct imported_budget_area {
  int line = 0;  // of the heading
  std::string name{};
  std::vector<imported_budget_line> lines{};
  int sum_line = 0;  // of its SUMMA
  kronor stated_sum = 0;
};

struct imported_budget {
  std::string source{};  // the file as the user named it
  std::vector<imported_budget_area> areas{};
  int total_line = 0;  // of TOTAL SUMMA
  kronor stated_total = 0;
};

// One line of a stored budget, with what has been spent on it so far.
struct budget_line {
  id_t id = 0;
  std::string name{};
  kronor planned = 0;
  std::string note{};  // from the file; empty when it had none
  kronor spent = 0;    // the sum of the outcomes recorded against it
};

struct budget_area {
  std::string name{};
  std::vector<budget_line> lines{};  // in the file's order

  [[nodiscard]] kronor planned() const;
  [[nodiscard]] kronor spent() const;
};

// One year's budget of one owner (a group such as Österåker's working committee).
struct budget {
  id_t id = 0;
  int year = 0;
  std::string owner{};
  std::string source{};              // the file it was imported from
  std::vector<budget_area> areas{};  // in the file's order

  [[nodiscard]] kronor total() const;
  [[nodiscard]] kronor spent() const;
};

// An entry in a budget's record: its import, and each outcome against a line. Never changed or
// deleted; a wrong outcome is corrected by a negative one.
struct budget_event {
  id_t budget_id = 0;
  std::optional<id_t> line_id{};  // none for the import
  std::string event{};            // "import" or "spend"
  kronor amount = 0;              // spent (spend), the total (import)
  std::string actor{};
  std::string at{};  // ISO 8601 with the Stockholm offset
  std::string note{};
};

}  // namespace bevaka::engine
