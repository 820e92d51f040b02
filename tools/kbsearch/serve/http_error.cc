#include "http_error.h"

#include <iostream>

#include "kbsearch/error.h"

namespace kbsearch::serve {

namespace {

// Seconds a client should wait before retrying a request refused for a
// state that passes: the index lock a nightly run holds, a full server.
constexpr const char* kRetryAfterSeconds = "5";

}  // namespace

void send_json(httplib::Response& res, const nlohmann::json& value, int status) {
  res.status = status;
  res.set_content(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  if (status == 503) res.set_header("Retry-After", kRetryAfterSeconds);
  send_json(res, {{"error", {{"code", code}, {"message", message}}}}, status);
}

void send_exception(httplib::Response& res, std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const HttpError& e) {
    send_error(res, e.status(), e.code(), e.what());
  } catch (const QueryError& e) {
    send_error(res, 400, "invalid_query", e.what());
  } catch (const LanguageError& e) {
    send_error(res, 400, "unknown_language", e.what());
  } catch (const InvalidArgumentError& e) {
    send_error(res, 400, "invalid_argument", e.what());
  } catch (const InputError& e) {
    send_error(res, 400, "invalid_article", e.what());
  } catch (const IndexLockedError& e) {
    send_error(res, 503, "index_locked", e.what());
  } catch (const IndexUnusableError& e) {
    send_error(res, 503, "index_unavailable", e.what());
  } catch (const std::exception& e) {
    std::cerr << "kbsearch serve: internal error: " << e.what() << "\n";
    send_error(res, 500, "internal", "internal error; the server's standard error says which");
  } catch (...) {
    std::cerr << "kbsearch serve: internal error of an unknown type\n";
    send_error(res, 500, "internal", "internal error");
  }
}

void fill_empty_error(httplib::Response& res) {
  switch (res.status) {
    case 400: return send_error(res, 400, "bad_request", "the request is not valid HTTP");
    case 404: return send_error(res, 404, "not_found", "no such path");
    case 413: return send_error(res, 413, "payload_too_large", "the request body is over the server's limit");
    case 414: return send_error(res, 414, "uri_too_long", "the request's URI is over the server's limit");
    default:
      send_error(res, res.status, "http_" + std::to_string(res.status), "the request was refused");
  }
}

}  // namespace kbsearch::serve
