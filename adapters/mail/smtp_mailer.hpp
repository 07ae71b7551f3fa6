#pragma once
// The mail port over SMTP, with libcurl. `smtp://[user@]host:port` upgrades to TLS with
// STARTTLS when the server offers it; `smtps://` speaks TLS from the start. One connection is
// kept and reused between messages while the server allows it.

#include <memory>
#include <string>

#include "engine/reminder_dispatch.hpp"

namespace bevaka::mail {

class smtp_mailer final : public engine::mailer {
 public:
  // `password` may be empty (no authentication, or none needed). Throws std::runtime_error if
  // libcurl cannot be set up.
  smtp_mailer(std::string url, std::string password);
  ~smtp_mailer() override;
  smtp_mailer(const smtp_mailer&) = delete;
  smtp_mailer& operator=(const smtp_mailer&) = delete;

  // delivered on 250; rejected when the server answers 5xx to the sender, a recipient or the
  // message; retry for everything else: no connection, a timeout, 4xx, or a refused login
  // (a password can be corrected, and nothing may be lost meanwhile).
  [[nodiscard]] engine::delivery send(const engine::outgoing_mail& mail) override;

 private:
  struct handle;
  std::string url_;
  std::string password_;
  std::unique_ptr<handle> curl_;
};

}  // namespace bevaka::mail
