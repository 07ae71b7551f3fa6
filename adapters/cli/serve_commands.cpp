// serve and token: the HTTP API and dashboard, and the tokens that open them.
#include <fmt/format.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <charconv>
#include <csignal>
#include <sstream>

#include "adapters/cli/command_groups.hpp"
#include "adapters/cli/reminder_service.hpp"
#include "adapters/config/settings.hpp"
#include "adapters/http/api.hpp"
#include "adapters/http/server.hpp"
#include "adapters/http/token_secret.hpp"
#include "engine/access/access.hpp"

namespace bevaka::cli {
namespace {

namespace asio = boost::asio;
using engine::errc;
using engine::make_error;
using engine::outcome;

// ADDRESS:PORT, the address as digits ("127.0.0.1", "[::1]"): a name would need a resolver and
// could quietly mean more than one interface.
outcome<asio::ip::tcp::endpoint> parse_listen(const std::string& text) {
  const auto wrong = make_error(
      errc::bad_input, fmt::format("--listen '{}' is not ADDRESS:PORT, e.g. 127.0.0.1:8080", text));
  const auto colon = text.rfind(':');
  if (colon == std::string::npos) return wrong;
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  unsigned short port = 0;
  const auto* end = text.data() + text.size();
  if (std::from_chars(text.data() + colon + 1, end, port) != std::from_chars_result{end, {}})
    return wrong;
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(host, ec);
  if (ec) return wrong;
  return asio::ip::tcp::endpoint(address, port);
}

std::string url_of(const asio::ip::tcp::endpoint& at) {
  std::ostringstream text;
  text << "http://" << at << "/";
  return text.str();
}

struct serve_options {
  std::string listen = "127.0.0.1:8080";
  double timeout_seconds = 30;
};

// Serves until SIGINT or SIGTERM. Writes take the clock: the system's, or --now's (fixed).
outcome<void> serve(runtime& rt, const serve_options& o) {
  const auto at = parse_listen(o.listen);
  if (!at) return at.error();
  // A server outlives whoever reads its output: a closed pipe must not kill it (SIGPIPE).
  std::signal(SIGPIPE, SIG_IGN);
  std::unique_ptr<engine::clock> clock;
  if (rt.now_given)
    clock = std::make_unique<engine::fixed_clock>(rt.now);
  else
    clock = std::make_unique<engine::system_clock>();
  const auto config = config::load_settings(config::config_file());
  if (!config) return config.error();
  http::api api(rt.store(), rt.store(), *clock,
                {.registrar = config->mail.registrar,
                 .reference_patterns = config::reference_patterns(config->references),
                 .council = config->council});
  asio::io_context io;
  const http::server_settings settings{
      .request_timeout = std::chrono::milliseconds(static_cast<long>(o.timeout_seconds * 1000))};
  std::optional<http::server> server;
  try {
    server.emplace(
        io, *at, [&api](const http::api_request& r) { return api.handle(r); }, settings);
  } catch (const boost::system::system_error& e) {
    return make_error(errc::bad_input,
                      fmt::format("cannot listen on {}: {}", o.listen, e.code().message()));
  }
  server->start();
  auto reminders = reminder_service::start(rt, io);
  if (!reminders) return reminders.error();
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code&, int) {
    (*reminders)->stop();
    io.stop();
  });
  rt.out << "bevaka: serving " << url_of(server->endpoint()) << std::endl;
  io.run();
  return {};
}

void add_serve(CLI::App& app, handler& chosen) {
  auto o = std::make_shared<serve_options>();
  auto* serve_command = app.add_subcommand(
      "serve", "serve the HTTP API and the dashboard, and send reminders as they fall due");
  serve_command
      ->add_option("--listen", o->listen, "ADDRESS:PORT; port 0 takes a free one (printed)")
      ->capture_default_str();
  serve_command
      ->add_option("--timeout", o->timeout_seconds,
                   "seconds a client has to send a whole request; also the idle limit")
      ->check(CLI::Range(0.1, 3600.0))
      ->capture_default_str();
  serve_command->callback([&chosen, o] { chosen = [o](runtime& rt) { return serve(rt, *o); }; });
}

struct token_options {
  std::string role, body, name;
};

void add_token(CLI::App& app, handler& chosen) {
  auto* token = app.add_subcommand("token", "API tokens for the HTTP API and the dashboard");
  token->require_subcommand(1);
  auto o = std::make_shared<token_options>();
  auto* create = token->add_subcommand("create", "make a token; prints it once, keeps its hash");
  create->add_option("--role", o->role, "admin, registrar, coordinator, secretary or viewer")
      ->required()
      ->check(one_of(engine::role_names.names()));
  create->add_option("--body", o->body, "the body a secretary acts for (name or id)");
  create->add_option("--name", o->name, "who holds it: recorded as the actor of every write");
  create->callback([&chosen, o] {
    chosen = [o](runtime& rt) -> outcome<void> {
      const auto secret = http::new_api_token();
      const engine::new_api_token request{*engine::parse_role(o->role), o->body, o->name,
                                          http::token_hash(secret)};
      const auto created = engine::in_transaction(rt.store(), [&](engine::store_transaction& tx) {
        return engine::create_api_token(tx.cases(), tx.access(), request, rt.now);
      });
      if (!created) return created.error();
      rt.out << secret << '\n';
      return {};
    };
  });
}

}  // namespace

void add_serve_commands(CLI::App& app, handler& chosen) {
  add_serve(app, chosen);
  add_token(app, chosen);
}

}  // namespace bevaka::cli
