// Stage "join": words written with '-' or '_' between their pieces (E-40213,
// e-post, COVID-19, RESET_LINK_EXPIRED; full-width and typographic hyphens
// too) are also one word, spelled without the separators (e40213, epost,
// resetlinkexpired), so a user finds them however they type them. The whole
// word comes first; its pieces follow as parts at the same position. A word
// ICU keeps whole with dots in it (robots.txt, help.orbit.example) also has
// its pieces as parts. An e-mail address (no-reply@orbit.example) and a
// number (399.3) stay one word, as written.
//
// Joins are decided on the words as segmented, before any Token exists, so
// that each token is built once, in its final place in the list.
#ifndef KBSEARCH_LIB_ANALYSIS_TOKEN_JOINER_H
#define KBSEARCH_LIB_ANALYSIS_TOKEN_JOINER_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kbsearch::analysis {

// A word as segmentation found it: bytes [start, end) of the original input,
// and its spelling in the normalized text.
struct SegmentedWord {
  std::size_t start;
  std::size_t end;
  std::string_view term;
};

// Receives tokens, in order, as the byte offsets of their text in the
// original input and their term.
class TokenSink {
 public:
  virtual void add(std::size_t start, std::size_t end, std::string_view term, bool part) = 0;

 protected:
  ~TokenSink() = default;
};

// Gives `sink` the tokens the join stage makes of `words`: each word as
// segmented, or for pieces joined by separators, the whole word and then its
// pieces as parts. A term given to the sink may live in `scratch` (working
// space, reused from call to call) and lasts until the next one. `text` is
// the original input.
void join_hyphenated(std::string_view text, const std::vector<SegmentedWord>& words,
                     std::string& scratch, TokenSink& sink);

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_TOKEN_JOINER_H
