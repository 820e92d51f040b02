// kbsearch errors.
//
// Every error the library throws derives from kbsearch::Error, itself a
// std::runtime_error, so a caller can catch one type. The subclasses are
// chosen by what the caller does next: fix the input file, fix the query,
// wait for the lock, or rebuild the index. Errors from Xapian and ICU never
// escape the library; they are translated, with context, into these types.
#ifndef KBSEARCH_ERROR_H
#define KBSEARCH_ERROR_H

#include <stdexcept>
#include <string>

#include "kbsearch/export.h"

namespace kbsearch {

class KBSEARCH_EXPORT Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// An article file that cannot be indexed: unreadable, not UTF-8, binary,
// too large, or with broken front matter. path() names the file.
class KBSEARCH_EXPORT InputError : public Error {
 public:
  InputError(std::string path, const std::string& reason)
      : Error(path + ": " + reason), path_(std::move(path)), reason_(reason) {}
  const std::string& path() const noexcept { return path_; }
  const std::string& reason() const noexcept { return reason_; }

 private:
  std::string path_;
  std::string reason_;
};

// An argument that no data makes valid: an option out of range or at odds
// with another (shard 3 of 2, a quality check with commit_every), a
// synonym of too many words, a must-find rank of 0. Nothing of the index
// is changed. argument() names it.
class KBSEARCH_EXPORT InvalidArgumentError : public Error {
 public:
  InvalidArgumentError(std::string argument, const std::string& reason)
      : Error(argument + ": " + reason), argument_(std::move(argument)) {}
  const std::string& argument() const noexcept { return argument_; }

 private:
  std::string argument_;
};

// A query the searcher cannot answer as written (for example, too long).
class KBSEARCH_EXPORT QueryError : public Error {
 public:
  QueryError(std::string query, const std::string& reason)
      : Error("query \"" + query + "\": " + reason), query_(std::move(query)) {}
  const std::string& query() const noexcept { return query_; }

 private:
  std::string query_;
};

// Another process holds the index's write lock.
class KBSEARCH_EXPORT IndexLockedError : public Error {
 public:
  using Error::Error;
};

// The index is missing, unreadable, corrupt, or written by an incompatible
// version of kbsearch. The message says which command fixes it.
class KBSEARCH_EXPORT IndexUnusableError : public Error {
 public:
  using Error::Error;
};

// The index was written by a version of kbsearch with another index
// schema; the message says the command that rebuilds it.
class KBSEARCH_EXPORT IndexVersionError : public IndexUnusableError {
 public:
  using IndexUnusableError::IndexUnusableError;
};

// A shard of a sharded index could not be reached: its server is down, or
// the network to it. The message names the shard as its stub line does.
class KBSEARCH_EXPORT ShardUnavailableError : public IndexUnusableError {
 public:
  using IndexUnusableError::IndexUnusableError;
};

// A language code the analyzer does not know.
class KBSEARCH_EXPORT LanguageError : public Error {
 public:
  using Error::Error;
};

}  // namespace kbsearch

#endif  // KBSEARCH_ERROR_H
