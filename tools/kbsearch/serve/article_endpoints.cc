// GET, PUT and DELETE /articles/{id}: stored articles, and the documents
// API for servers started with --write-token.
#include <nlohmann/json.hpp>

#include "http_error.h"
#include "kbsearch/indexer.h"
#include "kbsearch/searcher.h"
#include "routes.h"
#include "serve_context.h"

namespace kbsearch::serve {

namespace {

// How long a write waits for the index lock (a nightly run holds it for
// minutes) before answering 503: well inside the 60 s a reverse proxy
// waits by default, and long enough for another write of this server.
constexpr double kWriteLockWaitSeconds = 10;

nlohmann::json article_json(const StoredArticle& a) {
  nlohmann::json sections = nlohmann::json::array();
  for (const StoredSection& s : a.sections) {
    sections.push_back(
        {{"heading", s.heading}, {"level", s.level}, {"anchor", s.anchor}, {"text", s.text}, {"code", s.code}});
  }
  return {{"id", a.id},         {"title", a.title},   {"lang", a.lang},
          {"updated", a.updated}, {"group", a.group}, {"tags", a.tags},
          {"path", a.path},     {"markdown", a.markdown}, {"sections", sections}};
}

// Compares without stopping at the first difference, so the time taken
// does not tell how much of a guessed token was right (its length it may).
bool same_token(const std::string& given, const std::string& token) {
  if (token.empty() || given.size() != token.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < given.size(); ++i) diff |= static_cast<unsigned char>(given[i] ^ token[i]);
  return diff == 0;
}

void check_writer(const ServeContext& context, const httplib::Request& req) {
  if (!context.write_token) {
    throw HttpError(403, "writes_disabled", "this server does not accept writes (start it with --write-token FILE)");
  }
  const std::string header = req.get_header_value("Authorization");
  const std::string scheme = "Bearer ";
  if (header.compare(0, scheme.size(), scheme) != 0 || !same_token(header.substr(scheme.size()), *context.write_token)) {
    throw HttpError(401, "unauthorized", "writes need the header 'Authorization: Bearer <token>' with the server's token");
  }
}

IndexOptions write_options() {
  IndexOptions options;
  options.wait_seconds = kWriteLockWaitSeconds;
  return options;
}

nlohmann::json report_json(const std::string& id, const IndexReport& report) {
  return {{"id", id},
          {"added", report.added},
          {"updated", report.updated},
          {"deleted", report.deleted},
          {"unchanged", report.unchanged},
          {"generation", report.generation}};
}

}  // namespace

void add_article_routes(Routes& routes, ServeContext& context) {
  routes.push_back({"GET", "/articles/", true, "articles_get",
                    [&context](const httplib::Request&, httplib::Response& res, const std::string& id) {
                      const std::optional<StoredArticle> article = context.searchers.get().get(id);
                      if (!article) throw HttpError(404, "not_found", "no article '" + id + "'");
                      send_json(res, article_json(*article));
                    }});
  routes.push_back({"PUT", "/articles/", true, "articles_put",
                    [&context](const httplib::Request& req, httplib::Response& res, const std::string& id) {
                      check_writer(context, req);
                      Indexer indexer(context.db, write_options());
                      indexer.put(id, req.body);
                      const IndexReport report = indexer.commit();
                      send_json(res, report_json(id, report), report.added ? 201 : 200);
                    }});
  routes.push_back({"DELETE", "/articles/", true, "articles_delete",
                    [&context](const httplib::Request& req, httplib::Response& res, const std::string& id) {
                      check_writer(context, req);
                      Indexer indexer(context.db, write_options());
                      if (!indexer.remove(id)) throw HttpError(404, "not_found", "no article '" + id + "'");
                      send_json(res, report_json(id, indexer.commit()));
                    }});
}

}  // namespace kbsearch::serve
