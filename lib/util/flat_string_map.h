// A hash map from strings to values for the analysis caches, which are
// looked up once or more per token. Open addressing over one flat array of
// slots: a lookup is one hash and, almost always, one key comparison, with
// none of std::unordered_map's node chasing. Keys are looked up as
// string_views, so a word in the text is never copied to be looked up.
//
// References to values stay valid until clear(), however many values are
// added (they live in a deque; only the slots move when the table grows).
#ifndef KBSEARCH_LIB_UTIL_FLAT_STRING_MAP_H
#define KBSEARCH_LIB_UTIL_FLAT_STRING_MAP_H

#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kbsearch::util {

template <class Value>
class FlatStringMap {
 public:
  // The value for `key`, or nullptr.
  const Value* find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const std::uint64_t h = hash(key);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.entry == kEmpty) return nullptr;
      if (s.tag == static_cast<std::uint32_t>(h >> 32) && entries_[s.entry].first == key) {
        return &entries_[s.entry].second;
      }
    }
  }

  // Adds `key`, which must not be in the map yet.
  const Value& insert(std::string_view key, Value value) {
    if (2 * (entries_.size() + 1) > slots_.size()) grow();
    const std::uint64_t h = hash(key);
    entries_.emplace_back(std::string(key), std::move(value));
    place(h, static_cast<std::uint32_t>(entries_.size() - 1));
    return entries_.back().second;
  }

  std::size_t size() const { return entries_.size(); }

  void clear() {
    entries_.clear();
    slots_.assign(slots_.size(), Slot{});
  }

 private:
  static constexpr std::uint32_t kEmpty = ~std::uint32_t{0};
  struct Slot {
    std::uint32_t tag = 0;  // the high half of the key's hash
    std::uint32_t entry = kEmpty;
  };

  // Eight bytes at a time, mixed with multiplications: words are short, and
  // the table needs well-spread low bits more than a cryptographic hash.
  // The bytes past the last whole eight are read with wide loads that
  // overlap (a byte-by-byte copy would stall the load that follows it).
  static std::uint64_t hash(std::string_view key) {
    const char* p = key.data();
    const std::size_t n = key.size();
    std::uint64_t h = 0x9E3779B97F4A7C15u ^ n;
    const auto mix = [&h](std::uint64_t chunk) {
      h = (h ^ chunk) * 0xBF58476D1CE4E5B9u;
      h ^= h >> 31;
    };
    if (n >= 8) {
      for (std::size_t i = 0; i + 8 <= n; i += 8) mix(load<std::uint64_t>(p + i));
      if (n % 8 != 0) mix(load<std::uint64_t>(p + n - 8));
    } else if (n >= 4) {
      mix(std::uint64_t{load<std::uint32_t>(p)} << 32 | load<std::uint32_t>(p + n - 4));
    } else if (n > 0) {
      mix(std::uint64_t{static_cast<unsigned char>(p[0])} << 16 |
          std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
          static_cast<unsigned char>(p[n - 1]));
    }
    h *= 0x94D049BB133111EBu;
    return h ^ (h >> 29);
  }

  template <class Int>
  static Int load(const char* p) {
    Int v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }

  void place(std::uint64_t h, std::uint32_t entry) {
    std::size_t i = h & mask_;
    while (slots_[i].entry != kEmpty) i = (i + 1) & mask_;
    slots_[i] = {static_cast<std::uint32_t>(h >> 32), entry};
  }

  // Doubles the slots (kept at most half full, so probe runs stay short).
  void grow() {
    slots_.assign(slots_.empty() ? 1024 : 2 * slots_.size(), Slot{});
    mask_ = slots_.size() - 1;
    for (std::uint32_t e = 0; e < entries_.size(); ++e) place(hash(entries_[e].first), e);
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::deque<std::pair<std::string, Value>> entries_;
};

}  // namespace kbsearch::util

#endif  // KBSEARCH_LIB_UTIL_FLAT_STRING_MAP_H
