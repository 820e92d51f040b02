// The search page that `kbsearch serve` answers at / and its static files,
// compiled into the binary from tools/kbsearch/web/ by
// cmake/embed_web_assets.cmake.
#ifndef KBSEARCH_TOOLS_SERVE_WEB_ASSETS_H
#define KBSEARCH_TOOLS_SERVE_WEB_ASSETS_H

#include <string_view>

namespace kbsearch::cli {

struct WebAsset {
  std::string_view content_type;  // with its charset, for the Content-Type header
  std::string_view body;
};

// The asset at URL path `path` ("/" is the page, "/app.js", "/style.css"), or
// nullptr when there is none. The query string is not part of `path`.
const WebAsset* find_web_asset(std::string_view path);

}  // namespace kbsearch::cli

#endif  // KBSEARCH_TOOLS_SERVE_WEB_ASSETS_H
