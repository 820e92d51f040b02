// Fuzz target: every language's analyzer on any bytes (the first byte picks
// the language), checking the token invariants the index relies on.
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "fuzz_check.h"
#include "kbsearch/analyzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static constexpr std::array<const char*, 8> kLangs = {"th", "sv", "tr", "sw", "pt", "und", "en", "az"};
  static std::map<std::string, std::unique_ptr<kbsearch::Analyzer>> analyzers;
  if (size == 0) return 0;
  const std::string lang = kLangs[data[0] % kLangs.size()];
  auto& analyzer = analyzers[lang];
  if (!analyzer) analyzer = std::make_unique<kbsearch::Analyzer>(lang);
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);

  const std::vector<kbsearch::Token> tokens = analyzer->analyze(text);
  std::size_t previous_start = 0;
  unsigned next_position = 0;
  for (const auto& t : tokens) {
    FUZZ_CHECK(t.start < t.end && t.end <= text.size());
    FUZZ_CHECK(t.start >= previous_start);
    FUZZ_CHECK(text.compare(t.start, t.end - t.start, t.text) == 0);
    FUZZ_CHECK(!t.term.empty());
    if (t.part) {
      FUZZ_CHECK(next_position > 0 && t.position == next_position - 1);
    } else {
      FUZZ_CHECK(t.position == next_position);
      ++next_position;
    }
    previous_start = t.start;
  }
  // Querying is analysing again: the same text gives the same tokens.
  const std::vector<kbsearch::Token> again = analyzer->analyze(text);
  FUZZ_CHECK(again.size() == tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    FUZZ_CHECK(again[i].term == tokens[i].term && again[i].stem == tokens[i].stem);
  }
  return 0;
}
