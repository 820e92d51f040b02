// The searchable content of a CommonMark body, parsed with cmark.
//
// Headings split the article into sections. Within a section, prose (the
// text people read, link text and inline code included) is kept apart from
// code blocks, because code is matched differently from prose. URLs
// (link targets, autolinks, bare http(s) URLs in text), raw HTML tags and
// the contents of <script> and <style> are not prose and are dropped.
#ifndef KBSEARCH_LIB_MARKDOWN_MARKDOWN_DOCUMENT_H
#define KBSEARCH_LIB_MARKDOWN_MARKDOWN_DOCUMENT_H

#include <string>
#include <string_view>
#include <vector>

namespace kbsearch::markdown {

struct Section {
  std::string heading;  // empty for the text before the first heading
  int level = 0;        // 1-6 for headings, 0 for the leading section
  std::string anchor;   // stable slug of the heading, unique within the article
  std::string prose;    // blocks separated by a blank line, soft breaks as '\n'
  std::string code;     // code blocks
};

struct MarkdownDocument {
  std::vector<Section> sections;  // never empty
  std::string first_heading;      // text of the first heading, if any
  std::string first_line;         // first line of the first paragraph, inline code included
};

// An article has at most this many sections; the headings past it are read
// as paragraphs of the last section, so their words stay searchable while
// the work and memory per heading (an anchor, a stored section, a snippet
// candidate) stay bounded: a hostile article of a million headings ('# a'
// lines, 4 MB) took 4 s and 500 MB to index without it.
inline constexpr std::size_t kMaxSections = 10000;

MarkdownDocument parse_markdown(std::string_view body);

// The GitHub-style anchor of a heading: lowercase (in every script), spaces
// to '-', ASCII punctuation dropped, letters of every script kept.
std::string heading_slug(std::string_view heading);

}  // namespace kbsearch::markdown

#endif  // KBSEARCH_LIB_MARKDOWN_MARKDOWN_DOCUMENT_H
