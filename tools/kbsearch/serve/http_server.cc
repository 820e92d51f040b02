#include "http_server.h"

#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <thread>

#include "connection_queue.h"
#include "http_error.h"
#include "kbsearch/error.h"

namespace kbsearch::serve {

namespace {

// Paths name an endpoint and at most an article id (200 bytes at most);
// a longer one is no request of ours, and the route patterns httplib
// matches (std::regex, recursive per character) never see one.
constexpr std::size_t kMaxPathBytes = 1024;

// How long browsers may cache a CORS preflight answer.
constexpr const char* kCorsMaxAgeSeconds = "600";

bool origin_allowed(const ServerOptions& options, const std::string& origin) {
  return !origin.empty() && std::any_of(options.cors_origins.begin(), options.cors_origins.end(),
                                        [&](const std::string& o) { return o == "*" || o == origin; });
}

void add_cors_headers(const ServerOptions& options, const httplib::Request& req, httplib::Response& res) {
  const std::string origin = req.get_header_value("Origin");
  if (!origin_allowed(options, origin)) return;
  res.set_header("Access-Control-Allow-Origin", origin);
  res.set_header("Vary", "Origin");
}

void dispatch(const Routes& routes, const ServerOptions& options, const httplib::Request& req,
              httplib::Response& res) {
  std::string param;
  const std::vector<const Route*> found = routes_of(routes, req.path, param);
  if (found.empty()) throw HttpError(404, "not_found", "no endpoint at " + req.path);
  const std::string method = req.method == "HEAD" ? "GET" : req.method;
  const Route* route = nullptr;
  std::string allow;
  for (const Route* r : found) {
    allow += r->method + (r->method == "GET" ? ", HEAD, " : ", ");
    if (r->method == method) route = r;
  }
  allow += "OPTIONS";
  if (req.method == "OPTIONS") {
    res.status = 204;
    res.set_header("Allow", allow);
    if (origin_allowed(options, req.get_header_value("Origin"))) {
      res.set_header("Access-Control-Allow-Methods", allow);
      res.set_header("Access-Control-Allow-Headers", "Content-Type, Authorization");
      res.set_header("Access-Control-Max-Age", kCorsMaxAgeSeconds);
    }
    return;
  }
  if (!route) {
    res.set_header("Allow", allow);
    throw HttpError(405, "method_not_allowed", req.method + " is not allowed on " + req.path + " (allowed: " + allow + ")");
  }
  this_connection().endpoint = route->endpoint;
  route->handler(req, res, param);
}

// Before routing: refusals that need no route, and the start of the
// request's clock.
httplib::Server::HandlerResponse before_routing(const ServerOptions& options, const httplib::Request& req,
                                                httplib::Response& res) {
  ConnectionState& connection = this_connection();
  connection.started = true;
  connection.started_at = std::chrono::steady_clock::now();
  connection.endpoint = "none";
  add_cors_headers(options, req, res);
  const bool first = connection.first_request;
  connection.first_request = false;
  if (connection.over_limit) {
    res.set_header("Connection", "close");
    send_error(res, 503, "overloaded",
               "the server is serving as many connections as it may (--max-in-flight); retry later");
    return httplib::Server::HandlerResponse::Handled;
  }
  const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(connection.waited).count();
  if (first && waited > options.time_limit_ms) {
    send_error(res, 503, "overloaded",
               "the request waited " + std::to_string(waited) + " ms for a worker, over the server's time limit");
    return httplib::Server::HandlerResponse::Handled;
  }
  if (req.path.size() > kMaxPathBytes) {
    send_error(res, 414, "uri_too_long", "paths have at most " + std::to_string(kMaxPathBytes) + " bytes");
    return httplib::Server::HandlerResponse::Handled;
  }
  return httplib::Server::HandlerResponse::Unhandled;
}

std::string url_host(const std::string& interface) {
  return interface.find(':') == std::string::npos ? interface : "[" + interface + "]";
}

}  // namespace

int serve(const ServerOptions& options, const Routes& routes, ServeContext& context) {
  // SIGTERM and SIGINT are taken by a thread of ours (below), not by
  // whichever thread the kernel picks: blocked here, before any thread is
  // started, so that every thread inherits the mask. A client gone before
  // its answer is written must not end the process with SIGPIPE.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  sigset_t old_mask;
  pthread_sigmask(SIG_BLOCK, &stop_signals, &old_mask);
  ::signal(SIGPIPE, SIG_IGN);

  const std::size_t threads =
      options.threads ? options.threads : std::max<std::size_t>(8, std::thread::hardware_concurrency());
  httplib::Server server;
  server.new_task_queue = [&] {
    return new ConnectionQueue(threads, std::max(options.max_in_flight, threads), context.metrics.connections);
  };
  const time_t seconds = options.time_limit_ms / 1000;
  const time_t microseconds = (options.time_limit_ms % 1000) * 1000;
  server.set_read_timeout(seconds, microseconds);
  server.set_write_timeout(seconds, microseconds);
  server.set_payload_max_length(options.max_body_bytes);
  // Without it an answer written in two pieces (headers, then body) waits
  // for the client's delayed ACK: 40 ms a request on loopback
  // (bench/load_test.py measured 48 ms against 6 ms in process).
  server.set_tcp_nodelay(true);
  server.set_pre_routing_handler(
      [&options](const httplib::Request& req, httplib::Response& res) { return before_routing(options, req, res); });
  const auto handler = [&](const httplib::Request& req, httplib::Response& res) {
    try {
      dispatch(routes, options, req, res);
    } catch (...) {
      send_exception(res, std::current_exception());
    }
  };
  server.Get(".*", handler);
  server.Post(".*", handler);
  server.Put(".*", handler);
  server.Patch(".*", handler);
  server.Delete(".*", handler);
  server.Options(".*", handler);
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
    send_exception(res, error);
  });
  server.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        fill_empty_error(res);
        return httplib::Server::HandlerResponse::Handled;
      }));
  server.set_logger([&context](const httplib::Request&, const httplib::Response& res) {
    ConnectionState& connection = this_connection();
    if (!connection.started) return;  // refused by httplib before it was routed
    connection.started = false;
    context.metrics.record(connection.endpoint, res.status,
                           std::chrono::duration<double>(std::chrono::steady_clock::now() - connection.started_at).count());
  });

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.interface);
  } else if (!server.bind_to_port(options.interface, port)) {
    port = -1;
  }
  if (port < 0) {
    throw Error("cannot listen on " + url_host(options.interface) + ":" + std::to_string(options.port) + ": " +
                std::strerror(errno));
  }
  std::cout << "listening on http://" << url_host(options.interface) << ":" << port << std::endl;

  std::atomic<bool> listening_ended{false};
  std::thread signal_waiter([&] {
    const timespec tick{0, 100 * 1000 * 1000};
    while (!listening_ended) {
      if (sigtimedwait(&stop_signals, nullptr, &tick) < 0) continue;
      // stop() does nothing before the server runs: wait for it to.
      while (!server.is_running() && !listening_ended) std::this_thread::sleep_for(std::chrono::milliseconds(10));
      server.stop();
      return;
    }
  });
  // Returns once stopped, after the workers answered what they had read.
  server.listen_after_bind();
  listening_ended = true;
  signal_waiter.join();
  pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  std::cerr << "kbsearch serve: stopped\n";
  return 0;
}

}  // namespace kbsearch::serve
