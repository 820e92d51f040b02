#include "index/writable_database.h"

#include <cstdlib>
#include <mutex>
#include <string>

namespace kbsearch::index {
namespace {

constexpr const char* kFlushVariable = "XAPIAN_FLUSH_THRESHOLD";

// Sets the variable for its lifetime unless the user set it already.
class ScopedFlushThreshold {
 public:
  explicit ScopedFlushThreshold(std::size_t flush_every) {
    if (flush_every == 0 || std::getenv(kFlushVariable) != nullptr) return;
    set_ = true;
    ::setenv(kFlushVariable, std::to_string(flush_every).c_str(), 1);
  }
  ~ScopedFlushThreshold() {
    if (set_) ::unsetenv(kFlushVariable);
  }
  ScopedFlushThreshold(const ScopedFlushThreshold&) = delete;
  ScopedFlushThreshold& operator=(const ScopedFlushThreshold&) = delete;

 private:
  bool set_ = false;
};

}  // namespace

Xapian::WritableDatabase open_writable(const std::string& path, std::size_t flush_every) {
  // Two of our writers opening at once must not unset each other's value.
  static std::mutex opening;
  const std::lock_guard<std::mutex> lock(opening);
  const ScopedFlushThreshold threshold(flush_every);
  return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
}

}  // namespace kbsearch::index
