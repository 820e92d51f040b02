// KBSEARCH_EXPORT marks the public API that libkbsearch.so exports.
//
// The library is compiled with hidden visibility, so whatever a public
// header does not mark stays inside the .so: the internal layers, and the
// Xapian, ICU and standard-library code they instantiate. Marked are the
// classes with out-of-line members (Analyzer, Indexer, Searcher), the free
// functions, and the error classes, whose type_info an application's catch
// clause must share with the library's throw. Plain option and result
// structs are not: they are all inline, and unmarked they keep the
// std::vector and std::map code built on them out of the export list.
//
// The same attribute serves building and using the library: on ELF a
// default-visibility declaration is all either side needs. (The C API in
// kbsearch_c.h has a mark of its own, KBSEARCH_C_API, with the same
// meaning.)
#ifndef KBSEARCH_EXPORT_H
#define KBSEARCH_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define KBSEARCH_EXPORT __attribute__((visibility("default")))
#else
#define KBSEARCH_EXPORT
#endif

#endif  // KBSEARCH_EXPORT_H
