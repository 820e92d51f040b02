// YAML front matter: the optional block between two `---` lines at the top of
// an article. Parsed with yaml-cpp; every field is optional.
#ifndef KBSEARCH_LIB_MARKDOWN_FRONT_MATTER_H
#define KBSEARCH_LIB_MARKDOWN_FRONT_MATTER_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kbsearch::markdown {

// Tags an article may have: each is a term and a facet value of every
// search that matches it, so a list of thousands is an attack, not a
// taxonomy.
inline constexpr std::size_t kMaxTags = 100;

struct FrontMatter {
  std::optional<std::string> id;
  std::optional<std::string> title;
  std::optional<std::string> lang;     // lowercased primary subtag: "pt-BR" -> "pt"
  std::optional<std::string> updated;  // YYYY-MM-DD
  std::optional<std::string> group;
  std::vector<std::string> tags;
};

struct SplitArticle {
  FrontMatter front_matter;
  std::string_view body;       // the Markdown after the front matter
  std::size_t body_line = 1;   // 1-based line number where the body starts
};

// Splits `text` into front matter and body. Text without a leading `---`
// line has empty front matter. Throws InputError naming `path` (with the
// line) for an unclosed block, invalid YAML, or a field of the wrong shape.
SplitArticle split_front_matter(std::string_view text, const std::string& path);

// Fields given beside the text (Indexer::put), checked and normalized as
// front matter fields are. Throws InputError naming `name`.
FrontMatter checked_fields(const FrontMatter& given, const std::string& name);

}  // namespace kbsearch::markdown

#endif  // KBSEARCH_LIB_MARKDOWN_FRONT_MATTER_H
