// What a fuzz target does when an invariant breaks: stop at once, so that
// libFuzzer records the input (and the replay test fails on it).
#ifndef KBSEARCH_TESTS_FUZZ_FUZZ_CHECK_H
#define KBSEARCH_TESTS_FUZZ_FUZZ_CHECK_H

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                     \
  do {                                                                            \
    if (!(condition)) {                                                           \
      std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                               \
    }                                                                             \
  } while (0)

#endif  // KBSEARCH_TESTS_FUZZ_FUZZ_CHECK_H
