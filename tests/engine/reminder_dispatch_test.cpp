// What a reminder says, and what state follows an attempt to send it.
#include "engine/reminders/reminder_dispatch.hpp"

#include <catch2/catch.hpp>

#include "tests/support/catch_outcome.hpp"

using namespace bevaka::engine;
using std::chrono::seconds;

namespace {

date ymd(int y, unsigned m, unsigned d) { return std::chrono::year{y} / m / d; }

const std::string reminder_text =
    "Ämne: Påminnelse: {ref} – svar senast {deadline}\n"
    "\n"
    "Hej {body}!\n"
    "Svara på \"{title}\" senast {deadline}{deadline_shift}: {days} {days_word} kvar.\n"
    "Frågor: {contact}\n";

reminder_templates templates() {
  reminder_templates t;
  t.reminder = parse_message_template("reminder.txt", reminder_text).value();
  t.overdue =
      parse_message_template("overdue.txt", "Ämne: Försenat: {ref}\n\n{days} {days_word} sent\n")
          .value();
  t.escalation =
      parse_message_template("escalation.txt", "Ämne: {body} har inte svarat\n\n{ref}\n").value();
  return t;
}

// Järfälla's consultation: deadline Saturday 30 April 2016, so Monday 2 May.
reminder_view consultation_reminder(reminder_kind kind) {
  return reminder_view{.r = {.id = 42, .assignment_id = 7, .kind = kind},
                       .ref = "Kst 2015/503",
                       .title = "Trygghetsskapande program för Järfälla kommun",
                       .body_name = "Socialnämnden",
                       .body_emails = {"socialnamnden@example.se"},
                       .deadline = shift_deadline(ymd(2016, 4, 30))};
}

const mail_addresses addresses{"bevaka@jarfalla.example.se", "registrator@jarfalla.example.se",
                               "trygghetssamordnaren"};

}  // namespace

TEST_CASE("A reminder tells the body its deadline, the shift and the working days left",
          "[engine]") {
  const auto now = *parse_timestamp("2016-04-26T08:00");
  const auto mail =
      compose_reminder(consultation_reminder(reminder_kind::reminder), now, addresses, templates());
  CHECK(mail.subject == "Påminnelse: Kst 2015/503 – svar senast 2 maj 2016");
  CHECK(mail.body ==
        "Hej Socialnämnden!\n"
        "Svara på \"Trygghetsskapande program för Järfälla kommun\" senast 2 maj 2016 (30 april "
        "2016 är en lördag): 4 arbetsdagar kvar.\n"
        "Frågor: trygghetssamordnaren\n");
  CHECK(mail.to == std::vector<std::string>{"socialnamnden@example.se"});
  CHECK(mail.from == "bevaka@jarfalla.example.se");
  CHECK(mail.message_id == "bevaka.reminder.42.7@jarfalla.example.se");
  CHECK(mail.date.iso() == "2016-04-26T08:00:00+02:00");
}

TEST_CASE(
    "An overdue notice counts the working days since the deadline; an escalation goes to "
    "the registrar",
    "[engine]") {
  const auto now = *parse_timestamp("2016-05-03T08:00");
  const auto overdue =
      compose_reminder(consultation_reminder(reminder_kind::overdue), now, addresses, templates());
  CHECK(overdue.body == "1 arbetsdag sent\n");
  const auto escalation = compose_reminder(consultation_reminder(reminder_kind::escalation), now,
                                           addresses, templates());
  CHECK(escalation.to == std::vector<std::string>{"registrator@jarfalla.example.se"});
  CHECK(escalation.subject == "Socialnämnden har inte svarat");
}

TEST_CASE(
    "A template with an unknown placeholder or without its subject line is refused with "
    "file and line",
    "[engine]") {
  const auto unknown = parse_message_template("overdue.txt", "Ämne: x\n\nHej {namn}\n");
  REQUIRE_FALSE(unknown);
  CHECK_THAT(unknown.error().message, Catch::StartsWith("overdue.txt:3: bad placeholder"));
  const auto no_subject = parse_message_template("reminder.txt", "Hej {body}\n");
  REQUIRE_FALSE(no_subject);
  CHECK_THAT(no_subject.error().message, Catch::StartsWith("reminder.txt:1:"));
  const auto no_gap = parse_message_template("reminder.txt", "Ämne: x\nHej\n");
  REQUIRE_FALSE(no_gap);
  CHECK_THAT(no_gap.error().message, Catch::StartsWith("reminder.txt:2:"));
}

TEST_CASE("Retries back off exponentially from the first delay up to the longest", "[engine]") {
  const dispatch_settings settings{.retry_first = seconds{60}, .retry_max = seconds{3600}};
  CHECK(retry_delay(1, settings) == seconds{60});
  CHECK(retry_delay(2, settings) == seconds{120});
  CHECK(retry_delay(3, settings) == seconds{240});
  CHECK(retry_delay(7, settings) == seconds{3600});
  CHECK(retry_delay(1000, settings) == seconds{3600});
}

TEST_CASE(
    "A dispatcher claims no more than it can send within one lease at its slowest send, at "
    "least one",
    "[engine]") {
  const dispatch_settings five_seconds{
      .lease = seconds{5}, .batch = 20, .expected_send = seconds{10}};
  CHECK(claim_size(five_seconds, std::nullopt) == 1);
  CHECK(claim_size(five_seconds, seconds{2}) == 2);
  CHECK(claim_size(five_seconds, seconds{6}) == 1);
  const dispatch_settings ten_minutes{
      .lease = seconds{600}, .batch = 20, .expected_send = seconds{10}};
  CHECK(claim_size(ten_minutes, std::nullopt) == 20);
  CHECK(claim_size(ten_minutes, seconds{60}) == 10);
  // Sends faster than the clock's second are taken as a second each.
  CHECK(claim_size(ten_minutes, seconds{0}) == 20);
}

TEST_CASE("After an attempt: delivered is sent, a temporary failure waits, a permanent one fails",
          "[engine]") {
  const dispatch_settings settings{.retry_first = seconds{60}, .retry_max = seconds{3600}};
  const auto now = *parse_timestamp("2017-03-17T08:00");
  const reminder claimed{.id = 1, .attempts = 2};

  const auto sent = after_attempt(claimed, {delivery_status::delivered, "250"}, now, settings);
  CHECK(sent.state == reminder_state::sent);
  CHECK(sent.sent_at == now.utc());
  CHECK(sent.last_error.empty());

  const auto later = after_attempt(claimed, {delivery_status::retry, "451 busy"}, now, settings);
  CHECK(later.state == reminder_state::scheduled);
  CHECK(later.next_attempt_at == now.utc() + seconds{120});
  CHECK(later.last_error == "451 busy");
  CHECK_FALSE(later.sent_at);

  const auto failed =
      after_attempt(claimed, {delivery_status::rejected, "550 no such user"}, now, settings);
  CHECK(failed.state == reminder_state::failed);
  CHECK(failed.last_error == "550 no such user");
}
