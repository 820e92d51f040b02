#include "kbsearch/analyzer.h"

#include "analysis/case_folder.h"
#include "analysis/offset_map.h"
#include "analysis/recipe.h"
#include "analysis/stemmer.h"
#include "analysis/text_normalizer.h"
#include "analysis/word_segmenter.h"
#include "kbsearch/error.h"
#include "util/utf8.h"

namespace kbsearch {

struct Analyzer::Rep {
  explicit Rep(analysis::Recipe r)
      : recipe(std::move(r)), folder(recipe.casing_locale), stemmer(recipe.lang) {
    if (!recipe.snowball) stemmer = analysis::Stemmer("");
  }

  analysis::Recipe recipe;
  analysis::TextNormalizer normalizer;
  analysis::WordSegmenter segmenter;
  analysis::CaseFolder folder;
  analysis::Stemmer stemmer;
  // Buffers reused from call to call.
  analysis::OffsetMap offsets;
  std::vector<analysis::Segment> segments;
  std::string cleaned;
};

Analyzer::Analyzer(const std::string& lang) {
  if (!analysis::is_language_code(lang) && lang != "und") {
    throw LanguageError("unknown language code '" + lang +
                        "': use an ISO 639-1 code such as th, sv, tr, sw or pt");
  }
  rep_ = std::make_unique<Rep>(analysis::recipe_for(lang));
}

Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

const std::string& Analyzer::language() const { return rep_->recipe.lang; }

const std::vector<std::string>& Analyzer::tuned_languages() {
  static const std::vector<std::string> langs = {"pt", "sv", "sw", "th", "tr"};
  return langs;
}

std::vector<Token> Analyzer::analyze(std::string_view text) {
  Rep& r = *rep_;
  // Invalid bytes become spaces, one for one, so offsets stay those of the
  // caller's text and ICU only ever sees well-formed UTF-8.
  if (util::find_invalid_utf8(text) != std::string_view::npos) {
    r.cleaned.assign(text);
    for (std::size_t bad; (bad = util::find_invalid_utf8(r.cleaned)) != std::string::npos;) {
      r.cleaned[bad] = ' ';
    }
    text = r.cleaned;
  }

  const std::string_view normalized = r.normalizer.normalize(text, r.offsets);
  r.segmenter.segment(normalized, r.segments);

  std::vector<Token> tokens;
  tokens.reserve(r.segments.size());
  unsigned position = 0;
  for (const auto& seg : r.segments) {
    Token token;
    r.folder.fold(normalized.substr(seg.start, seg.end - seg.start), token.term);
    if (token.term.empty()) continue;  // a word made only of ignorable characters
    token.start = r.offsets.start(seg.start);
    token.end = r.offsets.end(seg.end);
    token.text.assign(text.substr(token.start, token.end - token.start));
    if (r.stemmer.enabled()) token.stem = r.stemmer.stem(token.term);
    token.position = position++;
    tokens.push_back(std::move(token));
  }
  return tokens;
}

}  // namespace kbsearch
