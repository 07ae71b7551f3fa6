// The annual report through the command line on a real database: Järfälla's committees report
// their safety work by 31 March 2017 (seed 000), Socialnämnden in seven sections with indicators
// 6.1–6.3, and the round is compiled for the council with a district's follow-up table (seed 003).

#include <catch2/catch.hpp>

#include "tests/followup/followup_cli.hpp"

using namespace bevaka::testing;
using bevaka::cli::exit_bad_input;
using bevaka::cli::exit_not_found;
using bevaka::cli::exit_refused;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const std::string annual_ref = "Kst 2017/84";

void annual_round(followup_cli& cli) {
  cli.now = "2017-02-01";
  for (const auto* name : {"Socialnämnden", "Barn- och ungdomsnämnden", "Kompetensnämnden"})
    cli.ok({"body", "add", name, "--kind", "committee"});
  cli.ok({"round", "create", "--kind", "annual-report", "--ref", annual_ref, "--title",
          "Rapportering av trygghet 2016", "--deadline", "2017-03-31", "--to-all", "committee"});
}

void deliver(followup_cli& cli, const std::string& body, const std::string& day) {
  cli.now = day;
  cli.ok({"assignment", "event", annual_ref, body, "decide"});
  cli.ok({"assignment", "event", annual_ref, body, "submit"});
}

}  // namespace

TEST_CASE("a body's annual report is entered in seven sections and shown in its timeline",
          "[report][cli]") {
  followup_cli cli;
  annual_round(cli);
  const auto sections =
      cli.ok({"sections", "import", annual_ref, "Socialnämnden", fixture("socialnamnden-2016.md")});
  REQUIRE(sections.size() == 7);
  CHECK(sections[5].at("heading") == "Utfall – vad blev mätningarna i jämförelse med målen");
  CHECK(sections[5].at("text") ==
        "6.1: Samma värde som föregående år.\n6.2: Värdet ökade en procentenhet 2016.\n6.3: "
        "Värdet minskade en procentenhet.");
  CHECK(cli.ok({"sections", "show", annual_ref, "Socialnämnden"}) == sections);
  CHECK(cli.ok({"sections", "show", annual_ref, "Kompetensnämnden"}).empty());
  const auto log = cli.ok({"log", annual_ref, "Socialnämnden"});
  CHECK(log.back().at("event") == "sections");
}

TEST_CASE("sections are refused for a consultation, and from a file without them",
          "[report][cli]") {
  followup_cli cli;
  annual_round(cli);
  cli.ok({"round", "create", "--kind", "consultation", "--ref", "Kst 2015/503", "--title",
          "Trygghetsskapande program", "--deadline", "2016-04-30", "--to", "Socialnämnden"});
  const auto consultation = cli(
      {"sections", "import", "Kst 2015/503", "Socialnämnden", fixture("socialnamnden-2016.md")});
  CHECK(consultation.code == exit_refused);
  CHECK_THAT(consultation.err, Contains("is a consultation"));
  const auto not_markdown =
      cli({"sections", "import", annual_ref, "Socialnämnden", fixture("seed-003-t2-2016.txt")});
  CHECK(not_markdown.code == exit_bad_input);
  CHECK_THAT(not_markdown.err, StartsWith("bevaka: " + fixture("seed-003-t2-2016.txt") + ":4: "));
  CHECK(cli.ok({"sections", "show", annual_ref, "Socialnämnden"}).empty());
  CHECK(cli({"sections", "import", annual_ref, "Polisen", fixture("socialnamnden-2016.md")}).code ==
        exit_not_found);
}

TEST_CASE("a report written one working day late says so in the singular", "[report][cli]") {
  followup_cli cli;
  annual_round(cli);
  deliver(cli, "Barn- och ungdomsnämnden", "2017-04-03");  // Friday's deadline, then Monday
  cli.now = "2017-04-10";
  const auto md = cli({"report", annual_ref, "--format", "md"});
  REQUIRE(md.code == 0);
  CHECK_THAT(md.out, Contains("| Barn- och ungdomsnämnden | sen, 1 arbetsdag | 3 april 2017 |"));
  CHECK_THAT(md.out, Contains("## Barn- och ungdomsnämnden\n\nsen, 1 arbetsdag\n"));
}

TEST_CASE("the compiled report shows every body's status, sections, indicators and the table",
          "[report][cli]") {
  followup_cli cli;
  annual_round(cli);
  cli.ok({"sections", "import", annual_ref, "Socialnämnden", fixture("socialnamnden-2016.md")});
  cli.ok({"indicator", "add", "6.2", "--title",
          "Andel som uppger att det känns tryggt att bo hemma med stöd från hemtjänsten",
          "--direction", "increase", "--unit", "%", "--body", "Socialnämnden"});
  cli.ok({"indicator", "value", "6.2", "--year", "2015", "--value", "84"});
  cli.ok({"indicator", "value", "6.2", "--year", "2016", "--value", "85"});
  cli.ok({"followup", "import", fixture("seed-003-t2-2016.txt"), "--unit", "Enskede-Årsta-Vantör"});
  deliver(cli, "Socialnämnden", "2017-03-20");
  deliver(cli, "Kompetensnämnden", "2017-04-04");  // Easter is later: two working days late
  cli.now = "2017-04-10";

  const auto md = cli({"report", annual_ref, "--format", "md"});
  REQUIRE(md.code == 0);
  CHECK_THAT(md.out, StartsWith("# Rapportering av trygghet 2016\n"));
  CHECK_THAT(md.out, Contains("sammanställd 10 april 2017 för Brottsförebyggande rådet (KBR)\n"));
  CHECK_THAT(md.out, Contains("| Barn- och ungdomsnämnden | saknas | – | 31 mars 2017 |"));
  CHECK_THAT(md.out, Contains("| Kompetensnämnden | sen, 2 arbetsdagar | 4 april 2017 |"));
  CHECK_THAT(md.out, Contains("| Socialnämnden | i tid | 20 mars 2017 |"));
  CHECK_THAT(md.out, Contains("### 4. Planerade insatser som syftar till att förebygga brott"));
  CHECK_THAT(md.out, Contains("| öka | 2015: 84 %, 2016: 85 % | uppnått 2016 |"));
  // Förebyggande: 17 items, 12 proposed, 5 ongoing, 10 only a name, 12 without a method.
  CHECK_THAT(md.out, Contains("| Enskede-Årsta-Vantör | Förebyggande | 17 | 12 | 0 | 5 | 0 | 0 | "
                              "0 | 10 | 12 |"));
  CHECK_THAT(md.out, Contains("| Enskede-Årsta-Vantör | Akut hantering av händelser | 0 |"));
  CHECK_THAT(md.out, Contains("| Utan kategori | 30 |"));

  const auto html = cli.scratch("rapport.html");
  cli({"report", annual_ref, "--format", "html", "--output", html});
  const auto page = read_file(html);
  CHECK_THAT(page, StartsWith("<!DOCTYPE html>"));
  CHECK_THAT(page, Contains("@page { size: A4;"));
  CHECK_THAT(page, Contains("<h2>Socialnämnden</h2>"));
  CHECK_THAT(page, Contains("<li>Samordning av trygghetsvärdar i Jakobsbergs centrum"));
  CHECK(cli({"report", "Kst 1999/1", "--format", "md"}).code == exit_not_found);
}

TEST_CASE("the compiled report shows the action plans' goals in colour, year by year",
          "[report][cli]") {
  followup_cli cli;
  annual_round(cli);
  cli.ok({"group", "add", "Brottsförebyggande rådet", "--kind", "crime-prevention-council",
          "--coordinator", "Socialnämnden"});
  cli.ok({"plan", "create", "--ref", "Kst 2016/77", "--title", "Handlingsplan för trygghet",
          "--group", "Brottsförebyggande rådet", "--period", "2016-2017"});
  cli.ok({"indicator", "add", "6.2", "--title", "Tryggt att bo hemma med hemtjänst", "--direction",
          "increase", "--unit", "%", "--body", "Socialnämnden"});
  cli.ok({"goal", "add", "--plan", "Kst 2016/77", "Fler känner sig trygga hemma", "--indicator",
          "6.2", "--target", "90"});
  cli.ok({"goal", "add", "--plan", "Kst 2016/77", "Trygghetsvandringar i alla stadsdelar"});
  cli.ok({"plan", "event", "Kst 2016/77", "decide"});
  cli.ok({"indicator", "value", "6.2", "--year", "2015", "--value", "84"});
  cli.ok({"indicator", "value", "6.2", "--year", "2016", "--value", "85"});
  cli.ok({"goal", "override", "2", "--year", "2016", "--status", "green", "--reason",
          "Vandringar i alla fem stadsdelar"});
  // A plan still in draft is not the council's business yet.
  cli.ok({"plan", "create", "--ref", "Kst 2017/9", "--title", "Utkast", "--group",
          "Brottsförebyggande rådet", "--period", "2017-2019"});

  const auto md = cli({"report", annual_ref, "--format", "md"});
  REQUIRE(md.code == 0);
  CHECK_THAT(md.out, Contains("## Handlingsplanernas mål\n\n### Kst 2016/77 Handlingsplan för "
                              "trygghet (Brottsförebyggande rådet, 2016-2017)\n"));
  CHECK_THAT(md.out, Contains("| Mål | Målvärde | 2016 | 2017 |"));
  CHECK_THAT(md.out,
             Contains("| Fler känner sig trygga hemma | minst 90 % | gul (85) | ej bedömd |"));
  CHECK_THAT(md.out,
             Contains("| Trygghetsvandringar i alla stadsdelar | – | grön * | ej bedömd |"));
  CHECK_THAT(md.out, !Contains("Kst 2017/9"));
  const auto html = cli({"report", annual_ref, "--format", "html"});
  CHECK_THAT(html.out, Contains("<h2>Handlingsplanernas mål</h2>"));
  CHECK_THAT(html.out, Contains("gul (85)"));
}

TEST_CASE("a body's text cannot put markup into the compiled report", "[report][cli]") {
  followup_cli cli;
  annual_round(cli);
  auto text = read_file(fixture("socialnamnden-2016.md"));
  text += "\n<script>alert('x')</script>\n";
  cli.ok({"sections", "import", annual_ref, "Socialnämnden", cli.write_temp("sn.md", text)});
  const auto html = cli({"report", annual_ref, "--format", "html"});
  CHECK_THAT(html.out, !Contains("<script>"));
}

TEST_CASE("the compiled report names the council as the municipality does", "[report][cli]") {
  followup_cli cli;
  annual_round(cli);
  const auto config = cli.scratch("bevaka.toml");
  std::ofstream(config) << "[council]\nname = \"Brå\"\n"
                        << "long_name = \"Brottsförebyggande rådet i Borås\"\n";
  ::setenv("BEVAKA_CONFIG", config.c_str(), 1);
  const auto md = cli({"report", annual_ref, "--format", "md"});
  const auto html = cli({"report", annual_ref, "--format", "html"});
  ::unsetenv("BEVAKA_CONFIG");
  REQUIRE(md.code == 0);
  CHECK_THAT(md.out, Contains("för Brottsförebyggande rådet i Borås (Brå)\n"));
  CHECK_THAT(html.out, Contains("för Brottsförebyggande rådet i Borås (Brå)</p>"));
}
