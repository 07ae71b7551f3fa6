// sections and report: a body's annual report in seven sections, and a round compiled for the
// council and the board.
#include <fmt/format.h>

#include <fstream>
#include <iterator>

#include "adapters/cli/answer.hpp"
#include "adapters/cli/command_groups.hpp"
#include "adapters/config/settings.hpp"
#include "adapters/report/report_document.hpp"
#include "engine/report/annual_report.hpp"

namespace bevaka::cli {
namespace {

using engine::errc;
using engine::make_error;
using engine::outcome;

const std::vector<std::string> section_columns{"number", "heading", "text"};

json sections_json(const std::vector<engine::report_section>& sections) {
  json array = json::array();
  for (const auto& s : sections)
    array.push_back(json{{"number", s.number}, {"heading", s.heading}, {"text", s.text}});
  return array;
}

outcome<std::string> read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(errc::not_found, fmt::format("cannot open {}", path));
  return std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct sections_options {
  std::string round, body, file, by = default_actor();
};

void add_sections_import(CLI::App& sections, handler& chosen) {
  auto o = std::make_shared<sections_options>();
  // Not `import`: clang-format 14 takes a line that starts with it for a C++20 module import.
  auto* command = sections.add_subcommand(
      "import", "enter a body's annual report from a Markdown file with the seven headings");
  command->add_option("round", o->round, "the annual-report round (id or reference number)")
      ->required();
  command->add_option("body", o->body, "the body (name or id)")->required();
  command->add_option("file", o->file, "the Markdown file")->required();
  command->add_option("--by", o->by, "who enters it");
  command->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      const auto text = read_text_file(o->file);
      if (!text) return text.error();
      return answer_rows(rt, section_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        const auto sections = engine::enter_report_sections(
            tx.cases(), tx.followup(), rt.context(o->by), o->round, o->body, *text, o->file);
        if (!sections) return sections.error();
        return ok(sections_json(*sections));
      });
    };
  });
}

void add_sections_show(CLI::App& sections, handler& chosen) {
  auto o = std::make_shared<sections_options>();
  auto* show = sections.add_subcommand("show", "a body's annual report, section by section");
  show->add_option("round", o->round, "the round (id or reference number)")->required();
  show->add_option("body", o->body, "the body (name or id)")->required();
  show->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      return answer_rows(rt, section_columns, [&](engine::store_transaction& tx) -> outcome<json> {
        const auto sections =
            engine::report_sections_of(tx.cases(), tx.followup(), o->round, o->body);
        if (!sections) return sections.error();
        return ok(sections_json(*sections));
      });
    };
  });
}

struct report_options {
  std::string round, format, output;
};

outcome<void> write_document(runtime& rt, const report_options& o, const std::string& document) {
  if (o.output.empty()) {
    rt.out << document;
    return {};
  }
  std::ofstream out(o.output, std::ios::binary | std::ios::trunc);
  out << document;
  out.close();
  if (!out) return make_error(errc::bad_input, fmt::format("cannot write {}", o.output));
  return {};
}

void add_report(CLI::App& app, handler& chosen) {
  auto o = std::make_shared<report_options>();
  auto* report = app.add_subcommand(
      "report",
      "a round compiled for the council and the board (status, sections, indicators, "
      "follow-up table)");
  report->add_option("round", o->round, "id or reference number")->required();
  report->add_option("--format", o->format, "html (prints on A4) or md")
      ->required()
      ->check(CLI::IsMember({"html", "md"}));
  report->add_option("--output", o->output, "the file to write (default: standard output)");
  report->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      const auto compiled = engine::in_transaction(rt.store(), [&](engine::store_transaction& tx) {
        return engine::compile_report(tx.cases(), tx.followup(), tx.programme(), o->round,
                                      rt.now.day);
      });
      if (!compiled) return compiled.error();
      const auto settings = config::load_settings(config::config_file());
      if (!settings) return settings.error();
      return write_document(rt, *o,
                            o->format == "html"
                                ? report::report_html(*compiled, settings->council)
                                : report::report_markdown(*compiled, settings->council));
    };
  });
}

}  // namespace

void add_report_commands(CLI::App& app, handler& chosen) {
  auto* sections = app.add_subcommand("sections", "a body's annual report in seven sections");
  sections->require_subcommand(1);
  add_sections_import(*sections, chosen);
  add_sections_show(*sections, chosen);
  add_report(app, chosen);
}

}  // namespace bevaka::cli
