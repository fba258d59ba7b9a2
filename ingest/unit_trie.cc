// UnitTrie; see unit_trie.h.
#include "ingest/unit_trie.h"

#include <algorithm>
#include <iterator>

namespace pkg::ingest {

uint32_t UnitTrie::AddChild(uint32_t n, uint64_t unit) {
  if (uint32_t c = Child(n, unit)) return c;
  if (2 * (edges + 1) > keys.size()) {  // keep the table at most half full
    std::vector<uint64_t> old_keys(std::max<size_t>(16, keys.size() * 2), 0);
    std::vector<uint32_t> old_kids(old_keys.size(), 0);
    old_keys.swap(keys);
    old_kids.swap(kids);
    const size_t mask = keys.size() - 1;
    for (size_t i = 0; i < old_keys.size(); ++i) {
      if (!old_keys[i]) continue;
      size_t h = Hash(old_keys[i]) & mask;
      while (keys[h]) h = (h + 1) & mask;
      keys[h] = old_keys[i];
      kids[h] = old_kids[i];
    }
  }
  const uint64_t key = (uint64_t{n} + 1) << 36 | unit;
  const size_t mask = keys.size() - 1;
  size_t h = Hash(key) & mask;
  while (keys[h]) h = (h + 1) & mask;
  const uint32_t c = nodes++;
  keys[h] = key;
  kids[h] = c;
  ++edges;
  return c;
}

std::vector<UnitTrie::Kids> UnitTrie::KidsByNode() const {
  std::vector<Kids> out(nodes);
  std::vector<uint32_t> count(nodes, 0);
  for (size_t h = 0; h < keys.size(); ++h) {
    if (!keys[h]) continue;
    const auto n = static_cast<size_t>((keys[h] >> 36) - 1);
    const uint64_t unit = keys[h] & ((uint64_t{1} << 36) - 1);
    out[n].mask |= uint64_t{1} << KidBit(unit);
    if (++count[n] == 1 && unit <= 0xFFFFFFFF) {
      out[n].one_unit = static_cast<uint32_t>(unit);
      out[n].one_kid = kids[h];
    } else {
      out[n].one_kid = 0;
    }
  }
  return out;
}

uint64_t UnitTrie::UnitBefore(std::string_view s, size_t* end) {
  const size_t e = *end;
  for (size_t j = e; j > 0 && e - j < 4;) {
    --j;
    const auto b = static_cast<unsigned char>(s[j]);
    if ((b & 0xC0) == 0x80) continue;
    if ((b < 0xC0 ? 1u : b < 0xE0 ? 2u : b < 0xF0 ? 3u : 4u) != e - j) break;
    *end = j;
    return UnitAt(s, &j);
  }
  *end = e - 1;
  return (uint64_t{1} << 8) | static_cast<unsigned char>(s[e - 1]);
}

uint32_t UnitTrie::Insert(std::string_view w, bool reversed) {
  uint32_t n = 0;
  if (!reversed) {
    for (size_t i = 0; i < w.size();) n = AddChild(n, UnitAt(w, &i));
  } else {
    for (size_t e = w.size(); e > 0;) n = AddChild(n, UnitBefore(w, &e));
  }
  return n;
}

void RootTable::Build(const UnitTrie& trie) {
  std::fill(std::begin(ascii_), std::end(ascii_), 0u);
  std::fill(std::begin(bits_), std::end(bits_), uint64_t{0});
  std::vector<uint32_t> wide(1u << 16, 0);
  for (size_t h = 0; h < trie.keys.size(); ++h) {
    const uint64_t key = trie.keys[h];
    if ((key >> 36) != 1) continue;  // not a root edge (or a free slot)
    const uint64_t unit = key & ((uint64_t{1} << 36) - 1);
    if ((unit >> 8) == 1 && (unit & 0xFF) < 0x80) {
      ascii_[unit & 0x7F] = trie.kids[h];
    } else if (IsWide(unit)) {
      const uint32_t code = Code3(unit);
      wide[code] = trie.kids[h];
      bits_[code >> 6] |= uint64_t{1} << (code & 63);
    }
  }
  kids_.clear();
  for (uint32_t b = 0; b < 1024; ++b) {
    base_[b] = static_cast<uint32_t>(kids_.size());
    for (uint32_t c = b * 64; c < b * 64 + 64; ++c) {
      if (wide[c]) kids_.push_back(wide[c]);
    }
  }
}

}  // namespace pkg::ingest
