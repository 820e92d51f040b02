// The whole public API of kbsearch.
#ifndef KBSEARCH_KBSEARCH_H
#define KBSEARCH_KBSEARCH_H

#include "kbsearch/analyzer.h"
#include "kbsearch/article.h"
#include "kbsearch/error.h"
#include "kbsearch/evaluation.h"
#include "kbsearch/index_report.h"
#include "kbsearch/indexer.h"
#include "kbsearch/options.h"
#include "kbsearch/quality_check.h"
#include "kbsearch/search_request.h"
#include "kbsearch/search_results.h"
#include "kbsearch/searcher.h"
#include "kbsearch/version.h"

#endif  // KBSEARCH_KBSEARCH_H
