// Fuzz target: snippet generation from any article text and any query
// words (split at the first NUL byte), in any language.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "kbsearch/analyzer.h"
#include "search/snippet.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static constexpr std::array<const char*, 5> kLangs = {"th", "sv", "tr", "sw", "pt"};
  if (size < 2) return 0;
  const std::string lang = kLangs[data[0] % kLangs.size()];
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const auto split = rest.find('\0');
  const std::string prose = rest.substr(0, split);
  const std::string query = split == std::string::npos ? "" : rest.substr(split + 1);
  if (kbsearch::util::find_invalid_utf8(prose) != std::string::npos) return 0;  // stored text is valid

  kbsearch::Analyzer analyzer(lang);
  kbsearch::search::QueryTerms terms;
  for (const auto& t : analyzer.analyze(query)) {
    terms.terms.insert(t.term);
    if (!t.stem.empty()) terms.stems.insert(t.stem);
  }
  kbsearch::index::StoredArticle article;
  article.lang = lang;
  article.sections.push_back({"", 0, "section", prose, ""});
  const kbsearch::search::Snippet snippet =
      kbsearch::search::make_snippet(article, analyzer, terms, 1 + data[0] % 200);
  FUZZ_CHECK(kbsearch::util::find_invalid_utf8(snippet.text) == std::string::npos);
  std::size_t previous_end = 0;
  for (const auto& h : snippet.highlights) {
    FUZZ_CHECK(h.start < h.end && h.end <= snippet.text.size() && h.start >= previous_end);
    previous_end = h.end;
    // The other units count the same text as the bytes.
    const std::string_view text(snippet.text);
    FUZZ_CHECK(h.start_utf16 == kbsearch::util::utf16_length(text.substr(0, h.start)));
    FUZZ_CHECK(h.end_utf16 == kbsearch::util::utf16_length(text.substr(0, h.end)));
    FUZZ_CHECK(h.start_code_point == kbsearch::util::utf8_length(text.substr(0, h.start)));
    FUZZ_CHECK(h.end_code_point == kbsearch::util::utf8_length(text.substr(0, h.end)));
  }
  // Escaped: the only < and > left are the marks, one pair per highlight.
  const std::string html = kbsearch::search::snippet_html(snippet.text, snippet.highlights, "<", ">");
  FUZZ_CHECK(html.find_first_of("\"'") == std::string::npos);
  FUZZ_CHECK(static_cast<std::size_t>(std::count(html.begin(), html.end(), '<')) == snippet.highlights.size());
  FUZZ_CHECK(static_cast<std::size_t>(std::count(html.begin(), html.end(), '>')) == snippet.highlights.size());
  return 0;
}
