#pragma once
// A real SMTP server for one test: tests/fixtures/smtp-server (aiosmtpd) on 127.0.0.1 and a
// free port, started by the constructor and stopped by the destructor. What it received is read
// back through Python's e-mail parser (see tests/fixtures/smtp_sink.py).

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace bevaka::testing {

class smtp_sink {
 public:
  explicit smtp_sink(const std::string& name);
  ~smtp_sink();
  smtp_sink(const smtp_sink&) = delete;
  smtp_sink& operator=(const smtp_sink&) = delete;

  // smtp://127.0.0.1:PORT
  [[nodiscard]] std::string url() const;
  // How it answers DATA from now on: "accept", "4xx" or "5xx".
  void answer(const std::string& mode);
  // Goes down (connections are refused), and comes back on the same port.
  void stop();
  void start();

  // Every message accepted so far, oldest first: {message_id, from, to, date, subject, body,
  // content_type, charset, rcpt, mail_from}, as Python's parser read them (body without CR).
  [[nodiscard]] std::vector<nlohmann::json> messages() const;
  // The bytes of message number `index` as received.
  [[nodiscard]] std::string raw(std::size_t index) const;

 private:
  void run(const std::string& action) const;
  std::string state_;
  int port_ = 0;
};

}  // namespace bevaka::testing
