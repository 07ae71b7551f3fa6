#include "adapters/mail/eml_folder_mailer.hpp"

#include <fmt/format.h>

#include <fstream>

#include "adapters/mail/rfc5322.hpp"

namespace bevaka::mail {
namespace {

// A Message-ID may hold characters a file name should not.
std::string file_name_for(const std::string& message_id) {
  std::string name;
  for (const char c : message_id)
    name += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '@' || c == '-' ||
             c == '_')
                ? c
                : '_';
  return name + ".eml";
}

}  // namespace

engine::delivery eml_folder_mailer::send(const engine::outgoing_mail& mail) {
  const auto target = folder_ / file_name_for(mail.message_id);
  const auto partial = std::filesystem::path(target.string() + ".partial");
  std::error_code ec;
  std::filesystem::create_directories(folder_, ec);
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << render_message(mail);
    out.flush();
    if (!out)
      return {engine::delivery_status::retry, fmt::format("cannot write {}", partial.string())};
  }
  std::filesystem::rename(partial, target, ec);
  if (ec)
    return {engine::delivery_status::retry,
            fmt::format("cannot write {}: {}", target.string(), ec.message())};
  return {engine::delivery_status::delivered, fmt::format("written to {}", target.string())};
}

}  // namespace bevaka::mail
