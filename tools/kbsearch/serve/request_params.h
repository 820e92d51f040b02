// Requests as the library's request structs: the query string of GET
// /search, the JSON body of POST /search, and the user's language from
// Accept-Language. A value that cannot be read throws HttpError 400 naming
// the parameter; what the library judges (the query, its language, the
// limits) is left to it.
#ifndef KBSEARCH_TOOLS_SERVE_REQUEST_PARAMS_H
#define KBSEARCH_TOOLS_SERVE_REQUEST_PARAMS_H

#include <httplib.h>

#include <cstddef>
#include <initializer_list>
#include <string>
#include <vector>

#include "kbsearch/search_request.h"

namespace kbsearch::serve {

// Refuses a query string with a parameter outside `known`, or with one of
// them repeated unless it is in `repeatable` (a misspelt parameter would
// otherwise be ignored in silence).
void check_params(const httplib::Request& req, std::initializer_list<const char*> known,
                  std::initializer_list<const char*> repeatable = {});

// Parameter `name`, or `fallback` when absent.
std::string text_param(const httplib::Request& req, const char* name, const std::string& fallback = {});
std::size_t count_param(const httplib::Request& req, const char* name, std::size_t fallback);
bool flag_param(const httplib::Request& req, const char* name, bool fallback);

// GET /search?q=&lang=&limit=&offset=&tag=...&sort=&all_translations=&facets=&snippets=
//             &snippet_chars=&mark_pre=&mark_post=&recency_bonus=&recency_days=
SearchRequest search_request_from_params(const httplib::Request& req);

// POST /search: {"query", "lang", "limit", "offset", "tags": [...], "sort",
// "all_translations", "facets", "snippets", "snippet_chars", "mark_pre",
// "mark_post", "recency_bonus", "recency_days"}.
SearchRequest search_request_from_json(const std::string& body);

// The query with a tag:"…" filter for each tag (the query language's
// filter: several are alternatives).
std::string with_tag_filters(std::string query, const std::vector<std::string>& tags);

// The first language of an Accept-Language header (by q-value, then order)
// whose primary subtag, lower-cased, is one of `languages`; empty if none.
std::string accepted_language(const std::string& header, const std::vector<std::string>& languages);

}  // namespace kbsearch::serve

#endif  // KBSEARCH_TOOLS_SERVE_REQUEST_PARAMS_H
