// What the endpoints share: the index, its searchers, the write token and
// the metrics.
#ifndef KBSEARCH_TOOLS_SERVE_SERVE_CONTEXT_H
#define KBSEARCH_TOOLS_SERVE_SERVE_CONTEXT_H

#include <optional>
#include <string>

#include "metrics.h"
#include "searchers.h"

namespace kbsearch::serve {

struct ServeContext {
  explicit ServeContext(const std::string& db_dir) : db(db_dir), searchers(db_dir) {}

  std::string db;
  PerThreadSearchers searchers;
  // Writes (PUT, DELETE /articles/{id}) need this bearer token; without
  // one they are refused.
  std::optional<std::string> write_token;
  Metrics metrics;
};

}  // namespace kbsearch::serve

#endif  // KBSEARCH_TOOLS_SERVE_SERVE_CONTEXT_H
