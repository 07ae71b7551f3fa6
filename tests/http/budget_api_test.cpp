// The budget over HTTP: GET /api/budgets/{year}, which every role may read, gives the same JSON
// as `bevaka budget show`.

#include "tests/http/served.hpp"

using bevaka::testing::json;
using bevaka::testing::served_bevaka;

namespace {

const std::string seed_budget = BEVAKA_FIXTURES_DIR "/budget/seed-002-budget-2013.txt";

}  // namespace

TEST_CASE("Every role reads a year's budget, planned against spent, as the CLI shows it",
          "[http][budget]") {
  served_bevaka s;
  s.seed_consultation();
  s.ok_text(
      {"group", "add", "Trygg i Österåker", "--kind", "council", "--coordinator", "Socialnämnden"});
  s.ok_text({"budget", "import", seed_budget, "--year", "2013", "--owner", "Trygg i Österåker"});
  s.ok_text({"budget", "spend", "--year", "2013", "--line", "Grannsamverkan", "--amount", "4 000"});
  const auto shown = json::parse(s.ok_text({"budget", "show", "--year", "2013"}));
  std::vector<std::string> tokens;
  for (const auto* role : {"admin", "registrar", "coordinator", "viewer"})
    tokens.push_back(s.token(role));
  tokens.push_back(s.token("secretary", "Socialnämnden"));
  s.start();
  for (const auto& token : tokens) {
    const auto reply = s.get("/api/budgets/2013", token);
    REQUIRE(reply.status == 200);
    CHECK(reply.json() == shown);
  }
  CHECK(shown.at("total") == 500'000);
  CHECK(shown.at("spent") == 4'000);
  CHECK(s.get("/api/budgets/2014", tokens[0]).status == 404);
  CHECK(s.get("/api/budgets/tjugotretton", tokens[0]).status == 400);
}

TEST_CASE("A round is found over HTTP by its reference number in another case and spacing",
          "[http][references]") {
  served_bevaka s;
  s.seed_consultation();
  const auto viewer = s.token("viewer");
  s.start();
  const auto reply = s.get("/api/rounds/KST%20%202015%2F503", viewer);
  REQUIRE(reply.status == 200);
  CHECK(reply.json().at("ref") == "Kst 2015/503");
}
