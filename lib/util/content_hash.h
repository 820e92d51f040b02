// A stable fingerprint of a file's bytes, stored with each article so that an
// unchanged file can be skipped without being analysed again.
#ifndef KBSEARCH_LIB_UTIL_CONTENT_HASH_H
#define KBSEARCH_LIB_UTIL_CONTENT_HASH_H

#include <string>
#include <string_view>

namespace kbsearch::util {

// 128-bit FNV-1a of the bytes, as 32 lowercase hex digits. Not
// cryptographic: it detects edits, not tampering.
std::string content_hash(std::string_view bytes);

}  // namespace kbsearch::util

#endif  // KBSEARCH_LIB_UTIL_CONTENT_HASH_H
