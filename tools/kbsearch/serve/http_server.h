// kbsearch serve: the HTTP server over the route table. httplib parses
// HTTP; this file sets its limits, dispatches to the routes (404 for an
// unknown path, 405 with Allow for a known path's other methods), turns
// every exception into a JSON error, adds CORS headers for the allowed
// origins, records metrics, and stops on SIGTERM or SIGINT after answering
// the requests in flight.
#ifndef KBSEARCH_TOOLS_SERVE_HTTP_SERVER_H
#define KBSEARCH_TOOLS_SERVE_HTTP_SERVER_H

#include <cstddef>
#include <string>
#include <vector>

#include "routes.h"
#include "serve_context.h"

namespace kbsearch::serve {

struct ServerOptions {
  std::string interface = "127.0.0.1";
  int port = 8080;           // 0: any free port
  // Workers; 0: one per core, at least 8 (each keep-alive connection holds
  // one while it stays open, as in httplib's own pool).
  std::size_t threads = 0;
  // Connections served or waiting for a worker; past it, 503.
  std::size_t max_in_flight = 64;
  // A client has this long to send each part of its request and to take
  // the answer, and a connection that waited this long for a worker is
  // answered 503 rather than served late.
  unsigned time_limit_ms = 5000;
  std::vector<std::string> cors_origins;  // "*" for any
  // Request bodies: an article's text, up to the indexer's file limit.
  std::size_t max_body_bytes = 8u << 20;
};

// Serves `routes` until SIGTERM or SIGINT; prints "listening on
// http://HOST:PORT" as the first line of standard output once it accepts.
// Returns the exit code: 0 after a signal, when the requests in flight are
// answered. Throws Error when it cannot listen.
int serve(const ServerOptions& options, const Routes& routes, ServeContext& context);

}  // namespace kbsearch::serve

#endif  // KBSEARCH_TOOLS_SERVE_HTTP_SERVER_H
