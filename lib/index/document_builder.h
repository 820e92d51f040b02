// Turns an Article into the Xapian document the schema describes.
#ifndef KBSEARCH_LIB_INDEX_DOCUMENT_BUILDER_H
#define KBSEARCH_LIB_INDEX_DOCUMENT_BUILDER_H

#include <xapian.h>

#include <string>

#include "analysis/analyzer_cache.h"
#include "markdown/article.h"

namespace kbsearch::index {

struct SourceInfo {
  std::string path;          // absolute path of the file; empty for a put article
  std::string content_hash;  // util::content_hash of the file's bytes (or put article's)
  std::string config_fingerprint;  // of the analysis configuration
};

Xapian::Document build_document(const markdown::Article& article, const SourceInfo& source,
                                analysis::AnalyzerCache& analyzers);

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_DOCUMENT_BUILDER_H
