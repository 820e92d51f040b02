// The server's route table: each endpoint is a row (method, path, handler),
// added by the file that implements it, so a new endpoint (the search page's
// static files, say) is one more row, not a change to the dispatcher.
#ifndef KBSEARCH_TOOLS_SERVE_ROUTES_H
#define KBSEARCH_TOOLS_SERVE_ROUTES_H

#include <httplib.h>

#include <functional>
#include <string>
#include <vector>

namespace kbsearch::serve {

struct ServeContext;

// `param` is what the path has after a route's prefix (the {id} of
// /articles/{id}, percent-decoded); empty for exact paths.
using RouteHandler = std::function<void(const httplib::Request&, httplib::Response&, const std::string& param)>;

struct Route {
  std::string method;  // GET (also answers HEAD), POST, PUT or DELETE
  // The path, or with `prefix` its beginning (ending in '/'), followed by a
  // non-empty parameter that may itself hold '/'.
  std::string path;
  bool prefix = false;
  std::string endpoint;  // the route's name in /metrics
  RouteHandler handler;
};

using Routes = std::vector<Route>;

// The routes of `path`, and the parameter it carries (all routes of one
// path share their prefix).
std::vector<const Route*> routes_of(const Routes& routes, const std::string& path, std::string& param);

// Each file of endpoints adds its rows.
void add_search_routes(Routes& routes, ServeContext& context);
void add_article_routes(Routes& routes, ServeContext& context);
void add_status_routes(Routes& routes, ServeContext& context);
// GET / (the search page, tools/kbsearch/web) and its files.
void add_page_routes(Routes& routes);

}  // namespace kbsearch::serve

#endif  // KBSEARCH_TOOLS_SERVE_ROUTES_H
