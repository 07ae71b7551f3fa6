// The legal duty of Lag 2023:196 through the command line on a real database: a situation picture,
// the action plan decided on it and its follow-up, in that order, and where the municipality
// stands on a given day.

#include <catch2/catch.hpp>

#include "adapters/cli/exit_codes.hpp"
#include "tests/programme/osteraker.hpp"

using namespace bevaka::testing;
using bevaka::cli::exit_bad_input;
using bevaka::cli::exit_not_found;
using bevaka::cli::exit_refused;
using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

const std::string plan_2024 = "KS 2024/0233";

void decided_plan_2024(osteraker& s) {
  s.ok({"plan", "create", "--ref", plan_2024, "--title",
        "Åtgärdsplan för brottsförebyggande arbete 2024-2027", "--group", "Trygg i Österåker",
        "--period", "2024-2027"});
  s.ok({"goal", "add", "--plan", plan_2024, "Färre anmälda inbrott i bostad"});
  s.ok({"plan", "event", plan_2024, "decide", "--note", "KF 2024-06-17 § 88"});
}

std::vector<bool> done(const json& period) {
  std::vector<bool> steps;
  for (const auto& step : period.at("steps")) steps.push_back(step.at("done"));
  return steps;
}

}  // namespace

TEST_CASE("without any step recorded, the situation picture is missing since 1 July 2023",
          "[programme][duty][cli]") {
  osteraker s;
  s.now = "2024-01-10";
  const auto status = s.ok({"duty", "status"});
  CHECK(status.at("as_of") == "2024-01-10");
  CHECK(status.at("periods") == json::array());
  CHECK(status.at("next") ==
        json{{"period", nullptr}, {"step", "situation-picture"}, {"missing_since", "2023-07-01"}});
  CHECK(s.ok({"duty", "status", "--as-of", "2023-06-30"}).at("next").is_null());
}

TEST_CASE("the duty's steps are recorded in order and the status follows them",
          "[programme][duty][cli]") {
  osteraker s;
  s.bodies();
  s.groups();
  s.now = "2024-03-01";
  const auto picture =
      s.ok({"duty", "record", "situation-picture", "--period", "2024-2027", "--ref", "KS 2024/0101",
            "--decided", "2024-02-26", "--decided-by", "Kommunstyrelsen"});
  CHECK(picture == json{{"id", 1},
                        {"period", "2024-2027"},
                        {"step", "situation-picture"},
                        {"ref", "KS 2024/0101"},
                        {"decided", "2024-02-26"},
                        {"by", "Kommunstyrelsen"},
                        {"plan", nullptr}});
  auto status = s.ok({"duty", "status", "--as-of", "2024-05-01"});
  REQUIRE(status.at("periods").size() == 1);
  CHECK(done(status.at("periods")[0]) == std::vector<bool>{true, false, false});
  CHECK(status.at("periods")[0].at("next") == "action-plan");
  CHECK(status.at("next") ==
        json{{"period", "2024-2027"}, {"step", "action-plan"}, {"missing_since", "2024-02-26"}});

  s.now = "2024-06-20";
  decided_plan_2024(s);
  s.ok({"duty", "record", "action-plan", "--period", "2024-2027", "--ref", "KF 2024/0233",
        "--decided", "2024-06-17", "--decided-by", "Kommunfullmäktige", "--plan", plan_2024});
  status = s.ok({"duty", "status", "--as-of", "2025-03-01"});
  const auto steps = status.at("periods")[0].at("steps");
  CHECK(steps[1].at("plan") == plan_2024);
  CHECK(steps[1].at("by") == "Kommunfullmäktige");
  CHECK(steps[2].at("missing_since").is_null());
  CHECK(status.at("next") ==
        json{{"period", "2024-2027"}, {"step", "follow-up"}, {"missing_since", nullptr}});
  CHECK(s.ok({"duty", "status", "--as-of", "2028-02-01"}).at("next").at("missing_since") ==
        "2028-01-01");

  s.now = "2027-12-15";
  s.ok({"duty", "record", "follow-up", "--period", "2024-2027", "--ref", "KS 2027/0410",
        "--decided", "2027-12-13", "--decided-by", "Kommunstyrelsen"});
  status = s.ok({"duty", "status", "--as-of", "2027-12-31"});
  CHECK(done(status.at("periods")[0]) == std::vector<bool>{true, true, true});
  CHECK(status.at("periods")[0].at("next").is_null());
  CHECK(status.at("next").is_null());
  CHECK(s.ok({"duty", "status", "--as-of", "2028-03-01"}).at("next") ==
        json{{"period", nullptr}, {"step", "situation-picture"}, {"missing_since", "2028-01-01"}});
}

TEST_CASE("a step out of order, twice, or badly given is refused and not written",
          "[programme][duty][cli]") {
  osteraker s;
  s.bodies();
  s.groups();
  s.now = "2024-06-20";
  decided_plan_2024(s);
  const auto before = s.written();
  const auto plan_first =
      s({"duty", "record", "action-plan", "--period", "2024-2027", "--ref", "KF 2024/0233",
         "--decided", "2024-06-17", "--decided-by", "Kommunfullmäktige", "--plan", plan_2024});
  CHECK(plan_first.code == exit_refused);
  CHECK_THAT(plan_first.err, Contains("the action-plan of 2024-2027 comes after the "
                                      "situation-picture of 2024-2027: record that first"));
  CHECK(s({"duty", "record", "follow-up", "--period", "2024-2027", "--ref", "KS 2024/9",
           "--decided", "2024-06-17", "--decided-by", "Kommunstyrelsen"})
            .code == exit_refused);
  CHECK(s.written() == before);

  s.ok({"duty", "record", "situation-picture", "--period", "2024-2027", "--ref", "KS 2024/0101",
        "--decided", "2024-02-26", "--decided-by", "Kommunstyrelsen"});
  const auto after_picture = s.written();
  const auto twice =
      s({"duty", "record", "situation-picture", "--period", "2024-2027", "--ref", "KS 2024/0102",
         "--decided", "2024-03-26", "--decided-by", "Kommunstyrelsen"});
  CHECK(twice.code == exit_refused);
  CHECK_THAT(twice.err, Contains("is recorded already (KS 2024/0101, 2024-02-26)"));
  const auto before_picture =
      s({"duty", "record", "action-plan", "--period", "2024-2027", "--ref", "KF 2024/0233",
         "--decided", "2024-01-17", "--decided-by", "Kommunfullmäktige", "--plan", plan_2024});
  CHECK(before_picture.code == exit_refused);
  CHECK_THAT(before_picture.err, Contains("cannot be decided on 2024-01-17, before"));
  CHECK(s({"duty", "record", "action-plan", "--period", "2024-2027", "--ref", "KF 2024/0233",
           "--decided", "2024-06-17", "--decided-by", "Kommunfullmäktige"})
            .code == exit_bad_input);
  CHECK(s({"duty", "record", "action-plan", "--period", "2024-2027", "--ref", "KF 2024/0233",
           "--decided", "2024-06-17", "--decided-by", "Kommunfullmäktige", "--plan", "KS 1/1"})
            .code == exit_not_found);
  CHECK(s({"duty", "record", "follow-up", "--period", "2024-2027", "--ref", "KS 2024/9",
           "--decided", "2024-06-31", "--decided-by", "Kommunstyrelsen"})
            .code == exit_bad_input);
  CHECK(s({"duty", "record", "follow-up", "--period", "2024-2027", "--ref", "KS 2024/9",
           "--decided", "2024-07-01", "--decided-by", "Kommunstyrelsen"})
            .code == exit_bad_input);
  CHECK(s({"duty", "record", "situation-picture", "--period", "2028-2031", "--ref", "KS 2024/9",
           "--decided", "2024-06-01", "--decided-by", "Länsstyrelsen"})
            .code == exit_not_found);
  CHECK(s.written() == after_picture);

  s.ok({"plan", "create", "--ref", "KS 2024/0300", "--title", "Utkast", "--group", "ANDT",
        "--period", "2024-2027"});
  const auto draft =
      s({"duty", "record", "action-plan", "--period", "2024-2027", "--ref", "KF 2024/0233",
         "--decided", "2024-06-17", "--decided-by", "Kommunfullmäktige", "--plan", "KS 2024/0300"});
  CHECK(draft.code == exit_refused);
  CHECK_THAT(draft.err, Contains("plan KS 2024/0300 is still a draft: decide it first"));
}
