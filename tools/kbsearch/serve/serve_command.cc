// kbsearch serve --db DIR [--interface ADDR] [--port N] [--threads N] [--write-token FILE]
//                [--max-in-flight N] [--time-limit-ms N] [--cors-origin ORIGIN]...
#include <fstream>
#include <sstream>

#include "commands.h"
#include "http_server.h"
#include "option_checks.h"
#include "kbsearch/searcher.h"
#include "routes.h"
#include "serve_context.h"

namespace kbsearch::cli {
namespace {

struct ServeArgs {
  std::string db;
  std::string write_token_file;
  serve::ServerOptions server;
};

// The token is the file's text without surrounding white space (a
// trailing newline, as `openssl rand -hex 32 > FILE` writes).
std::string read_token(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CLI::ValidationError("--write-token", "cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  std::string token = text.str();
  const auto space = " \t\r\n";
  token.erase(0, token.find_first_not_of(space));
  token.erase(token.find_last_not_of(space) + 1);
  if (token.empty()) throw CLI::ValidationError("--write-token", path + " is empty");
  return token;
}

int run_serve(const ServeArgs& args) {
  serve::ServeContext context(args.db);
  if (!args.write_token_file.empty()) context.write_token = read_token(args.write_token_file);
  // Fails now, with the usual exit code, for an index that cannot be searched.
  context.searchers.get();
  serve::Routes routes;
  serve::add_search_routes(routes, context);
  serve::add_article_routes(routes, context);
  serve::add_status_routes(routes, context);
  serve::add_page_routes(routes);
  return serve::serve(args.server, routes, context);
}

}  // namespace

Command add_serve_command(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the index over HTTP (JSON API)");
  cmd->footer(
      "Endpoints: GET/POST /search, GET /suggest, GET/PUT/DELETE /articles/{id}, GET /analyze, GET /health, "
      "GET /metrics; the search page at GET /. "
      "Prints 'listening on http://HOST:PORT' first; SIGTERM or SIGINT stops it after the requests in flight.\n"
      "Example:\n"
      "  kbsearch serve --db /var/lib/kb --port 8080 --cors-origin https://help.example.com\n"
      "Exit codes: 0 stopped by SIGTERM or SIGINT; 2 usage error; 4 index missing, corrupt or of another "
      "version; 5 other error.");
  cmd->add_option("--db", args->db, "Index directory or stub file")->required()->type_name("PATH");
  cmd->add_option("--interface", args->server.interface, "Address to listen on")
      ->capture_default_str()
      ->type_name("ADDR");
  cmd->add_option("--port", args->server.port, "Port, 0 to 65535 (0: any free one)")
      ->check(unlabelled(CLI::Range(0, 65535)))
      ->capture_default_str()
      ->type_name("PORT");
  cmd->add_option("--threads", args->server.threads,
                  "Worker threads, each serving one connection at a time (default: one per core, at least 8)")
      ->type_name("N");
  cmd->add_option("--max-in-flight", args->server.max_in_flight,
                  "Connections served or waiting for a worker, 1 or more; more are answered 503")
      ->check(unlabelled(CLI::PositiveNumber))
      ->capture_default_str()
      ->type_name("N");
  cmd->add_option("--time-limit-ms", args->server.time_limit_ms,
                  "Time a client has to send its request and take the answer, and the longest wait for a "
                  "worker before 503, 1 to 3600000")
      ->check(unlabelled(CLI::Range(1u, 3600u * 1000u)))
      ->capture_default_str()
      ->type_name("MS");
  cmd->add_option("--cors-origin", args->server.cors_origins,
                  "Let web pages of this origin call the API (https://help.example.com, or * for any); repeatable")
      ->type_name("ORIGIN");
  cmd->add_option("--write-token", args->write_token_file,
                  "Accept PUT and DELETE /articles/{id} with 'Authorization: Bearer TOKEN', TOKEN being this "
                  "file's text")
      ->type_name("FILE");
  return {cmd, [args] { return run_serve(*args); }};
}

}  // namespace kbsearch::cli
