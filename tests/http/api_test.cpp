// The HTTP API against a running `bevaka serve` on 127.0.0.1, on a real database: the CLI's
// JSON shapes, the server's clock for writes, refusals as JSON, and a server that survives
// whatever a client sends.

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "tests/http/served.hpp"

using bevaka::testing::consultation_path;
using bevaka::testing::consultation_ref;
using bevaka::testing::http_reply;
using bevaka::testing::json;
using bevaka::testing::raw_exchange;
using bevaka::testing::served_bevaka;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

// A refusal: the status, JSON {error, detail} and nothing else.
void check_refusal(const http_reply& reply, int status, const std::string& error) {
  INFO("answer: " << reply.status << " " << reply.body);
  CHECK(reply.status == status);
  CHECK(reply.header("content-type") == "application/json");
  const auto body = reply.json();
  REQUIRE(body.size() == 2);
  CHECK(body.at("error") == error);
  CHECK_FALSE(body.at("detail").get<std::string>().empty());
}

// Everything the registrar could see, to compare before and after a refused call.
std::string snapshot(const served_bevaka& s, const std::string& token) {
  std::string seen;
  for (const auto* target : {"/api/bodies", "/api/rounds", "/api/overdue?as_of=2016-06-01"})
    seen += s.get(target, token).body;
  return seen + s.get(consultation_path + "/log", token).body;
}

}  // namespace

TEST_CASE("The API answers with the CLI's JSON, byte for byte", "[http]") {
  served_bevaka s;
  s.seed_consultation();
  s.ok_text({"followup", "import", BEVAKA_FIXTURES_DIR "/followup/seed-003-t2-2016.txt", "--unit",
             "Enskede-Årsta-Vantör"});
  const auto token = s.token("viewer", "", "Registratorn");
  s.start();
  const std::vector<std::pair<std::string, std::vector<std::string>>> same{
      {"/api/action-items", {"followup", "list"}},
      {"/api/action-items?unit=Enskede-%C3%85rsta-Vant%C3%B6r&category=capable-guardians",
       {"followup", "list", "--unit", "Enskede-Årsta-Vantör", "--category", "capable-guardians"}},
      {"/api/action-items/3/log", {"followup", "log", "3"}},
      {"/api/bodies", {"body", "list"}},
      {"/api/bodies?kind=committee", {"body", "list", "--kind", "committee"}},
      {consultation_path, {"round", "show", consultation_ref}},
      {"/api/rounds/1", {"round", "show", "1"}},
      {consultation_path + "/log", {"log", consultation_ref}},
      {consultation_path + "/log?body=Socialn%C3%A4mnden",
       {"log", consultation_ref, "Socialnämnden"}},
      {"/api/calendar/2017", {"calendar", "--year", "2017"}},
      {"/api/overdue?as_of=2016-05-18&kind=consultation", {"overdue", "--kind", "consultation"}},
  };
  for (const auto& [target, command] : same) {
    INFO("GET " << target);
    const auto reply = s.get(target, token);
    CHECK(reply.status == 200);
    CHECK(reply.header("content-type") == "application/json");
    CHECK(reply.body == s.ok_text(command, "2016-05-18"));
  }
}

TEST_CASE("as_of shows a read as it will look on another day; without it, the server's clock",
          "[http]") {
  served_bevaka s;
  s.seed_consultation();
  const auto token = s.token("viewer");
  s.start();
  // Deadline Monday 2 May; 5 May 2016 was Kristi himmelsfärdsdag.
  const auto on = [&](const std::string& day) {
    return s.get("/api/overdue?as_of=" + day, token).json();
  };
  CHECK(on("2016-05-02").empty());
  REQUIRE(on("2016-05-03").size() == 5);
  CHECK(on("2016-05-03")[0].at("working_days_overdue") == 1);
  CHECK(on("2016-05-06")[0].at("working_days_overdue") == 3);
  CHECK(s.get("/api/overdue", token).json() == on("2016-05-04"));
  check_refusal(s.get("/api/overdue?as_of=2016-02-30", token), 400, "bad_input");
  check_refusal(s.get("/api/overdue?asof=2016-05-04", token), 400, "bad_input");
}

TEST_CASE("A write over HTTP is the CLI's command, by the token's holder, on the server's clock",
          "[http]") {
  served_bevaka s;
  s.seed_consultation();
  const auto token = s.token("registrar", "", "Anna Registrator");
  s.start();
  const auto submitted = s.post(consultation_path + "/assignments/Polismyndigheten/events", token,
                                R"({"event": "submit", "note": "Inkom per e-post"})");
  REQUIRE(submitted.status == 200);
  // The shape `bevaka assignment event` prints, for the same event on another body.
  const auto by_cli = nlohmann::ordered_json::parse(s.ok_text(
      {"assignment", "event", consultation_ref, "Järfällahus AB", "submit"}, "2016-05-04T10:00"));
  auto expected = by_cli;
  expected["body"] = "Polismyndigheten";
  CHECK(submitted.json() == expected);
  CHECK(submitted.json().at("late_by_working_days") == 2);

  const auto last = s.get(consultation_path + "/log?body=Polismyndigheten", token).json().back();
  CHECK(last.at("event") == "submit");
  CHECK(last.at("by") == "Anna Registrator");
  CHECK(last.at("at") == "2016-05-04T10:00:00+02:00");
  CHECK(last.at("note") == "Inkom per e-post");

  const auto before = snapshot(s, token);
  check_refusal(
      s.post(consultation_path + "/assignments/Socialn%C3%A4mnden/events?as_of=2016-04-01", token,
             R"({"event": "register"})"),
      400, "bad_input");
  CHECK(snapshot(s, token) == before);
}

TEST_CASE("Bodies and rounds made over HTTP answer 201 with what GET shows", "[http]") {
  served_bevaka s;
  s.seed_consultation();
  const auto token = s.token("admin", "", "Trygghetssamordnaren");
  s.start();
  const auto body = s.post("/api/bodies", token,
                           R"({"name": "Miljö- och bygglovsnämnden", "kind": "committee",
                               "emails": ["mbn@example.se"]})");
  REQUIRE(body.status == 201);
  const auto bodies = s.get("/api/bodies", token).json();
  CHECK(std::count(bodies.begin(), bodies.end(), body.json()) == 1);

  const auto round = s.post("/api/rounds", token,
                            R"({"kind": "annual-report", "ref": "Kst 2017/84",
                                "title": "Rapportering av trygghet 2016",
                                "deadline": "2017-03-31", "to_all": "committee"})");
  REQUIRE(round.status == 201);
  CHECK(round.json() == s.get("/api/rounds/Kst%202017%2F84", token).json());
  CHECK(round.json().at("assignments").size() == 5);
  CHECK(round.json().at("state") == "sent");
  CHECK(s.get("/api/rounds", token).json().at(0) == round.json());
}

TEST_CASE("Refusals are JSON {error, detail} with their status, and write nothing", "[http]") {
  served_bevaka s;
  s.seed_consultation();
  const auto token = s.token("admin");
  s.start();
  const auto social = consultation_path + "/assignments/Socialn%C3%A4mnden/events";
  struct refusal {
    std::string method, target, body;
    int status;
    std::string error;
  };
  const std::vector<refusal> refusals{
      {"POST", social, R"({"event": "decide"})", 409, "refused"},
      {"POST", social, R"({"event": "fly"})", 400, "bad_input"},
      {"POST", social, R"({"event": "submit")", 400, "bad_input"},
      {"POST", social, R"(["submit"])", 400, "bad_input"},
      {"POST", social, R"({"event": "register", "colour": "red"})", 400, "bad_input"},
      {"POST", social, R"({"event": 7})", 400, "bad_input"},
      {"POST", social, R"({"event": "return", "deadline": "2016-02-30"})", 400, "bad_input"},
      {"POST", consultation_path + "/assignments/Kulturn%C3%A4mnden/events",
       R"({"event": "start"})", 404, "not_found"},
      {"POST", consultation_path + "/assignments/Socialnämnden/events", R"({"event": "start"})",
       400, "bad_input"},  // a target must be percent-encoded
      {"POST", "/api/rounds/Kst%202099%2F1/events", R"({"event": "send"})", 404, "not_found"},
      {"POST", consultation_path + "/events", R"({"event": "send"})", 409, "refused"},
      {"POST", "/api/bodies", R"({"name": "Socialnämnden", "kind": "committee"})", 409,
       "duplicate"},
      {"POST", "/api/bodies", R"({"name": "Socialnämnden", "kind": "club"})", 400, "bad_input"},
      {"POST", "/api/rounds",
       R"({"kind": "consultation", "ref": "Kst 2015/503", "title": "Igen",
           "deadline": "2016-09-30", "to": ["Socialnämnden"]})",
       409, "duplicate"},
      {"POST", "/api/rounds",
       R"({"kind": "consultation", "ref": "Kst 2016/1", "title": "Utan tidsgräns",
           "to": ["Socialnämnden"]})",
       400, "bad_input"},
      {"GET", "/api/rounds/Kst%202099%2F1", "", 404, "not_found"},
      {"GET", "/api/nothing", "", 404, "not_found"},
      {"GET", "/api/calendar/20x7", "", 400, "bad_input"},
      {"DELETE", consultation_path, "", 405, "method_not_allowed"},
      {"POST", "/api/overdue", "{}", 405, "method_not_allowed"},
  };
  const auto before = snapshot(s, token);
  for (const auto& r : refusals) {
    INFO(r.method << " " << r.target << " " << r.body);
    check_refusal(bevaka::testing::http_request(s.port(), r.method, r.target, token, r.body),
                  r.status, r.error);
  }
  CHECK(snapshot(s, token) == before);
}

TEST_CASE("A body is found in any case over HTTP, and a near miss's detail names the body meant",
          "[http]") {
  served_bevaka s;
  s.seed_consultation();
  const auto token = s.token("admin");
  s.start();
  const auto found = s.get("/api/bodies/SOCIALN%C3%84MNDEN/assignments", token);
  REQUIRE(found.status == 200);
  CHECK(found.json().at(0).at("body") == "Socialnämnden");
  const auto missed = s.get("/api/bodies/Socialnamnden/assignments", token);
  check_refusal(missed, 404, "not_found");
  CHECK(missed.json().at("detail") == "no body 'Socialnamnden'; did you mean 'Socialnämnden'?");
}

TEST_CASE("Without a valid token the API answers 401, the rest stays open", "[http]") {
  served_bevaka s;
  s.seed_consultation();
  const auto token = s.token("admin");
  s.start();
  for (const auto& sent : {std::string(), std::string("bvk_0000"), token + "0"}) {
    const auto reply = s.get("/api/overdue", sent);
    check_refusal(reply, 401, "unauthorized");
    CHECK(reply.header("www-authenticate") == "Bearer");
  }
  check_refusal(s.post("/api/bodies", "", R"({"name": "Ny nämnd", "kind": "committee"})"), 401,
                "unauthorized");
  CHECK(s.get("/health", "").json() == json{{"status", "ok"}});
  CHECK(s.get("/", "").status == 200);
  CHECK(s.get("/metrics", "").status == 200);
}

TEST_CASE("An oversized body is refused with 413 before it is read", "[http]") {
  served_bevaka s;
  s.seed_consultation();
  const auto token = s.token("admin");
  s.start();
  const std::string note(100 * 1024, 'x');
  check_refusal(s.post(consultation_path + "/assignments/Polismyndigheten/events", token,
                       R"({"event": "submit", "note": ")" + note + "\"}"),
                413, "payload_too_large");
  CHECK(s.get(consultation_path, token).json().at("assignments").at(6).at("state") == "sent");
}

TEST_CASE("Malformed HTTP gets 400 and a closed connection, never a crash or a hang", "[http]") {
  served_bevaka s;
  s.start();
  using namespace std::chrono_literals;
  for (const std::string& junk :
       {std::string("HELLO\r\n\r\n"), std::string("GET / HTTP/9.9\r\n\r\n"),
        std::string("GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"),
        std::string("GET /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
        std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11),
        std::string("POST /api/bodies HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n{\0\0\0}",
                    62)}) {
    INFO("sent: " << junk);
    const auto answer = raw_exchange(s.port(), junk, 5s);
    CHECK_THAT(answer, StartsWith("HTTP/1.1 4"));
  }
  const auto huge_header = fmt::format("GET /health HTTP/1.1\r\nHost: x\r\nX-Padding: {}\r\n\r\n",
                                       std::string(64 * 1024, 'a'));
  CHECK_THAT(raw_exchange(s.port(), huge_header, 5s), StartsWith("HTTP/1.1 431"));
  // A client that goes away in the middle of a request gets nothing and harms nothing.
  CHECK(raw_exchange(s.port(), "GET /heal", 200ms).empty());
  CHECK(s.alive());
  CHECK(s.get("/health", "").status == 200);
}

TEST_CASE("A slow client is cut off after the timeout and holds nobody else up", "[http]") {
  served_bevaka s;
  s.start({"--timeout", "1"});
  using clock = std::chrono::steady_clock;
  const auto started = clock::now();
  std::string slow_answer = "not yet";
  std::thread slow([&] {
    slow_answer =
        raw_exchange(s.port(), "GET /health HTTP/1.1\r\nHost: x\r\n", std::chrono::seconds(20));
  });
  // While the slow client dawdles, others are served at once.
  CHECK(s.get("/health", "").status == 200);
  slow.join();
  CHECK(slow_answer.empty());
  CHECK(clock::now() - started < std::chrono::seconds(10));
  CHECK(s.alive());
}

TEST_CASE("/metrics counts requests by route and status, and the writes applied", "[http]") {
  served_bevaka s;
  s.seed_consultation();
  const auto token = s.token("registrar");
  s.start();
  CHECK(s.get("/api/overdue", token).status == 200);
  CHECK(s.get("/api/overdue", "").status == 401);
  CHECK(s.post(consultation_path + "/assignments/Polismyndigheten/events", token,
               R"({"event": "submit"})")
            .status == 200);
  const auto metrics = s.get("/metrics", "");
  CHECK_THAT(metrics.header("content-type"), StartsWith("text/plain; version=0.0.4"));
  CHECK_THAT(metrics.body, Contains("bevaka_http_requests_total{route=\"/api/overdue\",method="
                                    "\"GET\",status=\"200\"} 1\n"));
  CHECK_THAT(metrics.body, Contains("bevaka_http_requests_total{route=\"/api/overdue\",method="
                                    "\"GET\",status=\"401\"} 1\n"));
  CHECK_THAT(metrics.body, Contains("bevaka_http_request_duration_seconds_count{route=\"/api/"
                                    "overdue\"} 2\n"));
  CHECK_THAT(metrics.body,
             Contains("bevaka_events_applied_total{command=\"assignment_event\"} 1\n"));
}

TEST_CASE("A round's reminders are `bevaka reminders`' JSON; /metrics counts them by state",
          "[http][reminders]") {
  served_bevaka s;
  // Deadlines far ahead of the wall clock that `serve`'s dispatcher runs on, so that it leaves
  // these reminders alone while the test reads them.
  s.ok_text({"body", "add", "Socialnämnden", "--kind", "committee", "--email", "sn@example.se"});
  s.ok_text({"body", "add", "Polismyndigheten", "--kind", "authority", "--email",
             "registrator.polis@example.se"});
  s.ok_text({"round", "create", "--kind", "annual-report", "--ref", "Kst 2099/84", "--title",
             "Rapportering av trygghet 2098", "--deadline", "2099-03-31", "--to", "Socialnämnden",
             "--to", "Polismyndigheten", "--remind", "-10,-3,+1,+5!"});
  s.ok_text({"assignment", "event", "Kst 2099/84", "Socialnämnden", "decide"});
  s.ok_text({"assignment", "event", "Kst 2099/84", "Socialnämnden", "submit"});
  const auto registrar = s.token("registrar");
  const auto secretary = s.token("secretary", "Polismyndigheten");
  s.start();

  const auto reply = s.get("/api/rounds/Kst%202099%2F84/reminders", registrar);
  CHECK(reply.status == 200);
  CHECK(reply.body == s.ok_text({"reminders", "Kst 2099/84"}));
  CHECK(s.get("/api/reminders", registrar).body == reply.body);
  const auto all = reply.json();
  REQUIRE(all.size() == 8);

  const auto own = s.get("/api/rounds/Kst%202099%2F84/reminders", secretary).json();
  REQUIRE(own.size() == 4);
  for (const auto& row : own) {
    CHECK(row.at("body") == "Polismyndigheten");
    CHECK(row.at("state") == "scheduled");
  }
  CHECK(s.get("/api/rounds/Kst%202099%2F84/overview", secretary).json().at("reminders") == own);

  const auto metrics = s.get("/metrics", "").body;
  CHECK_THAT(metrics, Contains("# TYPE bevaka_reminders gauge\n"));
  CHECK_THAT(metrics, Contains("bevaka_reminders{state=\"scheduled\"} 4\n"));
  CHECK_THAT(metrics, Contains("bevaka_reminders{state=\"cancelled\"} 4\n"));
  CHECK_THAT(metrics, Contains("bevaka_reminders{state=\"sent\"} 0\n"));
  CHECK_THAT(metrics, Contains("bevaka_reminders{state=\"failed\"} 0\n"));
}

TEST_CASE(
    "A read after a write shows it, whoever wrote: answers are kept only while nothing "
    "changed",
    "[http]") {
  served_bevaka s;
  s.seed_consultation();
  const auto token = s.token("registrar");
  s.start();
  const auto bodies_overdue = [&] {
    std::vector<std::string> names;
    for (const auto& item : s.get("/api/overdue", token).json())
      names.push_back(item.at("body").get<std::string>());
    return names;
  };
  const auto before = bodies_overdue();
  REQUIRE(before.size() == 5);
  CHECK(bodies_overdue() == before);
  const auto answered = [&](const std::string& body) {
    const auto names = bodies_overdue();
    return std::find(names.begin(), names.end(), body) == names.end();
  };
  CHECK_FALSE(answered("Polismyndigheten"));

  // Another process (the CLI, its own connection) records an answer.
  s.ok_text({"assignment", "event", consultation_ref, "Polismyndigheten", "submit"});
  CHECK(answered("Polismyndigheten"));
  // The server's own write.
  CHECK(s.post(consultation_path + "/assignments/J%C3%A4rf%C3%A4llahus%20AB/events", token,
               R"({"event": "submit"})")
            .status == 200);
  CHECK(answered("Järfällahus AB"));
  CHECK(bodies_overdue().size() == 3);
  // Another day's answer is another answer.
  CHECK(s.get("/api/overdue?as_of=2016-05-02", token).json().empty());
  CHECK(bodies_overdue().size() == 3);
}

TEST_CASE("With reference patterns configured, POST /api/rounds refuses a reference outside them",
          "[http][references]") {
  // The server reads BEVAKA_CONFIG, which the test process hands down: Järfälla's pattern, and
  // the shipped templates for the reminders.
  const auto dir = std::filesystem::temp_directory_path() /
                   ("bevaka-http-patterns-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "bevaka.toml")
      << "[mail]\ntemplates = \"" BEVAKA_FIXTURES_DIR "/../../config/templates\"\n"
      << "[references.patterns]\n\"Järfälla\" = \"{series} {year}/{number}\"\n";
  ::setenv("BEVAKA_CONFIG", (dir / "bevaka.toml").c_str(), 1);
  struct restore {
    std::filesystem::path dir;
    ~restore() {
      ::unsetenv("BEVAKA_CONFIG");
      std::error_code ignored;
      std::filesystem::remove_all(dir, ignored);
    }
  } restored{dir};

  served_bevaka s;
  s.ok_text({"body", "add", "Socialnämnden", "--kind", "committee"});
  const auto token = s.token("registrar");
  s.start();
  const auto refused = s.post("/api/rounds", token,
                              R"({"kind": "consultation", "ref": "Dnr 503/15", "title": "Remiss",
                                  "deadline": "2016-04-30", "to": ["Socialnämnden"]})");
  CHECK(refused.status == 400);
  CHECK_THAT(refused.json().at("detail").get<std::string>(), Contains("Dnr 503/15"));
  CHECK(s.get("/api/rounds", token).json().empty());
  CHECK(s.post("/api/rounds", token,
               R"({"kind": "consultation", "ref": "Kst 2015/503", "title": "Remiss",
                   "deadline": "2016-04-30", "to": ["Socialnämnden"]})")
            .status == 201);
}

TEST_CASE("GET /api/punctuality is `bevaka punctuality`; a secretary sees only its own body",
          "[http]") {
  served_bevaka s;
  s.seed_consultation();
  s.ok_text({"assignment", "event", consultation_ref, "Polismyndigheten", "submit"});
  const auto viewer = s.token("viewer");
  const auto secretary = s.token("secretary", "Socialnämnden");
  s.start();
  const std::vector<std::pair<std::string, std::vector<std::string>>> same{
      {"/api/punctuality", {"punctuality"}},
      {"/api/punctuality?kind=consultation&from=2016&to=2016",
       {"punctuality", "--kind", "consultation", "--from", "2016", "--to", "2016"}},
      {"/api/punctuality?body=Polismyndigheten", {"punctuality", "--body", "Polismyndigheten"}},
  };
  for (const auto& [target, command] : same) {
    INFO("GET " << target);
    const auto reply = s.get(target, viewer);
    CHECK(reply.status == 200);
    CHECK(reply.body == s.ok_text(command));
  }
  const auto all = s.get("/api/punctuality", viewer).json();
  REQUIRE(all.size() == 3);
  CHECK(all[0].at("body") == "Brandkåren Attunda");
  CHECK(all[0].at("declined") == 1);
  CHECK(all[1].at("body") == "Polismyndigheten");
  CHECK(all[1].at("late") == 1);
  CHECK(all[1].at("max_late_working_days") == 2);
  CHECK(all[2].at("body") == "Socialnämnden");
  CHECK(all[2].at("on_time") == 1);

  const auto own = s.get("/api/punctuality", secretary).json();
  REQUIRE(own.size() == 1);
  CHECK(own[0] == all[2]);
  CHECK(s.get("/api/punctuality?body=Socialn%C3%A4mnden", secretary).json() == own);
  check_refusal(s.get("/api/punctuality?body=Polismyndigheten", secretary), 403, "forbidden");

  check_refusal(s.get("/api/punctuality?body=Socialnamnden", viewer), 404, "not_found");
  CHECK_THAT(s.get("/api/punctuality?body=Socialnamnden", viewer).json().at("detail"),
             Contains("Socialnämnden"));
  for (const auto* target :
       {"/api/punctuality?kind=remiss", "/api/punctuality?from=1599", "/api/punctuality?to=10000",
        "/api/punctuality?from=2017&to=2016", "/api/punctuality?from=tjugohundra"}) {
    INFO("GET " << target);
    check_refusal(s.get(target, viewer), 400, "bad_input");
  }
}

TEST_CASE("The dashboard's state names name the council as the configuration does",
          "[http][council]") {
  // Borås calls its council Brå; the server reads BEVAKA_CONFIG, which the test hands down.
  const auto dir = std::filesystem::temp_directory_path() /
                   ("bevaka-http-council-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "bevaka.toml")
      << "[council]\nname = \"Brå\"\nlong_name = \"Brottsförebyggande rådet i Borås\"\n"
      << "[mail]\ntemplates = \"" BEVAKA_FIXTURES_DIR "/../../config/templates\"\n";
  ::setenv("BEVAKA_CONFIG", (dir / "bevaka.toml").c_str(), 1);
  struct restore {
    std::filesystem::path dir;
    ~restore() {
      ::unsetenv("BEVAKA_CONFIG");
      std::error_code ignored;
      std::filesystem::remove_all(dir, ignored);
    }
  } restored{dir};

  served_bevaka s;
  s.start();
  const auto script = s.get("/state-names.js", "");
  REQUIRE(script.status == 200);
  CHECK_THAT(script.body, Contains(R"("sent_to_council":"Skickad till Brå")"));
  CHECK_THAT(script.body, Contains(R"("discussed":"Diskuterad i Brå")"));
  CHECK_THAT(
      script.body,
      Contains(R"("council":{"name":"Brå","long_name":"Brottsförebyggande rådet i Borås"})"));
  CHECK_THAT(script.body, !Contains("KBR"));
}
