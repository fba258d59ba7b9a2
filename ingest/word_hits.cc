// Word hits; see word_hits.h.
#include "ingest/word_hits.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace pkg::ingest {

static_assert(std::endian::native == std::endian::little, "Build reads four text bytes as one little-endian word");

AllWords::AllWords(const std::map<std::string, std::vector<const Rule*>, std::less<>>& by_kind) {
  std::vector<std::vector<Term>> at;  // by node
  for (size_t k = 0; k < static_cast<size_t>(RuleKind::kCount); ++k) {
    const auto kind = static_cast<RuleKind>(k);
    auto it = by_kind.find(RuleKindName(kind));
    if (it == by_kind.end()) continue;
    for (const Rule* r : it->second) {
      for (const auto& w : r->words) {
        if (w.empty()) continue;
        start_.Add(w);
        const uint32_t n = trie_.Insert(w, false);
        max_len_[k] = std::max(max_len_[k], w.size());
        if (at.size() < trie_.nodes) at.resize(trie_.nodes);
        auto& terms = at[n];
        bool known = false;
        for (const Term& t : terms) known |= t.kind == kind;
        if (!known) terms.push_back({kind, r});  // the first rule of the kind wins
      }
    }
  }
  at.resize(trie_.nodes);
  const std::vector<UnitTrie::Kids> kids = trie_.KidsByNode();
  nodes_.reserve(at.size());
  for (size_t n = 0; n < at.size(); ++n) {
    const auto begin = static_cast<uint32_t>(terms_.size());
    terms_.insert(terms_.end(), at[n].begin(), at[n].end());
    nodes_.push_back(Node{kids[n].mask, begin, static_cast<uint32_t>(terms_.size()), kids[n].one_unit, kids[n].one_kid});
  }
  root_.Build(trie_);
}

void WordHits::Build(const AllWords& all, std::string_view text) {
  all_ = &all;
  size_ = text.size();
  const size_t blocks = (text.size() + 64) / 64;
  block_mask_.assign(blocks, 0);
  block_base_.assign(blocks, 0);
  kinds_.clear();
  first_.clear();
  hits_.clear();
  // Room for a usual density of hits at once (a fresh index per document
  // would otherwise grow each vector a dozen times); capped for huge texts.
  const size_t guess = std::min<size_t>(text.size() / 4, size_t{1} << 20);
  hits_.reserve(guess);
  kinds_.reserve(guess / 2);
  first_.reserve(guess / 2 + 1);
  constexpr size_t kKinds = static_cast<size_t>(RuleKind::kCount);
  std::vector<uint32_t> per_kind(kKinds, 0);
  if (!all.empty()) {
    const size_t size = text.size();
    const auto* u = reinterpret_cast<const unsigned char*>(text.data());
    for (size_t i = 0; i < size;) {
      // The first step, from the root: ASCII and whole three-byte
      // characters through the root table (exact), the rest through the
      // start filter and the trie. A position that is a continuation byte
      // starts nothing.
      const size_t start = i;
      const unsigned char b = u[i];
      size_t j;
      uint32_t n;
      uint32_t w = 0;
      if (size - i >= 4) std::memcpy(&w, u + i, 4);  // one load; little-endian: b is its low byte
      if ((w & 0xC0C0F0) == 0x8080E0) {  // a whole three-byte character, bytes tested at once
        n = all.root_.Wide((w & 0x0F) << 12 | (w & 0x3F00) >> 2 | ((w >> 16) & 0x3F));
        j = i = i + 3;
      } else if (b < 0x80) {
        n = all.root_.Ascii(b);
        j = i = i + 1;
      } else if ((b & 0xF0) == 0xE0 && size - i >= 3 && (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
        n = all.root_.Wide(RootTable::Code3(b, u[i + 1], u[i + 2]));
        j = i = i + 3;  // the next two bytes are continuation bytes
      } else {
        ++i;
        if ((b & 0xC0) == 0x80 || !all.start_.MayStart(text, start)) continue;
        j = start;
        n = all.trie_.Child(0, UnitTrie::UnitAt(text, &j));
      }
      if (!n) continue;
      const size_t before = hits_.size();
      uint64_t kinds = 0;
      for (;;) {
        const AllWords::Node& node = all.nodes_[n];
        for (uint32_t t = node.term_begin; t < node.term_end; ++t) {
          hits_.push_back({static_cast<uint32_t>(j - start), t});
          const auto k = static_cast<size_t>(all.terms_[t].kind);
          if (!((kinds >> k) & 1)) ++per_kind[k];
          kinds |= uint64_t{1} << k;
        }
        if (j >= size) break;
        // UnitAt, with a three-byte lead (most of the text) packed from one
        // four-byte load (UnitAt packs its bytes whatever they are too).
        uint64_t unit;
        uint32_t v = 0;
        if (size - j >= 4) std::memcpy(&v, u + j, 4);
        if ((v & 0xF0) == 0xE0) {
          unit = uint64_t{3} << 24 | (__builtin_bswap32(v) >> 8);
          j += 3;
        } else {
          unit = UnitTrie::UnitAt(text, &j);
        }
        if (node.one_kid) {
          if (unit != node.one_unit) break;
          n = node.one_kid;
          continue;
        }
        if (!((node.kids >> UnitTrie::KidBit(unit)) & 1) || !(n = all.trie_.Child(n, unit))) break;
      }
      if (hits_.size() == before) continue;
      block_mask_[start >> 6] |= uint64_t{1} << (start & 63);
      kinds_.push_back(kinds);
      first_.push_back(static_cast<uint32_t>(before));
    }
  }
  first_.push_back(static_cast<uint32_t>(hits_.size()));
  uint32_t base = 0;
  for (size_t b = 0; b < blocks; ++b) {
    block_base_[b] = base;
    base += static_cast<uint32_t>(std::popcount(block_mask_[b]));
  }
  // Positions by kind: a counting sort of the (position, kind) pairs.
  uint32_t at = 0;
  for (size_t k = 0; k < kKinds; ++k) {
    kind_first_[k] = at + 1;  // after the sentinel 0
    kind_end_[k] = at + 1 + per_kind[k];
    at = kind_end_[k] + 1;
  }
  kind_pos_.assign(at, 0);
  for (size_t k = 0; k < kKinds; ++k) kind_pos_[kind_end_[k]] = kNoPos;
  std::vector<uint32_t> fill(kind_first_, kind_first_ + kKinds);
  size_t idx = 0;
  for (size_t b = 0; b < blocks; ++b) {
    for (uint64_t m = block_mask_[b]; m; m &= m - 1, ++idx) {
      const auto pos = static_cast<uint32_t>(b * 64 + std::countr_zero(m));
      for (uint64_t ks = kinds_[idx]; ks; ks &= ks - 1) kind_pos_[fill[std::countr_zero(ks)]++] = pos;
    }
  }
  std::copy(kind_first_, kind_first_ + kKinds, cursor_);
}

const Rule* WordHits::Longest(RuleKind k, uint32_t idx, size_t pos, size_t end, size_t* len) const {
  const Rule* best = nullptr;
  for (uint32_t h = first_[idx]; h < first_[idx + 1]; ++h) {
    const Hit& hit = hits_[h];
    if (pos + hit.len > end) break;  // longer ones end later still
    const AllWords::Term& t = all_->terms_[hit.term];
    if (t.kind != k) continue;
    best = t.rule;
    if (len) *len = hit.len;
  }
  return best;
}

size_t WordHits::Find(RuleKind k, size_t from, size_t end, size_t* len, const Rule** rule) const {
  for (const uint32_t* it = kind_pos_.data() + Seek(k, from); *it < end; ++it) {  // the sentinel stops it
    size_t l = 0;
    if (const Rule* r = PrefixAt(k, *it, end, &l)) {
      if (len) *len = l;
      if (rule) *rule = r;
      return *it;
    }
  }
  return std::string_view::npos;
}

uint32_t WordHits::SeekFar(size_t kk, size_t from) const {
  const uint32_t* pos = kind_pos_.data();
  return cursor_[kk] = static_cast<uint32_t>(std::lower_bound(pos + kind_first_[kk], pos + kind_end_[kk], from) - pos);
}

const Rule* WordHits::SuffixAt(RuleKind k, size_t lo, size_t end, size_t* len) const {
  const auto kk = static_cast<size_t>(k);
  const size_t longest = all_->max_len_[kk];
  if (end > size_ || lo >= end || longest == 0) return nullptr;
  // The kind's starts from the earliest a word of it may have; the first
  // with a word of the kind ending at `end` has the longest (a position's
  // hits come shortest first). The end sentinel stops the walk.
  const uint32_t* pos = kind_pos_.data();
  for (uint32_t c = Seek(k, end - lo > longest ? end - longest : lo); pos[c] < end; ++c) {
    const size_t p = pos[c], want = end - p;
    const uint64_t m = block_mask_[p >> 6];
    const uint32_t idx = block_base_[p >> 6] + static_cast<uint32_t>(std::popcount(m & ((uint64_t{1} << (p & 63)) - 1)));
    for (uint32_t h = first_[idx]; h < first_[idx + 1] && hits_[h].len <= want; ++h) {
      const AllWords::Term& t = all_->terms_[hits_[h].term];
      if (hits_[h].len != want || t.kind != k) continue;
      if (len) *len = want;
      return t.rule;
    }
  }
  return nullptr;
}

}  // namespace pkg::ingest
