// Aho–Corasick automaton; see aho_corasick.h. The trie is a UnitTrie; the
// failure links are computed breadth-first over the children listed from
// its edge table.
#include "ingest/aho_corasick.h"

#include <algorithm>
#include <cassert>
#include <deque>
#include <utility>

#include "base/text.h"

namespace pkg::ingest {

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
  fail_.assign(n, 0);
  dict_.assign(n, -1);
  // Children of each node, from the edge table: (node + 1) << 36 | unit.
  std::vector<std::vector<std::pair<uint64_t, uint32_t>>> kids(n);
  for (size_t h = 0; h < trie_.keys.size(); ++h) {
    if (!trie_.keys[h]) continue;
    const uint64_t key = trie_.keys[h];
    kids[static_cast<size_t>((key >> 36) - 1)].emplace_back(key & ((uint64_t{1} << 36) - 1), trie_.kids[h]);
  }
  // Breadth-first: a node's failure is the longest proper suffix of its
  // path that is a path too.
  std::deque<uint32_t> queue;
  for (const auto& [unit, v] : kids[0]) queue.push_back(v);  // depth 1: fail to the root
  while (!queue.empty()) {
    const uint32_t u = queue.front();
    queue.pop_front();
    for (const auto& [unit, v] : kids[u]) {
      uint32_t f = fail_[u];
      uint32_t target = 0;
      for (;;) {
        if (uint32_t c = trie_.Child(f, unit)) {
          target = c;
          break;
        }
        if (f == 0) break;
        f = fail_[f];
      }
      fail_[v] = target != v ? target : 0;
      dict_[v] = output_[fail_[v]] >= 0 ? static_cast<int32_t>(fail_[v]) : dict_[fail_[v]];
      queue.push_back(v);
    }
  }
  root_.Build(trie_);
  built_ = true;
}

uint32_t AhoCorasick::Next(uint32_t s, uint64_t unit) const {
  for (; s != 0; s = fail_[s]) {
    if (uint32_t c = trie_.Child(s, unit)) return c;
  }
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
  for (size_t i = 0; i < text.size();) {
    s = Next(s, UnitTrie::ValidUnitAt(text, &i));
    const auto end = static_cast<uint32_t>(i);
    for (int32_t o = output_[s] >= 0 ? static_cast<int32_t>(s) : dict_[s]; o >= 0; o = dict_[o]) {
      const auto p = static_cast<uint32_t>(output_[o]);
      out.push_back(Match{end - lengths_[p], end, p});
    }
  }
  return out;
}

}  // namespace pkg::ingest
