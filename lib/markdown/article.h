// An article as kbsearch indexes it: front matter fields, inferred where
// missing, and the sections of its Markdown body.
#ifndef KBSEARCH_LIB_MARKDOWN_ARTICLE_H
#define KBSEARCH_LIB_MARKDOWN_ARTICLE_H

#include <string>
#include <string_view>
#include <vector>

#include "markdown/front_matter.h"
#include "markdown/markdown_document.h"

namespace kbsearch::markdown {

struct Article {
  std::string id;
  std::string title;
  std::string lang;             // ISO 639-1 code, or "und" when it could not be told
  bool lang_identified = false; // true when lang came from identification, not front matter
  std::string updated;          // YYYY-MM-DD or empty
  std::string group;            // translation group; defaults to the id
  std::vector<std::string> tags;
  std::vector<Section> sections;
};

// Builds an article from the text of a file. Bidirectional controls are
// removed from the text (util::remove_bidi_controls) and the id is kept in
// NFC (analysis::to_nfc). `path` is used in error
// messages; `default_id` is the id when the front matter has none (the path
// relative to the indexed root, without extension). Missing fields are
// inferred: the title from the first heading or else the first non-empty
// line, the language by identification. A trailing empty "publication date"
// label (as customer exports have) is dropped, and a filled one sets
// `updated` when the front matter does not. Fields set in `given` (checked
// by checked_fields) take the place of the front matter's; a front matter id
// other than a given one is an error.
Article parse_article(std::string_view text, const std::string& path,
                      const std::string& default_id, const FrontMatter& given = {});

}  // namespace kbsearch::markdown

#endif  // KBSEARCH_LIB_MARKDOWN_ARTICLE_H
