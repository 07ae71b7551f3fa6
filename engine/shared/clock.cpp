#include "engine/shared/clock.hpp"

#include <fmt/format.h>

#include <boost/date_time/local_time/local_time.hpp>
#include <thread>

namespace bevaka::engine {
namespace {

namespace lt = boost::local_time;
namespace pt = boost::posix_time;

// Europe/Stockholm as a POSIX TZ rule: CET, summer time from the last Sunday of March 02:00 to
// the last Sunday of October 03:00 (the EU rule since 1996). Boost reads the offset's sign the
// other way round from the TZ variable: "+1" is one hour east of UTC.
const lt::time_zone_ptr& stockholm_zone() {
  static const lt::time_zone_ptr zone{new lt::posix_time_zone("CET+1CEST,M3.5.0,M10.5.0/3")};
  return zone;
}

timestamp from_local(const lt::local_date_time& local) {
  const auto wall = local.local_time();
  const auto ymd = wall.date().year_month_day();
  const date day{std::chrono::year{ymd.year}, std::chrono::month{ymd.month.as_number()},
                 std::chrono::day{ymd.day.as_number()}};
  const auto seconds = std::chrono::seconds{wall.time_of_day().total_seconds()};
  const auto offset = local.is_dst() ? std::chrono::minutes{120} : std::chrono::minutes{60};
  return timestamp{day, seconds, offset};
}

std::optional<std::chrono::seconds> parse_time_of_day(std::string_view text) {
  if (text.size() != 5 && text.size() != 8) return std::nullopt;
  if (text[2] != ':' || (text.size() == 8 && text[5] != ':')) return std::nullopt;
  int parts[3] = {0, 0, 0};
  for (std::size_t i = 0; i < text.size(); i += 3) {
    const char a = text[i], b = text[i + 1];
    if (a < '0' || a > '9' || b < '0' || b > '9') return std::nullopt;
    parts[i / 3] = (a - '0') * 10 + (b - '0');
  }
  if (parts[0] > 23 || parts[1] > 59 || parts[2] > 59) return std::nullopt;
  return std::chrono::hours{parts[0]} + std::chrono::minutes{parts[1]} +
         std::chrono::seconds{parts[2]};
}

}  // namespace

std::string timestamp::iso() const {
  const auto s = time_of_day.count();
  const auto offset = utc_offset.count();
  return fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", format_date(day), s / 3600, s / 60 % 60,
                     s % 60, offset < 0 ? '-' : '+', std::abs(offset) / 60, std::abs(offset) % 60);
}

std::chrono::sys_seconds timestamp::utc() const {
  return std::chrono::sys_seconds{std::chrono::sys_days{day}} + time_of_day - utc_offset;
}

timestamp stockholm_time(std::chrono::sys_seconds instant) {
  const auto utc = pt::from_time_t(static_cast<std::time_t>(instant.time_since_epoch().count()));
  return from_local(lt::local_date_time{utc, stockholm_zone()});
}

std::optional<timestamp> parse_timestamp(std::string_view text) {
  const auto day = parse_date(text.substr(0, 10));
  if (!day) return std::nullopt;
  std::chrono::seconds time_of_day{0};
  if (text.size() > 10) {
    if (text[10] != 'T' && text[10] != ' ') return std::nullopt;
    const auto parsed = parse_time_of_day(text.substr(11));
    if (!parsed) return std::nullopt;
    time_of_day = *parsed;
  }
  const auto ymd =
      boost::gregorian::date(static_cast<int>(day->year()), static_cast<unsigned>(day->month()),
                             static_cast<unsigned>(day->day()));
  // A wall time that does not exist (the spring-forward hour) or exists twice (the autumn hour)
  // is read as the later, standard-time reading rather than refused: nobody types those on
  // purpose, and a clock must not fail.
  const lt::local_date_time local{ymd, pt::seconds(static_cast<long>(time_of_day.count())),
                                  stockholm_zone(), lt::local_date_time::NOT_DATE_TIME_ON_ERROR};
  if (local.is_not_a_date_time()) return timestamp{*day, time_of_day, std::chrono::minutes{60}};
  return from_local(local);
}

// The standard library's sleep: no timer or thread of an adapter's is needed for a pause this
// short, and the engine stays free of Asio.
void clock::sleep_for(std::chrono::seconds d) const { std::this_thread::sleep_for(d); }

running_clock::running_clock(timestamp start)
    : start_(start.utc()), started_(std::chrono::steady_clock::now()) {}

// The steady clock, not the system's: a wall clock set back during a run must not move a lease.
timestamp running_clock::now() const {
  const auto elapsed = std::chrono::steady_clock::now() - started_;
  return stockholm_time(start_ + std::chrono::duration_cast<std::chrono::seconds>(elapsed));
}

timestamp system_clock::now() const {
  return stockholm_time(
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
}

}  // namespace bevaka::engine
