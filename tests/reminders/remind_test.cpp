// `bevaka remind`: what is due goes out once, by SMTP to a real server on 127.0.0.1 (aiosmtpd,
// started by the test, in plain text or TLS) or as .eml files; failures are retried with backoff
// or marked failed. On a real database (SQLite or PostgreSQL).

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <set>

#include "adapters/cli/exit_codes.hpp"
#include "tests/reminders/reminder_scenario.hpp"
#include "tests/support/smtp_sink.hpp"

using namespace bevaka::testing;
using json = nlohmann::json;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

// The first reminders (20 working days before 31 March 2017) are due at 08:00 on 3 March.
const std::string first_due = "2017-03-03T09:00";

struct remind_fixture {
  std::string mail_dir = fresh_folder("eml");
  scoped_environment env{{{"BEVAKA_REGISTRAR_EMAIL", registrar},
                          {"BEVAKA_MAIL_FROM", "bevaka@jarfalla.example.se"},
                          {"BEVAKA_CONFIG", ""},
                          {"BEVAKA_SMTP_URL", ""},
                          {"BEVAKA_SMTP_CA_FILE", ""},
                          {"BEVAKA_MAIL_DIR", mail_dir}}};
  cli_session cli{"reminder_tests"};

  remind_fixture() { create_annual_report(cli); }

  json remind(const std::string& now, std::vector<std::string> extra = {}) {
    cli.now = now;
    std::vector<std::string> args{"remind"};
    args.insert(args.end(), extra.begin(), extra.end());
    return cli.ok(args);
  }
  json reminders() { return cli.ok({"reminders", report_ref}); }
};

// The rows of a listing (or of remind's answer) in `state`.
std::vector<json> in_state(const json& rows, const std::string& state) {
  std::vector<json> found;
  for (const auto& row : rows)
    if (row.at("state") == state) found.push_back(row);
  return found;
}

std::set<std::string> eml_files(const std::string& dir) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    names.insert(entry.path().filename().string());
  return names;
}

std::multiset<std::string> message_ids(const std::vector<json>& messages) {
  std::multiset<std::string> ids;
  for (const auto& m : messages) ids.insert(m.at("message_id").get<std::string>());
  return ids;
}

}  // namespace

TEST_CASE_METHOD(remind_fixture,
                 "Without SMTP, remind writes each due reminder as an .eml file, once",
                 "[reminders]") {
  const auto sent = remind(first_due);
  REQUIRE(sent.size() == committees.size());
  for (const auto& row : sent) {
    CHECK(row.at("state") == "sent");
    CHECK(row.at("attempts") == 1);
    CHECK(row.at("sent_at") == "2017-03-03T09:00:00+01:00");
    CHECK(row.at("kind") == "reminder");
  }
  const auto files = eml_files(mail_dir);
  CHECK(files.size() == committees.size());
  for (const auto& row : sent)
    CHECK(files.contains(row.at("message_id").get<std::string>() + ".eml"));
  CHECK(in_state(reminders(), "sent").size() == committees.size());

  CHECK(remind(first_due) == json::array());
  CHECK(remind("2017-03-10") == json::array());
  CHECK(eml_files(mail_dir) == files);
}

TEST_CASE_METHOD(remind_fixture,
                 "remind --dry-run shows what would go out on a given day and sends nothing",
                 "[reminders]") {
  const auto before = reminders();
  const auto preview = remind("2017-03-28T12:00", {"--dry-run"});
  // By 28 March all three reminders before the deadline are due for each committee; only the
  // latest of them would go out.
  REQUIRE(preview.size() == committees.size());
  for (const auto& row : preview) {
    CHECK(row.at("state") == "scheduled");
    CHECK(row.at("due_at") == "2017-03-28T08:00:00+02:00");
  }
  CHECK(preview.front().at("subject") ==
        "Påminnelse: Kst 2017/84 Rapportering av trygghet 2016 – årlig uppföljning – svar senast "
        "31 mars 2017");
  CHECK(reminders() == before);
  CHECK(eml_files(mail_dir).empty());
}

TEST_CASE_METHOD(remind_fixture,
                 "By SMTP each reminder reaches the server as a proper message whose å, ä and ö "
                 "survive",
                 "[reminders][smtp]") {
  smtp_sink server("remind");
  env.set("BEVAKA_SMTP_URL", server.url());
  const auto sent = remind(first_due);
  REQUIRE(sent.size() == committees.size());
  const auto received = server.messages();
  REQUIRE(received.size() == committees.size());
  std::set<std::string> recipients;
  for (const auto& m : received) {
    CHECK(m.at("subject") ==
          "Påminnelse: Kst 2017/84 Rapportering av trygghet 2016 – årlig uppföljning – svar "
          "senast 31 mars 2017");
    CHECK(m.at("from") == "bevaka@jarfalla.example.se");
    CHECK(m.at("mail_from") == "bevaka@jarfalla.example.se");
    CHECK(m.at("date") == "Fri, 03 Mar 2017 09:00:00 +0100");
    CHECK(m.at("content_type") == "text/plain");
    CHECK(m.at("charset") == "utf-8");
    CHECK_THAT(m.at("body").get<std::string>(),
               Contains("Ert svar ska vara inne senast 31 mars 2017. Det är 20 arbetsdagar kvar."));
    CHECK_THAT(m.at("body").get<std::string>(), Contains("Frågor besvaras av"));
    recipients.insert(m.at("rcpt").at(0).get<std::string>());
  }
  CHECK(recipients == std::set<std::string>{"socialnamnden@example.se", "bun@example.se",
                                            "kompetensnamnden@example.se"});
  std::set<std::string> expected_ids;
  for (const auto& row : sent)
    expected_ids.insert(fmt::format("<{}>", row.at("message_id").get<std::string>()));
  const auto ids = message_ids(received);
  CHECK(std::set<std::string>(ids.begin(), ids.end()) == expected_ids);
  // Every line of what went over the wire is 7-bit and at most 78 characters (RFC 5322 §2.1.1).
  const auto raw = server.raw(0);
  CHECK(std::all_of(raw.begin(), raw.end(), [](char c) { return (c & 0x80) == 0; }));
  CHECK(raw.find("Subject: =?UTF-8?B?") != std::string::npos);
}

TEST_CASE_METHOD(remind_fixture,
                 "A server that answers 4xx is retried after the backoff until it takes the mail",
                 "[reminders][smtp]") {
  smtp_sink server("busy");
  env.set("BEVAKA_SMTP_URL", server.url());
  server.answer("4xx");
  const auto tried = remind(first_due);
  CHECK(tried.size() == committees.size());
  CHECK(in_state(tried, "scheduled").size() == committees.size());
  auto rows = in_state(reminders(), "scheduled");
  const auto waiting = rows.front();
  CHECK(waiting.at("attempts") == 1);
  CHECK(waiting.at("next_attempt_at") == "2017-03-03T09:01:00+01:00");
  CHECK_THAT(waiting.at("error").get<std::string>(), Contains("451 4.3.0 Mailbox busy"));
  // Still busy a minute later: the next wait is twice as long.
  CHECK(in_state(remind("2017-03-03T09:01"), "sent").empty());
  CHECK(in_state(reminders(), "scheduled").front().at("next_attempt_at") ==
        "2017-03-03T09:03:00+01:00");
  // Before the backoff has passed nothing is tried, though the server would take it now.
  server.answer("accept");
  CHECK(remind("2017-03-03T09:02") == json::array());
  CHECK(server.messages().empty());
  const auto sent = remind("2017-03-03T09:03");
  CHECK(sent.size() == committees.size());
  for (const auto& row : sent) CHECK(row.at("attempts") == 3);
  CHECK(server.messages().size() == committees.size());
  CHECK(remind("2017-03-03T10:00") == json::array());
  CHECK(server.messages().size() == committees.size());
}

TEST_CASE_METHOD(remind_fixture,
                 "A server that is down is retried, and gets each reminder once when it is back",
                 "[reminders][smtp]") {
  smtp_sink server("down");
  env.set("BEVAKA_SMTP_URL", server.url());
  server.stop();
  CHECK(in_state(remind(first_due), "sent").empty());
  const auto waiting = in_state(reminders(), "scheduled").front();
  CHECK(waiting.at("attempts") == 1);
  CHECK_THAT(waiting.at("error").get<std::string>(), Contains("onnect"));
  server.start();
  CHECK(remind("2017-03-03T09:05").size() == committees.size());
  const auto ids = message_ids(server.messages());
  CHECK(ids.size() == committees.size());
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == committees.size());
}

TEST_CASE_METHOD(remind_fixture,
                 "A 5xx answer fails the reminder, visible in reminders, and it is not retried",
                 "[reminders][smtp]") {
  smtp_sink server("refuses");
  env.set("BEVAKA_SMTP_URL", server.url());
  server.answer("5xx");
  const auto handled = remind(first_due);
  REQUIRE(handled.size() == committees.size());
  const auto failed = in_state(reminders(), "failed");
  REQUIRE(failed.size() == committees.size());
  CHECK(failed.front().at("attempts") == 1);
  CHECK(failed.front().at("sent_at").is_null());
  CHECK_THAT(failed.front().at("error").get<std::string>(), Contains("554"));
  server.answer("accept");
  CHECK(remind("2017-03-06") == json::array());
  CHECK(server.messages().empty());
}

TEST_CASE_METHOD(remind_fixture,
                 "Run again and again through the whole schedule, every reminder reaches the "
                 "server exactly once",
                 "[reminders][smtp]") {
  smtp_sink server("restarts");
  env.set("BEVAKA_SMTP_URL", server.url());
  for (const auto* now :
       {"2017-03-01", "2017-03-03T08:00", "2017-03-03T08:00", "2017-03-06", "2017-03-17T08:30",
        "2017-03-17T08:30", "2017-03-28T12:00", "2017-04-03T08:00", "2017-04-04",
        "2017-04-07T08:00", "2017-04-07T09:00", "2017-05-01"})
    remind(now);
  const auto received = server.messages();
  CHECK(received.size() == 5 * committees.size());
  const auto ids = message_ids(received);
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == 5 * committees.size());
  CHECK(in_state(reminders(), "sent").size() == 5 * committees.size());
  std::size_t escalations = 0;
  for (const auto& m : received)
    if (m.at("rcpt").at(0) == registrar) ++escalations;
  CHECK(escalations == committees.size());
}

TEST_CASE_METHOD(remind_fixture, "A reminder cancelled by the answer does not go out",
                 "[reminders][smtp]") {
  smtp_sink server("cancelled");
  env.set("BEVAKA_SMTP_URL", server.url());
  cli.now = "2017-03-02";
  cli.ok({"assignment", "event", report_ref, "Socialnämnden", "decide"});
  cli.ok({"assignment", "event", report_ref, "Socialnämnden", "submit"});
  for (const auto* now : {"2017-03-03T08:00", "2017-03-17T08:00", "2017-03-28T08:00",
                          "2017-04-03T08:00", "2017-04-07T08:00"})
    remind(now);
  for (const auto& m : server.messages()) CHECK(m.at("rcpt").at(0) != "socialnamnden@example.se");
  CHECK(server.messages().size() == 5 * (committees.size() - 1));
}

TEST_CASE_METHOD(remind_fixture,
                 "A dispatcher that starts 10 working days late sends one reminder per "
                 "assignment, the latest, and the earlier ones end as superseded",
                 "[reminders][smtp]") {
  smtp_sink server("ten-days-late");
  env.set("BEVAKA_SMTP_URL", server.url());
  // Nobody ran it on 3 March (20 working days before); on 17 March the 10-day reminder is due.
  const auto sent = remind("2017-03-17T09:00");
  REQUIRE(sent.size() == committees.size());
  const auto received = server.messages();
  REQUIRE(received.size() == committees.size());
  std::set<std::string> recipients;
  for (const auto& m : received) {
    recipients.insert(m.at("rcpt").at(0).get<std::string>());
    CHECK_THAT(m.at("body").get<std::string>(), Contains("Det är 10 arbetsdagar kvar."));
  }
  CHECK(recipients.size() == committees.size());
  const auto rows = reminders();
  CHECK(in_state(rows, "sent").size() == committees.size());
  const auto superseded = in_state(rows, "superseded");
  REQUIRE(superseded.size() == committees.size());
  for (const auto& row : superseded) {
    CHECK(row.at("due_at") == "2017-03-03T08:00:00+01:00");
    CHECK(row.at("attempts") == 0);
    CHECK(row.at("sent_at").is_null());
    CHECK_THAT(row.at("error").get<std::string>(), Contains("later reminder"));
  }
  CHECK(remind("2017-03-17T10:00") == json::array());
  CHECK(server.messages().size() == committees.size());
}

TEST_CASE_METHOD(remind_fixture,
                 "Back 10 working days after the deadline, each committee gets one overdue "
                 "notice and the registrar one escalation per assignment, nothing more",
                 "[reminders][smtp]") {
  smtp_sink server("after-deadline");
  env.set("BEVAKA_SMTP_URL", server.url());
  // Down all of March and April until Tuesday 18 April: ten working days after Friday 31 March
  // (långfredagen and annandag påsk between). All five steps are due for each committee.
  CHECK(remind("2017-04-18T09:00", {"--dry-run"}).size() == 2 * committees.size());
  const auto sent = remind("2017-04-18T09:00");
  CHECK(sent.size() == 2 * committees.size());
  const auto received = server.messages();
  REQUIRE(received.size() == 2 * committees.size());
  std::map<std::string, int> per_recipient;
  for (const auto& m : received) ++per_recipient[m.at("rcpt").at(0).get<std::string>()];
  for (const auto& c : committees) CHECK(per_recipient[c.email] == 1);
  CHECK(per_recipient[registrar] == static_cast<int>(committees.size()));
  for (const auto& m : received)
    if (m.at("rcpt").at(0) != registrar)
      CHECK_THAT(m.at("subject").get<std::string>(), Contains("Försenat svar: Kst 2017/84"));
  const auto rows = reminders();
  CHECK(in_state(rows, "superseded").size() == 3 * committees.size());
  CHECK(in_state(rows, "sent").size() == 2 * committees.size());
  CHECK(remind("2017-04-19") == json::array());
  CHECK(server.messages().size() == 2 * committees.size());
}

TEST_CASE_METHOD(remind_fixture,
                 "A reminder that could not go out before the deadline, with no overdue notice "
                 "after it, is cancelled, not sent",
                 "[reminders][smtp]") {
  smtp_sink server("late");
  env.set("BEVAKA_SMTP_URL", server.url());
  cli.now = "2017-02-01T10:00";
  cli.ok({"round", "create", "--kind", "consultation", "--ref", "Kst 2017/85", "--title",
          "Remiss utan påminnelse efteråt", "--deadline", "2017-03-31", "--to", "Socialnämnden",
          "--remind", "-10,-3"});
  // Nobody ran the dispatcher in March.
  CHECK(remind("2017-04-03T09:00", {"--dry-run"}).size() == committees.size());
  remind("2017-04-03T09:00");
  const auto received = server.messages();
  REQUIRE(received.size() == committees.size());
  for (const auto& m : received)
    CHECK_THAT(m.at("subject").get<std::string>(), Contains("Försenat svar: Kst 2017/84"));
  const auto rows = cli.ok({"reminders", "Kst 2017/85"});
  REQUIRE(rows.size() == 2);
  CHECK(rows.at(0).at("state") == "superseded");
  CHECK(rows.at(1).at("state") == "cancelled");
  CHECK_THAT(rows.at(1).at("error").get<std::string>(), Contains("deadline had passed"));
}

TEST_CASE_METHOD(remind_fixture,
                 "A failed reminder puts its assignment on the registrar's list, overdue or not",
                 "[reminders][smtp]") {
  smtp_sink server("registrar");
  env.set("BEVAKA_SMTP_URL", server.url());
  server.answer("5xx");
  remind(first_due);
  cli.now = "2017-03-06";
  // Nobody is late yet, but no committee got the reminder: the registrar should call them.
  auto listed = cli.ok({"overdue"});
  REQUIRE(listed.size() == committees.size());
  for (const auto& row : listed) {
    CHECK(row.at("failed_reminders") == 1);
    CHECK(row.at("working_days_overdue") == 0);
    CHECK(row.at("deadline") == "2017-03-31");
  }
  cli.ok({"assignment", "event", report_ref, "Socialnämnden", "decide"});
  cli.ok({"assignment", "event", report_ref, "Socialnämnden", "submit"});
  listed = cli.ok({"overdue"});
  REQUIRE(listed.size() == committees.size() - 1);
  for (const auto& row : listed) CHECK(row.at("body") != "Socialnämnden");

  // Once late, the assignment is listed once, most overdue first, still with its failure.
  server.answer("accept");
  remind("2017-04-04T09:00");
  cli.now = "2017-04-04";
  listed = cli.ok({"overdue"});
  REQUIRE(listed.size() == committees.size() - 1);
  for (const auto& row : listed) {
    CHECK(row.at("working_days_overdue") == 2);
    CHECK(row.at("failed_reminders") == 1);
  }
  CHECK(cli.ok({"overdue", "--kind", "consultation"}) == json::array());
}

TEST_CASE_METHOD(remind_fixture,
                 "With its CA in BEVAKA_SMTP_CA_FILE, a server that requires STARTTLS, or speaks "
                 "TLS from the first byte (smtps://), gets each reminder encrypted",
                 "[reminders][smtp][tls]") {
  const auto tls = GENERATE(smtp_tls::starttls, smtp_tls::implicit);
  smtp_sink server("trusted", tls);
  INFO("server " << server.url());
  CHECK_THAT(server.url(),
             StartsWith(tls == smtp_tls::implicit ? "smtps://127.0.0.1:" : "smtp://127.0.0.1:"));
  env.set("BEVAKA_SMTP_URL", server.url());
  env.set("BEVAKA_SMTP_CA_FILE", server.ca_file());
  CHECK(in_state(remind(first_due), "sent").size() == committees.size());
  const auto received = server.messages();
  REQUIRE(received.size() == committees.size());
  for (const auto& m : received) {
    CHECK_THAT(m.at("tls").get<std::string>(), StartsWith("TLSv1."));
    CHECK_THAT(m.at("subject").get<std::string>(), StartsWith("Påminnelse: Kst 2017/84"));
    CHECK_THAT(m.at("body").get<std::string>(), Contains("Det är 20 arbetsdagar kvar."));
  }
  CHECK(in_state(reminders(), "sent").size() == committees.size());
}

// A certificate that cannot be verified is retried, like a refused login: the fix is in the
// configuration (or the server's certificate), and no reminder may be lost until it is made.
TEST_CASE_METHOD(remind_fixture,
                 "A server whose certificate is not trusted gets nothing: the reminders wait with "
                 "the certificate problem as their error, and go out once its CA is configured",
                 "[reminders][smtp][tls]") {
  smtp_sink server("untrusted", GENERATE(smtp_tls::starttls, smtp_tls::implicit));
  INFO("server " << server.url());
  env.set("BEVAKA_SMTP_URL", server.url());  // and the system's CAs, which do not know its CA
  CHECK(in_state(remind(first_due), "scheduled").size() == committees.size());
  std::vector<json> tried;
  for (const auto& row : reminders())
    if (row.at("attempts") != 0) tried.push_back(row);
  REQUIRE(tried.size() == committees.size());
  for (const auto& row : tried) {
    CHECK(row.at("state") == "scheduled");
    CHECK(row.at("sent_at").is_null());
    CHECK(row.at("attempts") == 1);
    CHECK(row.at("next_attempt_at") == "2017-03-03T09:01:00+01:00");
    CHECK_THAT(row.at("error").get<std::string>(), Contains("SSL certificate problem"));
  }
  CHECK(server.messages().empty());

  env.set("BEVAKA_SMTP_CA_FILE", server.ca_file());
  CHECK(in_state(remind("2017-03-03T09:01"), "sent").size() == committees.size());
  CHECK(server.messages().size() == committees.size());
}

TEST_CASE_METHOD(remind_fixture,
                 "A CA file that cannot be read is named at once, and nothing is sent or counted "
                 "as an attempt",
                 "[reminders][smtp][tls]") {
  smtp_sink server("no-ca", smtp_tls::starttls);
  env.set("BEVAKA_SMTP_URL", server.url());
  const auto missing = server.ca_file() + ".missing";
  env.set("BEVAKA_SMTP_CA_FILE", missing);
  cli.now = first_due;
  const auto refused = cli({"remind"});
  CHECK(refused.code == bevaka::cli::exit_bad_input);
  CHECK(refused.err == "bevaka: cannot read the SMTP CA file " + missing +
                           " (mail.smtp_ca_file, BEVAKA_SMTP_CA_FILE)\n");
  for (const auto& row : reminders()) CHECK(row.at("attempts") == 0);
  CHECK(server.messages().empty());
}

TEST_CASE_METHOD(remind_fixture,
                 "A sent reminder is on its assignment's timeline, among the events by time",
                 "[reminders]") {
  remind(first_due);
  cli.now = "2017-03-10T14:00";
  cli.ok({"assignment", "event", report_ref, "Socialnämnden", "decide", "--by", "social.sekr"});

  const auto log = cli.ok({"log", report_ref, "Socialnämnden"});
  std::vector<std::string> events;
  for (const auto& e : log) events.push_back(e.at("event"));
  CHECK(events == std::vector<std::string>{"create", "send", "remind", "decide"});
  const auto& reminded = log.at(2);
  CHECK(reminded.at("at") == "2017-03-03T09:00:00+01:00");
  CHECK(reminded.at("by") == "bevaka");
  CHECK(reminded.at("note") ==
        "påminnelse till socialnamnden@example.se, 20 arbetsdagar före sista dagen 2017-03-31");

  // Reminders still scheduled are not on it; each committee's sent one is.
  const auto round_log = cli.ok({"log", report_ref});
  std::set<std::string> reminded_bodies;
  for (const auto& e : round_log)
    if (e.at("event") == "remind") CHECK(reminded_bodies.insert(e.at("body")).second);
  CHECK(reminded_bodies.size() == committees.size());

  // Friday 7 April is 5 working days after the deadline: the registrar hears of it.
  remind("2017-04-07T09:00");
  const auto later = cli.ok({"log", report_ref, "Socialnämnden"});
  REQUIRE(later.back().at("event") == "escalate");
  CHECK(later.back().at("note") ==
        "påminnelse till registratorn, 5 arbetsdagar efter sista dagen 2017-03-31");
}
