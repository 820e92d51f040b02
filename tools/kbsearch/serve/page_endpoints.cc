// GET / and the files the search page loads: tools/kbsearch/web, as
// compiled into the binary (web_assets).
#include "routes.h"
#include "web_assets.h"

namespace kbsearch::serve {

void add_page_routes(Routes& routes) {
  for (const WebAsset& asset : web_assets()) {
    routes.push_back({"GET", std::string(asset.path), false, "page",
                      [&asset](const httplib::Request&, httplib::Response& res, const std::string&) {
                        // The page has no inline script and loads nothing from elsewhere, so
                        // this policy costs it nothing and stops a script that got into the
                        // page (a title set as HTML by a modified copy) from running.
                        res.set_header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:");
                        res.set_header("X-Content-Type-Options", "nosniff");
                        // Revalidated on every load, so a new binary's page is never mixed
                        // with an old cached script; the files are small.
                        res.set_header("Cache-Control", "no-cache");
                        res.set_content(asset.body.data(), asset.body.size(), std::string(asset.content_type));
                      }});
  }
}

}  // namespace kbsearch::serve
