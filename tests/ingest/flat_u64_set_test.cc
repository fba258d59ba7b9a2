// Tests for ingest/flat_u64_set.h: it answers as std::unordered_set does over
// many inserts (repeats, growth, keys that collide in the low bits).
#include "ingest/flat_u64_set.h"

#include <catch2/catch.hpp>

#include <random>
#include <unordered_set>

namespace pkg::ingest {
namespace {

TEST_CASE("FlatU64Set agrees with std::unordered_set", "[flat_u64_set]") {
  std::mt19937_64 rng(11);
  for (size_t reserve : {size_t{0}, size_t{1}, size_t{100}}) {
    FlatU64Set set(reserve);
    std::unordered_set<uint64_t> ref;
    for (int i = 0; i < 20000; ++i) {
      uint64_t k;
      switch (i % 4) {
        case 0: k = 1 + rng() % 500; break;                 // small keys, many repeats
        case 1: k = (rng() % 300 + 1) << 48; break;          // only high bits differ
        case 2: k = ((rng() % 50) << 48) | ((rng() % 40) << 24) | (rng() % 40 + 1); break;
        default: k = rng() | 1; break;
      }
      INFO(k);
      REQUIRE(set.insert(k) == ref.insert(k).second);
      REQUIRE(set.size() == ref.size());
    }
    for (uint64_t k : ref) CHECK(set.contains(k));
    CHECK(!set.contains(0x1234567890ull << 4));
  }
}

}  // namespace
}  // namespace pkg::ingest
