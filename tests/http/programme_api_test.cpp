// The safety programme's reads over HTTP against a running `bevaka serve`: the CLI's JSON, byte
// for byte, for every role.

#include "tests/http/served.hpp"

using bevaka::testing::served_bevaka;

namespace {

// Österåker's council and ANDT focus group (seed 002) with a decided plan and a duty step.
void seed_programme(const served_bevaka& s) {
  for (const auto* name : {"Kommunstyrelsen", "Socialnämnden"})
    s.ok_text({"body", "add", name, "--kind", "committee", "--email", "trygghet@example.se"});
  s.ok_text({"group", "add", "Trygg i Österåker", "--kind", "council", "--coordinator",
             "Kommunstyrelsen", "--member", "Socialnämnden", "--meets-per-year", "3"});
  s.ok_text({"group", "add", "ANDT", "--kind", "focus-group", "--coordinator", "Kommunstyrelsen",
             "--part-of", "Trygg i Österåker"});
  s.ok_text({"plan", "create", "--ref", "KS 2013/0042", "--title", "Handlingsplan ANDT", "--group",
             "ANDT", "--period", "2013-2015"});
  s.ok_text({"indicator", "add", "CAN9", "--title", "Andel elever i årskurs 9 som druckit alkohol",
             "--direction", "decrease"});
  s.ok_text({"indicator", "value", "CAN9", "--year", "2013", "--value", "47"});
  s.ok_text({"goal", "add", "--plan", "KS 2013/0042", "Färre unga dricker alkohol", "--indicator",
             "CAN9", "--target", "40"});
  s.ok_text({"plan", "event", "KS 2013/0042", "decide"});
  s.ok_text({"duty", "record", "situation-picture", "--period", "2015", "--ref", "KS 2015/1",
             "--decided", "2015-03-02", "--decided-by", "Kommunstyrelsen"});
}

}  // namespace

TEST_CASE("The programme's reads answer with the CLI's JSON for every role", "[http][programme]") {
  served_bevaka s;
  s.now = "2016-05-04T10:00";
  seed_programme(s);
  std::vector<std::string> tokens;
  for (const auto* role : {"viewer", "coordinator", "registrar", "admin"})
    tokens.push_back(s.token(role));
  tokens.push_back(s.token("secretary", "Socialnämnden"));
  s.start();
  const std::vector<std::pair<std::string, std::vector<std::string>>> same{
      {"/api/groups", {"group", "list"}},
      {"/api/plans", {"plan", "list"}},
      {"/api/plans?group=ANDT", {"plan", "list", "--group", "ANDT"}},
      {"/api/plans/KS%202013%2F0042", {"plan", "show", "KS 2013/0042"}},
      {"/api/duty", {"duty", "status"}},
      {"/api/duty?as_of=2015-06-01", {"duty", "status", "--as-of", "2015-06-01"}},
  };
  for (const auto& token : tokens)
    for (const auto& [target, command] : same) {
      INFO("GET " << target);
      const auto reply = s.get(target, token);
      CHECK(reply.status == 200);
      CHECK(reply.body == s.ok_text(command));
    }
  const auto plans = s.get("/api/plans", tokens.front()).json();
  REQUIRE(plans.size() == 1);
  CHECK(plans[0].at("goals")[0].at("years")[0].at("status") == "not-assessed");
  CHECK(s.get("/api/plans/KS%202099%2F1", tokens.front()).status == 404);
  CHECK(s.get("/api/plans?group=Br%C3%A5", tokens.front()).status == 404);
  CHECK(s.get("/api/duty?as_of=2015-02-30", tokens.front()).status == 400);
  CHECK(s.get("/api/groups", "").status == 401);
}
