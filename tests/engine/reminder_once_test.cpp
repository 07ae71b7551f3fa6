// One reminder at a time, never twice: a dispatcher that comes back late sends each assignment
// its latest step alone; a dispatcher whose lease ran out leaves what another one claimed since;
// a settling that fails after the mail went out is tried again, and the mail is not sent again.
// On the in-memory store, with a mailer and a clock of the test's own.
#include <catch2/catch.hpp>
#include <functional>
#include <map>
#include <mutex>
#include <set>

#include "engine/reminders/reminder_dispatch.hpp"
#include "engine/store.hpp"
#include "tests/engine/jarfalla_consultation.hpp"

using namespace bevaka::engine;
using bevaka::testing::at;
using bevaka::testing::jarfalla_consultation;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

// A clock that moves only when told, and when slept on: a pause of the dispatcher's passes in
// no time, and is kept for the test to read.
class stepping_clock final : public bevaka::engine::clock {
 public:
  explicit stepping_clock(std::string_view start) : now_(at(start).utc()) {}
  timestamp now() const override {
    const std::lock_guard lock(mutex_);
    return stockholm_time(now_);
  }
  void sleep_for(seconds d) const override {
    const std::lock_guard lock(mutex_);
    slept_.push_back(d);
    now_ += d;
  }
  void advance(seconds d) {
    const std::lock_guard lock(mutex_);
    now_ += d;
  }
  std::vector<seconds> slept() const {
    const std::lock_guard lock(mutex_);
    return slept_;
  }

 private:
  mutable std::mutex mutex_;
  mutable instant now_;
  mutable std::vector<seconds> slept_;
};

// Keeps every message; answers 250, or as told for an address. `on_send` runs inside each
// send, as if the send took that long and the world went on meanwhile.
class recording_mailer final : public mailer {
 public:
  delivery send(const outgoing_mail& mail) override {
    sent.push_back(mail);
    if (on_send) on_send();
    if (const auto busy = busy_for.find(mail.to.front()); busy != busy_for.end())
      return busy->second;
    return {delivery_status::delivered, "250 OK"};
  }

  std::vector<outgoing_mail> sent;
  std::map<std::string, delivery> busy_for;
  std::function<void()> on_send;
};

// The outbox of the in-memory store, whose first `failures` settlings fail as a lost
// connection would.
class failing_settlings final : public outbox {
 public:
  failing_settlings(outbox& real, int failures) : real_(real), failures_(failures) {}
  std::vector<reminder_view> due_reminders(instant now, int limit) override {
    return real_.due_reminders(now, limit);
  }
  std::vector<reminder_view> claim_due_reminders(instant now, instant lease_until,
                                                 std::string_view holder, int limit) override {
    return real_.claim_due_reminders(now, lease_until, holder, limit);
  }
  bool renew_lease(const reminder& r, instant lease_until, std::string_view holder) override {
    return real_.renew_lease(r, lease_until, holder);
  }
  bool settle_reminder(const reminder& r, std::string_view holder) override {
    ++settlings;
    if (failures_-- > 0) throw database_error("database error: server closed the connection");
    return real_.settle_reminder(r, holder);
  }
  std::optional<instant> next_reminder_due() override { return real_.next_reminder_due(); }

  int settlings = 0;

 private:
  outbox& real_;
  int failures_;
};

dispatch_settings settings(std::string holder = "a") {
  const auto text = [](std::string_view source, std::string_view t) {
    return parse_message_template(source, t).value();
  };
  return dispatch_settings{
      .addresses = {"bevaka@jarfalla.example.se", "registrator@jarfalla.example.se", "samordnaren"},
      .templates = {.reminder = text("reminder.txt", "Ämne: Påminnelse {ref}\n\n{days}\n"),
                    .overdue = text("overdue.txt", "Ämne: Försenat {ref}\n\n{days}\n"),
                    .escalation = text("escalation.txt", "Ämne: {body} har inte svarat\n\n")},
      .holder = std::move(holder)};
}

// The offsets of a body's reminders in `state`.
std::vector<int> offsets_in(const std::vector<reminder_view>& all, std::string_view body,
                            reminder_state state) {
  std::vector<int> offsets;
  for (const auto& v : all)
    if (v.body_name == body && v.r.state == state) offsets.push_back(v.r.offset_days);
  return offsets;
}

std::multiset<std::string> subjects(const std::vector<outgoing_mail>& sent) {
  std::multiset<std::string> found;
  for (const auto& m : sent) found.insert(m.to.front() + " " + m.subject);
  return found;
}

const std::vector<std::string> bodies{"Socialnämnden", "Järfällahus AB", "Polismyndigheten"};

}  // namespace

TEST_CASE(
    "A dispatcher that comes back after the deadline sends each body its overdue notice and the "
    "registrar one escalation per assignment; the earlier reminders end as superseded",
    "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-04-12T10:00", "-10,-3,+1,+5!");
  recording_mailer mail;
  // Down since before the first reminder (18 April) until after the escalation (10 May).
  const fixed_clock back(at("2016-05-11T09:00"));

  const auto previews = preview_due(c.store, back, settings());
  const auto handled = dispatch_due(c.store, mail, back, settings());
  CHECK(handled.size() == 6);
  CHECK(previews.size() == 6);
  CHECK(subjects(mail.sent) ==
        std::multiset<std::string>{
            "info@jarfallahus.example.se Försenat Kst 2015/503",
            "kommunpolis@polisen.example.se Försenat Kst 2015/503",
            "socialnamnden@jarfalla.example.se Försenat Kst 2015/503",
            "registrator@jarfalla.example.se Järfällahus AB har inte svarat",
            "registrator@jarfalla.example.se Polismyndigheten har inte svarat",
            "registrator@jarfalla.example.se Socialnämnden har inte svarat",
        });
  const auto all = c.reminders();
  for (const auto& body : bodies) {
    INFO(body);
    CHECK(offsets_in(all, body, reminder_state::superseded) == std::vector<int>{-10, -3});
    CHECK(offsets_in(all, body, reminder_state::sent) == std::vector<int>{1, 5});
  }
  for (const auto& v : all)
    if (v.r.state == reminder_state::superseded) {
      CHECK(v.r.last_error == superseded_reason);
      CHECK(v.r.attempts == 0);
    }
  CHECK(dispatch_due(c.store, mail, back, settings()).empty());
  CHECK(mail.sent.size() == 6);
}

TEST_CASE(
    "A reminder waiting for its retry is superseded by the next step when that falls due, "
    "and only the next step goes out",
    "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-04-12T10:00", "-10,-3,+1,+5!");
  recording_mailer mail;
  mail.busy_for["socialnamnden@jarfalla.example.se"] = {delivery_status::retry, "451 busy"};
  CHECK(dispatch_due(c.store, mail, fixed_clock(at("2016-04-18T08:00")), settings()).size() == 3);
  CHECK(mail.sent.size() == 3);

  mail.busy_for.clear();
  const auto handled = dispatch_due(c.store, mail, fixed_clock(at("2016-04-27T08:00")), settings());
  CHECK(handled.size() == 3);
  REQUIRE(mail.sent.size() == 6);
  const auto all = c.reminders();
  CHECK(offsets_in(all, "Socialnämnden", reminder_state::superseded) == std::vector<int>{-10});
  CHECK(offsets_in(all, "Socialnämnden", reminder_state::sent) == std::vector<int>{-3});
  CHECK(offsets_in(all, "Polismyndigheten", reminder_state::sent) == std::vector<int>{-10, -3});
}

TEST_CASE(
    "A dispatcher whose lease ran out before its next send leaves that reminder to the "
    "dispatcher that claimed it since: every reminder goes out once",
    "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-04-12T10:00", "-10,-3,+1,+5!");
  stepping_clock clock("2016-04-18T08:00");
  auto slow = settings("a");
  slow.expected_send = seconds{1};  // so its first claim takes all three, until 08:10
  recording_mailer mail_a, mail_b;
  std::vector<dispatched> by_b;
  // Each of a's sends takes 6 minutes. During the second (08:06 to 08:12) the third one's
  // claim expires, and a second dispatcher claims and sends it at 08:12.
  mail_a.on_send = [&] {
    clock.advance(minutes{6});
    if (mail_a.sent.size() == 2) by_b = dispatch_due(c.store, mail_b, clock, settings("b"));
  };

  const auto by_a = dispatch_due(c.store, mail_a, clock, slow);
  CHECK(by_a.size() == 2);
  REQUIRE(by_b.size() == 1);
  CHECK(mail_a.sent.size() == 2);
  REQUIRE(mail_b.sent.size() == 1);
  std::set<std::string> ids{mail_b.sent[0].message_id};
  for (const auto& m : mail_a.sent) ids.insert(m.message_id);
  CHECK(ids.size() == 3);
  for (const auto& v : c.reminders())
    if (v.r.offset_days == -10) CHECK(v.r.state == reminder_state::sent);
  CHECK(by_b[0].reminder.r.attempts == 2);
}

TEST_CASE(
    "A settling that fails after the server took the mail is tried again with backoff, and "
    "the mail is not sent again",
    "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-04-12T10:00", "-10");
  stepping_clock clock("2016-04-18T08:00");
  failing_settlings flaky(c.store, 2);
  recording_mailer mail;

  const auto handled = dispatch_due(flaky, mail, clock, settings());
  CHECK(handled.size() == 3);
  CHECK(mail.sent.size() == 3);
  CHECK(flaky.settlings == 5);
  CHECK(clock.slept() == std::vector<seconds>{seconds{1}, seconds{2}});
  for (const auto& v : c.reminders()) {
    CHECK(v.r.state == reminder_state::sent);
    CHECK(v.r.attempts == 1);
  }
}

TEST_CASE(
    "A settling that keeps failing is given up after its tries, before anything else is "
    "claimed or sent",
    "[engine]") {
  jarfalla_consultation c;
  c.create_sent("2016-04-12T10:00", "-10");
  stepping_clock clock("2016-04-18T08:00");
  failing_settlings down(c.store, 100);
  recording_mailer mail;
  auto s = settings();
  s.settle_attempts = 3;

  CHECK_THROWS_AS(dispatch_due(down, mail, clock, s), database_error);
  CHECK(mail.sent.size() == 1);
  CHECK(down.settlings == 3);
  CHECK(clock.slept() == std::vector<seconds>{seconds{1}, seconds{2}});
}
