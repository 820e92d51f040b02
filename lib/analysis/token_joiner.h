// Stage "join": words written with '-' or '_' between their pieces (E-40213,
// e-post, COVID-19, RESET_LINK_EXPIRED; full-width and typographic hyphens
// too) are also one word, spelled without the separators (e40213, epost,
// resetlinkexpired), so a user finds them however they type them. The whole
// word comes first; its pieces follow as parts at the same position. A word
// ICU keeps whole with dots in it (robots.txt, help.orbit.example) also has
// its pieces as parts. An e-mail address (no-reply@orbit.example) and a
// number (399.3) stay one word, as written.
//
// A filter: it holds back a run of pieces joined by separators until the
// word after it shows the run is over.
#ifndef KBSEARCH_LIB_ANALYSIS_TOKEN_JOINER_H
#define KBSEARCH_LIB_ANALYSIS_TOKEN_JOINER_H

#include <string>
#include <vector>

#include "analysis/token_filter.h"

namespace kbsearch::analysis {

class TokenJoiner final : public TokenFilter {
 public:
  const char* stage() const override { return "join"; }
  void push(StreamToken& word) override;
  void finish() override;

 private:
  void forget() override { run_.clear(); }
  void add_run();
  void add_with_pieces(const StreamToken& word);
  void add(std::size_t start, std::size_t end, std::string_view term, bool part);

  std::vector<StreamToken> run_;  // words joined by separators so far
  std::string scratch_;           // a joined term, until the next is made
};

}  // namespace kbsearch::analysis

#endif  // KBSEARCH_LIB_ANALYSIS_TOKEN_JOINER_H
