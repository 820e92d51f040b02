#include "markdown/markdown_document.h"

#include <cmark.h>

#include <cctype>
#include <map>
#include <memory>

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

// Text of an HTML block without its tags, so prose inside HTML still counts.
std::string strip_tags(std::string_view html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    else if (c == '>' && in_tag) { in_tag = false; out += ' '; }
    else if (!in_tag) out += c;
  }
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
        doc_.sections.emplace_back();
        current().level = cmark_node_get_heading_level(node);
        in_heading_ = true;
        break;
      case CMARK_NODE_TEXT:
        if (literal != nullptr && !is_autolink_text(node)) text_target() += literal;
        break;
      case CMARK_NODE_SOFTBREAK:
        text_target() += in_heading_ ? " " : "\n";
        break;
      case CMARK_NODE_LINEBREAK:
        text_target() += in_heading_ ? " " : "\n";
        break;
      case CMARK_NODE_CODE:
        if (literal != nullptr) {
          // Inline code stays in the heading text (it is part of the title a
          // person reads) but in prose it goes to the code field.
          if (in_heading_) current().heading += literal;
          else current().code.append(literal).append("\n");
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
    if (type == CMARK_NODE_HEADING) {
      in_heading_ = false;
      Section& s = current();
      const auto first = s.heading.find_first_not_of(' ');
      s.heading = first == std::string::npos ? "" : s.heading.substr(first);
      trim_trailing(s.heading);
      if (doc_.first_heading.empty()) doc_.first_heading = s.heading;
      s.anchor = unique_anchor(heading_slug(s.heading));
    } else if (is_block_container_end(type)) {
      end_block(current().prose);
    }
  }

  std::string unique_anchor(std::string slug) {
    if (slug.empty()) slug = "section";
    const int seen = anchors_[slug]++;
    return seen == 0 ? slug : slug + "-" + std::to_string(seen);
  }

  MarkdownDocument doc_;
  bool in_heading_ = false;
  std::map<std::string, int> anchors_;
};

}  // namespace

std::string heading_slug(std::string_view heading) {
  std::string slug;
  for (unsigned char c : heading) {
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
