// Fuzz target: front matter + Markdown parsing of an article file's text,
// as the indexer does after the file passed its UTF-8 check.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "kbsearch/error.h"
#include "markdown/article.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (kbsearch::util::find_invalid_utf8(text) != std::string::npos) return 0;  // the reader rejects it
  try {
    const kbsearch::markdown::Article a = kbsearch::markdown::parse_article(text, "fuzz.md", "fuzz");
    FUZZ_CHECK(!a.id.empty());
    FUZZ_CHECK(!a.sections.empty());
    FUZZ_CHECK(!a.lang.empty());
    FUZZ_CHECK(kbsearch::util::find_invalid_utf8(a.title) == std::string::npos);
    for (const auto& s : a.sections) {
      FUZZ_CHECK(kbsearch::util::find_invalid_utf8(s.prose) == std::string::npos);
      FUZZ_CHECK(kbsearch::util::find_invalid_utf8(s.heading) == std::string::npos);
      FUZZ_CHECK(s.level == 0 || !s.anchor.empty());  // every heading can be linked to
    }
  } catch (const kbsearch::InputError& e) {
    FUZZ_CHECK(e.path() == "fuzz.md");  // a clear error naming the file
  }
  return 0;
}
