#pragma once
// The mail port over SMTP, with libcurl. `smtp://[user@]host:port` upgrades to TLS with
// STARTTLS when the server offers it; `smtps://` speaks TLS from the start. With TLS the server's
// certificate is always verified, its chain and its name. One connection is kept and reused
// between messages while the server allows it.

#include <filesystem>
#include <memory>
#include <string>

#include "engine/reminders/reminder_dispatch.hpp"

namespace bevaka::mail {

class smtp_mailer final : public engine::mailer {
 public:
  // `password` may be empty (no authentication, or none needed). `ca_file`, a PEM file, names
  // the certificate authority the server's certificate must chain to (e.g. a municipality's
  // internal CA); empty: the system's CA store. It is first read by a send: check it before,
  // or every send fails on it (retry). Throws std::runtime_error if libcurl cannot be set up.
  smtp_mailer(std::string url, std::string password, std::filesystem::path ca_file = {});
  ~smtp_mailer() override;
  smtp_mailer(const smtp_mailer&) = delete;
  smtp_mailer& operator=(const smtp_mailer&) = delete;

  // delivered on 250; rejected when the server answers 5xx to the sender, a recipient or the
  // message; retry for everything else: no connection, a timeout, 4xx, a refused login or a
  // certificate that cannot be verified (a password or a CA file can be corrected, a server's
  // certificate renewed, and nothing may be lost meanwhile).
  [[nodiscard]] engine::delivery send(const engine::outgoing_mail& mail) override;

 private:
  struct handle;
  std::string url_;
  std::string password_;
  std::string ca_file_;
  std::unique_ptr<handle> curl_;
};

}  // namespace bevaka::mail
