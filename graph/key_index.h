// KeyIndex: an open-addressing hash set of row numbers, keyed by the strings
// of a StringColumn (node keys). Flat (4 bytes a slot), rebuilt from the
// column, storable in a snapshot file. Internal to graph/.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "graph/string_column.h"

namespace pkg {

inline uint64_t HashBytes(std::string_view s) {
  // FNV-1a 64 with a final mix; stable across runs (stored in files).
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) { h ^= c; h *= 1099511628211ull; }
  h ^= h >> 33; h *= 0xff51afd7ed558ccdull; h ^= h >> 33;
  return h;
}

class KeyIndex {
 public:
  static constexpr uint32_t kEmpty = 0xFFFFFFFFu;

  // Finds the row whose string equals `s`, or kEmpty.
  uint32_t Find(const StringColumn& col, std::string_view s) const {
    if (slots_.empty()) return kEmpty;
    size_t mask = slots_.size() - 1;
    for (size_t i = HashBytes(s) & mask;; i = (i + 1) & mask) {
      uint32_t r = slots_[i];
      if (r == kEmpty) return kEmpty;
      if (col[r] == s) return r;
    }
  }
  // Inserts row `r` (whose string is col[r]). REQUIRES: not already present.
  void Insert(const StringColumn& col, uint32_t r) {
    if ((count_ + 1) * 2 > slots_.size()) Grow(col);
    Place(col, r);
    ++count_;
  }
  void Rebuild(const StringColumn& col) {
    count_ = 0;
    slots_.assign(Capacity(col.size()), kEmpty);
    for (uint32_t r = 0; r < col.size(); ++r) { Place(col, r); ++count_; }
  }
  std::vector<uint32_t>& slots() { return slots_; }
  const std::vector<uint32_t>& slots() const { return slots_; }
  void set_count(size_t n) { count_ = n; }

 private:
  static size_t Capacity(size_t n) {
    size_t c = 16;
    while (c < n * 2 + 2) c <<= 1;
    return c;
  }
  void Place(const StringColumn& col, uint32_t r) {
    size_t mask = slots_.size() - 1;
    size_t i = HashBytes(col[r]) & mask;
    while (slots_[i] != kEmpty) i = (i + 1) & mask;
    slots_[i] = r;
  }
  void Grow(const StringColumn& col) {
    std::vector<uint32_t> old;
    old.swap(slots_);
    slots_.assign(Capacity(count_ + 1) < old.size() * 2 ? old.size() * 2 : Capacity(count_ + 1), kEmpty);
    if (slots_.size() < 16) slots_.assign(16, kEmpty);
    for (uint32_t r : old) {
      if (r != kEmpty) Place(col, r);
    }
  }
  std::vector<uint32_t> slots_;
  size_t count_ = 0;
};

}  // namespace pkg
