#pragma once
// The mail port without a mail server: each message becomes an .eml file (RFC 5322) in a folder,
// named after its Message-ID, so sending the same reminder again replaces its file. The default,
// so bevaka needs no mail server to run.

#include <filesystem>

#include "engine/reminders/reminder_dispatch.hpp"

namespace bevaka::mail {

class eml_folder_mailer final : public engine::mailer {
 public:
  // Creates `folder` on the first message if it does not exist.
  explicit eml_folder_mailer(std::filesystem::path folder) : folder_(std::move(folder)) {}

  // Delivered once the file is complete on disk under its final name (written to a temporary
  // name, then renamed); retry when the folder cannot be written.
  [[nodiscard]] engine::delivery send(const engine::outgoing_mail& mail) override;

 private:
  std::filesystem::path folder_;
};

}  // namespace bevaka::mail
