// UnitTrie: a trie whose steps are whole UTF-8 characters, shared by the
// rule words (rules.h, word_hits.h) and the lexicon's automaton
// (aho_corasick.h). One hash probe per character, no allocation on look-up.
//
// Thread safety: immutable after building; look-ups from any thread.
// Tested through tests/ingest/rules_test.cc, word_hits_test.cc and
// aho_corasick_test.cc.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace pkg::ingest {

// A trie whose steps are whole UTF-8 characters ("units": a character's
// bytes, as many as its lead byte says, cut at the end of the text, packed
// with their count), so matching by units is matching by bytes for words of
// valid UTF-8. Nodes are numbers (0 = root); the edges of the whole trie
// live in one open-addressing table keyed by (node, unit). What a node means
// (the rule of a word ending there) is kept by the owner, indexed by node.
struct UnitTrie {
  std::vector<uint64_t> keys;  // (node + 1) << 36 | unit; 0 = free
  std::vector<uint32_t> kids;
  size_t edges = 0;
  uint32_t nodes = 1;  // the root
  uint32_t Child(uint32_t n, uint64_t unit) const {
    const uint64_t key = Key(n, unit);
    return Find(key, Hash(key));
  }
  // Child() in two steps (key, then hash and probe).
  static uint64_t Key(uint32_t n, uint64_t unit) { return (uint64_t{n} + 1) << 36 | unit; }
  uint32_t Find(uint64_t key, size_t hash) const {
    if (keys.empty()) return 0;
    const size_t mask = keys.size() - 1;
    for (size_t h = hash & mask;; h = (h + 1) & mask) {
      if (keys[h] == key) return kids[h];
      if (keys[h] == 0) return 0;
    }
  }
  uint32_t AddChild(uint32_t n, uint64_t unit);  // the child, made when missing
  // The node of word `w` (made when missing), read forwards or reversed.
  uint32_t Insert(std::string_view w, bool reversed);
  // Mixes all bits into the low ones the mask keeps (a plain multiply left
  // the node bits, high in the key, out of small tables: children of many
  // nodes under the same character then shared long probe runs).
  static size_t Hash(uint64_t k) {
    k ^= k >> 31;
    k *= 0x9E3779B97F4A7C15ull;
    return static_cast<size_t>(k ^ (k >> 29));
  }

  // The bit of a node's child mask for `unit` (one of 64, by a
  // multiplicative hash of the unit alone; cheaper than Hash, no node in it).
  static unsigned KidBit(uint64_t unit) { return static_cast<unsigned>((unit * 0x9E3779B97F4A7C15ull) >> 58); }
  // What a walk may read of a node's children before a probe of the edge
  // table: `mask` has bit KidBit(u) set for each child unit u (a clear bit
  // says "no such child"; most nodes have a few children), and a node whose
  // one child has a unit of 32 bits or fewer (not a four-byte character)
  // holds it whole: `one_kid` the child (0 otherwise), `one_unit` its unit.
  struct Kids {
    uint64_t mask = 0;
    uint32_t one_unit = 0;
    uint32_t one_kid = 0;
  };
  std::vector<Kids> KidsByNode() const;

  static uint64_t UnitAt(std::string_view s, size_t* i) {
    const auto lead = static_cast<unsigned char>(s[*i]);
    // Most characters of the text are three bytes (CJK): one expression.
    if ((lead & 0xF0) == 0xE0 && s.size() - *i >= 3) {
      const auto* p = reinterpret_cast<const unsigned char*>(s.data() + *i);
      *i += 3;
      return uint64_t{3} << 24 | uint64_t{lead} << 16 | uint64_t{p[1]} << 8 | p[2];
    }
    size_t n = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (n > s.size() - *i) n = s.size() - *i;
    uint64_t u = n;
    for (size_t k = 0; k < n; ++k) u = (u << 8) | static_cast<unsigned char>(s[*i + k]);
    *i += n;
    return u;
  }
  // The unit ending at s[*end) (*end > 0): the character whose lead byte is
  // found within 4 bytes back and whose length ends exactly there, else the
  // last byte alone; *end moves to its start.
  static uint64_t UnitBefore(std::string_view s, size_t* end);
  // Like UnitAt, but a character counts as one unit only when its
  // continuation bytes are there; else its lead byte is a unit alone. So
  // every occurrence of a valid UTF-8 string in any text starts and ends on
  // unit boundaries (a lead byte is never inside another unit).
  static uint64_t ValidUnitAt(std::string_view s, size_t* i) {
    const auto lead = static_cast<unsigned char>(s[*i]);
    if ((lead & 0xF0) == 0xE0 && s.size() - *i >= 3) {
      const auto* p = reinterpret_cast<const unsigned char*>(s.data() + *i);
      if (((p[1] & 0xC0) == 0x80) & ((p[2] & 0xC0) == 0x80)) {
        *i += 3;
        return uint64_t{3} << 24 | uint64_t{lead} << 16 | uint64_t{p[1]} << 8 | p[2];
      }
      return UnitOfByte(s, i);
    }
    const size_t n = lead < 0xC2 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 1;
    if (n > 1) {
      if (n > s.size() - *i) return UnitOfByte(s, i);
      for (size_t k = 1; k < n; ++k) {
        if ((static_cast<unsigned char>(s[*i + k]) & 0xC0) != 0x80) return UnitOfByte(s, i);
      }
    }
    uint64_t u = n;
    for (size_t k = 0; k < n; ++k) u = (u << 8) | static_cast<unsigned char>(s[*i + k]);
    *i += n;
    return u;
  }

 private:
  static uint64_t UnitOfByte(std::string_view s, size_t* i) {
    return (uint64_t{1} << 8) | static_cast<unsigned char>(s[(*i)++]);
  }
};

// The root's children as arrays, for the step that leaves the root (most
// steps of a scan start there): ASCII units by their byte, three-byte
// characters by their 16-bit code point through a rank bitmap (8 KB of bits,
// 4 KB of block bases, 4 bytes a child). Child() equals trie.Child(0, unit)
// for those units; other units (two- and four-byte characters, cut or broken
// sequences) are not covered. Build it after the trie's last insertion.
// Tested in tests/ingest/unit_trie_test.cc.
class RootTable {
 public:
  void Build(const UnitTrie& trie);
  // The root's child for ASCII byte b (< 0x80), 0 when none.
  uint32_t Ascii(unsigned char b) const { return ascii_[b]; }
  // The root's child for the three-byte character with 16-bit code point
  // `code` (see Code3), 0 when none.
  uint32_t Wide(uint32_t code) const {
    const uint64_t m = bits_[code >> 6];
    const unsigned bit = code & 63;
    if (!((m >> bit) & 1)) return 0;
    return kids_[base_[code >> 6] + static_cast<uint32_t>(std::popcount(m & ((uint64_t{1} << bit) - 1)))];
  }
  // The code point of a three-byte character from its bytes (lead E0–EF,
  // two continuation bytes: the caller checks).
  static uint32_t Code3(unsigned char b0, unsigned char b1, unsigned char b2) {
    return (uint32_t{b0} & 0x0F) << 12 | (uint32_t{b1} & 0x3F) << 6 | (uint32_t{b2} & 0x3F);
  }
  // The same from a unit (3 << 24 | b0 << 16 | b1 << 8 | b2).
  static uint32_t Code3(uint64_t unit) {
    return Code3(static_cast<unsigned char>(unit >> 16), static_cast<unsigned char>(unit >> 8), static_cast<unsigned char>(unit));
  }
  // True when `unit` is a whole three-byte character (Wide covers it).
  static bool IsWide(uint64_t unit) {
    return (unit >> 24) == 3 && ((unit >> 20) & 0xF) == 0xE && ((unit >> 14) & 3) == 2 && ((unit >> 6) & 3) == 2;
  }

 private:
  uint32_t ascii_[128] = {};
  uint64_t bits_[1024] = {};
  uint32_t base_[1024] = {};
  std::vector<uint32_t> kids_;
};

}  // namespace pkg::ingest
