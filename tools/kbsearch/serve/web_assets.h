// The search page that `kbsearch serve` answers at / and the files it
// loads, compiled into the binary from tools/kbsearch/web/ by
// cmake/embed_web_assets.cmake, so the server needs no files beside it.
#ifndef KBSEARCH_TOOLS_SERVE_WEB_ASSETS_H
#define KBSEARCH_TOOLS_SERVE_WEB_ASSETS_H

#include <string_view>
#include <vector>

namespace kbsearch::serve {

struct WebAsset {
  std::string_view path;          // the URL path: "/" for index.html, else "/" + file name
  std::string_view content_type;  // with its charset, for the Content-Type header
  std::string_view body;
};

// Every file of the page, index.html first.
const std::vector<WebAsset>& web_assets();

}  // namespace kbsearch::serve

#endif  // KBSEARCH_TOOLS_SERVE_WEB_ASSETS_H
