#pragma once
// A real SMTP server for one test: tests/fixtures/smtp-server (aiosmtpd) on 127.0.0.1 and a
// free port, started by the constructor and stopped by the destructor. What it received is read
// back through Python's e-mail parser (see tests/fixtures/smtp_sink.py). It can speak TLS, with a
// certificate for 127.0.0.1 from a CA made for it alone (tests/fixtures/test-certificates).

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace bevaka::testing {

// How the server speaks: plain text; TLS after STARTTLS, which it then requires before MAIL;
// or TLS from the first byte (smtps://).
enum class smtp_tls { none, starttls, implicit };

class smtp_sink {
 public:
  explicit smtp_sink(const std::string& name, smtp_tls tls = smtp_tls::none);
  ~smtp_sink();
  smtp_sink(const smtp_sink&) = delete;
  smtp_sink& operator=(const smtp_sink&) = delete;

  // smtp://127.0.0.1:PORT, or smtps://127.0.0.1:PORT with implicit TLS.
  [[nodiscard]] std::string url() const;
  // With TLS, the PEM file of the CA that signed the server's certificate (trusted nowhere
  // else); empty without.
  [[nodiscard]] std::string ca_file() const;
  // How it answers DATA from now on: "accept", "4xx" or "5xx".
  void answer(const std::string& mode);
  // From now on it waits `wait` before it answers each message's DATA, as a slow server does.
  void answer_after(std::chrono::milliseconds wait);
  // Goes down (connections are refused), and comes back on the same port.
  void stop();
  void start();

  // Every message accepted so far, oldest first: {message_id, from, to, date, subject, body,
  // content_type, charset, rcpt, mail_from}, as Python's parser read them (body without CR),
  // and tls: the TLS version that carried it ("TLSv1.3"), or null.
  [[nodiscard]] std::vector<nlohmann::json> messages() const;
  // The bytes of message number `index` as received.
  [[nodiscard]] std::string raw(std::size_t index) const;

 private:
  void run(const std::string& action) const;
  std::string state_;
  smtp_tls tls_;
  int port_ = 0;
};

}  // namespace bevaka::testing
