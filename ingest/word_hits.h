// Word hits: every rule word of every named kind (rule_kinds.h) in one
// document, found in one pass, so that the recognisers' thousands of "does a
// word of kind K start here?" questions per document are table look-ups
// instead of trie walks, and "where is the next word of kind K?" reads a
// list instead of scanning the clause.
//
// AllWords is the union of the kinds' word sets: one trie whose nodes carry
// the (kind, first rule) pairs of the words ending there, and one start
// filter. It is built with the RuleSet (RuleSet::All()).
//
// WordHits holds, for one text, every (position, length, kind, rule) at
// which some word starts, behind a rank bitmap (one bit per byte, a 64-bit
// kind mask per position with hits), so a look-up at a position without
// hits costs a few instructions. Answers equal those of RuleSet::Words(k)
// (WordSet) over the same text or over any view inside it: the longest word
// of the kind starting at a position and ending within the view, with the
// first rule of the kind that lists it (tests/ingest/word_hits_test.cc
// checks this for every kind, position and many view ends).
//
// SuffixAt (WordSet::SuffixAt's answers) reads the same hits: the positions
// with hits within the kind's longest word before the end.
//
// Memory: about 1.5 bits a byte of text plus 12 bytes a position with hits
// and 8 bytes a hit. Thread safety: AllWords is immutable after Build; a
// WordHits belongs to one document on one thread.
#pragma once

#include <bit>
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "ingest/rule_kinds.h"
#include "ingest/rules.h"

namespace pkg::ingest {

static_assert(static_cast<size_t>(RuleKind::kCount) <= 64, "WordHits keeps the kinds at a position in 64 bits");

class AllWords {
 public:
  // Every word of every kind named in rule_kinds.h, from `rules`, where a
  // kind's rules are in rule-file order (so the first rule listing a word
  // wins, as in WordSet).
  explicit AllWords(const std::map<std::string, std::vector<const Rule*>, std::less<>>& by_kind);
  bool empty() const { return terms_.empty(); }

 private:
  friend class WordHits;
  struct Term {
    RuleKind kind;
    const Rule* rule;
  };
  // What a step of Build reads of a node, in 24 bytes.
  struct Node {
    uint64_t kids;                    // UnitTrie::Kids::mask: most later steps find no child
    uint32_t term_begin, term_end;    // its terms in terms_
    uint32_t one_unit, one_kid;       // UnitTrie::Kids: a node with one child holds it (no probe)
  };
  UnitTrie trie_;
  RootTable root_;  // the trie's first step for ASCII and three-byte characters
  StartFilter start_;  // the other first steps
  std::vector<Node> nodes_;
  std::vector<Term> terms_;           // by node, in insertion order
  size_t max_len_[static_cast<size_t>(RuleKind::kCount)] = {};  // by kind: its longest word in bytes
};

class WordHits {
 public:
  // Finds every word of `all` in `text` (replacing what was there). `text`
  // must outlive the look-ups only through the positions it gave: the hits
  // keep no pointer into it.
  void Build(const AllWords& all, std::string_view text);
  bool ready() const { return all_ != nullptr; }
  size_t text_size() const { return size_; }

  // The longest word of kind k starting at `pos` and ending by `end`
  // (pos < end <= text size); nullptr when none. *len gets its length.
  // Inline up to the kind test: most positions have no word of the kind.
  const Rule* PrefixAt(RuleKind k, size_t pos, size_t end, size_t* len) const {
    if (pos >= end || pos >= size_) return nullptr;
    const uint64_t m = block_mask_[pos >> 6];
    const unsigned bit = pos & 63;
    if (!((m >> bit) & 1)) return nullptr;
    const uint32_t idx = block_base_[pos >> 6] + static_cast<uint32_t>(std::popcount(m & ((uint64_t{1} << bit) - 1)));
    if (!((kinds_[idx] >> static_cast<size_t>(k)) & 1)) return nullptr;
    return Longest(k, idx, pos, end, len);
  }
  // The first position in [from, end) where a word of kind k starts and
  // ends by `end` (the longest there); npos when none.
  size_t Find(RuleKind k, size_t from, size_t end, size_t* len, const Rule** rule) const;

  // The first position in [from, end) where a word of kind k starts (of
  // any length), or `end` when none.
  size_t NextStart(RuleKind k, size_t from, size_t end) const {
    const uint32_t at = kind_pos_[Seek(k, from)];  // the kind's end sentinel when none
    return at < end ? at : end;
  }

  // The longest word of kind k ending at `end` and starting at or after
  // `lo` (lo < end <= text size), as WordSet::SuffixAt over the view
  // [lo, end); nullptr when none. *len gets its length.
  const Rule* SuffixAt(RuleKind k, size_t lo, size_t end, size_t* len) const;

  size_t hits() const { return hits_.size(); }

 private:
  // PrefixAt's part after the kind test, at the idx-th position with hits.
  const Rule* Longest(RuleKind k, uint32_t idx, size_t pos, size_t end, size_t* len) const;
  // The index in kind_pos_ of kind k's first start at or after `from`
  // (its end sentinel when none): std::lower_bound, but tried first at the
  // kind's last answer and the one after it (the stages ask about nearby,
  // mostly rising positions). The sentinels around each kind's list let
  // both tests read their neighbours without bounds checks.
  uint32_t Seek(RuleKind k, size_t from) const {
    const auto kk = static_cast<size_t>(k);
    const uint32_t* pos = kind_pos_.data();
    const uint32_t c = cursor_[kk];  // kind_first_[k] <= c <= kind_end_[k]
    if (pos[c - 1] < from && from <= pos[c]) return c;
    if (pos[c] < from && from <= pos[c + 1]) return cursor_[kk] = c + 1;
    return SeekFar(kk, from);
  }
  uint32_t SeekFar(size_t kk, size_t from) const;
  struct Hit {
    uint32_t len;
    uint32_t term;  // index into AllWords' terms
  };
  const AllWords* all_ = nullptr;
  size_t size_ = 0;
  std::vector<uint64_t> block_mask_;  // by 64-byte block: which bytes start a hit
  std::vector<uint32_t> block_base_;  // by block: index of its first position with hits
  std::vector<uint64_t> kinds_;       // by position with hits: the kinds starting there
  std::vector<uint32_t> first_;       // by position with hits: its first hit (one extra at the end)
  std::vector<Hit> hits_;             // by position, then by length
  // By kind, ascending, where its words start; each kind's list between a
  // sentinel 0 before it and a sentinel kNoPos after it.
  static constexpr uint32_t kNoPos = 0xFFFFFFFF;
  std::vector<uint32_t> kind_pos_;
  uint32_t kind_first_[static_cast<size_t>(RuleKind::kCount)] = {};  // by kind: its first entry in kind_pos_
  uint32_t kind_end_[static_cast<size_t>(RuleKind::kCount)] = {};    // by kind: its end sentinel in kind_pos_
  // Seek's last answer by kind; a cache that changes no answer (mutable:
  // a WordHits is read by one thread).
  mutable uint32_t cursor_[static_cast<size_t>(RuleKind::kCount)] = {};
};

// A kind's words as the stages read them: the WordSet's interface, answered
// from a document's hits when the text asked about is the document's text or
// a view inside it, and by the WordSet otherwise (another string, or no hits
// built). A small value, made by DocContext::Words.
class KindWords {
 public:
  KindWords(const WordSet& words, RuleKind kind, const WordHits* hits, std::string_view doc)
      : words_(&words), hits_(hits && hits->ready() ? hits : nullptr), doc_(doc), kind_(kind) {}

  const Rule* PrefixAt(std::string_view text, size_t pos, size_t* len) const {
    size_t off = 0;
    if (!Inside(text, &off)) return words_->PrefixAt(text, pos, len);
    return pos < text.size() ? hits_->PrefixAt(kind_, off + pos, off + text.size(), len) : nullptr;
  }
  // PrefixAt(doc, pos, len) for the document's own text (the one given to
  // the constructor): the same answer without the view test.
  const Rule* PrefixAtDoc(size_t pos, size_t* len) const {
    return hits_ ? hits_->PrefixAt(kind_, pos, doc_.size(), len) : words_->PrefixAt(doc_, pos, len);
  }
  size_t Find(std::string_view text, size_t from, size_t* len = nullptr, const Rule** rule = nullptr) const {
    size_t off = 0;
    if (!Inside(text, &off)) return words_->Find(text, from, len, rule);
    const size_t at = hits_->Find(kind_, off + from, off + text.size(), len, rule);
    return at == std::string_view::npos ? at : at - off;
  }
  // A position at or after `from`, before `end`, where a word of the kind
  // may start: no word of it starts in [from, result). `end` when none is
  // left; `from` itself when there are no hits to tell (the caller then
  // tests each position as before). For loops that step through a clause
  // testing PrefixAt at each character: they may jump here first.
  size_t Skip(std::string_view text, size_t from, size_t end) const {
    size_t off = 0;
    if (from >= end || from >= text.size() || !Inside(text, &off)) return from;
    const size_t stop = std::min(end, text.size());
    const size_t at = hits_->NextStart(kind_, off + from, off + stop) - off;
    return at >= stop ? end : at;
  }
  const Rule* SuffixAt(std::string_view text, size_t end, size_t* len) const {
    size_t off = 0;
    if (!Inside(text, &off)) return words_->SuffixAt(text, end, len);
    return end > 0 && end <= text.size() ? hits_->SuffixAt(kind_, off, off + end, len) : nullptr;
  }
  bool Contains(std::string_view w) const { return words_->Contains(w); }
  template <class F>
  void ForEachPrefixAt(std::string_view text, size_t pos, F&& f) const {
    words_->ForEachPrefixAt(text, pos, std::forward<F>(f));
  }
  bool empty() const { return words_->empty(); }
  const WordSet& words() const { return *words_; }

 private:
  // True, with *off the view's offset, when `text` lies within the document.
  bool Inside(std::string_view text, size_t* off) const {
    if (!hits_) return false;
    // Unsigned: a view before the document wraps to an offset past its end.
    const uintptr_t o = reinterpret_cast<uintptr_t>(text.data()) - reinterpret_cast<uintptr_t>(doc_.data());
    if (o > doc_.size() || text.size() > doc_.size() - o) return false;
    *off = o;
    return true;
  }
  const WordSet* words_;
  const WordHits* hits_;
  std::string_view doc_;
  RuleKind kind_;
};

}  // namespace pkg::ingest
