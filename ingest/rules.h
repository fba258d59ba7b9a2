// Rules: the pattern vocabulary of Chinese policy language, loaded from
// data/rules/*.tsv, so that an analyst extends the extractor by editing data.
//
// Each line of a rule file is   id <TAB> kind <TAB> arg <TAB> word|word|…
// e.g.  item.fund  head  Fund  基金|母基金|投资基金|产业基金
// `kind` says which stage uses the rule and how (the kinds are listed in
// docs/ingest.md and at the top of each rule file); `arg` is its parameter (a
// node type, an indicator kind, an instrument); the words are the surface
// forms it reacts to. The id is written into the provenance of everything
// the rule produces. Lines starting with '#' and blank lines are ignored.
//
// WordSet answers "which word of this kind starts (or ends) here", longest
// first, by walking a trie whose steps are whole UTF-8 characters (a
// reversed one for "ends here"): no allocation, one hash probe per character
// of the longest word. A bit table over the first (and last) characters of
// the words rejects most positions before the trie is touched, so scanning a
// clause position by position stays cheap. Over a whole document the
// recognisers ask word_hits.h instead, which finds every kind's words in one
// pass (DocContext::Words).
//
// Thread safety: immutable after loading.
// Tested in tests/ingest/rules_test.cc.
#pragma once

#include <cstring>
#include <map>
#include <tuple>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "ingest/rule_kinds.h"
#include "ingest/unit_trie.h"

namespace pkg::ingest {

class AllWords;  // word_hits.h

struct Rule {
  std::string id, kind, arg;
  std::vector<std::string> words;
  std::string origin;  // "data/rules/items.tsv:12"
  size_t order = 0;    // position among the rules of its kind (file order)
};

// "Can a word start here?", answered without touching a trie: it hashes the
// bytes of the first character (for the one-character words) and of the
// first two (for the longer words) into two bit tables, so most positions
// are rejected without decoding a code point.
class StartFilter {
 public:
  void Add(std::string_view word);
  // REQUIRES pos < text.size().
  bool MayStart(std::string_view text, size_t pos) const {
    const size_t room = text.size() - pos;
    uint64_t w = 0;
    if (room >= 8) {
      std::memcpy(&w, text.data() + pos, 8);  // one load, no library call
    } else {
      std::memcpy(&w, text.data() + pos, room);
    }
    const size_t n1 = LeadLen(static_cast<uint8_t>(w));
    if (TestSlot(single_, Slot(w & ByteMask(n1)))) return true;
    if (n1 >= room) return false;  // room for a one-character word only
    const size_t n2 = n1 + LeadLen(static_cast<uint8_t>(w >> (8 * n1)));
    return TestSlot(pair_, Slot(w & ByteMask(n2 > 8 ? 8 : n2)));
  }

 private:
  // The keys: the first one or two characters' bytes (at most 8,
  // little-endian in a word), hashed to kSlotBits.
  static constexpr uint32_t kSlotBits = 15;
  static size_t LeadLen(uint8_t b) {
    // 1 + (b >= 0xC0) + (b >= 0xE0) + (b >= 0xF0), by the high nibble: 2 bits each in one constant.
    return (0xE5000000ull >> (2 * (b >> 4)) & 3) + 1;
  }
  static uint64_t ByteMask(size_t n) { return n >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1; }
  static uint32_t Slot(uint64_t key) { return static_cast<uint32_t>((key * 0x9E3779B97F4A7C15ull) >> (64 - kSlotBits)); }
  static bool TestSlot(const uint64_t* bits, uint32_t slot) { return (bits[slot >> 6] >> (slot & 63)) & 1; }
  static void SetSlot(uint64_t* bits, uint32_t slot) { bits[slot >> 6] |= uint64_t{1} << (slot & 63); }
  uint64_t single_[(1u << kSlotBits) / 64] = {};  // the one-character words
  uint64_t pair_[(1u << kSlotBits) / 64] = {};    // the first two characters of the longer words
};

// Words of one or more rules, for longest-match look-ups at a position.
class WordSet {
 public:
  void Add(const std::string& word, const Rule* rule);
  // Longest word starting at text[pos]; nullptr when none. *len gets its length.
  const Rule* PrefixAt(std::string_view text, size_t pos, size_t* len) const;
  // Longest word ending at text[end) ; nullptr when none.
  const Rule* SuffixAt(std::string_view text, size_t end, size_t* len) const;
  // First occurrence at or after `from` (leftmost, then longest); npos when none.
  size_t Find(std::string_view text, size_t from, size_t* len = nullptr, const Rule** rule = nullptr) const;
  bool Contains(std::string_view w) const;
  // Calls f(rule, length) for every word starting at text[pos], shortest
  // first (each word reports the first rule that listed it).
  template <class F>
  void ForEachPrefixAt(std::string_view text, size_t pos, F&& f) const {
    if (pos >= text.size() || size_ == 0 || !start_.MayStart(text, pos)) return;
    uint32_t n = 0;
    for (size_t i = pos; i < text.size();) {
      if (!(n = fwd_.Child(n, UnitTrie::UnitAt(text, &i)))) return;
      if (fwd_rule_[n]) f(fwd_rule_[n], i - pos);
    }
  }
  bool empty() const { return size_ == 0; }

 private:
  // PrefixAt without the filter (pos < text.size(), the filter passed).
  const Rule* Walk(std::string_view text, size_t pos, size_t* len) const;
  // Filter bits over the last code point, indexed by its low bits.
  static constexpr uint32_t kFilterBits = 13;
  static bool Test(const uint64_t* bits, uint32_t cp) {
    cp &= (1u << kFilterBits) - 1;
    return (bits[cp >> 6] >> (cp & 63)) & 1;
  }
  static void Set(uint64_t* bits, uint32_t cp) {
    cp &= (1u << kFilterBits) - 1;
    bits[cp >> 6] |= uint64_t{1} << (cp & 63);
  }
  UnitTrie fwd_, rev_;
  std::vector<const Rule*> fwd_rule_{nullptr}, rev_rule_{nullptr};  // by node: the first rule of a word ending there
  StartFilter start_;
  uint64_t last_[(1u << kFilterBits) / 64] = {};  // last code points
  size_t size_ = 0;
};

class RuleSet {
 public:
  RuleSet();
  // Reads every *.tsv in `dir` (sorted by name). Errors name file and line.
  static Result<std::shared_ptr<const RuleSet>> LoadDir(const std::string& dir);
  // Parses one file's text (for tests); `origin` prefixes error messages.
  Status AddText(std::string_view text, const std::string& origin);

  // Rules of a kind, in file order (empty when none).
  const std::vector<const Rule*>& OfKind(std::string_view kind) const;
  // All words of a kind, merged into one WordSet (built on first use).
  const WordSet& Words(std::string_view kind) const;
  // The same, by a kind the code names (rule_kinds.h): an array index.
  const WordSet& Words(RuleKind kind) const {
    const WordSet* w = by_kind_id_[static_cast<size_t>(kind)];
    return w ? *w : Words(RuleKindName(kind));  // null only before any text was added
  }
  // All words of a kind whose arg equals `arg`.
  const WordSet& Words(std::string_view kind, std::string_view arg) const;
  // The same, by a kind the code names: a short list of the kind's args, no map walk.
  const WordSet& Words(RuleKind kind, std::string_view arg) const;
  // The words of every kind rule_kinds.h names, in one trie (word_hits.h).
  const AllWords& All() const { return *all_; }
  size_t size() const { return rules_.size(); }

 private:
  std::vector<std::unique_ptr<Rule>> rules_;
  std::map<std::string, std::vector<const Rule*>, std::less<>> by_kind_;
  // By kind, filled by Finish(); hashed because the stages look kinds up in
  // their inner loops (a string_view key, no allocation).
  struct SvHash {
    using is_transparent = void;
    // Kind names are a few dozen short identifiers: length and three bytes
    // tell them apart well enough (equality is checked after), in O(1).
    size_t operator()(std::string_view s) const {
      if (s.empty()) return 0;
      uint64_t h = (s.size() * 0x9E3779B97F4A7C15ull) ^ (static_cast<unsigned char>(s[0]) << 16) ^
                   (static_cast<unsigned char>(s[s.size() / 2]) << 8) ^ static_cast<unsigned char>(s.back());
      return static_cast<size_t>(h * 0xBF58476D1CE4E5B9ull >> 17);
    }
  };
  std::unordered_map<std::string, WordSet, SvHash, std::equal_to<>> words_;
  // By (kind, arg), looked up without building a string.
  struct PairLess {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      // As string_views: libc++/clang has no tuple<string&> < tuple<string_view&>.
      using V = std::tuple<std::string_view, std::string_view>;
      return V(a.first, a.second) < V(b.first, b.second);
    }
  };
  std::map<std::pair<std::string, std::string>, WordSet, PairLess> words_by_arg_;
  // By RuleKind: into words_, or the empty set for kinds without rules.
  const WordSet* by_kind_id_[static_cast<size_t>(RuleKind::kCount)] = {};
  // By RuleKind: its (arg, words) pairs, into words_by_arg_.
  std::vector<std::pair<std::string_view, const WordSet*>> by_kind_arg_[static_cast<size_t>(RuleKind::kCount)];
  std::shared_ptr<const AllWords> all_;  // never null
  void Finish();
};

}  // namespace pkg::ingest
