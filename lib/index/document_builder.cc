#include "index/document_builder.h"

#include <set>
#include <vector>

#include "index/completions.h"
#include "index/document_data.h"
#include "index/schema.h"
#include "util/ascii_case.h"
#include "util/content_hash.h"
#include "util/utf8.h"

namespace kbsearch::index {
namespace {

// Text is analysed in pieces of at most this many bytes, cut between
// paragraphs where it can be: the tokens of one analyse() call live
// together, about 200 bytes a word, so an 8 MiB section of one-letter words
// took 1 GB. Positions run on from piece to piece, so the terms and
// positions are those of the whole text; sections of real articles are far
// smaller and are one piece.
constexpr std::size_t kPieceBytes = 256 * 1024;

template <typename Add>
void analyze_in_pieces(Analyzer& analyzer, std::string_view text, const Add& add) {
  while (text.size() > kPieceBytes) {
    std::size_t cut = text.rfind("\n\n", kPieceBytes);
    if (cut == std::string_view::npos || cut == 0) cut = text.rfind('\n', kPieceBytes);
    if (cut == std::string_view::npos || cut == 0) cut = text.rfind(' ', kPieceBytes);
    if (cut == std::string_view::npos || cut == 0) cut = util::utf8_prefix(text, kPieceBytes).size();
    add(analyzer.analyze(text.substr(0, cut)));
    text.remove_prefix(cut);
  }
  add(analyzer.analyze(text));
}

// Indexes the tokens' words under `field` (and their stems and folded forms
// under the matching prefixes), each occurrence counting `wdf`, at positions
// from *next_position on, and moves *next_position past them.
void add_field_tokens(Xapian::Document& doc, const std::vector<Token>& tokens, std::string_view field,
                      Xapian::termcount wdf, Xapian::termpos* next_position) {
  if (tokens.empty()) return;
  const std::string f(field);
  const std::string stem_prefix = std::string(prefix::kStem) + f;
  const std::string folded_prefix = std::string(prefix::kFolded) + f;
  const std::string folded_stem_prefix = std::string(prefix::kFoldedStem) + f;
  Xapian::termpos last = *next_position;
  for (const Token& token : tokens) {
    last = *next_position + token.position;
    doc.add_posting(make_term(field, token.term), last, wdf);
    if (!token.stem.empty()) doc.add_term(make_term(stem_prefix, token.stem), wdf);
    if (!token.folded.empty()) doc.add_term(make_term(folded_prefix, token.folded), wdf);
    if (!token.folded_stem.empty()) doc.add_term(make_term(folded_stem_prefix, token.folded_stem), wdf);
  }
  *next_position = last + 1;
}

// Each two consecutive Thai words as one term, so a query's run of Thai
// words (typed without spaces) is matched without reading positions. Thai
// articles put spaces between phrases where a user typing a query does not,
// so the words need only be consecutive, as in a phrase. Compound parts are
// not words of their own here, as in the query.
void add_word_pairs(Xapian::Document& doc, const std::vector<Token>& tokens, Xapian::termcount wdf) {
  const Token* previous = nullptr;
  for (const Token& token : tokens) {
    if (token.part) continue;
    if (previous != nullptr && previous->position + 1 == token.position &&
        util::has_thai(previous->term) && util::has_thai(token.term)) {
      doc.add_term(word_pair_term(previous->term, token.term), wdf);
    }
    previous = &token;
  }
}

// The words a search as you type may complete to (completions.h).
void add_completion_terms(Xapian::Document& doc, const std::vector<Token>& tokens, std::string_view lang) {
  for (const Token& token : tokens) {
    if (token.part || token.stop) continue;
    if (const auto term = completion_term(lang, token.term, token.folded)) doc.add_boolean_term(*term);
  }
}

void add_text_tokens(Xapian::Document& doc, const std::vector<Token>& tokens, Xapian::termcount wdf,
                     Xapian::termpos* next_position, std::string_view lang) {
  add_field_tokens(doc, tokens, prefix::kText, wdf, next_position);
  add_word_pairs(doc, tokens, wdf);
  add_completion_terms(doc, tokens, lang);
}

// After a piece of a field (the title, a heading, a section's prose or
// code) the next starts kSectionGap positions on, so no phrase spans two.
void end_piece(Xapian::termpos* next_position, Xapian::termpos started) {
  if (*next_position != started) *next_position += kSectionGap - 1;
}

void add_text(Xapian::Document& doc, Analyzer& analyzer, std::string_view text, Xapian::termcount wdf,
              Xapian::termpos* next_position) {
  const Xapian::termpos started = *next_position;
  analyze_in_pieces(analyzer, text, [&](const std::vector<Token>& tokens) {
    add_text_tokens(doc, tokens, wdf, next_position, analyzer.language());
  });
  end_piece(next_position, started);
}

}  // namespace

Xapian::Document build_document(const markdown::Article& article, const SourceInfo& source,
                                analysis::AnalyzerCache& analyzers) {
  Analyzer& analyzer = analyzers.get(article.lang);
  Xapian::Document doc;

  // The title, headings and prose are one text field, so a word has one
  // document frequency wherever it occurs; the title and headings weigh
  // more through their words' within-document frequency (BM25F-style). The
  // title is also a field of its own, for title: queries.
  Xapian::termpos title_pos = 1, text_pos = 1, code_pos = 1;
  const std::vector<Token> title = analyzer.analyze(article.title);  // cut to 200 bytes by parse_article
  add_field_tokens(doc, title, prefix::kTitle, 1, &title_pos);
  add_text_tokens(doc, title, kTitleWdf, &text_pos, article.lang);
  end_piece(&text_pos, 1);
  for (const auto& section : article.sections) {
    add_text(doc, analyzer, section.heading, kHeadingWdf, &text_pos);
    add_text(doc, analyzer, section.prose, 1, &text_pos);
    const Xapian::termpos code_started = code_pos;
    analyze_in_pieces(analyzer, section.code, [&](const std::vector<Token>& tokens) {
      add_field_tokens(doc, tokens, prefix::kCode, 1, &code_pos);
    });
    end_piece(&code_pos, code_started);
  }

  doc.add_boolean_term(make_key_term(prefix::kId, article.id));
  doc.add_boolean_term(make_key_term(prefix::kLang, article.lang));
  doc.add_boolean_term(make_key_term(prefix::kGroup, article.group));
  doc.add_boolean_term(translation_term(article.lang, article.group));
  std::set<std::string> tags;
  for (const auto& tag : article.tags) tags.insert(util::ascii_lower(tag));
  std::string tag_value;
  for (const auto& tag : tags) {
    doc.add_boolean_term(make_key_term(prefix::kTag, tag));
    if (!tag_value.empty()) tag_value += kTagSeparator;
    tag_value += tag;
  }
  std::string date;  // YYYYMMDD
  for (char c : article.updated) {
    if (c != '-') date += c;
  }
  if (!date.empty()) doc.add_boolean_term(make_key_term(prefix::kDate, date));
  if (!source.path.empty()) doc.add_boolean_term(make_key_term(prefix::kPath, util::content_hash(source.path)));

  doc.add_value(kSlotLang, article.lang);
  doc.add_value(kSlotUpdated, date);
  doc.add_value(kSlotSource, source_value(source.content_hash, source.config_fingerprint));
  doc.add_value(kSlotId, article.id);
  doc.add_value(kSlotPath, source.path);
  doc.add_value(kSlotGroup, article.group);
  doc.add_value(kSlotTags, tag_value);
  doc.add_value(kSlotFields, encode_article_fields(article, source.path));
  doc.set_data(encode_article_sections(article));
  return doc;
}

}  // namespace kbsearch::index
