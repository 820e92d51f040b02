#include "search/query_parser.h"

#include <string_view>
#include <utility>

#include "kbsearch/error.h"
#include "util/ascii_case.h"
#include "util/utf8.h"

// Two stages. A lexer reads tokens left to right, deciding from the
// characters around them what is syntax: '(' and quotes where a word could
// start, '-' before a word, a ')' that ends a word, a known field name. The
// parser keeps one list of items per open parenthesis (an explicit stack,
// so no input can make it recurse) and, when a level closes, decides which
// AND/OR are operators (that needs both neighbours) and builds the tree.
// Errors surface in the order the text is read, so the one reported is the
// leftmost but for a '(' never closed, which only the end reveals.

namespace kbsearch::search {
namespace {

using Kind = QueryNode::Kind;

using util::is_white_space;

// Phone keyboards turn '"' into curly quotes; any one opens or closes.
bool is_quote(char32_t c) { return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E; }

bool is_blank(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const util::CodePoint ch = util::decode_utf8(s, i);
    if (!is_white_space(ch.code)) return false;
    i += ch.size;
  }
  return true;
}

// Every error names where it is, in characters, as the user counts them.
[[noreturn]] void fail(const std::string& query, const std::string& what, std::size_t offset,
                       const std::string& after = "") {
  throw QueryError(query, what + " at character " + std::to_string(character_position(query, offset)) + after);
}

QueryNode leaf(Kind kind, std::string text, std::string field, std::size_t offset) {
  QueryNode node;
  node.kind = kind;
  node.text = std::move(text);
  node.field = std::move(field);
  node.offset = offset;
  return node;
}

struct Token {
  enum class Type {
    kWord,      // start..end: a plain word, merged later with its neighbours
    kOperator,  // start..end: "AND" or "OR", an operator if both neighbours are operands
    kNode,      // node: a phrase, prefix, filter or title: word
    kNot,       // '-' before an operand
    kOpen,      // '('; title: it follows "title:"
    kClose,     // ')'
    kGap,       // something empty ("", a lone opening quote): dropped, but no word spans it
    kEnd,
  };
  Type type = Type::kEnd;
  std::size_t start = 0;  // where its syntax starts (the quote, the field name, '-')
  std::size_t end = 0;
  QueryNode node;
  bool title = false;
};

class Lexer {
 public:
  explicit Lexer(const std::string& query) : q_(query) {}
  Token next();

 private:
  util::CodePoint at(std::size_t i) const { return util::decode_utf8(q_, i); }
  bool ends_word(std::size_t i) const;
  std::size_t word_end(std::size_t i) const;
  bool excludes(std::size_t i) const;
  Token field(std::size_t start, const std::string& name, std::size_t value);
  Token word(std::size_t start, std::size_t end, const std::string& field) const;
  bool closed(std::size_t open) const;
  std::pair<std::size_t, std::size_t> quoted(std::size_t open);
  [[noreturn]] void fail(const std::string& what, std::size_t offset) const {
    search::fail(q_, what, offset);
  }

  const std::string& q_;
  std::size_t pos_ = 0;
};

// Whether a ')' just before byte i can close a group: only at the end of a
// word, so ")x" stays text; '(' and quotes count as an end, so "(a)(b)" and
// "(a)\"b\"" read as written, and so does sentence punctuation, so a pasted
// "(RFQs)." closes.
bool Lexer::ends_word(std::size_t i) const {
  while (i < q_.size() && std::string_view(".,;:!?").find(q_[i]) != std::string_view::npos) ++i;
  if (i >= q_.size()) return true;
  const util::CodePoint ch = at(i);
  return is_white_space(ch.code) || ch.code == ')' || ch.code == '(' || is_quote(ch.code);
}

// The end of the word starting at i: the next space, or a ')' that closes a
// group. A ')' matching a '(' inside the word is text, as in "f(x)".
std::size_t Lexer::word_end(std::size_t i) const {
  std::size_t inner_open = 0;
  while (i < q_.size()) {
    const util::CodePoint ch = at(i);
    if (is_white_space(ch.code)) break;
    if (ch.code == '(') {
      ++inner_open;
    } else if (ch.code == ')') {
      if (inner_open > 0) {
        --inner_open;
      } else if (ends_word(i + 1)) {
        break;
      }
    }
    i += ch.size;
  }
  return i;
}

// Whether a '-' before byte i excludes: only before something that can be
// excluded. "--force" and "- " stay text.
bool Lexer::excludes(std::size_t i) const {
  if (i >= q_.size()) return false;
  const util::CodePoint ch = at(i);
  return !is_white_space(ch.code) && ch.code != ')' && ch.code != '-';
}

// Whether a quote after the one at byte `open` closes it.
bool Lexer::closed(std::size_t open) const {
  for (std::size_t i = open + at(open).size; i < q_.size(); i += at(i).size) {
    if (is_quote(at(i).code)) return true;
  }
  return false;
}

// The content of the quotation opening at byte `open`, up to the next quote
// or, left open, the end of the query. Moves past the closing quote.
std::pair<std::size_t, std::size_t> Lexer::quoted(std::size_t open) {
  const std::size_t begin = open + at(open).size;
  std::size_t i = begin;
  while (i < q_.size()) {
    const util::CodePoint ch = at(i);
    if (is_quote(ch.code)) {
      pos_ = i + ch.size;
      return {begin, i};
    }
    i += ch.size;
  }
  pos_ = q_.size();
  return {begin, i};
}

Token Lexer::word(std::size_t start, std::size_t end, const std::string& field) const {
  Token t;
  t.start = start;
  t.end = end;
  std::size_t stem_end = end;
  while (stem_end > start && q_[stem_end - 1] == '*') --stem_end;
  if (stem_end != end) {
    if (stem_end == start) fail("'*' needs a word before it", start);
    t.type = Token::Type::kNode;
    t.node = leaf(Kind::kPrefix, q_.substr(start, stem_end - start), field, start);
    return t;
  }
  const std::string_view text(q_.data() + start, end - start);
  if (field.empty() && (text == "AND" || text == "OR")) {
    t.type = Token::Type::kOperator;
  } else if (field.empty()) {
    t.type = Token::Type::kWord;
  } else {
    // title: takes one word, so it is a node of its own, never merged.
    t.type = Token::Type::kNode;
    t.node = leaf(Kind::kWords, std::string(text), field, start);
  }
  return t;
}

// A known field whose name starts at `start` and whose value starts at byte
// `value`.
Token Lexer::field(std::size_t start, const std::string& name, std::size_t value) {
  const bool title = name == "title";
  if (value == q_.size()) fail(name + ": needs a value", start);
  const util::CodePoint first = at(value);
  if (is_white_space(first.code) || first.code == ')') fail(name + ": needs a value", start);
  Token t;
  t.start = start;
  if (is_quote(first.code)) {
    const auto [begin, end] = quoted(value);
    if (is_blank(std::string_view(q_).substr(begin, end - begin))) fail(name + ": needs a value", start);
    t.type = Token::Type::kNode;
    t.node = leaf(title ? Kind::kPhrase : Kind::kFilter, q_.substr(begin, end - begin), name, begin);
    return t;
  }
  if (title && first.code == '(') {
    pos_ = value + 1;
    t.type = Token::Type::kOpen;
    t.start = value;
    t.title = true;
    return t;
  }
  // Never empty: the value starts with neither a space nor a ')'.
  pos_ = word_end(value);
  if (title) return word(value, pos_, name);
  t.type = Token::Type::kNode;
  t.node = leaf(Kind::kFilter, q_.substr(value, pos_ - value), name, value);
  return t;
}

Token Lexer::next() {
  while (pos_ < q_.size() && is_white_space(at(pos_).code)) pos_ += at(pos_).size;
  Token t;
  t.start = pos_;
  if (pos_ == q_.size()) return t;
  const util::CodePoint ch = at(pos_);
  if (ch.code == '(') {
    ++pos_;
    t.type = Token::Type::kOpen;
    return t;
  }
  if (is_quote(ch.code) && !closed(pos_)) {
    // A quote left open is a pasted sentence or a stray key far more often
    // than a phrase: it is dropped and the rest read as the query it is.
    pos_ += ch.size;
    t.type = Token::Type::kGap;
    return t;
  }
  if (is_quote(ch.code)) {
    const auto [begin, end] = quoted(pos_);
    const std::string_view content = std::string_view(q_).substr(begin, end - begin);
    if (is_blank(content)) {
      t.type = Token::Type::kGap;
    } else {
      t.type = Token::Type::kNode;
      t.node = leaf(Kind::kPhrase, std::string(content), "", begin);
    }
    return t;
  }
  if (ch.code == '-' && excludes(pos_ + 1)) {
    ++pos_;
    t.type = Token::Type::kNot;
    return t;
  }
  std::size_t name_end = pos_;
  while (name_end < q_.size() && util::is_ascii_letter(q_[name_end])) ++name_end;
  if (name_end > pos_ && name_end < q_.size() && q_[name_end] == ':') {
    const std::string name = util::ascii_lower(std::string_view(q_).substr(pos_, name_end - pos_));
    if (name == "lang" || name == "tag" || name == "group" || name == "title") {
      return field(pos_, name, name_end + 1);
    }
  }
  const std::size_t end = word_end(pos_);
  if (end == pos_) {  // a ')' ending a word or standing alone
    ++pos_;
    t.type = Token::Type::kClose;
    return t;
  }
  pos_ = end;
  return word(t.start, end, "");
}

// What a parenthesis level holds until it closes: tokens, and the nodes of
// the groups inside it.
struct Item {
  Token::Type type;  // kWord, kOperator, kNode, kNot or kGap
  std::size_t start = 0;
  std::size_t end = 0;
  QueryNode node;
  bool negated = false;  // a '-' node: not an operand AND/OR can take on its right
};

struct Level {
  std::vector<Item> items;
  std::size_t open = 0;  // byte offset of its '('
  bool title = false;    // inside title:( ... )
};

bool is_operand(const Item& item) {
  return item.type == Token::Type::kWord || item.type == Token::Type::kNode;
}

QueryNode composite(Kind kind, std::size_t offset) {
  QueryNode node;
  node.kind = kind;
  node.offset = offset;
  return node;
}

QueryNode collapse(QueryNode seq) {
  if (seq.children.size() != 1) return seq;
  QueryNode only = std::move(seq.children.front());
  return only;
}

class LevelBuilder {
 public:
  LevelBuilder(const std::string& query, const std::string& field) : q_(query), field_(field) {}

  // The level's items as kOr of kAnd of kSeq, each only where it joins more
  // than one operand; else the kSeq itself, uncollapsed.
  QueryNode build(std::vector<Item> raw) const;

 private:
  QueryNode words(std::size_t start, std::size_t end) const {
    return leaf(Kind::kWords, q_.substr(start, end - start), field_, start);
  }
  std::vector<Item> attach_exclusions(std::vector<Item> items) const;
  QueryNode seq(std::vector<Item>& items, std::size_t first, std::size_t last) const;

  const std::string& q_;
  const std::string& field_;
};

// Joins each '-' to the operand after it; a '-' before nothing (-"", -())
// is dropped.
std::vector<Item> LevelBuilder::attach_exclusions(std::vector<Item> items) const {
  std::vector<Item> out;
  out.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].type != Token::Type::kNot) {
      out.push_back(std::move(items[i]));
      continue;
    }
    Item item;
    item.type = Token::Type::kGap;
    item.start = items[i].start;
    if (i + 1 < items.size() && items[i + 1].type != Token::Type::kNot) {
      Item& target = items[++i];
      if (target.type != Token::Type::kGap) {
        item.type = Token::Type::kNode;
        item.negated = true;
        item.node = composite(Kind::kNot, item.start);
        // After '-', AND and OR are the word excluded.
        item.node.children.push_back(target.type == Token::Type::kNode ? std::move(target.node)
                                                                       : words(target.start, target.end));
      }
    }
    out.push_back(std::move(item));
  }
  return out;
}

// Items [first, last) side by side; neighbouring words become one kWords
// spanning them, so the analyzer sees the text as typed.
QueryNode LevelBuilder::seq(std::vector<Item>& items, std::size_t first, std::size_t last) const {
  QueryNode node = composite(Kind::kSeq, first < last ? items[first].start : 0);
  for (std::size_t i = first; i < last; ++i) {
    if (items[i].type == Token::Type::kWord) {
      std::size_t run_end = i;
      while (run_end + 1 < last && items[run_end + 1].type == Token::Type::kWord) ++run_end;
      node.children.push_back(words(items[i].start, items[run_end].end));
      i = run_end;
    } else if (items[i].type == Token::Type::kNode) {
      node.children.push_back(std::move(items[i].node));
    }
  }
  return node;
}

QueryNode LevelBuilder::build(std::vector<Item> raw) const {
  std::vector<Item> items = attach_exclusions(std::move(raw));
  // Decided on the items as written, before any is demoted to a word, so
  // that in "a OR OR b" neither OR is an operator.
  std::vector<bool> is_operator(items.size(), false);
  bool any_operator = false;
  for (std::size_t i = 1; i + 1 < items.size(); ++i) {
    is_operator[i] = items[i].type == Token::Type::kOperator && is_operand(items[i - 1]) &&
                     is_operand(items[i + 1]) && !items[i + 1].negated;
    any_operator = any_operator || is_operator[i];
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].type == Token::Type::kOperator && !is_operator[i]) items[i].type = Token::Type::kWord;
  }
  if (!any_operator) return seq(items, 0, items.size());

  QueryNode any = composite(Kind::kOr, items.front().start);
  QueryNode all = composite(Kind::kAnd, items.front().start);
  auto close_and = [&] {
    if (all.children.size() == 1) {
      any.children.push_back(std::move(all.children.front()));
    } else {
      any.children.push_back(std::move(all));
    }
  };
  std::size_t first = 0;
  for (std::size_t i = 0; i <= items.size(); ++i) {
    if (i < items.size() && !is_operator[i]) continue;
    all.children.push_back(collapse(seq(items, first, i)));
    const bool ends_alternative =
        i == items.size() || q_.compare(items[i].start, items[i].end - items[i].start, "OR") == 0;
    if (ends_alternative) {
      close_and();
      all = composite(Kind::kAnd, i + 1 < items.size() ? items[i + 1].start : 0);
    }
    first = i + 1;
  }
  if (any.children.size() == 1) return std::move(any.children.front());
  return any;
}

// A finished group as an item of the level around it.
Item group_item(const std::string& query, Level& level) {
  static const std::string kTitle = "title";
  static const std::string kAnyField;
  QueryNode node = LevelBuilder(query, level.title ? kTitle : kAnyField).build(std::move(level.items));
  Item item;
  item.start = level.open;
  if (node.kind == Kind::kSeq && node.children.empty()) {
    item.type = Token::Type::kGap;
    return item;
  }
  item.type = Token::Type::kNode;
  if (node.kind == Kind::kSeq) node = collapse(std::move(node));
  if (node.kind == Kind::kSeq || node.kind == Kind::kAnd || node.kind == Kind::kOr) node.offset = level.open;
  item.node = std::move(node);
  return item;
}

}  // namespace

QueryNode parse_query(const std::string& query, const ParseLimits& limits) {
  Lexer lexer(query);
  std::vector<Level> levels(1);
  for (;;) {
    Token t = lexer.next();
    switch (t.type) {
      case Token::Type::kEnd: {
        if (levels.size() > 1) fail(query, "'('", levels.back().open, " is never closed");
        QueryNode root = LevelBuilder(query, "").build(std::move(levels.back().items));
        if (root.kind != Kind::kSeq) {
          QueryNode seq = composite(Kind::kSeq, root.offset);
          seq.children.push_back(std::move(root));
          root = std::move(seq);
        }
        root.offset = 0;
        return root;
      }
      case Token::Type::kOpen:
        // Checked before the level exists: a run of '(' costs one level each.
        if (levels.size() > limits.max_depth) {
          fail(query, "parentheses nested more than " + std::to_string(limits.max_depth) + " deep", t.start);
        }
        levels.push_back({{}, t.start, t.title || levels.back().title});
        break;
      case Token::Type::kClose: {
        if (levels.size() == 1) fail(query, "unmatched ')'", t.start);
        Item group = group_item(query, levels.back());
        levels.pop_back();
        levels.back().items.push_back(std::move(group));
        break;
      }
      default: {
        Item item;
        item.type = t.type;
        item.start = t.start;
        item.end = t.end;
        item.node = std::move(t.node);
        const Kind kind = item.node.kind;
        if (t.type == Token::Type::kNode && levels.back().title &&
            (kind == Kind::kWords || kind == Kind::kPhrase || kind == Kind::kPrefix)) {
          item.node.field = "title";
        }
        levels.back().items.push_back(std::move(item));
      }
    }
  }
}

std::size_t character_position(const std::string& query, std::size_t offset) {
  return util::utf8_length(std::string_view(query).substr(0, offset)) + 1;
}

// Iterative: a long flat query has many children (the parser bounds the
// nesting, not the breadth).
bool has_filter(const QueryNode& root, std::string_view field) {
  std::vector<const QueryNode*> pending{&root};
  while (!pending.empty()) {
    const QueryNode* node = pending.back();
    pending.pop_back();
    if (node->kind == QueryNode::Kind::kFilter && node->field == field) return true;
    for (const QueryNode& child : node->children) pending.push_back(&child);
  }
  return false;
}

}  // namespace kbsearch::search
