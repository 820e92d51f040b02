// The layout of a kbsearch index: one table of term prefixes, value slots and
// metadata keys, shared by the indexer and the searcher.
//
// Term prefixes follow Xapian Omega's conventions (single capitals have
// fixed meanings; X... are our own):
//
//   prefix  field                                   kind
//   ------  --------------------------------------  ----------------------
//   (none)  text word: title, headings and prose    free text, positions
//           in one field, a title word counting
//           kTitleWdf, a heading word kHeadingWdf
//   S       title word (for title: queries)         free text, positions
//   XC      code word (code blocks, inline code)    free text, positions
//   Z<p>    stem of a word of field <p>: Z, ZS, ZXC free text, no positions
//   XF<p>   accent-folded word of field <p>, where  free text, no positions
//           it differs from the word (XF, XFS...)
//   ZF<p>   stem of the folded word, folded, where  free text, no positions
//           it differs from the stem (ZF, ZFS...)
//   XW      two consecutive Thai words of the text  free text, no positions
//           field, "first second": a run of words
//           typed without spaces is matched without
//           reading positions
//   XK      a text word (not a compound part or     boolean (wdf 0)
//           stop word) for completion: "<lang>:<key>
//           <word>", key the word accent-folded
//           (completions.h)
//   Q       article id (unique)                     boolean
//   L       language code                           boolean
//   K       tag, case-folded                        boolean
//   XG      translation group                       boolean
//   XT      language:group (the group's translation  boolean
//           in that language, found without reading
//           any document)
//   D       updated date, YYYYMMDD                  boolean
//   XP      hash of the source file's path          boolean (one per article
//                                                    from a file)
//
// Words are case-folded by the language's analyzer, so they never start with
// a capital and cannot be mistaken for a prefix. Terms are cut to
// kMaxTermBytes at a character boundary, the same way at index and at query
// time, so even an over-long word still matches.
//
// Positions: each field starts at 1; in the text field the title comes
// first, then each section's heading and prose; each piece starts
// kSectionGap positions after the previous one ended, so no phrase spans two
// of them.
//
// Compound parts and the pieces of hyphenated words are indexed like words,
// at the position of the word they belong to.
//
// Values: see the Slot enum. Document data: the sections, see document_data.h.
// Metadata: kSchemaKey holds kIndexSchemaVersion; kKeepWholeKey + lang holds
// the words the user asked to keep whole in that language, one per line, so
// that searches analyse queries exactly as the index was analysed;
// kCompletionsKey + key holds the best completions of a key shared by many
// words (completions.h).
// kQualityCheckKey holds the quality check of later runs (quality_gate.h).
#ifndef KBSEARCH_LIB_INDEX_SCHEMA_H
#define KBSEARCH_LIB_INDEX_SCHEMA_H

#include <string>
#include <string_view>

namespace kbsearch::index {

namespace prefix {
inline constexpr std::string_view kText = "";
inline constexpr std::string_view kTitle = "S";
inline constexpr std::string_view kCode = "XC";
inline constexpr std::string_view kStem = "Z";
inline constexpr std::string_view kFolded = "XF";
inline constexpr std::string_view kFoldedStem = "ZF";
inline constexpr std::string_view kId = "Q";
inline constexpr std::string_view kLang = "L";
inline constexpr std::string_view kTag = "K";
inline constexpr std::string_view kGroup = "XG";
inline constexpr std::string_view kTranslation = "XT";
inline constexpr std::string_view kDate = "D";
inline constexpr std::string_view kPath = "XP";
inline constexpr std::string_view kWordPair = "XW";
inline constexpr std::string_view kCompletion = "XK";
}  // namespace prefix

enum Slot : unsigned {
  kSlotLang = 0,     // language code (for facet counts)
  kSlotUpdated = 1,  // YYYYMMDD, sortable as a string
  kSlotSource = 2,   // "<content hash>/<analysis version>": unchanged-file check
  kSlotId = 3,       // article id: stable tie-break across shards
  kSlotPath = 4,     // absolute source path: finds articles whose file vanished
  kSlotGroup = 5,    // translation group: collapses translations into one hit
  kSlotTags = 6,     // case-folded tags, sorted, joined by kTagSeparator (tag facets)
  kSlotFields = 7,   // the article's fields as a hit shows them (document_data.h)
  kSlotInput = 8,    // an article put by an application: its text and fields as
                     // given (put_article.h); empty for an article from a file
};

// Tags share one slot so that a ValueCountMatchSpy, which counts one value
// per document and works across shards, counts tag sets; the searcher splits
// each set to count single tags exactly.
inline constexpr char kTagSeparator = '\n';

inline constexpr const char* kSchemaKey = "kbsearch.schema";
inline constexpr const char* kKeepWholeKey = "kbsearch.keep_whole.";
inline constexpr const char* kCompletionsKey = "kbsearch.completions.";
// The quality check later runs use (quality_gate.h), as JSON.
inline constexpr const char* kQualityCheckKey = "kbsearch.quality_check";
inline constexpr std::size_t kMaxTermBytes = 240;  // Xapian's limit is 245
inline constexpr unsigned kSectionGap = 100;
// How much a title or heading word counts in the text field against a prose
// word's 1: the field weights of the former per-field query, kept. The
// real-article collection measured the move to one field with them
// (tests/relevance/real/README.md); other values are not measured yet.
inline constexpr unsigned kTitleWdf = 3;
inline constexpr unsigned kHeadingWdf = 2;

// prefix + word, cut so the whole term fits in kMaxTermBytes.
std::string make_term(std::string_view prefix, std::string_view word);

// The term of two consecutive Thai words of the text field (prefix::kWordPair).
std::string word_pair_term(std::string_view first, std::string_view second);

// The term of a boolean key (id, tag, group...), hashed when too long.
std::string make_key_term(std::string_view prefix, std::string_view key);

// The term of an article's translation `lang` of `group`.
std::string translation_term(std::string_view lang, std::string_view group);

// The source-check value: the file's content hash, the analysis version and
// a fingerprint of the analysis configuration (the keep-whole word lists), so
// that a change to either re-analyses unchanged files.
std::string source_value(std::string_view content_hash, std::string_view config_fingerprint);

}  // namespace kbsearch::index

#endif  // KBSEARCH_LIB_INDEX_SCHEMA_H
