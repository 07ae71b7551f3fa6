// Roles over HTTP: every role against every write endpoint, a secretary's narrower view, and
// the tokens themselves (printed once, stored only as a hash).

#include <soci/soci.h>

#include <regex>

#include "adapters/http/token_secret.hpp"
#include "tests/http/served.hpp"

using bevaka::testing::consultation_path;
using bevaka::testing::json;
using bevaka::testing::served_bevaka;

namespace {

struct expected_statuses {
  std::string role;
  int add_body, create_round, round_event, own_assignment_event, action_item_event;
};

// Who may write what: admin and registrar everything on cases; a coordinator rounds and action
// items; a secretary its own body's assignment; a viewer nothing.
const std::vector<expected_statuses> matrix{
    {"admin", 201, 201, 200, 200, 200},       {"registrar", 201, 201, 200, 200, 200},
    {"coordinator", 403, 201, 200, 403, 200}, {"secretary", 403, 403, 403, 200, 403},
    {"viewer", 403, 403, 403, 403, 403},
};

std::string everything(const served_bevaka& s, const std::string& token) {
  std::string seen;
  for (const auto& target : {"/api/bodies", "/api/rounds", "/api/action-items"})
    seen += s.get(target, token).body;
  for (const auto& round : s.get("/api/rounds", token).json())
    seen += s.get("/api/rounds/" + std::to_string(round.at("id").get<int>()) + "/log", token).body;
  return seen;
}

const json& last_event(const json& log) { return log.back(); }

}  // namespace

TEST_CASE(
    "Every role against every write endpoint: allowed ones are recorded as its holder's, "
    "refused ones are 403 and write nothing",
    "[http][roles]") {
  served_bevaka s;
  s.seed_consultation();
  // Seed 003's follow-up table: each role records an event on an item still proposed.
  s.ok_text({"followup", "import", BEVAKA_FIXTURES_DIR "/followup/seed-003-t2-2016.txt", "--unit",
             "Enskede-Årsta-Vantör"});
  const auto admin = s.token("admin");
  s.start();
  std::vector<std::string> proposed;
  for (const auto& item : s.get("/api/action-items", admin).json())
    if (item.at("state") == "proposed")
      proposed.push_back(std::to_string(item.at("id").get<int>()));
  REQUIRE(proposed.size() >= matrix.size());
  int n = 0;
  for (const auto& expected : matrix) {
    ++n;
    const auto holder = "Innehavare " + expected.role;
    const auto token = expected.role == "secretary" ? s.token("secretary", "Socialnämnden", holder)
                                                    : s.token(expected.role, "", holder);
    const auto sent = "Kst 2016/2" + std::to_string(n), draft = "Kst 2016/3" + std::to_string(n);
    const auto sent_path = "/api/rounds/Kst%202016%2F2" + std::to_string(n);
    const auto draft_path = "/api/rounds/Kst%202016%2F3" + std::to_string(n);
    for (const auto& [ref, extra] : {std::pair{sent, ""}, std::pair{draft, "--draft"}}) {
      std::vector<std::string> args{
          "round", "create",        "--kind", "consultation",  "--ref",
          ref,     "--title",       "Remiss", "--deadline",    "2016-09-30",
          "--to",  "Socialnämnden", "--to",   "Järfällahus AB"};
      if (*extra) args.push_back(extra);
      s.ok_text(args);
    }
    struct write {
      std::string target, body;
      int status;
      std::string log_target;  // where the holder's event shows when allowed
    };
    const std::vector<write> writes{
        {"/api/bodies", R"({"name": "Nämnd )" + std::to_string(n) + R"(", "kind": "committee"})",
         expected.add_body, ""},
        {"/api/rounds",
         R"({"kind": "consultation", "ref": "Kst 2016/4)" + std::to_string(n) +
             R"(", "title": "Ny remiss", "deadline": "2016-10-31", "to": ["Socialnämnden"]})",
         expected.create_round, "/api/rounds/Kst%202016%2F4" + std::to_string(n) + "/log"},
        {draft_path + "/events", R"({"event": "send", "note": "Skickad"})", expected.round_event,
         draft_path + "/log"},
        {sent_path + "/assignments/Socialn%C3%A4mnden/events", R"({"event": "start"})",
         expected.own_assignment_event, sent_path + "/log?body=Socialn%C3%A4mnden"},
        {"/api/action-items/" + proposed.at(n - 1) + "/events", R"({"event": "start"})",
         expected.action_item_event, "/api/action-items/" + proposed.at(n - 1) + "/log"},
    };
    for (const auto& w : writes) {
      INFO(expected.role << " POST " << w.target);
      const auto before = everything(s, admin);
      const auto reply = s.post(w.target, token, w.body);
      CHECK(reply.status == w.status);
      if (w.status == 403) {
        CHECK(reply.json().at("error") == "forbidden");
        CHECK(everything(s, admin) == before);
      } else if (!w.log_target.empty()) {
        const auto event = last_event(s.get(w.log_target, admin).json());
        CHECK(event.at("by") == holder);
        CHECK(event.at("at") == "2016-05-04T10:00:00+02:00");
      }
    }
  }
}

TEST_CASE("A secretary writes only its own body's start, decide, submit and extend",
          "[http][roles]") {
  served_bevaka s;
  s.seed_consultation();
  const auto admin = s.token("admin");
  const auto secretary = s.token("secretary", "Kultur-, demokrati- och fritidsnämnden");
  s.start();
  const auto own =
      consultation_path + "/assignments/Kultur-%2C%20demokrati-%20och%20fritidsn%C3%A4mnden/events";
  const auto before = everything(s, admin);
  for (const auto& [target, body] : std::vector<std::pair<std::string, std::string>>{
           {consultation_path + "/assignments/Polismyndigheten/events", R"({"event": "submit"})"},
           {own, R"({"event": "register"})"},
           {own, R"({"event": "decline"})"},
           {own, R"({"event": "return", "deadline": "2016-06-01"})"},
           {own, R"({"event": "extend", "deadline": "2016-05-13"})"}}) {
    INFO(target << " " << body);
    CHECK(s.post(target, secretary, body).status == 403);
  }
  CHECK(everything(s, admin) == before);
  // A secretary asks for more time; the registrar grants it.
  CHECK(s.post(own, secretary,
               R"({"event": "request-extension", "deadline": "2016-05-13", "note": "KDF 12 maj"})")
            .status == 200);
  const auto requests = s.get("/api/extension-requests", secretary).json();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].at("requested_deadline") == "2016-05-13");
  CHECK(requests[0].at("by") == "secretary (Kultur-, demokrati- och fritidsnämnden)");
  CHECK(s.post(own, s.token("registrar"), R"({"event": "extend", "deadline": "2016-05-13"})")
            .status == 200);
  CHECK(s.get("/api/extension-requests", admin).json().empty());
  CHECK(s.post(own, secretary, R"({"event": "decide"})").status == 200);
  const auto submitted = s.post(own, secretary, R"({"event": "submit"})");
  CHECK(submitted.status == 200);
  CHECK(submitted.json().at("state") == "submitted");
  const auto log = s.get(consultation_path + "/log", admin).json();
  CHECK(last_event(log).at("by") == "secretary (Kultur-, demokrati- och fritidsnämnden)");
}

TEST_CASE("A secretary reads only its own body's assignments", "[http][roles]") {
  served_bevaka s;
  s.seed_consultation();
  s.ok_text({"round", "create", "--kind", "consultation", "--ref", "Kst 2016/90", "--title",
             "Bara polisen", "--deadline", "2016-04-01", "--to", "Polismyndigheten"},
            "2016-03-01");
  const auto secretary = s.token("secretary", "Polismyndigheten");
  const auto viewer = s.token("viewer");
  s.start();
  const auto overdue = s.get("/api/overdue", secretary).json();
  REQUIRE(overdue.size() == 2);
  for (const auto& item : overdue) CHECK(item.at("body") == "Polismyndigheten");
  CHECK(s.get("/api/overdue", viewer).json().size() == 6);

  const auto round = s.get(consultation_path, secretary).json();
  REQUIRE(round.at("assignments").size() == 1);
  CHECK(round.at("assignments")[0].at("body") == "Polismyndigheten");
  for (const auto& event : s.get(consultation_path + "/log", secretary).json())
    CHECK(event.at("body") == "Polismyndigheten");
  CHECK(s.get("/api/rounds", secretary).json().size() == 2);
  CHECK(s.get("/api/bodies/Polismyndigheten/assignments", secretary).json().size() == 2);

  s.ok_text({"round", "create", "--kind", "consultation", "--ref", "Kst 2016/91", "--title",
             "Inte polisen", "--deadline", "2016-06-01", "--to", "Socialnämnden"});
  for (const auto& target :
       {std::string("/api/rounds/Kst%202016%2F91"), std::string("/api/rounds/Kst%202016%2F91/log"),
        consultation_path + "/log?body=Socialn%C3%A4mnden",
        std::string("/api/bodies/Socialn%C3%A4mnden/assignments"),
        std::string("/api/bodies/Socialn%C3%A4mnden/deadlines.ics")}) {
    INFO("GET " << target);
    const auto reply = s.get(target, secretary);
    CHECK(reply.status == 403);
    CHECK(reply.json().at("error") == "forbidden");
  }
}

TEST_CASE("bevaka token create prints the token once and stores only its SHA-256",
          "[http][roles]") {
  served_bevaka s;
  s.seed_consultation();
  const auto token = s.token("secretary", "Socialnämnden", "Sekreteraren");
  CHECK(std::regex_match(token, std::regex("bvk_[0-9a-f]{64}")));
  CHECK(s.token("viewer") != s.token("viewer"));

  std::vector<std::string> hashes(3), holders(3);
  s.db.store().session() << "SELECT token_hash, holder FROM api_tokens ORDER BY id",
      soci::into(hashes), soci::into(holders);
  CHECK(hashes.at(0) == bevaka::http::token_hash(token));
  CHECK(holders.at(0) == "Sekreteraren");
  CHECK(holders.at(1) == "viewer");
  for (const auto& hash : hashes) CHECK(hash.find(token.substr(4)) == std::string::npos);
  // SHA-256 of "abc" (FIPS 180-2, appendix B.1).
  CHECK(bevaka::http::token_hash("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

  for (const auto& [args, code] : std::vector<std::pair<std::vector<std::string>, int>>{
           {{"token", "create", "--role", "secretary"}, 2},
           {{"token", "create", "--role", "registrar", "--body", "Socialnämnden"}, 2},
           {{"token", "create", "--role", "secretary", "--body", "Kulturnämnden"}, 3},
           {{"token", "create", "--role", "superuser"}, 2}}) {
    const auto refused = s(args);
    INFO(refused.err);
    CHECK(refused.code == code);
    CHECK(refused.out.empty());
  }
  long long count = 0;
  s.db.store().session() << "SELECT COUNT(*) FROM api_tokens", soci::into(count);
  CHECK(count == 3);
}
