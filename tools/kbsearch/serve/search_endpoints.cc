// GET and POST /search, GET /suggest, GET /analyze: the library's answers
// as the CLI's --json prints them.
#include <nlohmann/json.hpp>

#include "http_error.h"
#include "kbsearch/analyzer.h"
#include "kbsearch/searcher.h"
#include "request_params.h"
#include "results_json.h"
#include "routes.h"
#include "serve_context.h"
#include "tokens_json.h"

namespace kbsearch::serve {

namespace {

// A search body holds a query (4 KiB at most, the library's limit) and a
// few fields; more is not a search.
constexpr std::size_t kMaxSearchBody = 64 * 1024;

// Text to analyse comes in the URL, which httplib caps at 8 KiB; this is
// the limit on the decoded text.
constexpr std::size_t kMaxAnalyzeBytes = 8 * 1024;

// Without lang, the user's language is the browser's (Accept-Language),
// when the index has articles in it.
void fill_language(std::string& lang, const httplib::Request& req, Searcher& searcher) {
  if (!lang.empty() || !req.has_header("Accept-Language")) return;
  lang = accepted_language(req.get_header_value("Accept-Language"), searcher.languages());
}

void answer_search(ServeContext& context, const httplib::Request& req, httplib::Response& res,
                   SearchRequest request) {
  Searcher& searcher = context.searchers.get();
  fill_language(request.lang, req, searcher);
  send_json(res, cli::results_json(searcher.search(request)));
}

}  // namespace

void add_search_routes(Routes& routes, ServeContext& context) {
  routes.push_back({"GET", "/search", false, "search",
                    [&context](const httplib::Request& req, httplib::Response& res, const std::string&) {
                      answer_search(context, req, res, search_request_from_params(req));
                    }});
  routes.push_back({"POST", "/search", false, "search",
                    [&context](const httplib::Request& req, httplib::Response& res, const std::string&) {
                      if (req.body.size() > kMaxSearchBody) {
                        throw HttpError(413, "payload_too_large",
                                        "a search body has at most " + std::to_string(kMaxSearchBody) + " bytes");
                      }
                      answer_search(context, req, res, search_request_from_json(req.body));
                    }});
  routes.push_back({"GET", "/suggest", false, "suggest",
                    [&context](const httplib::Request& req, httplib::Response& res, const std::string&) {
                      check_params(req, {"q", "lang", "limit", "completions", "snippets"});
                      if (!req.has_param("q")) throw HttpError(400, "missing_parameter", "q: the query is required");
                      SuggestRequest request;
                      // As typed: a trailing space says the last word is finished.
                      request.query = req.get_param_value("q");
                      request.lang = text_param(req, "lang");
                      request.limit = count_param(req, "limit", request.limit);
                      request.completions = count_param(req, "completions", request.completions);
                      request.snippets = flag_param(req, "snippets", request.snippets);
                      Searcher& searcher = context.searchers.get();
                      fill_language(request.lang, req, searcher);
                      send_json(res, cli::suggestions_json(searcher.suggest(request)));
                    }});
  routes.push_back({"GET", "/analyze", false, "analyze",
                    [](const httplib::Request& req, httplib::Response& res, const std::string&) {
                      check_params(req, {"lang", "text"});
                      if (!req.has_param("lang")) throw HttpError(400, "missing_parameter", "lang is required");
                      const std::string text = text_param(req, "text");
                      if (text.size() > kMaxAnalyzeBytes) {
                        throw HttpError(400, "text_too_long",
                                        "text has at most " + std::to_string(kMaxAnalyzeBytes) + " bytes");
                      }
                      Analyzer analyzer(req.get_param_value("lang"));
                      send_json(res, {{"lang", analyzer.language()}, {"tokens", cli::tokens_json(analyzer.analyze(text))}});
                    }});
}

}  // namespace kbsearch::serve
