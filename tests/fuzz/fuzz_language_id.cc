// Fuzz target: language identification on any UTF-8 text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "kbsearch/analyzer.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (kbsearch::util::find_invalid_utf8(text) != std::string::npos) return 0;  // callers validate first
  const std::string lang = kbsearch::identify_language(text);
  FUZZ_CHECK(lang.empty() || (lang.size() >= 2 && lang.size() <= 3));
  for (char c : lang) FUZZ_CHECK(c >= 'a' && c <= 'z');
  return 0;
}
