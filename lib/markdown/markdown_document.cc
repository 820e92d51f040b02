#include "markdown/markdown_document.h"

#include <cmark.h>
#include <unicode/bytestream.h>
#include <unicode/casemap.h>

#include <cctype>
#include <map>
#include <memory>
#include <set>

namespace kbsearch::markdown {
namespace {

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

bool is_block_container_end(cmark_node_type type) {
  switch (type) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_ITEM:
    case CMARK_NODE_BLOCK_QUOTE:
    case CMARK_NODE_LIST:
      return true;
    default:
      return false;
  }
}

// Appends a block separator unless the text already ends a block.
void end_block(std::string& text) {
  if (text.empty()) return;
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
  text += "\n\n";
}

void trim_trailing(std::string& text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
}

bool starts_with_ci(std::string_view s, std::size_t at, std::string_view word) {
  if (s.size() - at < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[at + i])) != word[i]) return false;
  }
  return true;
}

// Text of an HTML block without its tags, so prose inside HTML still counts;
// scripts and style sheets are code for browsers, not prose.
std::string strip_tags(std::string_view html) {
  std::string out;
  std::size_t i = 0;
  while (i < html.size()) {
    if (html[i] != '<') {
      out += html[i++];
      continue;
    }
    for (std::string_view element : {"script", "style"}) {
      if (starts_with_ci(html, i + 1, element)) {
        const std::string close = "</" + std::string(element);
        std::size_t end = i;
        while ((end = html.find('<', end + 1)) != std::string_view::npos &&
               !starts_with_ci(html, end, close)) {
        }
        i = end == std::string_view::npos ? html.size() : end;
        break;
      }
    }
    const std::size_t close = html.find('>', i);
    i = close == std::string_view::npos ? html.size() : close + 1;
    if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
  }
  return out;
}

// Text with bare http(s) URLs cut out: a URL is an address, not words.
std::string without_urls(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t url = std::min(text.find("http://", i), text.find("https://", i));
    if (url == std::string_view::npos) break;
    out.append(text.substr(i, url - i));
    i = text.find_first_of(" \t\n", url);
    if (i == std::string_view::npos) i = text.size();
  }
  out.append(text.substr(std::min(i, text.size())));
  return out;
}

// Autolinks (<https://...>) show their URL as their text: that is a URL,
// not link text a person wrote.
bool is_autolink_text(cmark_node* text_node) {
  cmark_node* parent = cmark_node_parent(text_node);
  if (parent == nullptr || cmark_node_get_type(parent) != CMARK_NODE_LINK) return false;
  const char* url = cmark_node_get_url(parent);
  const char* literal = cmark_node_get_literal(text_node);
  if (url == nullptr || literal == nullptr) return false;
  const std::string_view u(url), l(literal);
  return u == l || u == "mailto:" + std::string(l);
}

class Builder {
 public:
  MarkdownDocument build(cmark_node* root) {
    doc_.sections.emplace_back();
    std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(root));
    for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      if (ev == CMARK_EVENT_ENTER) enter(node);
      else exit(node);
    }
    for (auto& section : doc_.sections) {
      trim_trailing(section.prose);
      trim_trailing(section.code);
    }
    // A leading section with nothing in it is not worth keeping.
    if (doc_.sections.size() > 1 && doc_.sections.front().prose.empty() &&
        doc_.sections.front().code.empty()) {
      doc_.sections.erase(doc_.sections.begin());
    }
    return std::move(doc_);
  }

 private:
  Section& current() { return doc_.sections.back(); }

  std::string& text_target() { return in_heading_ ? current().heading : current().prose; }

  void enter(cmark_node* node) {
    const char* literal = cmark_node_get_literal(node);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING:
        if (doc_.sections.size() >= kMaxSections) break;  // its text reads as prose
        doc_.sections.emplace_back();
        current().level = cmark_node_get_heading_level(node);
        in_heading_ = true;
        break;
      case CMARK_NODE_TEXT:
        if (literal != nullptr && !is_autolink_text(node)) {
          const std::string text = without_urls(literal);
          text_target() += text;
          first_line_text(text);
        }
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        text_target() += in_heading_ ? " " : "\n";
        end_first_line();
        break;
      case CMARK_NODE_CODE:
        if (literal != nullptr) {
          first_line_text(literal);
          // Inline code is part of the sentence a person reads (an error
          // code, a menu path, an address): it stays in the heading or the
          // prose, so snippets read whole and users find it as body text.
          text_target() += literal;
        }
        break;
      case CMARK_NODE_CODE_BLOCK:
        if (literal != nullptr) current().code.append(literal);
        if (!current().code.empty() && current().code.back() != '\n') current().code += '\n';
        break;
      case CMARK_NODE_HTML_BLOCK:
        if (literal != nullptr) {
          current().prose += strip_tags(literal);
          end_block(current().prose);
        }
        break;
      default:
        break;  // inline HTML tags, images' URLs, thematic breaks: not text
    }
  }

  void exit(cmark_node* node) {
    const cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_HEADING && !in_heading_) {
      end_block(current().prose);
    } else if (type == CMARK_NODE_HEADING) {
      in_heading_ = false;
      Section& s = current();
      const auto first = s.heading.find_first_not_of(' ');
      s.heading = first == std::string::npos ? "" : s.heading.substr(first);
      trim_trailing(s.heading);
      if (doc_.first_heading.empty()) doc_.first_heading = s.heading;
      s.anchor = unique_anchor(heading_slug(s.heading));
    } else if (is_block_container_end(type)) {
      end_block(current().prose);
      end_first_line();
    }
  }

  // The first line of the first paragraph, as a person reads it (inline code
  // included): the title of an article without front matter or heading.
  void first_line_text(std::string_view text) {
    if (!in_heading_ && !first_line_done_) doc_.first_line += text;
  }
  void end_first_line() {
    if (in_heading_ || first_line_done_) return;
    const auto first = doc_.first_line.find_first_not_of(" \t");
    const auto last = doc_.first_line.find_last_not_of(" \t");
    doc_.first_line = first == std::string::npos ? "" : doc_.first_line.substr(first, last - first + 1);
    first_line_done_ = !doc_.first_line.empty();
  }

  // GitHub's rule: the n-th repeat of a slug gets "-n", skipping any
  // suffixed form another heading already took.
  std::string unique_anchor(std::string slug) {
    if (slug.empty()) slug = "section";
    std::string anchor = slug;
    for (int& n = repeats_[slug]; used_anchors_.count(anchor) != 0;) {
      anchor = slug + "-" + std::to_string(++n);
    }
    used_anchors_.insert(anchor);
    return anchor;
  }

  MarkdownDocument doc_;
  bool in_heading_ = false;
  bool first_line_done_ = false;
  std::map<std::string, int> repeats_;
  std::set<std::string> used_anchors_;
};

}  // namespace

std::string heading_slug(std::string_view heading) {
  // Lowercase in every script (Återställ -> återställ) with ICU's root rules.
  std::string lower;
  icu::StringByteSink<std::string> sink(&lower);
  UErrorCode status = U_ZERO_ERROR;
  icu::CaseMap::utf8ToLower("", 0, icu::StringPiece(heading.data(), static_cast<int32_t>(heading.size())),
                            sink, nullptr, status);
  if (U_FAILURE(status)) lower.assign(heading);  // input was validated; keep it as is
  std::string slug;
  for (unsigned char c : lower) {
    if (c >= 0x80) slug += static_cast<char>(c);  // letters of other scripts stay
    else if (std::isalnum(c)) slug += static_cast<char>(std::tolower(c));
    else if (c == ' ' || c == '-') slug += '-';
    else if (c == '_') slug += '_';
  }
  return slug;
}

MarkdownDocument parse_markdown(std::string_view body) {
  std::unique_ptr<cmark_node, NodeDeleter> root(
      cmark_parse_document(body.data(), body.size(), CMARK_OPT_DEFAULT));
  return Builder().build(root.get());
}

}  // namespace kbsearch::markdown
