// Versions of the library and of what it writes into an index.
#ifndef KBSEARCH_VERSION_H
#define KBSEARCH_VERSION_H

namespace kbsearch {

inline constexpr const char* kVersion = "0.1.0";

// Bumped when the layout of terms, values, document data, metadata or the
// spelling table (4: a word counts once per field; 5: title, headings and
// prose are one field; 6: consecutive Thai words as terms; 7: completion
// terms and entries) changes; an index with another schema version must be
// rebuilt.
inline constexpr int kIndexSchemaVersion = 7;

// Bumped when any analysis recipe changes the terms it produces, or what an
// article keeps of its text (4: ids in NFC, bidirectional controls removed;
// 5: Swedish definite forms stemmed as their dictionary word);
// articles analysed by another version are re-indexed even if their file is
// unchanged.
inline constexpr int kAnalysisVersion = 5;

}  // namespace kbsearch

#endif  // KBSEARCH_VERSION_H
