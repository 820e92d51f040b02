#include "util/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "kbsearch/error.h"

namespace kbsearch::util {
namespace {

// A stub that cannot be written (no space left, no permission) says so in
// the system's words: the index itself is as it was.
[[noreturn]] void fail(const std::string& what, const std::string& path) {
  throw Error(what + " " + path + ": " + std::strerror(errno));
}

std::string parent_directory(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

void replace_file_atomically(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("cannot write", tmp);
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  // fsync before rename: after a crash the file is the old one or the new
  // one, never an empty file.
  const bool synced = written && ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) {
    const int error = errno;
    ::unlink(tmp.c_str());  // on a full disk, give back what it took
    errno = error;
    fail("cannot write", tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) fail("cannot replace", path);
  const int dirfd = ::open(parent_directory(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dirfd >= 0) {
    (void)::fsync(dirfd);  // make the rename itself durable
    ::close(dirfd);
  }
}

}  // namespace kbsearch::util
