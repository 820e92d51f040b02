// Swedish definite forms that the Snowball stemmer of Xapian 1.4 leaves
// whole: the neuter -et and -t (lösenordet, programmet, kontot) and the
// common-gender -n after a vowel (fakturan). Without this step `lösenord`
// does not find `lösenordet`, the form most help articles use ("Ändra
// lösenordet"). The suffix is taken off only when what is left is a word of
// the Swedish dictionary of at least four letters, so paket, bort or the
// English reset keep their -et and -t.
#ifndef KBSEARCH_LIB_ANALYSIS_SWEDISH_DEFINITE_H
#define KBSEARCH_LIB_ANALYSIS_SWEDISH_DEFINITE_H

#include <string>
#include <string_view>

namespace kbsearch::analysis {

// The indefinite form of a case-folded definite form (lösenordet ->
// lösenord, programmet -> program, kontot -> konto, fakturan -> faktura), or
// nothing when `word` is not one: a dictionary word itself, or no
// dictionary word with one of those suffixes.
std::string swedish_indefinite(std::string_view word);

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_SWEDISH_DEFINITE_H
