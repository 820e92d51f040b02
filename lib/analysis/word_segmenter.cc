#include "analysis/word_segmenter.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "analysis/break_iterators.h"
#include "analysis/icu_check.h"
#include "util/utf8.h"

namespace kbsearch::analysis {
namespace {

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

enum class Script { kThai, kOther, kNeutral };

// The script class of the character at byte i, and its size in bytes.
// Invisible format characters (soft hyphen, zero-width joiners, variation
// selectors) belong to no script: they never split a word.
Script script_at(std::string_view text, std::size_t i, std::size_t* size) {
  const auto [c, bytes] = util::decode_utf8(text, i);
  *size = bytes;
  if (c >= 0x0E00 && c <= 0x0E7F) return Script::kThai;
  if (c == 0x00AD || (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064) ||
      (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF) {
    return Script::kNeutral;
  }
  return Script::kOther;
}

// ICU keeps Latin letters or digits typed against Thai in the Thai word
// ("ด้วยPayPal", "iPhoneไม่"), as Thai users type product names; they are
// separate words, so split where the script changes.
// `text_has_thai` says whether `text` has any Thai at all.
void push_split_at_script_changes(std::string_view text, bool text_has_thai, std::size_t start,
                                  std::size_t end, std::vector<Segment>& out) {
  // Without Thai there is no change to split at: skip decoding the word.
  if (!text_has_thai || !util::has_thai(text.substr(start, end - start))) {
    out.push_back({start, end});
    return;
  }
  std::size_t piece = start;
  Script current = Script::kNeutral;
  std::size_t size = 0;
  for (std::size_t i = start; i < end; i += size) {
    const Script here = script_at(text, i, &size);
    if (here == Script::kNeutral) continue;
    if (current != Script::kNeutral && here != current) {
      out.push_back({piece, i});
      piece = i;
    }
    current = here;
  }
  out.push_back({piece, end});
}

}  // namespace

WordSegmenter::WordSegmenter() : iterator_(new_word_iterator()) {
}
WordSegmenter::~WordSegmenter() = default;
WordSegmenter::WordSegmenter(WordSegmenter&&) noexcept = default;
WordSegmenter& WordSegmenter::operator=(WordSegmenter&&) noexcept = default;

void WordSegmenter::segment(std::string_view text, std::vector<Segment>& out) {
  out.clear();
  UErrorCode status = U_ZERO_ERROR;
  // A UTF-8 UText makes the iterator's indexes byte offsets into `text`.
  std::unique_ptr<UText, UTextCloser> ut(
      utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
  check_icu(status, "opening text for segmentation");
  iterator_->setText(ut.get(), status);
  check_icu(status, "setting the text to segment");
  // One scan of the whole text spares a scan of every word in texts
  // without Thai, most of them.
  const bool text_has_thai = util::has_thai(text);

  int32_t start = iterator_->first();
  for (int32_t end = iterator_->next(); end != icu::BreakIterator::DONE;
       start = end, end = iterator_->next()) {
    if (iterator_->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
      push_split_at_script_changes(text, text_has_thai, static_cast<std::size_t>(start),
                                   static_cast<std::size_t>(end), out);
    }
  }
  // Do not leave the iterator pointing at text that is about to go away.
  iterator_->setText(icu::UnicodeString());
}

}  // namespace kbsearch::analysis
