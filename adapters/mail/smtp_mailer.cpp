#include "adapters/mail/smtp_mailer.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <cstring>
#include <stdexcept>

#include "adapters/mail/rfc5322.hpp"

namespace bevaka::mail {
namespace {

using engine::delivery;
using engine::delivery_status;

// libcurl pulls the message through this, a piece at a time.
struct upload {
  std::string_view rest;
};

std::size_t read_message(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto& up = *static_cast<upload*>(user);
  const auto n = std::min(size * count, up.rest.size());
  std::memcpy(buffer, up.rest.data(), n);
  up.rest.remove_prefix(n);
  return n;
}

// The server's last reply line, for the reminder's error: "451 4.3.0 Mailbox busy" says more
// than libcurl's "Weird server reply".
int keep_last_reply(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
  if (type != CURLINFO_HEADER_IN) return 0;
  auto& reply = *static_cast<std::string*>(user);
  reply.assign(data, size);
  while (!reply.empty() && (reply.back() == '\n' || reply.back() == '\r')) reply.pop_back();
  return 0;
}

struct recipient_list {
  curl_slist* list = nullptr;
  ~recipient_list() { curl_slist_free_all(list); }
};

delivery classify(CURLcode result, long response, const std::string& reply,
                  const char* error_text) {
  if (result == CURLE_OK) return {delivery_status::delivered, reply};
  const auto failure =
      fmt::format("{}{}{}", curl_easy_strerror(result), *error_text ? ": " : "", error_text);
  if (response < 400) return {delivery_status::retry, failure};
  const auto detail = fmt::format("{} ({})", reply, failure);
  if (result != CURLE_LOGIN_DENIED && response >= 500 && response < 600)
    return {delivery_status::rejected, detail};
  return {delivery_status::retry, detail};
}

}  // namespace

struct smtp_mailer::handle {
  CURL* curl = nullptr;
  ~handle() { curl_easy_cleanup(curl); }
};

smtp_mailer::smtp_mailer(std::string url, std::string password, std::filesystem::path ca_file)
    : url_(std::move(url)),
      password_(std::move(password)),
      ca_file_(ca_file.string()),
      curl_(std::make_unique<handle>()) {
  // Thread-safe since libcurl 7.84 and idempotent: called here rather than from main so that the
  // adapter is whole on its own.
  curl_global_init(CURL_GLOBAL_DEFAULT);
  curl_->curl = curl_easy_init();
  if (!curl_->curl) throw std::runtime_error("libcurl could not be initialised");
}

smtp_mailer::~smtp_mailer() = default;

engine::delivery smtp_mailer::send(const engine::outgoing_mail& mail) {
  CURL* curl = curl_->curl;
  const auto message = render_message(mail);
  upload up{message};
  recipient_list recipients;
  for (const auto& to : mail.to)
    recipients.list = curl_slist_append(recipients.list, fmt::format("<{}>", to).c_str());
  const auto from = fmt::format("<{}>", mail.from);
  char error_text[CURL_ERROR_SIZE] = "";
  curl_easy_setopt(curl, CURLOPT_URL, url_.c_str());
  if (!password_.empty()) curl_easy_setopt(curl, CURLOPT_PASSWORD, password_.c_str());
  curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  // Only the trusted CA changes; CURLOPT_SSL_VERIFYPEER and VERIFYHOST keep libcurl's default, on.
  if (!ca_file_.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, ca_file_.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients.list);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_message);
  curl_easy_setopt(curl, CURLOPT_READDATA, &up);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  std::string reply;
  curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);  // only so that keep_last_reply sees the replies
  curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, keep_last_reply);
  curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &reply);
  const CURLcode result = curl_easy_perform(curl);
  long response = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
  // The handle outlives these locals: it must not point at them any more.
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, nullptr);
  curl_easy_setopt(curl, CURLOPT_DEBUGDATA, nullptr);
  curl_easy_setopt(curl, CURLOPT_VERBOSE, 0L);
  return classify(result, response, reply, error_text);
}

}  // namespace bevaka::mail
