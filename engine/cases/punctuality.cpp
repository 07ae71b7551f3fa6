#include "engine/cases/punctuality.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>

#include "engine/cases/lookup.hpp"
#include "workflows/assignment.hpp"

namespace bevaka::engine {
namespace {

constexpr int first_year = 1600;  // the calendar's range (engine/calendar)
constexpr int last_year = 9999;

enum class column { on_time, late, unanswered, declined };

// Where an assignment counts; nullopt when its outcome is not known yet or nothing was asked.
// A first answer decides, whatever came after it: the body did answer, on time or not.
std::optional<column> column_of(const punctuality_record& r) {
  namespace state = workflows::assignment_state;
  if (r.state == state::withdrawn || r.state == state::draft) return std::nullopt;
  if (r.first_late_by_working_days)
    return *r.first_late_by_working_days > 0 ? column::late : column::on_time;
  if (r.state == state::declined) return column::declined;
  if (r.state == state::unanswered) return column::unanswered;
  return std::nullopt;
}

std::optional<double> median(std::vector<int> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const auto middle = values.size() / 2;
  if (values.size() % 2 == 1) return values[middle];
  return (values[middle - 1] + values[middle]) / 2.0;
}

struct tally {
  punctuality_row row;
  std::vector<int> late_days;
};

void add(tally& t, column c, const punctuality_record& r) {
  ++t.row.assignments;
  switch (c) {
    case column::on_time:
      ++t.row.on_time;
      return;
    case column::late:
      ++t.row.late;
      t.late_days.push_back(*r.first_late_by_working_days);
      return;
    case column::unanswered:
      ++t.row.unanswered;
      return;
    case column::declined:
      ++t.row.declined;
      return;
  }
}

outcome<void> check_years(const punctuality_request& request) {
  for (const auto& year : {request.from_year, request.to_year})
    if (year && (*year < first_year || *year > last_year))
      return make_error(errc::bad_input,
                        fmt::format("year {} is not from {} to {}", *year, first_year, last_year));
  if (request.from_year && request.to_year && *request.from_year > *request.to_year)
    return make_error(errc::bad_input,
                      fmt::format("from {} is after to {}", *request.from_year, *request.to_year));
  return {};
}

}  // namespace

std::vector<punctuality_row> count_punctuality(const std::vector<punctuality_record>& records) {
  std::map<std::pair<std::string, int>, tally> tallies;  // by body name, then year
  for (const auto& r : records) {
    const auto c = column_of(r);
    if (!c) continue;
    const int year = static_cast<int>(r.round_deadline.year());
    auto& t = tallies[{r.body_name, year}];
    t.row.body = r.body_name;
    t.row.year = year;
    add(t, *c, r);
  }
  std::vector<punctuality_row> rows;
  for (auto& [key, t] : tallies) {
    t.row.median_late_working_days = median(t.late_days);
    if (!t.late_days.empty())
      t.row.max_late_working_days = *std::max_element(t.late_days.begin(), t.late_days.end());
    rows.push_back(std::move(t.row));
  }
  return rows;
}

outcome<std::vector<punctuality_row>> punctuality(case_store& cases, case_listings& listings,
                                                  const punctuality_request& request) {
  if (const auto years = check_years(request); !years) return years.error();
  punctuality_filter filter{.kind = request.kind};
  if (request.body) {
    const auto b = find_body(cases, *request.body);
    if (!b) return b.error();
    filter.body_id = b->id;
  }
  using std::chrono::January, std::chrono::December, std::chrono::year;
  if (request.from_year) filter.first_deadline = year{*request.from_year} / January / 1;
  if (request.to_year) filter.last_deadline = year{*request.to_year} / December / 31;
  return count_punctuality(listings.assignments_for_punctuality(filter));
}

}  // namespace bevaka::engine
