// FlatU64Set: a set of non-zero 64-bit keys in one open-addressed table
// (linear probing, at most half full), for per-document de-duplication on hot
// paths where std::unordered_set would allocate a node per key.
//
// What it does not do: erase, iterate, or hold the key 0 (the empty slot).
// Not thread-safe. Tested in tests/ingest/flat_u64_set_test.cc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace pkg::ingest {

class FlatU64Set {
 public:
  // Room for `n` keys before the table grows.
  explicit FlatU64Set(size_t n = 8) {
    size_t cap = 16;
    while (cap < 2 * n) cap *= 2;
    slots_.assign(cap, 0);
  }
  // Adds `key`; true when it was not there. REQUIRES: key != 0.
  bool insert(uint64_t key) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    if (!Put(slots_, key)) return false;
    ++size_;
    return true;
  }
  bool contains(uint64_t key) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = Hash(key) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == key) return true;
      if (slots_[i] == 0) return false;
    }
  }
  size_t size() const { return size_; }

 private:
  static uint64_t Hash(uint64_t k) {  // a multiplicative mix; the high bits are folded down
    k *= 0x9E3779B97F4A7C15ull;
    return k ^ (k >> 29);
  }
  static bool Put(std::vector<uint64_t>& slots, uint64_t key) {
    const size_t mask = slots.size() - 1;
    for (size_t i = Hash(key) & mask;; i = (i + 1) & mask) {
      if (slots[i] == key) return false;
      if (slots[i] == 0) {
        slots[i] = key;
        return true;
      }
    }
  }
  void Grow() {
    std::vector<uint64_t> bigger(slots_.size() * 2, 0);
    for (uint64_t k : slots_) {
      if (k) Put(bigger, k);
    }
    slots_.swap(bigger);
  }
  std::vector<uint64_t> slots_;
  size_t size_ = 0;
};

}  // namespace pkg::ingest
