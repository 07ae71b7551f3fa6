// The `bevaka` command line, driven in process against a real database (SQLite or PostgreSQL, as
// BEVAKA_TEST_BACKEND says): the contract that users, scripts and the other adapters rely on.
// The scenario is Järfälla's consultation on the safety programme (Dnr Kst 2015/503, answers by
// Saturday 30 April 2016, so by Monday 2 May) and the committees' annual report (31 March 2017).

#include <arpa/inet.h>
#include <netinet/in.h>
#include <soci/soci.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "adapters/cli/exit_codes.hpp"
#include "tests/support/cli_runner.hpp"

using bevaka::cli::exit_bad_input;
using bevaka::cli::exit_database;
using bevaka::cli::exit_not_found;
using bevaka::cli::exit_ok;
using bevaka::cli::exit_refused;
using bevaka::testing::cli_result;
using bevaka::testing::cli_session;
using bevaka::testing::run_cli;
using json = nlohmann::json;
using Catch::Matchers::Contains;

namespace {

// A fresh database and the CLI pointed at it; a command that succeeds says nothing on stderr.
struct fresh_cli : cli_session {
  fresh_cli() : cli_session("cli_tests") { ok_requires_empty_stderr = true; }
};

const std::string ref = "Kst 2015/503";
const std::string title = "Trygghetsskapande program för Järfälla kommun";

struct seed_body {
  std::string name, kind, email;
};

// The consultation's bodies (seed 001), with made-up addresses.
const std::vector<seed_body> jarfalla = {
    {"Socialnämnden", "committee", "socialnamnden@example.se"},
    {"Barn- och ungdomsnämnden", "committee", "bun@example.se"},
    {"Kompetensnämnden", "committee", "kompetensnamnden@example.se"},
    {"Kultur-, demokrati- och fritidsnämnden", "committee", "kdf@example.se"},
    {"Järfällahus AB", "company", "registrator@jarfallahus.example.se"},
    {"Polismyndigheten", "authority", "jarfalla.polis@example.se"},
    {"Brandkåren Attunda", "authority", "brandkaren@example.se"},
    {"Järfälla företagarförening", "association", "info@foretagarna.example.se"},
};

void add_bodies(cli_session& cli) {
  for (const auto& b : jarfalla)
    cli.ok({"body", "add", b.name, "--kind", b.kind, "--email", b.email});
}

// The board's decision of 22 February 2016, sent once the minutes were posted.
json send_consultation(cli_session& cli) {
  cli.now = "2016-02-26";
  std::vector<std::string> args{"round", "create",  "--kind", "consultation", "--ref",
                                ref,     "--title", title,    "--deadline",   "2016-04-30"};
  for (const auto& b : jarfalla) args.insert(args.end(), {"--to", b.name});
  return cli.ok(args);
}

json assignment_of(const json& round, const std::string& body) {
  for (const auto& a : round.at("assignments"))
    if (a.at("body") == body) return a;
  FAIL("round " << round.at("ref") << " has no assignment for " << body);
  return {};
}

std::set<std::string> strings_of(const json& items, const std::string& key) {
  std::set<std::string> found;
  for (const auto& item : items) found.insert(item.at(key).get<std::string>());
  return found;
}

std::set<std::string> all_bodies() {
  std::set<std::string> names;
  for (const auto& b : jarfalla) names.insert(b.name);
  return names;
}

std::set<std::string> keys_of(const json& object) {
  std::set<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.insert(key);
  return keys;
}

bool has_keys(const json& object, const std::set<std::string>& keys) {
  const auto present = keys_of(object);
  return std::includes(present.begin(), present.end(), keys.begin(), keys.end());
}

// A refusal: its exit code, one line on stderr that names `mentions`, nothing on stdout.
void check_refusal(const cli_result& result, int code, const std::vector<std::string>& mentions) {
  INFO("stdout: " << result.out << "\nstderr: " << result.err);
  CHECK(result.code == code);
  CHECK(result.out.empty());
  CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
  CHECK(result.err.ends_with('\n'));
  for (const auto& text : mentions) CHECK_THAT(result.err, Contains(text));
}

// Everything a user can see of the scenario, to compare before and after a refused command.
std::string snapshot(cli_session& cli) {
  const auto now = cli.now;
  cli.now = "2016-06-01";
  std::string seen;
  for (const auto& args : std::vector<std::vector<std::string>>{{"body", "list"},
                                                                {"round", "show", ref},
                                                                {"round", "show", "2"},
                                                                {"round", "show", "Kst 2016/100"},
                                                                {"log", ref},
                                                                {"overdue"}}) {
    const auto result = cli(args);
    seen += std::to_string(result.code) + "\n" + result.out + result.err;
  }
  cli.now = now;
  return seen;
}

std::string temporary_path(const std::string& name) {
  const char* dir = std::getenv("BEVAKA_TEST_TMP");
  const auto base =
      dir && *dir ? std::filesystem::path(dir) : std::filesystem::temp_directory_path();
  std::filesystem::create_directories(base);
  const auto path = base / (name + "-" + std::to_string(::getpid()) + ".db");
  for (const auto* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return path.string();
}

bool exists_with_any_suffix(const std::string& path) {
  return std::filesystem::exists(path) || std::filesystem::exists(path + "-wal") ||
         std::filesystem::exists(path + "-shm");
}

// RFC 4180: records end in CRLF, fields are separated by commas; a field in quotes may hold
// both, and "" in it is one quote. A bare LF stays in the field, so it shows up as wrong.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool next_is = i + 1 < text.size();
    if (quoted && c == '"' && next_is && text[i + 1] == '"') {
      rows.back().back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == ',') {
      rows.back().emplace_back();
    } else if (!quoted && c == '\r' && next_is && text[i + 1] == '\n') {
      rows.emplace_back(1);
      ++i;
    } else {
      rows.back().back() += c;
    }
  }
  if (rows.back() == std::vector<std::string>{""}) rows.pop_back();
  return rows;
}

// A port on 127.0.0.1 that takes connections into its backlog and never says a word: a client
// without a timeout would wait there for ever.
struct silent_server {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  int port = 0;
  silent_server() {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    auto* any = reinterpret_cast<sockaddr*>(&address);
    REQUIRE(::bind(fd, any, size) == 0);
    REQUIRE(::listen(fd, 8) == 0);
    REQUIRE(::getsockname(fd, any, &size) == 0);
    port = ntohs(address.sin_port);
  }
  ~silent_server() { ::close(fd); }
};

// Sets an environment variable for one scope.
struct scoped_environment {
  std::string name;
  scoped_environment(std::string n, const std::string& value) : name(std::move(n)) {
    ::setenv(name.c_str(), value.c_str(), 1);
  }
  ~scoped_environment() { ::unsetenv(name.c_str()); }
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// JSON shapes

TEST_CASE("body list shows each body as {id, name, kind, emails}, and [] when there are none",
          "[cli]") {
  fresh_cli cli;
  const auto none = cli.ok({"body", "list"});
  CHECK(none == json::array());

  const auto added = cli.ok({"body", "add", "Socialnämnden", "--kind", "committee", "--email",
                             "socialnamnden@example.se", "--email", "registrator@example.se"});
  CHECK(keys_of(added) == std::set<std::string>{"id", "name", "kind", "emails"});
  CHECK(added.at("name") == "Socialnämnden");
  CHECK(added.at("emails") == json::array({"socialnamnden@example.se", "registrator@example.se"}));
  for (const auto& b : std::vector<seed_body>(jarfalla.begin() + 1, jarfalla.end()))
    cli.ok({"body", "add", b.name, "--kind", b.kind, "--email", b.email});

  const auto bodies = cli.ok({"body", "list"});
  REQUIRE(bodies.is_array());
  CHECK(strings_of(bodies, "name") == all_bodies());
  std::set<long long> ids;
  for (const auto& body : bodies) {
    INFO(body.dump());
    CHECK(keys_of(body) == std::set<std::string>{"id", "name", "kind", "emails"});
    REQUIRE(body.at("id").is_number_integer());
    ids.insert(body.at("id").get<long long>());
    const auto seed = std::find_if(jarfalla.begin(), jarfalla.end(),
                                   [&](const seed_body& b) { return b.name == body.at("name"); });
    REQUIRE(seed != jarfalla.end());
    CHECK(body.at("kind") == seed->kind);
    REQUIRE(body.at("emails").is_array());
    CHECK(body.at("emails").front() == seed->email);
    if (body.at("name") == added.at("name")) CHECK(body.at("id") == added.at("id"));
  }
  CHECK(ids.size() == jarfalla.size());

  const auto authorities = cli.ok({"body", "list", "--kind", "authority"});
  CHECK(strings_of(authorities, "name") ==
        std::set<std::string>{"Polismyndigheten", "Brandkåren Attunda"});
}

TEST_CASE("round show gives the round, its shifted deadline and every body's assignment", "[cli]") {
  fresh_cli cli;
  add_bodies(cli);
  const auto created = send_consultation(cli);
  const auto shown = cli.ok({"round", "show", ref});
  CHECK(shown == created);

  CHECK(has_keys(shown, {"id", "kind", "ref", "title", "state", "deadline", "assignments"}));
  CHECK(shown.at("id").is_number_integer());
  CHECK(shown.at("kind") == "consultation");
  CHECK(shown.at("ref") == ref);
  CHECK(shown.at("title") == title);
  CHECK(shown.at("state") == "sent");
  // 30 April 2016 is a Saturday and 1 May a Sunday (and första maj): Monday 2 May.
  CHECK(shown.at("deadline") == "2016-05-02");
  REQUIRE(shown.at("assignments").is_array());
  CHECK(strings_of(shown.at("assignments"), "body") == all_bodies());
  for (const auto& a : shown.at("assignments")) {
    INFO(a.dump());
    CHECK(has_keys(a, {"body", "state", "deadline", "submitted_on", "late_by_working_days"}));
    CHECK(a.at("state") == "sent");
    CHECK(a.at("deadline") == "2016-05-02");
    CHECK(a.at("submitted_on").is_null());
    CHECK(a.at("late_by_working_days").is_null());
  }

  const auto by_id = cli.ok({"round", "show", std::to_string(shown.at("id").get<long long>())});
  CHECK(by_id == shown);

  cli.now = "2016-04-11";
  cli.ok({"assignment", "event", ref, "Järfällahus AB", "submit"});
  cli.now = "2016-05-04";
  cli.ok({"assignment", "event", ref, "Brandkåren Attunda", "submit"});
  const auto answered = cli.ok({"round", "show", ref});
  const auto on_time = assignment_of(answered, "Järfällahus AB");
  CHECK(on_time.at("submitted_on") == "2016-04-11");
  CHECK(on_time.at("late_by_working_days") == 0);
  const auto late = assignment_of(answered, "Brandkåren Attunda");
  CHECK(late.at("submitted_on") == "2016-05-04");
  CHECK(late.at("late_by_working_days") == 2);
  CHECK(assignment_of(answered, "Socialnämnden").at("late_by_working_days").is_null());
}

TEST_CASE("overdue lists who is late with what, most overdue first, [] when nobody is", "[cli]") {
  fresh_cli cli;
  add_bodies(cli);
  const auto round = send_consultation(cli);
  cli.now = "2016-04-01";
  cli.ok({"round", "create", "--kind", "consultation", "--ref", "Kst 2016/12", "--title",
          "Lokal överenskommelse med polisen", "--deadline", "2016-04-15", "--to",
          "Polismyndigheten"});
  cli.now = "2016-04-20";
  cli.ok({"assignment", "event", ref, "Socialnämnden", "extend", "--deadline", "2016-05-03"});

  cli.now = "2016-04-15";
  const auto before = cli.ok({"overdue"});
  CHECK(before == json::array());

  cli.now = "2016-05-09";
  const auto items = cli.ok({"overdue"});
  REQUIRE(items.size() == jarfalla.size() + 1);
  for (const auto& item : items) {
    INFO(item.dump());
    CHECK(keys_of(item) == std::set<std::string>{"round", "ref", "title", "body", "deadline",
                                                 "working_days_overdue", "state",
                                                 "failed_reminders"});
    CHECK(item.at("working_days_overdue").is_number_integer());
    CHECK(item.at("state") == "sent");
  }
  for (std::size_t i = 1; i < items.size(); ++i)
    CHECK(items[i - 1].at("working_days_overdue") >= items[i].at("working_days_overdue"));

  // 15 April 2016 to 9 May: three weeks of five working days (Ascension Day is 5 May).
  CHECK(items.front().at("ref") == "Kst 2016/12");
  CHECK(items.front().at("body") == "Polismyndigheten");
  CHECK(items.front().at("title") == "Lokal överenskommelse med polisen");
  CHECK(items.front().at("deadline") == "2016-04-15");
  CHECK(items.front().at("working_days_overdue") == 15);
  // Extended to Tuesday 3 May: the 4th, 6th and 9th.
  CHECK(items.back().at("body") == "Socialnämnden");
  CHECK(items.back().at("deadline") == "2016-05-03");
  CHECK(items.back().at("working_days_overdue") == 3);
  for (std::size_t i = 1; i + 1 < items.size(); ++i) {
    INFO(items[i].dump());
    CHECK(items[i].at("round") == round.at("id"));
    CHECK(items[i].at("ref") == ref);
    CHECK(items[i].at("title") == title);
    CHECK(items[i].at("deadline") == "2016-05-02");
    CHECK(items[i].at("working_days_overdue") == 4);
  }

  CHECK(cli.ok({"overdue", "--kind", "annual-report"}) == json::array());
  CHECK(cli.ok({"overdue", "--kind", "consultation"}) == items);
}

TEST_CASE("log shows the timeline oldest first, with who did what and why", "[cli]") {
  fresh_cli cli;
  add_bodies(cli);
  send_consultation(cli);
  cli.now = "2016-03-14";
  cli.ok({"assignment", "event", ref, "Socialnämnden", "start", "--by", "Anna Andersson"});
  cli.now = "2016-04-21";
  cli.ok({"assignment", "event", ref, "Socialnämnden", "decide", "--by", "Anna Andersson", "--note",
          "Socialnämnden 2016-04-21 § 45"});
  cli.now = "2016-04-22";
  cli.ok({"assignment", "event", ref, "Polismyndigheten", "decline", "--by",
          "Lokalpolisområde Järfälla", "--note",
          "Svarar inom ramen för samverkansöverenskommelsen"});

  const auto body_log = cli.ok({"log", ref, "Socialnämnden"});
  REQUIRE(body_log.is_array());
  std::vector<std::string> events;
  for (const auto& e : body_log) {
    INFO(e.dump());
    CHECK(has_keys(e, {"at", "event", "from", "to", "by", "note"}));
    events.push_back(e.at("event").get<std::string>());
  }
  REQUIRE(events == std::vector<std::string>{"create", "send", "start", "decide"});
  CHECK(body_log[0].at("from").is_null());
  CHECK(body_log[0].at("to") == "draft");
  CHECK(body_log[1].at("from") == "draft");
  CHECK(body_log[1].at("to") == "sent");
  CHECK(body_log[2].at("from") == "sent");
  CHECK(body_log[2].at("to") == "drafting");
  CHECK(body_log[2].at("by") == "Anna Andersson");
  CHECK(body_log[2].at("note").is_null());
  CHECK(body_log[2].at("at").get<std::string>().starts_with("2016-03-14"));
  CHECK(body_log[3].at("from") == "drafting");
  CHECK(body_log[3].at("to") == "decided");
  CHECK(body_log[3].at("by") == "Anna Andersson");
  CHECK(body_log[3].at("note") == "Socialnämnden 2016-04-21 § 45");
  CHECK(body_log[3].at("at").get<std::string>().starts_with("2016-04-21"));
  CHECK(body_log[0].at("at").get<std::string>().starts_with("2016-02-26"));
  CHECK_FALSE(body_log[0].at("by").get<std::string>().empty());

  const auto round_log = cli.ok({"log", ref});
  REQUIRE(round_log.size() > body_log.size());
  CHECK(round_log.front().at("event") == "create");
  CHECK(round_log.back().at("event") == "decline");
  CHECK(round_log.back().at("by") == "Lokalpolisområde Järfälla");
  CHECK(round_log.back().at("note") == "Svarar inom ramen för samverkansöverenskommelsen");
  for (std::size_t i = 1; i < round_log.size(); ++i) {
    const auto earlier = round_log[i - 1].at("at").get<std::string>().substr(0, 19);
    const auto later = round_log[i].at("at").get<std::string>().substr(0, 19);
    CHECK(earlier <= later);
  }
  // One create and one send for the round and for each of its assignments.
  const auto count = [&](const std::string& event) {
    return std::count_if(round_log.begin(), round_log.end(),
                         [&](const json& e) { return e.at("event") == event; });
  };
  CHECK(count("create") == static_cast<long>(jarfalla.size()) + 1);
  CHECK(count("send") == static_cast<long>(jarfalla.size()) + 1);
}

TEST_CASE("calendar lists a year's non-working weekdays, midsommarafton included", "[cli]") {
  const auto result = run_cli({"calendar", "--year", "2017"});
  REQUIRE(result.code == exit_ok);
  const auto days = json::parse(result.out);
  REQUIRE(days.is_array());
  std::vector<std::string> dates;
  for (const auto& day : days) {
    INFO(day.dump());
    CHECK(keys_of(day) == std::set<std::string>{"date", "name"});
    CHECK(day.at("name").is_string());
    dates.push_back(day.at("date").get<std::string>());
  }
  // Holidays and eves on a Saturday or Sunday in 2017 (1 Jan, Easter Sunday, Whitsunday,
  // midsummer day, All Saints' Day, Christmas Eve, New Year's Eve) are not weekdays.
  CHECK(dates == std::vector<std::string>{"2017-01-06", "2017-04-14", "2017-04-17", "2017-05-01",
                                          "2017-05-25", "2017-06-06", "2017-06-23", "2017-12-25",
                                          "2017-12-26"});
  CHECK(std::find(days.begin(), days.end(),
                  json{{"date", "2017-06-23"}, {"name", "midsommarafton"}}) != days.end());
}

// ---------------------------------------------------------------------------------------------
// Bad input: a clear error and nothing changed

TEST_CASE("bad input gets exit code and one line on stderr naming it, and changes nothing",
          "[cli]") {
  fresh_cli cli;
  add_bodies(cli);
  send_consultation(cli);
  cli.ok({"body", "add", "Valnämnden", "--kind", "committee", "--email", "val@example.se"});
  cli.now = "2016-03-10";
  cli.ok({"assignment", "event", ref, "Barn- och ungdomsnämnden", "start"});
  cli.ok({"assignment", "event", ref, "Polismyndigheten", "decline"});
  cli.now = "2016-04-20";
  cli.ok({"assignment", "event", ref, "Järfällahus AB", "submit"});
  cli.ok({"assignment", "event", ref, "Järfällahus AB", "register"});

  struct bad_case {
    std::string what;
    std::vector<std::string> args;
    int code;
    std::vector<std::string> mentions;
  };
  const std::vector<std::string> new_round{
      "round", "create",       "--kind",  "consultation",
      "--ref", "Kst 2016/100", "--title", "Revidering av programmet",
      "--to",  "Socialnämnden"};
  const auto with = [](std::vector<std::string> args, std::vector<std::string> more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
  };
  std::vector<bad_case> cases{
      {"an impossible deadline",
       with(new_round, {"--deadline", "2017-02-30"}),
       exit_bad_input,
       {"2017-02-30"}},
      {"an impossible new deadline in an extension",
       {"assignment", "event", ref, "Socialnämnden", "extend", "--deadline", "2017-02-30"},
       exit_bad_input,
       {"2017-02-30"}},
      {"an unknown body in --to",
       with(new_round, {"--to", "Miljönämnden", "--deadline", "2016-09-30"}),
       exit_not_found,
       {"Miljönämnden"}},
      {"an unknown body in an assignment event",
       {"assignment", "event", ref, "Miljönämnden", "start"},
       exit_not_found,
       {"Miljönämnden"}},
      {"a body the round was not sent to",
       {"assignment", "event", ref, "Valnämnden", "start"},
       exit_not_found,
       {"Valnämnden"}},
      {"an unknown round in round show",
       {"round", "show", "Kst 2099/1"},
       exit_not_found,
       {"Kst 2099/1"}},
      {"an unknown round in a round event",
       {"round", "event", "Kst 2099/1", "close-answers"},
       exit_not_found,
       {"Kst 2099/1"}},
      {"an unknown round in an assignment event",
       {"assignment", "event", "Kst 2099/1", "Socialnämnden", "start"},
       exit_not_found,
       {"Kst 2099/1"}},
      {"an unknown round in log", {"log", "Kst 2099/1"}, exit_not_found, {"Kst 2099/1"}},
      {"an unknown round event", {"round", "event", ref, "publish"}, exit_bad_input, {"publish"}},
      {"an unknown assignment event",
       {"assignment", "event", ref, "Socialnämnden", "celebrate"},
       exit_bad_input,
       {"celebrate"}},
      {"a duplicate body",
       {"body", "add", "Socialnämnden", "--kind", "committee"},
       exit_refused,
       {"Socialnämnden"}},
      {"a duplicate reference number",
       {"round", "create", "--kind", "consultation", "--ref", ref, "--title", "Ett annat ärende",
        "--deadline", "2016-09-30", "--to", "Socialnämnden"},
       exit_refused,
       {ref}},
      {"submit by a committee that has not decided (sent)",
       {"assignment", "event", ref, "Socialnämnden", "submit"},
       exit_refused,
       {"decide"}},
      {"submit by a committee that has not decided (drafting)",
       {"assignment", "event", ref, "Barn- och ungdomsnämnden", "submit"},
       exit_refused,
       {"decide"}},
  };
  for (const auto& [body, state] : std::vector<std::pair<std::string, std::string>>{
           {"Järfällahus AB", "registered"}, {"Polismyndigheten", "declined"}})
    for (const auto* event :
         {"start", "decide", "submit", "register", "decline", "return", "extend"})
      cases.push_back({std::string(event) + " on an assignment that is " + state,
                       {"assignment", "event", ref, body, event, "--deadline", "2016-09-30"},
                       exit_refused,
                       {state, "accepts nothing more"}});

  cli.now = "2016-04-25";
  const auto before = snapshot(cli);
  for (const auto& c : cases) {
    INFO(c.what);
    check_refusal(cli(c.args), c.code, c.mentions);
    CHECK(snapshot(cli) == before);
  }

  // The refusals left the scenario working.
  cli.ok({"assignment", "event", ref, "Socialnämnden", "decide"});
  CHECK(cli.ok({"assignment", "event", ref, "Socialnämnden", "submit"}).at("state") == "submitted");
}

TEST_CASE("an impossible or malformed --now is refused before anything happens", "[cli]") {
  fresh_cli cli;
  add_bodies(cli);
  send_consultation(cli);
  cli.now = "";
  const auto before = snapshot(cli);
  for (const auto* now : {"2017-02-30", "2016-05-04T25:00", "tomorrow"}) {
    INFO(now);
    check_refusal(cli({"--now", now, "assignment", "event", ref, "Järfällahus AB", "submit"}),
                  exit_bad_input, {now});
    CHECK(snapshot(cli) == before);
  }
}

TEST_CASE("a malformed --db URL is refused with exit 2 and names the URL", "[cli]") {
  for (const auto* url : {"mysql://x", "sqlite:", "postgresql://", "bevaka.db"}) {
    INFO(url);
    check_refusal(run_cli({"--db", url, "body", "list"}), exit_bad_input, {url});
  }
}

TEST_CASE("an unreachable database is a clear error within seconds, not a hang", "[cli]") {
  // Port 1 refuses at once; the silent server accepts and never answers, so only a timeout ends
  // the wait.
  const silent_server silent;
  for (const auto& host :
       {std::string("127.0.0.1:1"), "127.0.0.1:" + std::to_string(silent.port)}) {
    const auto url = "postgresql://" + host + "/bevaka";
    INFO(url);
    const auto started = std::chrono::steady_clock::now();
    const auto result = run_cli({"--db", url, "--now", "2016-05-04", "overdue"});
    const auto took = std::chrono::steady_clock::now() - started;
    check_refusal(result, exit_database, {"127.0.0.1"});
    CHECK(took < std::chrono::seconds(10));
  }
}

TEST_CASE("a database that was never initialised is exit 5 and is not created", "[cli]") {
  const auto path = temporary_path("cli-never-initialised");
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"body", "list"},
           {"body", "add", "Socialnämnden", "--kind", "committee"},
           {"overdue"},
           {"round", "show", ref},
           {"log", ref}}) {
    INFO(args.front());
    auto with_db = args;
    with_db.insert(with_db.begin(), {"--db", "sqlite:" + path});
    check_refusal(run_cli(with_db), exit_database, {"init"});
    CHECK_FALSE(exists_with_any_suffix(path));
  }

  // An empty file is not a bevaka database either, and is left as it was.
  std::ofstream(path).close();
  check_refusal(run_cli({"--db", "sqlite:" + path, "body", "list"}), exit_database, {"init"});
  CHECK(std::filesystem::file_size(path) == 0);
  for (const auto* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

TEST_CASE("a PostgreSQL database without the schema is exit 5 until init", "[cli][postgresql]") {
  fresh_cli cli;
  if (!cli.db.is_postgresql()) return;
  cli.db.store().session() << "DROP SCHEMA public CASCADE";
  cli.db.store().session() << "CREATE SCHEMA public";
  check_refusal(cli({"body", "list"}), exit_database, {"init"});
  CHECK_FALSE(cli.ok({"init"}).at("applied_migrations").empty());
  CHECK(cli.ok({"body", "list"}) == json::array());
}

// ---------------------------------------------------------------------------------------------
// Time travel

TEST_CASE("--now decides who is overdue, counting working days only", "[cli]") {
  fresh_cli cli;
  add_bodies(cli);
  send_consultation(cli);
  // The deadline is Monday 2 May 2016; Thursday 5 May is Ascension Day.
  const std::vector<std::pair<std::string, int>> days_overdue{
      {"2016-04-29", 0}, {"2016-04-30", 0}, {"2016-05-02", 0},       {"2016-05-03", 1},
      {"2016-05-04", 2}, {"2016-05-05", 2}, {"2016-05-06", 3},       {"2016-05-07", 3},
      {"2016-05-08", 3}, {"2016-05-09", 4}, {"2016-05-04T23:59", 2}, {"2016-05-03T00:00:00", 1}};
  for (const auto& [now, days] : days_overdue) {
    INFO("--now " << now);
    cli.now = now;
    const auto items = cli.ok({"overdue"});
    REQUIRE(items.is_array());
    if (days == 0) {
      CHECK(items.empty());
      continue;
    }
    CHECK(strings_of(items, "body") == all_bodies());
    for (const auto& item : items) CHECK(item.at("working_days_overdue") == days);
  }
}

TEST_CASE("BEVAKA_NOW sets the clock when --now is not given", "[cli]") {
  fresh_cli cli;
  add_bodies(cli);
  send_consultation(cli);
  cli.now = "";
  {
    scoped_environment clock("BEVAKA_NOW", "2016-05-06");
    const auto items = cli.ok({"overdue"});
    REQUIRE(items.size() == jarfalla.size());
    CHECK(items.front().at("working_days_overdue") == 3);
    CHECK(cli.ok({"--now", "2016-05-02", "overdue"}) == json::array());

    cli.ok({"assignment", "event", ref, "Järfällahus AB", "submit"});
    const auto submitted = assignment_of(cli.ok({"round", "show", ref}), "Järfällahus AB");
    CHECK(submitted.at("submitted_on") == "2016-05-06");
    CHECK(submitted.at("late_by_working_days") == 3);
    CHECK(cli.ok({"log", ref, "Järfällahus AB"})
              .back()
              .at("at")
              .get<std::string>()
              .starts_with("2016-05-06"));
  }
  CHECK(std::getenv("BEVAKA_NOW") == nullptr);
}

// ---------------------------------------------------------------------------------------------
// Lifecycles

TEST_CASE("a consultation runs from sent to answers closed on its own, then to approved", "[cli]") {
  fresh_cli cli;
  add_bodies(cli);
  send_consultation(cli);
  const auto event = [&](const std::string& now, const std::string& body, const std::string& e,
                         std::vector<std::string> more = {}) {
    cli.now = now;
    std::vector<std::string> args{"assignment", "event", ref, body, e};
    args.insert(args.end(), more.begin(), more.end());
    return cli.ok(args);
  };

  CHECK(event("2016-03-01", "Barn- och ungdomsnämnden", "start").at("state") == "drafting");
  CHECK(event("2016-03-15", "Polismyndigheten", "decline").at("state") == "declined");

  // A company may submit straight from sent; the answer is sent back for completion.
  auto answer = event("2016-04-11", "Järfällahus AB", "submit");
  CHECK(answer.at("state") == "submitted");
  CHECK(answer.at("submitted_on") == "2016-04-11");
  CHECK(answer.at("late_by_working_days") == 0);
  answer = event("2016-04-12", "Järfällahus AB", "return",
                 {"--deadline", "2016-05-20", "--note", "Komplettera med statistik"});
  CHECK(answer.at("state") == "drafting");
  CHECK(answer.at("deadline") == "2016-05-20");
  CHECK(answer.at("submitted_on").is_null());
  CHECK(answer.at("late_by_working_days").is_null());

  answer = event("2016-04-18", "Kompetensnämnden", "extend", {"--deadline", "2016-05-31"});
  CHECK(answer.at("state") == "sent");
  CHECK(answer.at("deadline") == "2016-05-31");

  CHECK(event("2016-04-26", "Barn- och ungdomsnämnden", "decide").at("state") == "decided");
  answer = event("2016-05-02", "Barn- och ungdomsnämnden", "submit");
  CHECK(answer.at("late_by_working_days") == 0);
  CHECK(event("2016-05-03", "Kultur-, demokrati- och fritidsnämnden", "decide").at("state") ==
        "decided");

  cli.now = "2016-05-04";
  const auto overdue = cli.ok({"overdue"});
  CHECK(strings_of(overdue, "body") ==
        std::set<std::string>{"Socialnämnden", "Kultur-, demokrati- och fritidsnämnden",
                              "Brandkåren Attunda", "Järfälla företagarförening"});
  for (const auto& item : overdue) CHECK(item.at("working_days_overdue") == 2);
  for (const auto& item : overdue)
    if (item.at("body") == "Kultur-, demokrati- och fritidsnämnden")
      CHECK(item.at("state") == "decided");

  // A committee decides, then submits: two working days late.
  event("2016-05-04", "Socialnämnden", "decide");
  answer = event("2016-05-04", "Socialnämnden", "submit");
  CHECK(answer.at("submitted_on") == "2016-05-04");
  CHECK(answer.at("late_by_working_days") == 2);
  // An authority submits straight from sent, on 3, 4, 6, 9 and 10 May (5 May is Ascension Day).
  CHECK(event("2016-05-10", "Brandkåren Attunda", "submit").at("late_by_working_days") == 5);
  CHECK(event("2016-05-19", "Järfällahus AB", "submit").at("late_by_working_days") == 0);
  CHECK(event("2016-05-20", "Kultur-, demokrati- och fritidsnämnden", "submit")
            .at("late_by_working_days") > 0);
  event("2016-05-24", "Kompetensnämnden", "decide");
  CHECK(event("2016-05-30", "Kompetensnämnden", "submit").at("late_by_working_days") == 0);

  for (const auto* body :
       {"Socialnämnden", "Barn- och ungdomsnämnden", "Brandkåren Attunda", "Järfällahus AB",
        "Kultur-, demokrati- och fritidsnämnden", "Kompetensnämnden"}) {
    CHECK(event("2016-06-01", body, "register").at("state") == "registered");
    CHECK(cli.ok({"round", "show", ref}).at("state") == "sent");
  }
  event("2016-06-01", "Järfälla företagarförening", "decline", {"--note", "Inget yttrande"});
  const auto closed = cli.ok({"round", "show", ref});
  CHECK(closed.at("state") == "answers_closed");
  CHECK(cli.ok({"overdue"}) == json::array());

  cli.now = "2016-06-13";
  const auto approved =
      cli.ok({"round", "event", ref, "approve", "--by", "Kommunstyrelsen", "--note", "§ 88"});
  CHECK(approved.at("state") == "approved");
  const auto log = cli.ok({"log", ref});
  REQUIRE(log.size() >= 2);
  CHECK(log[log.size() - 2].at("event") == "close-answers");
  CHECK(log[log.size() - 2].at("to") == "answers_closed");
  CHECK(log.back().at("event") == "approve");
  CHECK(log.back().at("by") == "Kommunstyrelsen");
  CHECK(log.back().at("note") == "§ 88");
}

TEST_CASE("an annual report goes to every committee and is discussed before it is approved",
          "[cli]") {
  fresh_cli cli;
  add_bodies(cli);
  cli.now = "2017-01-16";
  const auto created = cli.ok({"round", "create", "--kind", "annual-report", "--ref", "Kst 2017/42",
                               "--title", "Årlig rapportering av trygghetsarbetet", "--deadline",
                               "2017-03-31", "--to-all", "committee"});
  CHECK(created.at("kind") == "annual-report");
  CHECK(created.at("deadline") == "2017-03-31");
  CHECK(strings_of(created.at("assignments"), "body") ==
        std::set<std::string>{"Socialnämnden", "Barn- och ungdomsnämnden", "Kompetensnämnden",
                              "Kultur-, demokrati- och fritidsnämnden"});

  cli.now = "2017-03-31";
  CHECK(cli.ok({"overdue"}) == json::array());
  cli.now = "2017-04-03";
  const auto late = cli.ok({"overdue", "--kind", "annual-report"});
  CHECK(late.size() == 4);
  for (const auto& item : late) CHECK(item.at("working_days_overdue") == 1);
  CHECK(cli.ok({"overdue", "--kind", "consultation"}) == json::array());

  cli.now = "2017-04-20";
  cli.ok({"round", "event", "Kst 2017/42", "close-answers", "--by", "Trygghetssamordnaren"});
  const auto before = cli.ok({"log", "Kst 2017/42"});
  check_refusal(cli({"round", "event", "Kst 2017/42", "approve"}), exit_refused,
                {"answers_closed", "approve"});
  CHECK(cli.ok({"log", "Kst 2017/42"}) == before);
  check_refusal(cli({"round", "event", "Kst 2017/42", "discuss"}), exit_refused,
                {"answers_closed", "send-to-council"});
  CHECK(cli.ok({"round", "event", "Kst 2017/42", "send-to-council", "--by", "Registrator"})
            .at("state") == "sent_to_council");
  CHECK(cli.ok({"round", "event", "Kst 2017/42", "discuss", "--by", "KBR"}).at("state") ==
        "discussed");
  CHECK(cli.ok({"round", "event", "Kst 2017/42", "approve"}).at("state") == "approved");
}

TEST_CASE("withdrawing a round withdraws its open assignments, which then accept nothing",
          "[cli]") {
  fresh_cli cli;
  add_bodies(cli);
  cli.now = "2016-03-01";
  cli.ok({"round", "create", "--kind", "consultation", "--ref", "Kst 2016/7", "--title",
          "Kameraövervakning vid Jakobsbergs station", "--deadline", "2016-04-29", "--to",
          "Järfällahus AB", "--to", "Socialnämnden", "--to", "Polismyndigheten"});
  cli.ok({"assignment", "event", "Kst 2016/7", "Järfällahus AB", "submit"});
  cli.ok({"assignment", "event", "Kst 2016/7", "Järfällahus AB", "register"});
  cli.ok({"assignment", "event", "Kst 2016/7", "Socialnämnden", "start"});

  cli.now = "2016-03-10";
  const auto withdrawn =
      cli.ok({"round", "event", "Kst 2016/7", "withdraw", "--note", "Ärendet återkallas"});
  CHECK(withdrawn.at("state") == "withdrawn");
  CHECK(assignment_of(withdrawn, "Järfällahus AB").at("state") == "registered");
  CHECK(assignment_of(withdrawn, "Socialnämnden").at("state") == "withdrawn");
  CHECK(assignment_of(withdrawn, "Polismyndigheten").at("state") == "withdrawn");

  cli.now = "2016-05-10";
  CHECK(cli.ok({"overdue"}) == json::array());
  const auto before = cli.ok({"log", "Kst 2016/7"});
  check_refusal(cli({"assignment", "event", "Kst 2016/7", "Socialnämnden", "decide"}), exit_refused,
                {"withdrawn", "accepts nothing more"});
  check_refusal(cli({"round", "event", "Kst 2016/7", "send"}), exit_refused, {"withdrawn"});
  CHECK(cli.ok({"log", "Kst 2016/7"}) == before);
}

TEST_CASE("a draft round is sent by hand; until then nobody is overdue", "[cli]") {
  fresh_cli cli;
  add_bodies(cli);
  cli.now = "2016-02-26";
  const auto draft = cli.ok({"round", "create", "--kind", "consultation", "--ref", ref, "--title",
                             title, "--deadline", "2016-04-30", "--draft", "--to", "Socialnämnden",
                             "--to", "Brandkåren Attunda"});
  CHECK(draft.at("state") == "draft");
  for (const auto& a : draft.at("assignments")) CHECK(a.at("state") == "draft");
  cli.now = "2016-05-04";
  CHECK(cli.ok({"overdue"}) == json::array());

  const auto sent = cli.ok({"round", "event", ref, "send", "--by", "Trygghetssamordnaren"});
  CHECK(sent.at("state") == "sent");
  for (const auto& a : sent.at("assignments")) CHECK(a.at("state") == "sent");
  const auto overdue = cli.ok({"overdue"});
  CHECK(strings_of(overdue, "body") ==
        std::set<std::string>{"Socialnämnden", "Brandkåren Attunda"});
}

TEST_CASE("--no-deadline-shift keeps a deadline on a weekend where it is", "[cli]") {
  fresh_cli cli;
  add_bodies(cli);
  cli.now = "2016-02-26";
  const auto round =
      cli.ok({"round", "create", "--kind", "consultation", "--ref", ref, "--title", title,
              "--deadline", "2016-04-30", "--no-deadline-shift", "--to", "Polismyndigheten"});
  CHECK(round.at("deadline") == "2016-04-30");
  cli.now = "2016-05-02";
  const auto overdue = cli.ok({"overdue"});
  REQUIRE(overdue.size() == 1);
  CHECK(overdue.front().at("working_days_overdue") == 1);
}

// ---------------------------------------------------------------------------------------------
// Formats and options

TEST_CASE("--format csv prints a header row and RFC 4180 rows", "[cli]") {
  fresh_cli cli;
  add_bodies(cli);
  const std::string quoted_title = "Remiss: \"Trygg i Järfälla\", del 2";
  cli.now = "2016-03-01";
  cli.ok({"round", "create", "--kind", "consultation", "--ref", "Kst 2016/77", "--title",
          quoted_title, "--deadline", "2016-04-15", "--to", "Järfällahus AB", "--to",
          "Kultur-, demokrati- och fritidsnämnden"});

  cli.now = "2016-05-04";
  const auto items = cli.ok({"overdue"});
  const auto result = cli({"overdue", "--format", "csv"});
  REQUIRE(result.code == exit_ok);
  CHECK_THAT(result.out, Contains("\"Remiss: \"\"Trygg i Järfälla\"\", del 2\""));
  CHECK(result.out.ends_with("\r\n"));
  const auto rows = parse_csv(result.out);
  REQUIRE(rows.size() == items.size() + 1);
  const auto& header = rows.front();
  const auto column = [&](const std::string& name) {
    const auto at = std::find(header.begin(), header.end(), name);
    REQUIRE(at != header.end());
    return static_cast<std::size_t>(at - header.begin());
  };
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& row = rows[i + 1];
    REQUIRE(row.size() == header.size());
    CHECK(row[column("title")] == quoted_title);
    CHECK(row[column("ref")] == "Kst 2016/77");
    CHECK(row[column("body")] == items[i].at("body"));
    CHECK(row[column("deadline")] == "2016-04-15");
    CHECK(row[column("working_days_overdue")] ==
          std::to_string(items[i].at("working_days_overdue").get<int>()));
    CHECK(row[column("state")] == "sent");
  }

  const auto bodies = cli({"body", "list", "--format", "csv"});
  REQUIRE(bodies.code == exit_ok);
  const auto body_rows = parse_csv(bodies.out);
  REQUIRE(body_rows.size() == jarfalla.size() + 1);
  const auto name_at = static_cast<std::size_t>(
      std::find(body_rows.front().begin(), body_rows.front().end(), "name") -
      body_rows.front().begin());
  std::set<std::string> names;
  for (std::size_t i = 1; i < body_rows.size(); ++i) names.insert(body_rows[i].at(name_at));
  CHECK(names == all_bodies());
  CHECK_THAT(bodies.out, Contains("\"Kultur-, demokrati- och fritidsnämnden\""));

  cli.now = "2016-03-02";
  const auto empty = cli({"overdue", "--format", "csv"});
  REQUIRE(empty.code == exit_ok);
  CHECK(parse_csv(empty.out).size() == 1);
}

TEST_CASE("--format text prints for people, in Swedish, and an unknown format is refused",
          "[cli]") {
  fresh_cli cli;
  add_bodies(cli);
  send_consultation(cli);
  cli.ok({"assignment", "event", ref, "Socialnämnden", "start"});
  cli.now = "2016-05-04";
  const auto overdue = cli({"overdue", "--format", "text"});
  REQUIRE(overdue.code == exit_ok);
  CHECK_THAT(overdue.out, Contains("Brandkåren Attunda"));
  CHECK_THAT(overdue.out, Contains(ref));
  CHECK_FALSE(json::accept(overdue.out));
  const auto heads = overdue.out.substr(0, overdue.out.find('\n'));
  for (const auto* head :
       {"Diarienummer", "Ärende", "Organ", "Sista dag", "Försenad (arbetsdagar)", "Status"})
    CHECK_THAT(heads, Contains(head));
  CHECK_THAT(overdue.out, Contains("Påbörjad"));
  CHECK_THAT(overdue.out, Contains("Skickad"));
  CHECK_THAT(overdue.out,
             !Contains("working_days_overdue") && !Contains("drafting") && !Contains(" sent"));

  const auto round = cli({"round", "show", ref, "--format", "text"});
  REQUIRE(round.code == exit_ok);
  CHECK_THAT(round.out, Contains(title));
  CHECK_THAT(round.out, Contains("Remiss, Ute på remiss, sista dag 2016-05-02"));
  CHECK_THAT(round.out, Contains("Socialnämnden"));
  CHECK_THAT(round.out, Contains("Påbörjad"));

  // The log holds the round's states and the assignments': each by its own name.
  const auto log = cli({"log", ref, "--format", "text"});
  REQUIRE(log.code == exit_ok);
  CHECK_THAT(log.out, Contains("Utkast") && Contains("Ute på remiss") && Contains("Påbörjad"));

  // CSV keeps the contract: English keys and state names.
  const auto csv = cli({"overdue", "--format", "csv"});
  CHECK_THAT(csv.out, Contains("working_days_overdue") && Contains(",drafting,"));
  check_refusal(cli({"overdue", "--format", "xml"}), exit_bad_input, {"xml"});
}

TEST_CASE("a body is found in any case and Unicode form, and a near miss names the body meant",
          "[cli]") {
  fresh_cli cli;
  add_bodies(cli);
  send_consultation(cli);
  cli.now = "2016-03-01";
  CHECK(cli.ok({"assignment", "event", ref, "SOCIALNÄMNDEN", "start"}).at("state") == "drafting");
  // "Järfällahus AB" with each ä as "a" and U+0308 COMBINING DIAERESIS, as macOS may send it.
  CHECK(
      cli.ok({"assignment", "event", ref, "ja\xCC\x88rfa\xCC\x88llahus ab", "start"}).at("body") ==
      "Järfällahus AB");

  const auto before = snapshot(cli);
  check_refusal(cli({"assignment", "event", ref, "Socialnamnden", "decide"}), exit_not_found,
                {"no body 'Socialnamnden'; did you mean 'Socialnämnden'?"});
  check_refusal(
      cli({"round", "create", "--kind", "consultation", "--ref", "Kst 2016/9", "--title", "Remiss",
           "--deadline", "2016-04-30", "--to", "Polismyndigheten", "--to", "Kompetensnamnden"}),
      exit_not_found, {"no body 'Kompetensnamnden'; did you mean 'Kompetensnämnden'?"});
  check_refusal(cli({"body", "add", "socialnämnden", "--kind", "committee"}), exit_refused,
                {"already exists"});
  check_refusal(cli({"body", "add", "POLISMYNDIGHETEN", "--kind", "authority"}), exit_refused,
                {"already exists"});
  CHECK(snapshot(cli) == before);
}

TEST_CASE("global options may come after the command", "[cli]") {
  fresh_cli cli;
  add_bodies(cli);
  send_consultation(cli);
  cli.now = "2016-05-04";
  const auto before = cli.ok({"overdue"});
  REQUIRE(before.size() == jarfalla.size());
  const auto after =
      run_cli({"overdue", "--db", cli.db.url(), "--now", "2016-05-04", "--format", "json"});
  REQUIRE(after.code == exit_ok);
  CHECK(json::parse(after.out) == before);
  const auto submitted = run_cli({"assignment", "event", ref, "Järfällahus AB", "submit", "--now",
                                  "2016-05-03", "--db", cli.db.url()});
  REQUIRE(submitted.code == exit_ok);
  CHECK(json::parse(submitted.out).at("late_by_working_days") == 1);
}

TEST_CASE("init may run twice: the second time it applies nothing and keeps the data", "[cli]") {
  const auto path = temporary_path("cli-init");
  const auto first = run_cli({"--db", "sqlite:" + path, "init"});
  REQUIRE(first.code == exit_ok);
  const auto applied = json::parse(first.out).at("applied_migrations");
  REQUIRE(applied.is_array());
  CHECK_FALSE(applied.empty());
  const auto second = run_cli({"--db", "sqlite:" + path, "init"});
  REQUIRE(second.code == exit_ok);
  CHECK(json::parse(second.out).at("applied_migrations") == json::array());
  for (const auto* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);

  fresh_cli cli;
  add_bodies(cli);
  send_consultation(cli);
  const auto round = cli.ok({"round", "show", ref});
  CHECK(cli.ok({"init"}).at("applied_migrations") == json::array());
  CHECK(cli.ok({"init"}).at("applied_migrations") == json::array());
  CHECK(cli.ok({"round", "show", ref}) == round);
  CHECK(cli.ok({"body", "list"}).size() == jarfalla.size());
}

TEST_CASE("punctuality counts first answers per body and year; bad filters are refused", "[cli]") {
  fresh_cli cli;
  add_bodies(cli);
  const auto event = [&](const std::string& now, const std::string& round, const std::string& body,
                         const std::string& e) {
    cli.now = now;
    cli.ok({"assignment", "event", round, body, e});
  };
  // The consultation of 2016 (deadline Monday 2 May) to two of them.
  cli.now = "2016-02-26";
  cli.ok({"round", "create", "--kind", "consultation", "--ref", ref, "--title", title, "--deadline",
          "2016-04-30", "--to", "Polismyndigheten", "--to", "Socialnämnden"});
  event("2016-04-28", ref, "Polismyndigheten", "submit");
  event("2016-05-03", ref, "Socialnämnden", "decide");
  event("2016-05-04", ref, "Socialnämnden", "submit");  // 2 working days late
  // The committees' annual report of 2017 (31 March), closed without Kompetensnämnden's.
  const std::string annual = "Kst 2017/42";
  cli.now = "2017-01-16";
  cli.ok({"round", "create", "--kind", "annual-report", "--ref", annual, "--title",
          "Årlig rapportering av trygghetsarbetet", "--deadline", "2017-03-31", "--to-all",
          "committee"});
  event("2017-03-01", annual, "Kultur-, demokrati- och fritidsnämnden", "decline");
  event("2017-03-20", annual, "Barn- och ungdomsnämnden", "decide");
  event("2017-03-30", annual, "Barn- och ungdomsnämnden", "submit");
  event("2017-04-05", annual, "Socialnämnden", "decide");
  event("2017-04-05", annual, "Socialnämnden", "submit");  // 3 working days late
  cli.now = "2017-04-20";
  cli.ok({"round", "event", annual, "close-answers"});

  const auto row = [](const std::string& body, int year, int on_time, int late, int unanswered,
                      int declined, json days) {
    return json{{"body", body},
                {"year", year},
                {"assignments", on_time + late + unanswered + declined},
                {"on_time", on_time},
                {"late", late},
                {"unanswered", unanswered},
                {"declined", declined},
                {"median_late_working_days", days},
                {"max_late_working_days", days}};
  };
  const auto all = cli.ok({"punctuality"});
  CHECK(all ==
        json::array({row("Barn- och ungdomsnämnden", 2017, 1, 0, 0, 0, nullptr),
                     row("Kompetensnämnden", 2017, 0, 0, 1, 0, nullptr),
                     row("Kultur-, demokrati- och fritidsnämnden", 2017, 0, 0, 0, 1, nullptr),
                     row("Polismyndigheten", 2016, 1, 0, 0, 0, nullptr),
                     row("Socialnämnden", 2016, 0, 1, 0, 0, 2),
                     row("Socialnämnden", 2017, 0, 1, 0, 0, 3)}));
  CHECK(cli.ok({"punctuality", "--body", "socialnämnden", "--from", "2017"}) ==
        json::array({all.back()}));
  CHECK(cli.ok({"punctuality", "--kind", "consultation", "--to", "2016"}).size() == 2);
  CHECK(cli.ok({"punctuality", "--from", "2018"}) == json::array());

  const auto text = cli({"punctuality", "--format", "text"});
  REQUIRE(text.code == exit_ok);
  const auto heads = text.out.substr(0, text.out.find('\n'));
  for (const auto* head : {"Organ", "År", "Uppdrag", "I tid", "Sena", "Obesvarade", "Avböjda",
                           "Median sen (arbetsdagar)", "Högst sen (arbetsdagar)"})
    CHECK_THAT(heads, Contains(head));

  check_refusal(cli({"punctuality", "--body", "Socialnamnden"}), exit_not_found, {"Socialnämnden"});
  check_refusal(cli({"punctuality", "--kind", "remiss"}), exit_bad_input, {"remiss"});
  check_refusal(cli({"punctuality", "--from", "1599"}), exit_bad_input, {"1599"});
  check_refusal(cli({"punctuality", "--from", "2018", "--to", "2017"}), exit_bad_input,
                {"2018", "2017"});
}
