// What the server answers when a request cannot be answered: every error is
// JSON {"error": {"code", "message"}} with the HTTP status that says whose
// mistake it was (4xx the client's, 503 a state that passes, 500 ours).
#ifndef KBSEARCH_TOOLS_SERVE_HTTP_ERROR_H
#define KBSEARCH_TOOLS_SERVE_HTTP_ERROR_H

#include <httplib.h>

#include <exception>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace kbsearch::serve {

// Thrown by handlers for a request they refuse; becomes its JSON answer.
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, std::string code, const std::string& message)
      : std::runtime_error(message), status_(status), code_(std::move(code)) {}
  int status() const noexcept { return status_; }
  const std::string& code() const noexcept { return code_; }

 private:
  int status_;
  std::string code_;
};

// `value` as the response body, UTF-8 JSON. Text that is not UTF-8 (a
// query quoted back in a message) gets U+FFFD rather than fail the answer.
void send_json(httplib::Response& res, const nlohmann::json& value, int status = 200);

void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message);

// The answer for an exception out of a handler: the library's errors by
// what the client does next (QueryError, LanguageError, InvalidArgumentError
// and InputError 400, IndexLockedError and IndexUnusableError 503), HttpError as thrown,
// anything else 500 (and named on stderr, since it is ours to fix).
void send_exception(httplib::Response& res, std::exception_ptr error);

// A body for an error httplib answered itself (413, 414, a request it could
// not parse), which has none.
void fill_empty_error(httplib::Response& res);

}  // namespace kbsearch::serve

#endif  // KBSEARCH_TOOLS_SERVE_HTTP_ERROR_H
