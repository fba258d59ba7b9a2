// Aho–Corasick automaton; see aho_corasick.h. The trie is a UnitTrie; the
// failure links are computed breadth-first over the children listed from
// its edge table.
#include "ingest/aho_corasick.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstring>
#include <deque>
#include <utility>

#include "base/text.h"

namespace pkg::ingest {

static_assert(std::endian::native == std::endian::little, "FindAll reads four text bytes as one little-endian word");

int32_t AhoCorasick::Add(std::string_view pattern) {
  assert(!built_);
  if (pattern.empty() || !IsValidUtf8(pattern)) return -1;
  uint32_t s = 0;
  for (size_t i = 0; i < pattern.size();) s = trie_.AddChild(s, UnitTrie::ValidUnitAt(pattern, &i));
  if (output_.size() < trie_.nodes) output_.resize(trie_.nodes, -1);
  if (output_[s] < 0) {
    output_[s] = static_cast<int32_t>(lengths_.size());
    lengths_.push_back(static_cast<uint32_t>(pattern.size()));
  }
  return output_[s];
}

void AhoCorasick::Build() {
  assert(!built_);
  const uint32_t n = trie_.nodes;
  output_.resize(n, -1);
  std::vector<uint32_t> fail(n, 0);
  dict_.assign(n, -1);
  nodes_.assign(n, Node{});
  // Children of each node, from the edge table: (node + 1) << 36 | unit.
  std::vector<std::vector<std::pair<uint64_t, uint32_t>>> kids(n);
  for (size_t h = 0; h < trie_.keys.size(); ++h) {
    if (!trie_.keys[h]) continue;
    const uint64_t key = trie_.keys[h];
    const auto parent = static_cast<size_t>((key >> 36) - 1);
    const uint64_t unit = key & ((uint64_t{1} << 36) - 1);
    kids[parent].emplace_back(unit, trie_.kids[h]);
  }
  // Breadth-first: a node's failure is the longest proper suffix of its
  // path that is a path too.
  std::deque<uint32_t> queue;
  for (const auto& [unit, v] : kids[0]) queue.push_back(v);  // depth 1: fail to the root
  while (!queue.empty()) {
    const uint32_t u = queue.front();
    queue.pop_front();
    for (const auto& [unit, v] : kids[u]) {
      uint32_t f = fail[u];
      uint32_t target = 0;
      for (;;) {
        if (uint32_t c = trie_.Child(f, unit)) {
          target = c;
          break;
        }
        if (f == 0) break;
        f = fail[f];
      }
      fail[v] = target != v ? target : 0;
      dict_[v] = output_[fail[v]] >= 0 ? static_cast<int32_t>(fail[v]) : dict_[fail[v]];
      queue.push_back(v);
    }
  }
  const std::vector<UnitTrie::Kids> kids_of = trie_.KidsByNode();
  for (uint32_t v = 0; v < n; ++v) {
    nodes_[v].kids = kids_of[v];
    nodes_[v].fail = fail[v];
    nodes_[v].report = output_[v] >= 0 ? static_cast<int32_t>(v) : dict_[v];
  }
  root_.Build(trie_);
  built_ = true;
}

uint32_t AhoCorasick::Down(uint32_t s, uint64_t unit) const {
  // Most nodes have few children: their mask rejects most units without a
  // probe of the edge table.
  const uint64_t bit = uint64_t{1} << UnitTrie::KidBit(unit);
  for (; s != 0; s = nodes_[s].fail) {
    const UnitTrie::Kids& k = nodes_[s].kids;
    if (k.one_kid) {
      if (k.one_unit == unit) return k.one_kid;
      continue;
    }
    if (!(k.mask & bit)) continue;
    if (uint32_t c = trie_.Child(s, unit)) return c;
  }
  return 0;
}

uint32_t AhoCorasick::Next(uint32_t s, uint64_t unit) const {
  if (s && (s = Down(s, unit))) return s;
  // At the root: ASCII and three-byte characters (ValidUnitAt's units of
  // three bytes are whole characters) through the root table.
  if ((unit >> 8) == 1 && (unit & 0xFF) < 0x80) return root_.Ascii(static_cast<unsigned char>(unit));
  if ((unit >> 24) == 3) return root_.Wide(RootTable::Code3(unit));
  return trie_.Child(0, unit);
}

std::vector<AhoCorasick::Match> AhoCorasick::FindAll(std::string_view text) const {
  std::vector<Match> out;
  if (!built_) return out;
  uint32_t s = 0;
  const size_t size = text.size();
  const auto* u = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 0; i < size;) {
    // ValidUnitAt, with a whole three-byte character (most of the text)
    // tested and packed from one four-byte load.
    uint32_t w = 0;
    if (size - i >= 4) std::memcpy(&w, u + i, 4);  // little-endian: u[i] is the low byte
    if ((w & 0xC0C0F0) == 0x8080E0) {
      // Next, inline: the failure chain, then the root's dense table.
      const uint64_t unit = uint64_t{3} << 24 | (__builtin_bswap32(w) >> 8);
      i += 3;
      // Down's first test inline: a node with one child (most deep nodes)
      // continues by it without a call.
      const UnitTrie::Kids& k = nodes_[s].kids;
      s = !s ? 0 : k.one_kid && k.one_unit == unit ? k.one_kid : Down(s, unit);
      if (!s) s = root_.Wide((w & 0x0F) << 12 | (w & 0x3F00) >> 2 | ((w >> 16) & 0x3F));
    } else if (size - i >= 4 && !(w & 0x80)) {  // ASCII, inline too
      const auto b = static_cast<unsigned char>(w);
      i += 1;
      s = s ? Down(s, uint64_t{1} << 8 | b) : 0;
      if (!s) s = root_.Ascii(b);
    } else {
      s = Next(s, UnitTrie::ValidUnitAt(text, &i));
    }
    const auto end = static_cast<uint32_t>(i);
    for (int32_t o = nodes_[s].report; o >= 0; o = dict_[o]) {
      const auto p = static_cast<uint32_t>(output_[o]);
      out.push_back(Match{end - lengths_[p], end, p});
    }
  }
  return out;
}

}  // namespace pkg::ingest
