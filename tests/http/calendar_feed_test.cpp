// A body's deadlines as an iCalendar feed (RFC 5545) that calendar programs subscribe to.

#include <regex>
#include <set>

#include "tests/http/served.hpp"

using bevaka::testing::served_bevaka;
using Catch::Matchers::Contains;

namespace {

// The feed's content lines: CRLF-terminated physical lines, unfolded (RFC 5545 §3.1).
std::vector<std::string> unfolded_lines(const std::string& feed) {
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < feed.size();) {
    const auto end = feed.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    const auto physical = feed.substr(start, end - start);
    CHECK(physical.find('\n') == std::string::npos);
    CHECK(physical.size() <= 75);
    if (!physical.empty() && physical.front() == ' ') {
      REQUIRE(!lines.empty());
      // A fold never splits a UTF-8 character: the continuation starts on a lead byte.
      CHECK((static_cast<unsigned char>(physical.at(1)) & 0xC0) != 0x80);
      lines.back() += physical.substr(1);
    } else {
      lines.push_back(physical);
    }
    start = end + 2;
  }
  return lines;
}

struct vevent {
  std::map<std::string, std::string> properties;  // "DTSTART;VALUE=DATE" -> "20160520"
};

std::vector<vevent> events_of(const std::vector<std::string>& lines) {
  std::vector<vevent> events;
  bool inside = false;
  for (const auto& line : lines) {
    if (line == "BEGIN:VEVENT") {
      events.emplace_back();
      inside = true;
    } else if (line == "END:VEVENT") {
      inside = false;
    } else if (inside) {
      const auto colon = line.find(':');
      events.back().properties[line.substr(0, colon)] = line.substr(colon + 1);
    }
  }
  return events;
}

}  // namespace

TEST_CASE("A body's open deadlines are an RFC 5545 feed of all-day events", "[http][ics]") {
  served_bevaka s;
  s.seed_consultation();
  s.ok_text({"round", "create", "--kind", "annual-report", "--ref", "Kst 2017/84", "--title",
             "Rapportering av trygghetsarbetet 2016, med nämndens beslut; enligt "
             "kommunstyrelsens anvisningar för årlig rapportering",
             "--deadline", "2017-03-31", "--to-all", "committee"},
            "2017-01-16");
  const auto token = s.token("viewer");
  s.start();
  const auto reply = s.get("/api/bodies/Kompetensn%C3%A4mnden/deadlines.ics", token);
  REQUIRE(reply.status == 200);
  CHECK(reply.header("content-type") == "text/calendar; charset=utf-8");
  const auto lines = unfolded_lines(reply.body);
  REQUIRE(lines.size() > 4);
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines.back() == "END:VCALENDAR");
  CHECK(std::count(lines.begin(), lines.end(), "VERSION:2.0") == 1);
  CHECK(std::count_if(lines.begin(), lines.end(),
                      [](const auto& l) { return l.starts_with("PRODID:"); }) == 1);

  const auto events = events_of(lines);
  REQUIRE(events.size() == 2);  // earliest deadline first
  // The extension moved the consultation's deadline to Friday 20 May 2016.
  const auto& extended = events[0].properties;
  CHECK(extended.at("DTSTART;VALUE=DATE") == "20160520");
  CHECK(extended.at("DTEND;VALUE=DATE") == "20160521");
  CHECK(extended.at("SUMMARY") ==
        "Sista dag: Trygghetsskapande program för Järfälla kommun (Kst 2015/503)");
  const auto& annual = events[1].properties;
  CHECK(annual.at("DTSTART;VALUE=DATE") == "20170331");
  CHECK(annual.at("SUMMARY") ==
        "Sista dag: Rapportering av trygghetsarbetet 2016\\, med nämndens beslut\\; enligt "
        "kommunstyrelsens anvisningar för årlig rapportering (Kst 2017/84)");
  // The state as the dashboard names it, never the stored English.
  CHECK(annual.at("DESCRIPTION") == "Diarienummer Kst 2017/84. Status: Skickad.");
  std::set<std::string> uids;
  for (const auto& e : events) {
    CHECK(std::regex_match(e.properties.at("DTSTAMP"), std::regex("[0-9]{8}T[0-9]{6}Z")));
    CHECK(e.properties.at("DTSTAMP") == "20160504T080000Z");  // 10:00 in Stockholm, summer
    uids.insert(e.properties.at("UID"));
  }
  CHECK(uids.size() == 2);
  // Stable: the same UIDs on the next poll, so clients update events instead of adding more.
  CHECK(reply.body == s.get("/api/bodies/Kompetensn%C3%A4mnden/deadlines.ics", token).body);
}

TEST_CASE("An answered assignment leaves the feed; a subscription carries its token in the URL",
          "[http][ics]") {
  served_bevaka s;
  s.seed_consultation();
  const auto token = s.token("secretary", "Socialnämnden");
  s.start();
  const auto feed = s.get("/api/bodies/Socialn%C3%A4mnden/deadlines.ics?token=" + token, "");
  REQUIRE(feed.status == 200);
  CHECK(events_of(unfolded_lines(feed.body)).empty());
  CHECK_THAT(feed.body, Contains("X-WR-CALNAME:Svarsdagar för Socialnämnden\r\n"));
  CHECK(s.get("/api/bodies/Socialn%C3%A4mnden/deadlines.ics", "").status == 401);
  CHECK(s.get("/api/overdue?token=" + token, "").status == 400);  // only feeds take it in the URL
}
