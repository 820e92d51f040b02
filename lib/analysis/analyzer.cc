#include "kbsearch/analyzer.h"

#include <memory>
#include <unordered_set>

#include "analysis/accent_folder.h"
#include "analysis/apostrophe_splitter.h"
#include "analysis/case_folder.h"
#include "analysis/decompounder.h"
#include "analysis/language_tag.h"
#include "analysis/offset_map.h"
#include "analysis/recipe.h"
#include "analysis/stemmer.h"
#include "analysis/swedish_definite.h"
#include "analysis/stopwords.h"
#include "analysis/text_normalizer.h"
#include "analysis/token_joiner.h"
#include "analysis/word_merger.h"
#include "analysis/word_segmenter.h"
#include "kbsearch/error.h"
#include "util/flat_string_map.h"
#include "util/utf8.h"

namespace kbsearch {
namespace {

// Parts share the position of the word they belong to; every other token
// takes the next position.
void number_positions(std::vector<Token>& tokens) {
  unsigned next = 0;
  for (Token& t : tokens) {
    if (t.part && next > 0) t.position = next - 1;
    else t.position = next++;
  }
}

}  // namespace

// Hidden: a class nested in an exported class is exported with it.
struct [[gnu::visibility("hidden")]] Analyzer::Rep {
  Rep(analysis::Recipe r, const AnalyzerOptions& options)
      : recipe(std::move(r)),
        folder(recipe.casing_locale),
        merger(folded_words(options.keep_whole)),
        stops(analysis::stopwords(recipe.lang)),
        stemmer(recipe.snowball ? recipe.lang : "", recipe.stem_passes),
        folded_stemmer(recipe.snowball ? recipe.lang : "", recipe.folded_stem_passes),
        accents(recipe.keep_letters) {
    if (recipe.split_compounds) decompounder = std::make_unique<analysis::Decompounder>();
    // Of the split stage, only the keep-whole merge looks past the token
    // before. Without it, each token can be finished as it is built: its
    // Turkish suffix joined to the word before, its term cut to its base,
    // its compound parts after it (no token moves to make room) and its
    // forms with it.
    one_pass = merger.empty();
  }

  std::unordered_set<std::string> folded_words(const std::vector<std::string>& words) {
    std::unordered_set<std::string> out;
    std::string folded;
    for (const auto& w : words) {
      folder.fold(w, folded);
      if (!folded.empty()) out.insert(folded);
    }
    return out;
  }

  // What the stop, stem and fold stages make of one term. They depend on
  // the term alone, and terms repeat, so they are computed once per term.
  struct WordForms {
    bool stop = false;
    std::string stem, folded, folded_stem;
  };
  // What the case stage makes of one word as segmented, and the forms of
  // that term: a repeated word costs one lookup for case, stop, stem and
  // fold together, and is never case-folded again.
  struct Word {
    std::string term;
    WordForms forms;
  };
  // The Word the case stage gave the token starting at `start`.
  struct CasedToken {
    std::size_t start;
    const Word* word;
  };
  enum Stage { kStop = 1, kStem = 2, kFold = 4 };
  // How far build_tokens takes the tokens: through the segment, join or
  // case stage, or (where one_pass allows) through all of them.
  enum class Through { kSegment, kJoin, kCase, kAll };

  class TokenBuilder;

  std::vector<Token> run(std::string_view text, std::vector<AnalysisStage>* explain);
  void segment(std::string_view normalized);
  void build_tokens(std::string_view text, Through through, std::vector<Token>& tokens);
  void split(std::string_view text, std::vector<Token>& tokens);
  const Word& word(std::string_view segmented);
  const WordForms& forms(std::string_view term);
  WordForms compute_forms(const std::string& term);
  void apply_forms(std::vector<Token>& tokens, int stages);
  static void copy_forms(const WordForms& f, int stages, Token& t);

  analysis::Recipe recipe;
  analysis::TextNormalizer normalizer;
  analysis::WordSegmenter segmenter;
  analysis::CaseFolder folder;
  analysis::WordMerger merger;
  const std::unordered_set<std::string>& stops;
  std::unique_ptr<analysis::Decompounder> decompounder;
  bool one_pass = false;  // see the constructor
  analysis::Stemmer stemmer;
  analysis::Stemmer folded_stemmer;
  analysis::AccentFolder accents;
  // Buffers reused from call to call.
  analysis::OffsetMap offsets;
  std::vector<analysis::Segment> segments;
  std::vector<analysis::SegmentedWord> words;  // the segments, with offsets in the input
  std::string cleaned, scratch, join_scratch;
  std::vector<analysis::Insertion> insertions;
  std::vector<CasedToken> cased;  // in token order, as the case stage left them
  // Bounded caches, cleared when full. words_cache is cleared only between
  // calls, so that the Word pointers in `cased` stay valid during one. An
  // indexer holds one Analyzer per language and thread: at 65,536 words the
  // caches were half of an indexing run's heap after 100,000 articles, and
  // no faster on real text than at 16,384 (bench/RESULTS.md, 2026-12-02).
  static constexpr std::size_t kCacheLimit = 1 << 14;
  util::FlatStringMap<Word> words_cache;        // by the segmented word
  util::FlatStringMap<WordForms> forms_cache;  // by term, for terms split made
};

void Analyzer::Rep::segment(std::string_view normalized) {
  segmenter.segment(normalized, segments);
  words.clear();
  for (const auto& seg : segments) {
    words.push_back({offsets.start(seg.start), offsets.end(seg.end),
                     normalized.substr(seg.start, seg.end - seg.start)});
  }
}

// Makes the Tokens of the words the segment and join stages found, in
// order, each built once in its place. With the case stage, each takes its
// term from its Word (one lookup), and the Word is noted in `cased` for the
// stages after; through kAll, a word's compound parts follow it and every
// token takes its forms as it is made.
class Analyzer::Rep::TokenBuilder final : public analysis::TokenSink {
 public:
  TokenBuilder(Rep& rep, std::string_view text, Through through, std::vector<Token>& tokens)
      : rep_(rep), text_(text), through_(through), tokens_(tokens) {}

  void add(std::size_t start, std::size_t end, std::string_view term, bool part) override {
    if (through_ < Through::kCase) {
      make(start, end, term, part);
      return;
    }
    const Word& w = rep_.word(term);
    if (through_ == Through::kCase) rep_.cased.push_back({start, &w});
    // A "word" of ignorable characters only (a lone soft hyphen) is no word.
    if (w.term.empty()) return;
    if (through_ == Through::kCase) {
      make(start, end, w.term, part);
      return;
    }
    finish(start, end, w, part);
  }

 private:
  // The split stage and the forms, for one token (see one_pass).
  void finish(std::size_t start, std::size_t end, const Word& w, bool part) {
    std::string_view term = w.term;
    const WordForms* forms = &w.forms;
    if (rep_.recipe.strip_apostrophe_suffix) {
      if (!took_suffix_ && !part && !tokens_.empty() && !tokens_.back().part &&
          analysis::apostrophe_between(text_, tokens_.back().end, start)) {
        Token& base = tokens_.back();
        base.end = end;
        base.text.assign(text_.substr(base.start, base.end - base.start));
        took_suffix_ = true;
        return;
      }
      took_suffix_ = false;
      term = analysis::base_term(term);
      if (term.size() != w.term.size()) forms = &rep_.forms(term);
    }
    copy_forms(*forms, kStop | kStem | kFold, make(start, end, term, part));
    if (rep_.decompounder && !part) {
      for (const std::string& p : rep_.decompounder->part_terms(term)) {
        copy_forms(rep_.forms(p), kStop | kStem | kFold, make(start, end, p, true));
      }
    }
  }

  // The new token is valid until the next one is made.
  Token& make(std::size_t start, std::size_t end, std::string_view term, bool part) {
    Token& t = tokens_.emplace_back();
    t.start = start;
    t.end = end;
    t.text.assign(text_.substr(start, end - start));
    t.term.assign(term);
    t.part = part;
    return t;
  }

  Rep& rep_;
  std::string_view text_;
  Through through_;
  std::vector<Token>& tokens_;
  bool took_suffix_ = false;  // the last token took a Turkish suffix
};

void Analyzer::Rep::build_tokens(std::string_view text, Through through,
                                 std::vector<Token>& tokens) {
  // Room for the parts later stages insert, so they rarely reallocate.
  tokens.reserve(words.size() + words.size() / 4 + 4);
  cased.clear();
  TokenBuilder builder(*this, text, through, tokens);
  if (through == Through::kSegment) {
    for (const auto& w : words) builder.add(w.start, w.end, w.term, false);
  } else {
    analysis::join_hyphenated(text, words, join_scratch, builder);
  }
}

void Analyzer::Rep::split(std::string_view text, std::vector<Token>& tokens) {
  if (recipe.strip_apostrophe_suffix) analysis::strip_apostrophe_suffixes(text, tokens);
  merger.merge(text, tokens);
  if (decompounder) decompounder->add_parts(tokens, insertions);
}

Analyzer::Rep::WordForms Analyzer::Rep::compute_forms(const std::string& term) {
  WordForms f;
  f.stop = stops.count(term) != 0;
  // A Swedish definite form is stemmed, folded or not, as its word.
  const std::string base = recipe.swedish_definite ? analysis::swedish_indefinite(term) : std::string();
  const std::string& word = base.empty() ? term : base;
  if (stemmer.enabled()) f.stem = stemmer.stem(word);
  if (!recipe.fold_accents) return f;
  accents.fold(term, scratch);
  if (scratch != term) f.folded = scratch;
  if (!folded_stemmer.enabled()) return f;
  // Stem the folded word, then fold the stem (the stemmer may put an accent
  // back: kullanici -> kullaniç), so that both spellings meet.
  if (!base.empty()) accents.fold(base, scratch);
  const std::string folded_word = !base.empty() ? scratch : f.folded.empty() ? term : f.folded;
  accents.fold(folded_stemmer.stem(folded_word), scratch);
  if (!scratch.empty() && scratch != f.stem) f.folded_stem = scratch;
  return f;
}

const Analyzer::Rep::Word& Analyzer::Rep::word(std::string_view segmented) {
  if (const Word* known = words_cache.find(segmented)) return *known;
  Word w;
  if (folder.is_folded(segmented)) w.term = segmented;
  else folder.fold(segmented, w.term);
  if (!w.term.empty()) w.forms = compute_forms(w.term);
  return words_cache.insert(segmented, std::move(w));
}

const Analyzer::Rep::WordForms& Analyzer::Rep::forms(std::string_view term) {
  if (const WordForms* known = forms_cache.find(term)) return *known;
  if (forms_cache.size() >= kCacheLimit) forms_cache.clear();
  return forms_cache.insert(term, compute_forms(std::string(term)));
}

void Analyzer::Rep::apply_forms(std::vector<Token>& tokens, int stages) {
  // Split keeps tokens in order and leaves most terms as the case stage
  // made them: such a token takes the forms of its case-stage Word. Only
  // the terms split changed or added (Turkish base words, compound parts)
  // are looked up again.
  auto next_cased = cased.cbegin();
  for (Token& t : tokens) {
    while (next_cased != cased.cend() && next_cased->start < t.start) ++next_cased;
    const bool unchanged = next_cased != cased.cend() && next_cased->start == t.start &&
                           next_cased->word->term == t.term;
    copy_forms(unchanged ? (next_cased++)->word->forms : forms(t.term), stages, t);
  }
}

void Analyzer::Rep::copy_forms(const WordForms& f, int stages, Token& t) {
  // Tokens come here without forms: copy only those there are.
  if (stages & kStop) t.stop = f.stop;
  if ((stages & kStem) && !f.stem.empty()) t.stem = f.stem;
  if (stages & kFold) {
    if (!f.folded.empty()) t.folded = f.folded;
    if (!f.folded_stem.empty()) t.folded_stem = f.folded_stem;
  }
}

std::vector<Token> Analyzer::Rep::run(std::string_view text, std::vector<AnalysisStage>* explain) {
  std::vector<Token> tokens;
  auto snapshot = [&](const char* name) {
    if (explain == nullptr) return;
    number_positions(tokens);
    explain->push_back({name, {}, tokens});
  };

  // Invalid bytes become spaces, one for one, so offsets stay those of the
  // caller's text and ICU only ever sees well-formed UTF-8.
  if (util::find_invalid_utf8(text) != std::string_view::npos) {
    cleaned.assign(text);
    for (std::size_t bad; (bad = util::find_invalid_utf8(cleaned)) != std::string::npos;) {
      cleaned[bad] = ' ';
    }
    text = cleaned;
  }
  const std::string_view normalized = normalizer.normalize(text, offsets);
  if (explain != nullptr) explain->push_back({"normalize", std::string(normalized), {}});
  if (words_cache.size() >= kCacheLimit) words_cache.clear();  // between calls only
  segment(normalized);
  if (explain != nullptr) {
    // The analysis builds tokens once, through several stages together; to
    // show each stage, build them as each stage leaves them.
    build_tokens(text, Through::kSegment, tokens);
    snapshot("segment");
    tokens.clear();
    build_tokens(text, Through::kJoin, tokens);
    snapshot("join");
    tokens.clear();
  }
  if (one_pass && explain == nullptr) {
    build_tokens(text, Through::kAll, tokens);
  } else {
    build_tokens(text, Through::kCase, tokens);
    snapshot("case");
    split(text, tokens);
    snapshot("split");
    if (explain == nullptr) {
      apply_forms(tokens, kStop | kStem | kFold);  // one lookup a token
    } else {
      apply_forms(tokens, kStop);
      snapshot("stop");
      apply_forms(tokens, kStem);
      snapshot("stem");
      apply_forms(tokens, kFold);
    }
  }
  number_positions(tokens);
  snapshot("fold");
  return tokens;
}

Analyzer::Analyzer(const std::string& lang, const AnalyzerOptions& options) {
  const std::optional<std::string> language = analysis::language_of_tag(lang);
  if (!language) throw LanguageError("unknown language code '" + lang + "': " + analysis::kLanguageTagAdvice);
  rep_ = std::make_unique<Rep>(analysis::recipe_for(*language), options);
}

Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

const std::string& Analyzer::language() const { return rep_->recipe.lang; }

const std::vector<std::string>& Analyzer::tuned_languages() {
  static const std::vector<std::string> langs = {"pt", "sv", "sw", "th", "tr"};
  return langs;
}

std::vector<Token> Analyzer::analyze(std::string_view text) { return rep_->run(text, nullptr); }

std::vector<AnalysisStage> Analyzer::explain(std::string_view text) {
  std::vector<AnalysisStage> stages;
  rep_->run(text, &stages);
  return stages;
}

}  // namespace kbsearch
