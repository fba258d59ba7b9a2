// KeyHash: a hash of node keys ("Type:name") eight bytes at a time, for the
// hash tables of the keys and emit stages (std::hash's byte loop was most of
// a look-up's cost; the keys share their "Type:" prefix, so every byte counts).
// Any byte string hashes; equal strings hash equal. (Only in-memory look-ups
// use it: no output depends on its values.)
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
    if (i < s.size()) {  // the last 1 to 7 bytes: fixed-size loads (overlapping), no memcpy call
      const size_t n = s.size();
      const char* d = s.data();
      uint64_t w;
      if (n >= 8) {
        std::memcpy(&w, d + n - 8, 8);
      } else if (n >= 4) {
        uint32_t a, b;
        std::memcpy(&a, d, 4);
        std::memcpy(&b, d + n - 4, 4);
        w = (uint64_t{b} << 32) | a;
      } else {
        w = uint64_t{static_cast<unsigned char>(d[0])} | uint64_t{static_cast<unsigned char>(d[n / 2])} << 8 |
            uint64_t{static_cast<unsigned char>(d[n - 1])} << 16;
      }
      h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    }
    return static_cast<size_t>(h ^ (h >> 32));
  }
};

}  // namespace pkg::ingest
