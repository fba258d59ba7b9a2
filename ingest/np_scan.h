// Noun-phrase scanning helpers shared by the recognisers: where a name
// starts (after subjects, adverbs, governing verbs, quantifiers, tiers and
// amounts), and whether a head word really ends a name.
//
// All positions are byte offsets into the normalised text, on character
// boundaries. The vocabulary comes from data/rules/items.tsv (strip, level,
// trigger, coord, list_end, name_tail) and indicators.tsv (count_unit).
//
// Tested in tests/ingest/recognize_test.cc.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "graph/value.h"
#include "ingest/mention.h"

namespace pkg::ingest {

// What the prefix of a noun phrase said before its name began.
struct NpPrefix {
  StringList levels;           // tiers: "national", "municipal", …
  int64_t count = 0;           // "20家" → 20
  std::optional<Amount> size;  // "总规模1000亿元的" → 1000 亿元
};

// What SkipNoise may skip.
enum NoiseFlags : int {
  kNoiseLevels = 1,     // tiers (国家级, 市级), moved into NpPrefix::levels
  kNoiseAdverbs = 2,    // strip words other than those with arg "object" (adverbs, prepositions)
  kNoiseActors = 4,     // Region, Agency and Enterprise lexicon names (subjects)
  kNoiseObject = 8,     // strip words with arg "object" (quantifiers) and counts (20家)
  kNoiseTime = 16,      // time words (2025年, 今年, 前三季度)
  kNoiseAmount = 32,    // modifiers holding a number, with their 的 (总规模1000亿元的)
  kNoiseAll = 63,
  kNoiseAfterVerb = kNoiseLevels | kNoiseObject | kNoiseAmount,
};

// Skips leading noise at [b, e) as `flags` allow. Does not skip verbs.
uint32_t SkipNoise(const DocContext& ctx, uint32_t b, uint32_t e, NpPrefix* info, int flags = kNoiseAll);

// Skips noise and then any governing verbs (triggers) at the start of
// [b, e); returns the start of the object noun phrase.
uint32_t SkipToObject(const DocContext& ctx, uint32_t b, uint32_t e, NpPrefix* info);
// The same when its first step is done: `noise` = SkipNoise(ctx, b, e, info,
// kNoiseAll) (with `info` filled by that call) gives SkipToObject(ctx, b, e, info).
uint32_t SkipToObjectAfterNoise(const DocContext& ctx, uint32_t noise, uint32_t e, NpPrefix* info);

// True when the text at `pos` (within [pos, e)) may follow the end of a name:
// the clause end, a conjunction, 等, a bracket, a count or a quote.
// *tail gets the length of a name tail (建设) kept in the name.
bool NameBoundary(const DocContext& ctx, uint32_t pos, uint32_t e, size_t* tail);

// True when `pos` falls inside a compound that holds a conjunction
// (rule kind `compound`: 工业和信息化, 研究与试验发展): a 和 there joins no two items.
bool InCompound(const DocContext& ctx, uint32_t pos);

// Trims spaces and unmatched quotes or brackets at both ends of [b, e).
void TrimSpan(std::string_view text, uint32_t& b, uint32_t& e);

// The text of [b, e) with quotes and spaces removed: the display name.
std::string CleanName(std::string_view s);

// The number of Han/Latin/digit characters in s (not punctuation).
size_t WordChars(std::string_view s);

// The three bytes at s[p] as one integer (a Chinese character's UTF-8, to
// compare with a switch). REQUIRES: p + 3 <= s.size().
inline uint32_t Pack3(std::string_view s, size_t p) {
  return uint32_t{static_cast<unsigned char>(s[p])} << 16 | uint32_t{static_cast<unsigned char>(s[p + 1])} << 8 |
         static_cast<unsigned char>(s[p + 2]);
}

// The first position in [p, e) holding an ASCII digit, else e (eight bytes a step).
uint32_t NextAsciiDigit(std::string_view s, uint32_t p, uint32_t e);

// t.find(w, pos) for a word that opens with a three-byte character (a
// Chinese one): the same answer, found by memchr on the word's third byte (a
// continuation byte, rarer in Chinese text than the lead bytes E4..E9).
inline size_t FindWord(std::string_view t, std::string_view w, size_t pos = 0) {
  if (w.size() < 3) return t.find(w, pos);
  if (pos > t.size() || t.size() - pos < w.size()) return std::string_view::npos;
  const char* base = t.data();
  const char* p = base + pos + 2;
  const char* const end = base + t.size() - w.size() + 3;  // past the last third byte a match may have
  while (p < end) {
    p = static_cast<const char*>(std::memchr(p, w[2], static_cast<size_t>(end - p)));
    if (!p) return std::string_view::npos;
    if (std::memcmp(p - 2, w.data(), w.size()) == 0) return static_cast<size_t>(p - 2 - base);
    ++p;
  }
  return std::string_view::npos;
}

// t.rfind(w, pos) for a word of two bytes or more (a Chinese character):
// the same answer, but the first two bytes are tested before the rest is
// compared (std::string_view::rfind calls memcmp at every position).
inline size_t RFind(std::string_view t, std::string_view w, size_t pos = std::string_view::npos) {
  if (w.size() > t.size() || w.size() < 2) return w.size() < 2 ? t.rfind(w, pos) : std::string_view::npos;
  for (size_t i = std::min(t.size() - w.size(), pos);; --i) {
    if (t[i] == w[0] && t[i + 1] == w[1] && std::memcmp(t.data() + i + 2, w.data() + 2, w.size() - 2) == 0) return i;
    if (i == 0) return std::string_view::npos;
  }
}

}  // namespace pkg::ingest
