#include "analysis/term_forms.h"

#include "analysis/stopwords.h"
#include "analysis/swedish_definite.h"

namespace kbsearch::analysis {

TermForms::TermForms()
    : case_folder_(""), stops_(&stopwords("")), stemmer_(""), accents_(""), folded_stemmer_("") {}

void TermForms::use_casing(std::string_view casing_locale) { case_folder_ = CaseFolder(casing_locale); }

void TermForms::use_stopwords(std::string_view lang) { stops_ = &stopwords(lang); }

void TermForms::use_stemmer(std::string_view lang, StemPasses passes, bool swedish_definite) {
  stem_lang_ = std::string(lang);
  stemmer_ = Stemmer(lang, passes);
  swedish_definite_ = swedish_definite;
}

void TermForms::use_folding(std::string_view keep_letters, StemPasses folded_stem_passes) {
  fold_accents_ = true;
  accents_ = AccentFolder(keep_letters);
  folded_stemmer_ = Stemmer(stem_lang_, folded_stem_passes);
}

void TermForms::begin_call() {
  if (words_.size() >= kCacheLimit) words_.clear();
  if (forms_.size() >= kCacheLimit) forms_.clear();
}

std::string TermForms::case_fold(std::string_view word) {
  std::string folded;
  case_folder_.fold(word, folded);
  return folded;
}

const TermForms::Word& TermForms::word(std::string_view segmented) {
  if (const Word* known = words_.find(segmented)) return *known;
  Word w;
  if (case_folder_.is_folded(segmented)) w.term = segmented;
  else case_folder_.fold(segmented, w.term);
  if (!w.term.empty()) w.forms = compute(w.term);
  return words_.insert(segmented, std::move(w));
}

const TermForms::Forms& TermForms::forms(std::string_view term) {
  if (const Forms* known = forms_.find(term)) return *known;
  return forms_.insert(term, compute(std::string(term)));
}

TermForms::Forms TermForms::compute(const std::string& term) {
  Forms f;
  f.stop = stops_->count(term) != 0;
  const std::string base = swedish_definite_ ? swedish_indefinite(term) : std::string();
  const std::string& word = base.empty() ? term : base;
  if (stemmer_.enabled()) f.stem = stemmer_.stem(word);
  if (!fold_accents_) return f;
  accents_.fold(term, scratch_);
  if (scratch_ != term) f.folded = scratch_;
  if (!folded_stemmer_.enabled()) return f;
  // Stem the folded word, then fold the stem (the stemmer may put an accent
  // back: kullanici -> kullaniç), so that both spellings meet.
  if (!base.empty()) accents_.fold(base, scratch_);
  const std::string folded_word = !base.empty() ? scratch_ : f.folded.empty() ? term : f.folded;
  accents_.fold(folded_stemmer_.stem(folded_word), scratch_);
  if (!scratch_.empty() && scratch_ != f.stem) f.folded_stem = scratch_;
  return f;
}

}  // namespace kbsearch::analysis
