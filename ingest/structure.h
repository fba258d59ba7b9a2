// Structure: normalised text → lines, sentences, clauses and enumerated items.
//
// Items are the skeleton of policy texts: 第X章, 第X条, 一、, (一), 第一,, 1. / 1、,
// (1) / ①, and 一是/二是 (at a line start or a sentence start). Each item
// extends to the next item of the same or a higher level; its first sentence
// is its heading (in "一是夯实工业根基,着力推进…的新型工业化。" or
// "(三)加快发展新质生产力。" the heading states the goal that the measures
// under it serve). Sentences end at 。!?; and at line ends; clauses split
// sentences at , and : and around brackets (a clause may start with "(").
// Brackets do not nest here, so unbalanced ones are harmless. Sentences are
// cut at 4 KB and clauses at 512 bytes, so later stages never see a huge one.
// What it does not do: read meaning; recognize.h and relate.h do.
//
// Tested in tests/ingest/structure_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pkg::ingest {

struct Span {
  uint32_t begin = 0, end = 0;
  bool contains(uint32_t p) const { return p >= begin && p < end; }
};

struct Sentence {
  Span span;                  // without the terminal punctuation
  int index = 0;              // 0-based, in document order
  int item = -1;              // innermost enumerated item containing it
  bool heading = false;       // the first sentence of an item (or a heading line)
  bool line_start = false;    // begins a line (paragraph)
  std::vector<Span> clauses;  // split at , : ( )
};

struct Item {
  Span span;               // marker to the end of the item's extent
  uint32_t body = 0;       // offset just past the marker
  int level = 0;           // 0 章, 1 一、/第X条/第X节, 2 (一)/专栏N/第一,, 3 1., 4 (1)/①, 5 一是
  int parent = -1;
  int heading_sentence = -1;
  std::string marker;      // "一、", "(一)", "一是", …
};

struct Structure {
  std::vector<Sentence> sentences;
  std::vector<Item> items;
  // The sentence containing offset p, or -1.
  int SentenceAt(uint32_t p) const;
};

// Analyses text[begin, end). Offsets in the result are offsets into `text`.
Structure AnalyzeStructure(std::string_view text, uint32_t begin, uint32_t end);

// The enumeration marker at text[pos] (a line or sentence start): its level
// (see Item) and byte length; level -1 when there is none. `inline_only`
// restricts to markers that may appear mid-line (一是).
int MarkerAt(std::string_view text, size_t pos, size_t* len, bool inline_only);

}  // namespace pkg::ingest
