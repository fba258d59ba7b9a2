// AhoCorasick: finds every occurrence of many patterns in one pass over the
// text (Aho & Corasick 1975), a UTF-8 character at a time.
//
// The automaton steps on whole characters (UnitTrie::ValidUnitAt: a
// character with its continuation bytes, else one byte), so a Chinese
// character costs one transition, not three. Patterns must be valid UTF-8
// (Add refuses others); then every occurrence of their bytes in any text,
// valid or not, is found, as a byte-level automaton would. Add() the
// patterns, Build() once, then FindAll() from any number of threads.
// Transitions live in one hash table (unit_trie.h); memory is about 40
// bytes per trie node.
// What it does not do: choose among overlapping matches (callers take the
// leftmost-longest, see lexicon_matcher in recognize), or fold case.
//
// Thread safety: Add/Build are not thread-safe; FindAll is const and safe.
// Tested in tests/ingest/aho_corasick_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/unit_trie.h"

namespace pkg::ingest {

class AhoCorasick {
 public:
  struct Match {
    uint32_t begin, end;  // byte span in the text
    uint32_t pattern;     // id returned by Add
  };

  // Adds a pattern and returns its id (ids are dense, from 0). Adding the same
  // string twice returns the first id. Empty patterns and patterns that are
  // not valid UTF-8 are ignored (returns -1).
  // REQUIRES: Build() has not been called.
  int32_t Add(std::string_view pattern);
  void Build();

  // Every occurrence of every pattern, ordered by end, then longest first.
  std::vector<Match> FindAll(std::string_view text) const;

  size_t num_patterns() const { return lengths_.size(); }
  size_t num_states() const { return trie_.nodes; }

 private:
  uint32_t Next(uint32_t s, uint64_t unit) const;  // goto with failure (after Build)
  // The child for `unit` of s or of the first node on its failure chain
  // that has one, the root excluded; 0 when none.
  uint32_t Down(uint32_t s, uint64_t unit) const;
  // What a text step reads of a node, in 24 bytes (after Build).
  struct Node {
    UnitTrie::Kids kids;  // a clear mask bit or another one unit: no child there, no probe
    uint32_t fail = 0;    // the failure link
    int32_t report = -1;  // the first node with an output on the chain from here (itself, then dict_), or -1
  };
  UnitTrie trie_;
  RootTable root_;                  // the root's children (after Build)
  std::vector<Node> nodes_;         // by node (after Build)
  std::vector<int32_t> output_{-1};  // by node: the pattern ending here, or -1
  std::vector<int32_t> dict_;       // by node: nearest node on the fail chain with an output, or -1
  std::vector<uint32_t> lengths_;   // pattern id → byte length
  bool built_ = false;
};

}  // namespace pkg::ingest
