// AhoCorasick: finds every occurrence of many patterns in one pass over the
// text (Aho & Corasick 1975), over UTF-8 bytes.
//
// Patterns are whole UTF-8 strings, so in valid UTF-8 text a match always
// starts and ends on a character boundary. Add() the patterns, Build() once,
// then FindAll() from any number of threads. Transitions are sparse (sorted
// byte → state arrays) except at the root, which is a dense 256-entry table;
// memory is about 12 bytes per trie node.
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

namespace pkg::ingest {

class AhoCorasick {
 public:
  struct Match {
    uint32_t begin, end;  // byte span in the text
    uint32_t pattern;     // id returned by Add
  };

  // Adds a pattern and returns its id (ids are dense, from 0). Adding the same
  // string twice returns the first id. Empty patterns are ignored (returns -1).
  // REQUIRES: Build() has not been called.
  int32_t Add(std::string_view pattern);
  void Build();

  // Every occurrence of every pattern, ordered by end, then longest first.
  std::vector<Match> FindAll(std::string_view text) const;

  size_t num_patterns() const { return lengths_.size(); }
  size_t num_states() const { return states_.size(); }

 private:
  struct State {
    uint32_t edges = 0;       // index of the first edge in edges_ (after Build)
    uint32_t num_edges = 0;
    int32_t fail = 0;
    int32_t output = -1;      // pattern ending here, or -1
    int32_t dict = -1;        // nearest state on the fail chain with an output
  };
  struct Edge {
    uint8_t byte;
    uint32_t to;
  };
  uint32_t Next(uint32_t s, uint8_t b) const;  // goto with failure (after Build)
  int32_t Child(uint32_t s, uint8_t b) const;  // -1 when none (after Build)

  std::vector<State> states_{State{}};
  std::vector<std::vector<Edge>> build_edges_{{}};  // per state while adding
  std::vector<Edge> edges_;
  std::vector<uint32_t> root_;      // dense root transitions
  // Dense goto tables (failures resolved) for the states of depth 1 and 2,
  // where most of the text's bytes are read: dense_row_[state] is a row of
  // 256 entries in dense_, or -1.
  std::vector<int32_t> dense_row_;
  std::vector<uint32_t> dense_;
  std::vector<uint32_t> lengths_;   // pattern id → byte length
  bool built_ = false;
};

}  // namespace pkg::ingest
