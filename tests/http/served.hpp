#pragma once
// The API tests' fixture: a fresh database (SQLite or PostgreSQL, as BEVAKA_TEST_BACKEND says),
// the CLI in process to seed it and issue tokens, and a real `bevaka serve` on 127.0.0.1.
// The scenario is Järfälla's consultation on the safety programme (seed 001, Dnr Kst 2015/503,
// answers by Saturday 30 April 2016, so by Monday 2 May).

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/cli_runner.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/running_server.hpp"

namespace bevaka::testing {

using json = nlohmann::ordered_json;

inline const std::string consultation_ref = "Kst 2015/503";
inline const std::string consultation_path = "/api/rounds/Kst%202015%2F503";

// The CLI on a fresh database, and `bevaka serve` on it once started. `now` is the server's clock
// (`serve --now`) and the CLI's, unless a call names another.
class served_bevaka : public cli_session {
 public:
  served_bevaka() : cli_session("http_tests") { now = "2016-05-04T10:00"; }

  std::string token(const std::string& role, const std::string& body = "",
                    const std::string& name = "") const {
    std::vector<std::string> args{"token", "create", "--role", role};
    if (!body.empty()) args.insert(args.end(), {"--body", body});
    if (!name.empty()) args.insert(args.end(), {"--name", name});
    auto printed = ok_text(args);
    REQUIRE(printed.ends_with('\n'));
    printed.pop_back();
    return printed;
  }

  void start(const std::vector<std::string>& extra = {}) { server_.emplace(db.url(), now, extra); }
  [[nodiscard]] unsigned short port() const { return server_->port(); }
  [[nodiscard]] bool alive() const { return server_->alive(); }

  http_reply get(const std::string& target, const std::string& token) const {
    return http_request(port(), "GET", target, token);
  }
  http_reply post(const std::string& target, const std::string& token,
                  const std::string& body) const {
    return http_request(port(), "POST", target, token, body);
  }

  // The bodies of seed 001's "Expedieras till", the round the board sent them on 26 February
  // 2016, and what happened before 4 May: a decline, an extension, one answer. Without
  // reminders: `serve`'s dispatcher runs on the wall clock, long past 2016, and would send them
  // onto the round's timeline while a test compares it before and after a request.
  void seed_consultation() const {
    std::vector<std::string> create{
        "round",      "create",         "--kind",   "consultation",
        "--ref",      consultation_ref, "--title",  "Trygghetsskapande program för Järfälla kommun",
        "--deadline", "2016-04-30",     "--remind", "none",
        "--by",       "registrator"};
    for (const auto& [name, kind] : std::vector<std::pair<std::string, std::string>>{
             {"Barn- och ungdomsnämnden", "committee"},
             {"Kompetensnämnden", "committee"},
             {"Kultur-, demokrati- och fritidsnämnden", "committee"},
             {"Socialnämnden", "committee"},
             {"Järfällahus AB", "company"},
             {"Polismyndigheten", "authority"},
             {"Brandkåren Attunda", "authority"},
             {"Kommunens företagarföreningar", "association"}}) {
      ok_text({"body", "add", name, "--kind", kind, "--email", "registrator@example.se"});
      create.insert(create.end(), {"--to", name});
    }
    ok_text(create, "2016-02-26");
    const auto event = [&](const std::string& at, const std::string& body,
                           std::vector<std::string> rest) {
      rest.insert(rest.begin(), {"assignment", "event", consultation_ref, body});
      ok_text(rest, at);
    };
    event("2016-04-15", "Brandkåren Attunda", {"decline", "--note", "Avstår från att yttra sig"});
    event("2016-04-20", "Kompetensnämnden", {"extend", "--deadline", "2016-05-20"});
    event("2016-04-21", "Socialnämnden", {"decide", "--note", "SN 2016-04-21 § 58"});
    event("2016-04-25", "Socialnämnden", {"submit"});
  }

 private:
  std::optional<running_server> server_;  // stopped before the database (the base) goes
};

}  // namespace bevaka::testing
