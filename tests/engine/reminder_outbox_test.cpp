// The dispatcher draining the outbox: each due reminder sent once, a temporary failure retried
// after its backoff, a preview that sends and writes nothing, and a reminder that cannot be
// delivered put on the registrar's list. On the in-memory store, with a mailer of the test's own.
#include <catch2/catch.hpp>
#include <deque>
#include <map>

#include "engine/cases/queries.hpp"
#include "engine/reminders/reminder_dispatch.hpp"
#include "tests/engine/jarfalla_consultation.hpp"
#include "tests/support/catch_outcome.hpp"

using namespace bevaka::engine;
using bevaka::testing::at;
using bevaka::testing::jarfalla_consultation;
using std::chrono::seconds;

namespace {

// The mail port as the tests see it: keeps every message it is given and answers as told for
// each address, in turn ("250 OK" once told nothing more).
class recording_mailer final : public mailer {
 public:
  void answer(const std::string& address, delivery result) {
    answers_[address].push_back(std::move(result));
  }

  delivery send(const outgoing_mail& mail) override {
    sent.push_back(mail);
    auto& queued = answers_[mail.to.front()];
    if (queued.empty()) return {delivery_status::delivered, "250 OK"};
    auto next = std::move(queued.front());
    queued.pop_front();
    return next;
  }

  std::vector<outgoing_mail> sent;

 private:
  std::map<std::string, std::deque<delivery>> answers_;
};

message_template parsed(std::string_view source, std::string_view text) {
  auto t = parse_message_template(source, text);
  REQUIRE(t);
  return *t;
}

dispatch_settings settings() {
  return dispatch_settings{
      .addresses = {"bevaka@jarfalla.example.se", "registrator@jarfalla.example.se",
                    "trygghetssamordnaren"},
      .templates = {.reminder = parsed("reminder.txt",
                                       "Ämne: Påminnelse: {ref} – svar senast {deadline}\n\n"
                                       "Hej {body}!\nSvara på \"{title}\" senast "
                                       "{deadline}{deadline_shift}: {days} {days_word} kvar.\n"),
                    .overdue =
                        parsed("overdue.txt", "Ämne: Försenat: {ref}\n\n{days} {days_word}\n"),
                    .escalation =
                        parsed("escalation.txt", "Ämne: {body} har inte svarat\n\n{ref}\n")},
      .holder = "engine-test",
      .lease = seconds{600},
      .retry_first = seconds{60},
      .retry_max = seconds{3600}};
}

std::vector<std::string> recipients(const std::vector<dispatched>& handled) {
  std::vector<std::string> to;
  for (const auto& d : handled) to.push_back(d.mail.to.empty() ? "" : d.mail.to.front());
  return to;
}

const reminder_view& reminder_of(const std::vector<reminder_view>& all, std::string_view body,
                                 int offset) {
  for (const auto& v : all)
    if (v.body_name == body && v.r.offset_days == offset) return v;
  FAIL("no reminder " << offset << " for " << body);
  return all.front();
}

}  // namespace

TEST_CASE("Dispatching sends each due reminder once, to its body", "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-04-20T10:00", "-10,-3,+1,+5!");
  recording_mailer mail;
  const fixed_clock morning(at("2016-04-27T08:00"));

  const auto handled = dispatch_due(c.store, mail, morning, settings());
  CHECK(recipients(handled) == std::vector<std::string>{"info@jarfallahus.example.se",
                                                        "kommunpolis@polisen.example.se",
                                                        "socialnamnden@jarfalla.example.se"});
  REQUIRE(mail.sent.size() == 3);
  const auto& social = mail.sent[2];
  CHECK(social.subject == "Påminnelse: Kst 2015/503 – svar senast 2 maj 2016");
  CHECK(social.body ==
        "Hej Socialnämnden!\nSvara på \"Trygghetsskapande program för Järfälla kommun\" senast 2 "
        "maj 2016 (30 april 2016 är en lördag): 3 arbetsdagar kvar.\n");
  CHECK(social.from == "bevaka@jarfalla.example.se");

  CHECK(dispatch_due(c.store, mail, morning, settings()).empty());
  CHECK(mail.sent.size() == 3);

  const auto all = c.reminders();
  const auto& sent = reminder_of(all, "Socialnämnden", -3);
  CHECK(sent.r.state == reminder_state::sent);
  CHECK(sent.r.sent_at == at("2016-04-27T08:00").utc());
  CHECK(sent.r.attempts == 1);
  CHECK(reminder_of(all, "Socialnämnden", 1).r.state == reminder_state::scheduled);
  CHECK(next_due(c.store) == at("2016-05-03T08:00").utc());

  // The timeline shows the reminder among the events.
  const auto record = in_transaction(c.store, [&](store_transaction& tx) {
    return timeline(tx.cases(), tx.reminders(), jarfalla_consultation::ref, "Socialnämnden");
  });
  REQUIRE(record);
  REQUIRE_FALSE(record->empty());
  const auto& reminded = record->back();
  CHECK(reminded.event == "remind");
  CHECK(reminded.actor == "bevaka");
  CHECK(reminded.at == "2016-04-27T08:00:00+02:00");
  CHECK(reminded.note ==
        "påminnelse till socialnamnden@jarfalla.example.se, 3 arbetsdagar före sista dagen "
        "2016-05-02");
}

TEST_CASE("A temporary failure is retried once its backoff has passed, and sent once", "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-04-20T10:00", "-10,-3,+1,+5!");
  recording_mailer mail;
  mail.answer("kommunpolis@polisen.example.se",
              {delivery_status::retry, "451 4.3.0 mailbox busy, try again later"});

  const auto first = dispatch_due(c.store, mail, fixed_clock(at("2016-04-27T08:00")), settings());
  CHECK(first.size() == 3);
  const auto waiting = reminder_of(c.reminders(), "Polismyndigheten", -3);
  CHECK(waiting.r.state == reminder_state::scheduled);
  CHECK(waiting.r.attempts == 1);
  CHECK(waiting.r.last_error == "451 4.3.0 mailbox busy, try again later");
  CHECK(waiting.r.next_attempt_at == at("2016-04-27T08:01").utc());
  CHECK_FALSE(waiting.r.sent_at);

  CHECK(dispatch_due(c.store, mail, fixed_clock(at("2016-04-27T08:00:59")), settings()).empty());
  CHECK(mail.sent.size() == 3);

  const auto retried = dispatch_due(c.store, mail, fixed_clock(at("2016-04-27T08:01")), settings());
  CHECK(recipients(retried) == std::vector<std::string>{"kommunpolis@polisen.example.se"});
  REQUIRE(mail.sent.size() == 4);
  CHECK(mail.sent[3].message_id == mail.sent[1].message_id);
  const auto sent = reminder_of(c.reminders(), "Polismyndigheten", -3);
  CHECK(sent.r.state == reminder_state::sent);
  CHECK(sent.r.attempts == 2);
  CHECK(sent.r.last_error.empty());
  CHECK(sent.r.sent_at == at("2016-04-27T08:01").utc());

  CHECK(dispatch_due(c.store, mail, fixed_clock(at("2016-04-27T09:00")), settings()).empty());
  CHECK(mail.sent.size() == 4);
}

TEST_CASE("A preview shows what is due and neither sends nor writes anything", "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-04-20T10:00", "-10,-3,+1,+5!");
  const auto written = c.store.data_version();
  const fixed_clock morning(at("2016-04-27T08:00"));

  const auto previews = preview_due(c.store, morning, settings());
  CHECK(recipients(previews) == std::vector<std::string>{"info@jarfallahus.example.se",
                                                         "kommunpolis@polisen.example.se",
                                                         "socialnamnden@jarfalla.example.se"});
  CHECK(c.store.data_version() == written);
  for (const auto& v : c.reminders()) {
    CHECK(v.r.state == reminder_state::scheduled);
    CHECK(v.r.attempts == 0);
  }

  recording_mailer mail;
  CHECK(dispatch_due(c.store, mail, morning, settings()).size() == 3);
  CHECK(mail.sent.size() == 3);
}

TEST_CASE(
    "A reminder that cannot be delivered fails, and its body is on the registrar's list before "
    "its deadline",
    "[engine]") {
  jarfalla_consultation c;
  auto request = c.request("-10,-3,+1,+5!");
  request.recipients.push_back("Brandkåren Attunda");
  REQUIRE(c.create(request, "2016-04-20T10:00"));
  recording_mailer mail;

  const auto handled = dispatch_due(c.store, mail, fixed_clock(at("2016-04-27T08:00")), settings());
  REQUIRE(handled.size() == 4);
  CHECK(mail.sent.size() == 3);
  const auto failed = reminder_of(c.reminders(), "Brandkåren Attunda", -3);
  CHECK(failed.r.state == reminder_state::failed);
  CHECK(failed.r.last_error == "Brandkåren Attunda has no e-mail address");

  const auto before_deadline = c.overdue("2016-04-28");
  REQUIRE(before_deadline.size() == 1);
  CHECK(before_deadline[0].body == "Brandkåren Attunda");
  CHECK(before_deadline[0].working_days_overdue == 0);
  CHECK(before_deadline[0].failed_reminders == 1);
  CHECK(format_date(before_deadline[0].deadline) == "2016-05-02");

  const auto after_deadline = c.overdue("2016-05-04");
  REQUIRE(after_deadline.size() == 4);
  CHECK(after_deadline[0].body == "Brandkåren Attunda");
  CHECK(after_deadline[0].working_days_overdue == 2);
  CHECK(after_deadline[0].failed_reminders == 1);
  CHECK(after_deadline[1].body == "Järfällahus AB");
  CHECK(after_deadline[1].failed_reminders == 0);
}
