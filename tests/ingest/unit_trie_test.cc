// Tests for ingest/unit_trie.h: RootTable answers the root's step as the
// trie's hash table does, for every ASCII byte and every three-byte
// character, over random word lists (CJK, ASCII, mixed lengths); KidsByNode
// never hides a child.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "ingest/unit_trie.h"

using pkg::ingest::RootTable;
using pkg::ingest::UnitTrie;

namespace {

std::string Utf8(uint32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

uint64_t WideUnit(uint32_t cp) {
  const std::string s = Utf8(cp);
  size_t i = 0;
  return UnitTrie::UnitAt(s, &i);
}

}  // namespace

TEST_CASE("RootTable agrees with the trie's root edges") {
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    UnitTrie trie;
    const int words = 1 + static_cast<int>(rng() % 3000);
    for (int w = 0; w < words; ++w) {
      std::string word;
      const int chars = 1 + static_cast<int>(rng() % 4);
      for (int c = 0; c < chars; ++c) {
        switch (rng() % 5) {
          case 0: word += Utf8(0x20 + rng() % 0x5F); break;               // ASCII
          case 1: word += Utf8(0x80 + rng() % 0x780); break;              // two bytes
          case 2: word += Utf8(0x10000 + rng() % 0x1000); break;          // four bytes
          default: word += Utf8(0x800 + rng() % (0x10000 - 0x800)); break;  // three bytes
        }
      }
      trie.Insert(word, false);
    }
    RootTable root;
    root.Build(trie);
    for (uint32_t b = 0; b < 0x80; ++b) REQUIRE(root.Ascii(static_cast<unsigned char>(b)) == trie.Child(0, uint64_t{1} << 8 | b));
    for (uint32_t cp = 0x800; cp < 0x10000; ++cp) {
      const uint64_t unit = WideUnit(cp);
      REQUIRE(RootTable::IsWide(unit));
      REQUIRE(RootTable::Code3(unit) == cp);
      REQUIRE(root.Wide(cp) == trie.Child(0, unit));
    }
  }
}

TEST_CASE("RootTable of an empty trie has no children") {
  UnitTrie trie;
  RootTable root;
  root.Build(trie);
  REQUIRE(root.Ascii('a') == 0);
  REQUIRE(root.Wide(0x4E2D) == 0);
}

TEST_CASE("RootTable::IsWide takes whole three-byte characters only") {
  REQUIRE_FALSE(RootTable::IsWide(uint64_t{1} << 8 | 'a'));
  REQUIRE_FALSE(RootTable::IsWide(uint64_t{3} << 24 | 0xE4 << 16 | 0x41 << 8 | 0xAD));  // a broken sequence
  REQUIRE_FALSE(RootTable::IsWide(uint64_t{3} << 24 | 0xF0 << 16 | 0x9F << 8 | 0x98));  // four bytes, cut
  REQUIRE(RootTable::IsWide(uint64_t{3} << 24 | 0xE4 << 16 | 0xB8 << 8 | 0xAD));        // 中
}

TEST_CASE("KidsByNode: the mask never hides a child, the one child is the only one") {
  std::mt19937 rng(11);
  UnitTrie trie;
  std::vector<std::string> words;
  for (int w = 0; w < 5000; ++w) {
    std::string word;
    const int chars = 1 + static_cast<int>(rng() % 5);
    for (int c = 0; c < chars; ++c) {
      const uint32_t r = rng() % 8;
      word += Utf8(r < 4 ? 0x4E00 + rng() % 0x5200 : r < 7 ? 0x21 + rng() % 0x5E : 0x10000 + rng() % 0x100);
    }
    trie.Insert(word, false);
    words.push_back(word);
  }
  const std::vector<UnitTrie::Kids> kids = trie.KidsByNode();
  REQUIRE(kids.size() == trie.nodes);
  std::vector<int> count(trie.nodes, 0);
  for (const uint64_t key : trie.keys) {
    if (key) ++count[(key >> 36) - 1];
  }
  int one = 0;
  for (const std::string& word : words) {
    uint32_t n = 0;
    for (size_t i = 0; i < word.size();) {
      const uint64_t unit = UnitTrie::UnitAt(word, &i);
      const uint32_t child = trie.Child(n, unit);
      REQUIRE(child != 0);
      REQUIRE(((kids[n].mask >> UnitTrie::KidBit(unit)) & 1) == 1);
      if (kids[n].one_kid) {
        REQUIRE(count[n] == 1);
        REQUIRE(kids[n].one_unit == unit);
        REQUIRE(kids[n].one_kid == child);
        ++one;
      } else {
        REQUIRE((count[n] > 1 || unit > 0xFFFFFFFF));  // several children, or a four-byte character's unit
      }
      n = child;
    }
  }
  CHECK(one > 1000);
  // Whatever the mask rejects is absent; a node with one child has no other.
  for (int probe = 0; probe < 20000; ++probe) {
    const auto n = static_cast<uint32_t>(rng() % trie.nodes);
    const std::string c = Utf8(0x4E00 + rng() % 0x5200);
    size_t i = 0;
    const uint64_t unit = UnitTrie::UnitAt(c, &i);
    if (!((kids[n].mask >> UnitTrie::KidBit(unit)) & 1)) REQUIRE(trie.Child(n, unit) == 0);
    if (kids[n].one_kid && kids[n].one_unit != unit) REQUIRE(trie.Child(n, unit) == 0);
    if (count[n] == 0) REQUIRE(kids[n].mask == 0);
  }
}
