// Messages as RFC 5322 text: what any mail server and client must be able to read.
#include "adapters/mail/rfc5322.hpp"

#include <catch2/catch.hpp>

using namespace bevaka;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < text.size();) {
    const auto end = text.find("\r\n", start);
    REQUIRE(end != std::string::npos);  // every line ends in CRLF
    lines.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

}  // namespace

TEST_CASE("A plain ASCII subject stays as it is; å, ä and ö become RFC 2047 encoded words",
          "[mail]") {
  CHECK(mail::encode_header_text("Kst 2017/84") == "Kst 2017/84");
  CHECK(mail::encode_header_text("Påminnelse") == "=?UTF-8?B?UMOlbWlubmVsc2U=?=");
}

TEST_CASE("A long subject is folded into words of at most 75 characters, never inside a letter",
          "[mail]") {
  const std::string subject =
      "Påminnelse: Kst 2017/84 Rapportering av trygghet 2016 – årlig uppföljning – svar senast "
      "31 mars 2017 för Kultur-, demokrati- och fritidsnämnden";
  const auto encoded = mail::encode_header_text(subject);
  std::size_t words = 0;
  for (std::size_t start = 0; start < encoded.size(); ++words) {
    auto end = encoded.find("\r\n ", start);
    if (end == std::string::npos) end = encoded.size();
    const auto word = encoded.substr(start, end - start);
    CHECK(word.size() <= 75);
    CHECK(word.starts_with("=?UTF-8?B?"));
    CHECK(word.ends_with("?="));
    start = end == encoded.size() ? end : end + 3;
  }
  CHECK(words >= 3);
}

TEST_CASE("Quoted-printable keeps lines at most 76 characters, 7-bit, and escapes what must be",
          "[mail]") {
  const std::string body =
      "Hej Socialnämnden!\n"
      ".en rad som börjar med punkt\n"
      "blanksteg på slutet \n"
      "likhetstecken = och " +
      std::string(100, 'x') + "\n";
  const auto encoded = mail::quoted_printable(body);
  for (const auto& line : lines_of(encoded)) {
    CHECK(line.size() <= 76);
    CHECK(std::all_of(line.begin(), line.end(), [](char c) { return (c & 0x80) == 0; }));
  }
  CHECK(encoded.starts_with("Hej Socialn=C3=A4mnden!\r\n=2Een rad"));
  CHECK(encoded.find("slutet=20\r\n") != std::string::npos);
  CHECK(encoded.find("likhetstecken =3D och") != std::string::npos);
}

TEST_CASE("A message has Date, From, To, Message-ID, Subject and a UTF-8 text body", "[mail]") {
  const engine::outgoing_mail m{.message_id = "bevaka.reminder.42.7@jarfalla.example.se",
                                .from = "bevaka@jarfalla.example.se",
                                .to = {"socialnamnden@example.se", "sn.registrator@example.se"},
                                .subject = "Påminnelse",
                                .body = "Hej!\n",
                                .date = *engine::parse_timestamp("2017-03-17T08:00")};
  const auto lines = lines_of(mail::render_message(m));
  const std::vector<std::string> expected{"Date: Fri, 17 Mar 2017 08:00:00 +0100",
                                          "From: bevaka@jarfalla.example.se",
                                          "To: socialnamnden@example.se, sn.registrator@example.se",
                                          "Message-ID: <bevaka.reminder.42.7@jarfalla.example.se>",
                                          "Subject: =?UTF-8?B?UMOlbWlubmVsc2U=?=",
                                          "MIME-Version: 1.0",
                                          "Content-Type: text/plain; charset=utf-8",
                                          "Content-Transfer-Encoding: quoted-printable",
                                          "Auto-Submitted: auto-generated",
                                          "",
                                          "Hej!"};
  CHECK(lines == expected);
}

TEST_CASE("The Date header carries summer time's offset", "[mail]") {
  CHECK(mail::rfc5322_date(*engine::parse_timestamp("2017-04-03T08:00")) ==
        "Mon, 3 Apr 2017 08:00:00 +0200");
}
