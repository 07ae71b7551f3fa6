// Bodies found as people type them, on the in-memory store: any case, either Unicode form of
// å, ä and ö, and when a name is not found, the names the person most likely meant.
#include <catch2/catch.hpp>

#include "engine/cases/lookup.hpp"
#include "tests/engine/jarfalla_consultation.hpp"
#include "tests/support/catch_outcome.hpp"

using namespace bevaka::engine;
using bevaka::testing::jarfalla_consultation;
using bevaka::testing::memory_store;

namespace {

outcome<body> find(memory_store& store, std::string_view key) {
  std::optional<outcome<body>> found;
  store.transact([&](store_transaction& tx) {
    found.emplace(find_body(tx.cases(), key));
    return false;
  });
  return std::move(*found);
}

outcome<body> add(memory_store& store, std::string_view name) {
  return in_transaction(store, [&](store_transaction& tx) {
    return add_body(tx.cases(), new_body{.name = std::string(name)});
  });
}

// "Socialnämnden" with its ä as "a" and a combining diaeresis (U+0308), as macOS and some web
// forms send it.
const std::string decomposed = "Socialna\xCC\x88mnden";

}  // namespace

TEST_CASE("A body is found by its name in any case and in either Unicode form", "[engine]") {
  jarfalla_consultation c;
  for (const std::string& typed : std::vector<std::string>{
           "Socialnämnden", "socialnämnden", "SOCIALNÄMNDEN", "sOcIaLnÄmNdEn", decomposed}) {
    INFO(typed);
    const auto found = find(c.store, typed);
    REQUIRE(found);
    CHECK(found->name == "Socialnämnden");
  }
  CHECK(find(c.store, "brandkåren attunda")->name == "Brandkåren Attunda");
  CHECK(find(c.store, "BRANDKÅREN ATTUNDA")->name == "Brandkåren Attunda");
}

TEST_CASE("An assignment is found by its body's name in another case", "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-02-23T10:00");
  const auto started = c.fire("SOCIALNÄMNDEN", "start", "2016-03-01T09:00");
  REQUIRE(started);
  CHECK(started->body_name == "Socialnämnden");
  CHECK(c.of("Socialnämnden").state == "drafting");
}

TEST_CASE("A name without its ring or diaeresis is not found, and the refusal offers the name",
          "[engine]") {
  jarfalla_consultation c;
  const auto found = find(c.store, "Socialnamnden");
  REQUIRE_FALSE(found);
  CHECK(found.error().code == errc::not_found);
  CHECK(found.error().message == "no body 'Socialnamnden'; did you mean 'Socialnämnden'?");
}

TEST_CASE("Typing slips are offered their body: a swapped pair, a missing or an extra letter",
          "[engine]") {
  jarfalla_consultation c;
  CHECK(find(c.store, "Scoialnämnden").error().message ==
        "no body 'Scoialnämnden'; did you mean 'Socialnämnden'?");
  CHECK(find(c.store, "polismyndigheen").error().message ==
        "no body 'polismyndigheen'; did you mean 'Polismyndigheten'?");
  CHECK(find(c.store, "Brandkaren Atunda").error().message ==
        "no body 'Brandkaren Atunda'; did you mean 'Brandkåren Attunda'?");
}

TEST_CASE("A name near no body's gets no suggestion", "[engine]") {
  jarfalla_consultation c;
  CHECK(find(c.store, "Räddningstjänsten Syd").error().message ==
        "no body 'Räddningstjänsten Syd'");
  // Short names allow one slip only: "KBR" is not two edits from "KS".
  REQUIRE(add(c.store, "KS"));
  CHECK(find(c.store, "KBR").error().message == "no body 'KBR'");
  CHECK(find(c.store, "KF").error().message == "no body 'KF'; did you mean 'KS'?");
}

TEST_CASE("At most three names are offered, the nearest first", "[engine]") {
  memory_store store;
  for (const auto* name : {"Nämnd 1", "Nämnd 2", "Nämnd 3", "Nämnd 4", "Nämnden 5"})
    REQUIRE(add(store, name));
  CHECK(find(store, "Nämnd 9").error().message ==
        "no body 'Nämnd 9'; did you mean 'Nämnd 1', 'Nämnd 2' or 'Nämnd 3'?");
  CHECK(find(store, "Nämnden 9").error().message ==
        "no body 'Nämnden 9'; did you mean 'Nämnden 5'?");
}

TEST_CASE("A body whose name differs from another's only in case or Unicode form is refused",
          "[engine]") {
  jarfalla_consultation c;
  for (const std::string& name :
       std::vector<std::string>{"SOCIALNÄMNDEN", "  socialnämnden ", decomposed}) {
    INFO(name);
    const auto refused = add(c.store, name);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == errc::duplicate);
  }
  CHECK(add(c.store, "Socialnämnden Nord"));
}
