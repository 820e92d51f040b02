#include "search/snippet.h"

#include <algorithm>
#include <bitset>
#include <map>
#include <string_view>

#include "analysis/grapheme_clusters.h"
#include "analysis/token_forms.h"
#include "util/utf8.h"

namespace kbsearch::search {
namespace {

struct Passage {
  const markdown::Section* section = nullptr;
  const std::string* text = nullptr;
  std::vector<Token> tokens;
  std::size_t first = 0, last = 0;  // token range [first, last]
  std::size_t score = 0;
};

bool token_matches(const Token& t, const QueryTerms& q) {
  if (q.terms.count(t.term) != 0 || (!t.stem.empty() && q.stems.count(t.stem) != 0)) return true;
  const std::string& folded = analysis::folded_form(t);
  const std::string& folded_stem = analysis::folded_stem_form(t);
  if (q.folded.count(folded) != 0 || (!folded_stem.empty() && q.folded_stems.count(folded_stem) != 0)) {
    return true;
  }
  for (const std::string& prefix : q.prefixes) {
    if (t.term.compare(0, prefix.size(), prefix) == 0 || folded.compare(0, prefix.size(), prefix) == 0) {
      return true;
    }
  }
  return false;
}

// Tells the tokens that match the query. Most tokens of a passage match
// none of the query's few words: a token none of whose forms is as long as
// a query word's is ruled out before any set is searched.
class QueryMatcher {
 public:
  explicit QueryMatcher(const QueryTerms& q) : q_(q) {
    for (const std::set<std::string>* words : {&q.terms, &q.stems, &q.folded, &q.folded_stems}) {
      for (const std::string& w : *words) lengths_.set(std::min(w.size(), kLongest));
    }
  }

  bool operator()(const Token& t) const {
    const bool possible = !q_.prefixes.empty() || has_length(t.term) || has_length(t.stem) ||
                          has_length(analysis::folded_form(t)) || has_length(analysis::folded_stem_form(t));
    return possible && token_matches(t, q_);
  }

 private:
  static constexpr std::size_t kLongest = 255;  // and longer
  bool has_length(const std::string& s) const { return lengths_.test(std::min(s.size(), kLongest)); }

  const QueryTerms& q_;
  std::bitset<kLongest + 1> lengths_;
};

// Character offsets of each token's start and end, so windows are measured
// in characters: a Thai letter takes three bytes but no more room on screen.
// A word's parts lie inside its bytes, behind the word's end: counted back.
void char_offsets(const Passage& p, std::vector<std::size_t>& starts,
                  std::vector<std::size_t>& ends) {
  const std::string_view text(*p.text);
  std::size_t chars = 0, byte = 0;  // `chars` characters before `byte`
  const auto chars_at = [&](std::size_t to) {
    if (to >= byte) {
      chars += util::utf8_length(text.substr(byte, to - byte));
    } else {
      chars -= util::utf8_length(text.substr(to, byte - to));
    }
    byte = to;
    return chars;
  };
  for (const Token& t : p.tokens) {
    starts.push_back(chars_at(t.start));
    ends.push_back(chars_at(t.end));
  }
}

// For each token, the query word it matches (a small number: words that
// share a stem share it), or kNoMatch; found once per token, however many
// windows then count it.
constexpr int kNoMatch = -1;
std::vector<int> match_keys(const std::vector<Token>& tokens, const QueryMatcher& matches, int* distinct) {
  std::map<std::string_view, int> keys;
  std::vector<int> out;
  out.reserve(tokens.size());
  for (const Token& t : tokens) {
    if (!matches(t)) {
      out.push_back(kNoMatch);
      continue;
    }
    const std::string& key = t.stem.empty() ? t.term : t.stem;
    out.push_back(keys.emplace(key, static_cast<int>(keys.size())).first->second);
  }
  *distinct = static_cast<int>(keys.size());
  return out;
}

// Picks the window of at most max_chars characters with the most distinct
// query words. The window opens a little before its first match, so the
// match is read in context.
void best_window(Passage& p, const QueryMatcher& matches, std::size_t max_chars) {
  const auto& toks = p.tokens;
  std::vector<std::size_t> starts, ends;
  char_offsets(p, starts, ends);
  auto last_fitting = [&](std::size_t first) {
    std::size_t last = first;
    while (last + 1 < toks.size() && ends[last + 1] - starts[first] <= max_chars) ++last;
    return last;
  };

  int distinct_keys = 0;
  const std::vector<int> keys = match_keys(toks, matches, &distinct_keys);
  std::vector<std::size_t> seen_in(distinct_keys, toks.size());  // the window that last counted a key
  std::size_t anchor = 0;
  p.score = 0;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (keys[i] == kNoMatch) continue;
    std::size_t distinct = 0;
    const std::size_t last = last_fitting(i);
    for (std::size_t j = i; j <= last; ++j) {
      if (keys[j] != kNoMatch && seen_in[keys[j]] != i) {
        seen_in[keys[j]] = i;
        ++distinct;
      }
    }
    if (distinct > p.score) {
      p.score = distinct;
      anchor = i;
    }
  }
  p.first = anchor;
  while (p.first > 0 && starts[anchor] - starts[p.first - 1] <= max_chars / 4) --p.first;
  // Open on a whole word, not on one of its parts (mail of e-mail).
  while (p.first > 0 && toks[p.first].part) --p.first;
  p.last = last_fitting(p.first);
}

// Fills in the UTF-16 and code point offsets of the highlights, counted in
// one pass over the text.
void add_utf16_and_code_point_offsets(std::string_view text, std::vector<Highlight>& highlights) {
  std::size_t byte = 0, utf16 = 0, code_points = 0;
  const auto count_to = [&](std::size_t to) {
    const std::string_view run = text.substr(byte, to - byte);
    utf16 += util::utf16_length(run);
    code_points += util::utf8_length(run);
    byte = to;
  };
  for (Highlight& h : highlights) {
    count_to(h.start);
    h.start_utf16 = utf16;
    h.start_code_point = code_points;
    count_to(h.end);
    h.end_utf16 = utf16;
    h.end_code_point = code_points;
  }
}

void append_escaped(std::string_view text, std::string& out) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

}  // namespace

Snippet make_snippet(const index::StoredArticle& article, Analyzer& analyzer,
                     const QueryTerms& query, std::size_t max_chars) {
  const QueryMatcher matches(query);
  Passage best;
  for (const auto& section : article.sections) {
    if (section.prose.empty()) continue;
    Passage p;
    p.section = &section;
    p.text = &section.prose;
    p.tokens = analyzer.analyze(section.prose);
    if (p.tokens.empty()) continue;
    best_window(p, matches, max_chars);
    std::set<std::string> in_heading;
    for (const Token& t : analyzer.analyze(section.heading)) {
      if (matches(t)) in_heading.insert(t.stem.empty() ? t.term : t.stem);
    }
    p.score += in_heading.size();
    if (best.text == nullptr || p.score > best.score) best = std::move(p);
  }
  Snippet snippet;
  if (best.text == nullptr) return snippet;
  snippet.section = best.section;

  const std::string& text = *best.text;
  // Cuts and highlights fall between whole characters as a reader sees
  // them, which a token's offsets need not (grapheme_clusters.h).
  analysis::GraphemeClusters clusters(text);
  const std::size_t begin = clusters.at_or_before(best.tokens[best.first].start);
  // A word ends where the furthest of its tokens ends: a window may stop on
  // a part of a word whose whole token reaches further.
  std::size_t end = 0;
  for (std::size_t i = best.first; i <= best.last; ++i) end = std::max(end, best.tokens[i].end);
  end = clusters.at_or_after(end);
  const std::string lead = begin > 0 ? "… " : "";
  snippet.text = lead + text.substr(begin, end - begin);
  for (std::size_t i = lead.size(); i < snippet.text.size(); ++i) {
    if (snippet.text[i] == '\n') snippet.text[i] = ' ';  // same byte count: offsets hold
  }
  if (end < text.size()) snippet.text += " …";
  for (std::size_t i = best.first; i <= best.last; ++i) {
    const Token& t = best.tokens[i];
    if (!matches(t)) continue;
    const Highlight h{lead.size() + clusters.at_or_before(t.start) - begin,
                      lead.size() + clusters.at_or_after(t.end) - begin};
    // Parts share their word's bytes (a compound, RESET_LINK_EXPIRED), and
    // words written together (Thai ลืม|รหัส|ผ่าน) read as one: one highlight
    // covers them all.
    if (!snippet.highlights.empty() && h.start <= snippet.highlights.back().end) {
      snippet.highlights.back().end = std::max(snippet.highlights.back().end, h.end);
    } else {
      snippet.highlights.push_back(h);
    }
  }
  add_utf16_and_code_point_offsets(snippet.text, snippet.highlights);
  return snippet;
}

std::string snippet_html(std::string_view text, const std::vector<Highlight>& highlights,
                         std::string_view pre, std::string_view post) {
  std::string html;
  html.reserve(text.size() + highlights.size() * (pre.size() + post.size()));
  std::size_t at = 0;
  for (const Highlight& h : highlights) {
    append_escaped(text.substr(at, h.start - at), html);
    html += pre;
    append_escaped(text.substr(h.start, h.end - h.start), html);
    html += post;
    at = h.end;
  }
  append_escaped(text.substr(at), html);
  return html;
}

}  // namespace kbsearch::search
