// GET /health and GET /metrics: for load balancers and monitoring.
#include <nlohmann/json.hpp>

#include "http_error.h"
#include "routes.h"
#include "serve_context.h"

namespace kbsearch::serve {

void add_status_routes(Routes& routes, ServeContext& context) {
  routes.push_back({"GET", "/health", false, "health",
                    [&context](const httplib::Request&, httplib::Response& res, const std::string&) {
                      const IndexStats stats = context.searchers.get().stats();
                      send_json(res, {{"status", "ok"},
                                      {"generation", stats.generation},
                                      {"articles", stats.articles},
                                      {"languages", stats.languages}});
                    }});
  routes.push_back({"GET", "/metrics", false, "metrics",
                    [&context](const httplib::Request&, httplib::Response& res, const std::string&) {
                      res.set_content(context.metrics.prometheus(context.searchers.get().stats()),
                                      "text/plain; version=0.0.4; charset=utf-8");
                    }});
}

}  // namespace kbsearch::serve
