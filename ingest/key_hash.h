// KeyHash: a hash of node keys ("Type:name") eight bytes at a time, for the
// hash tables of the keys and emit stages (std::hash's byte loop was most of
// a look-up's cost; the keys share their "Type:" prefix, so every byte counts).
// Any byte string hashes; equal strings hash equal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace pkg::ingest {

struct KeyHash {
  size_t operator()(std::string_view s) const {
    uint64_t h = s.size() * 0x9E3779B97F4A7C15ull;
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    }
    if (i < s.size()) {
      uint64_t w = 0;
      std::memcpy(&w, s.data() + i, s.size() - i);
      h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    }
    return static_cast<size_t>(h ^ (h >> 32));
  }
};

}  // namespace pkg::ingest
