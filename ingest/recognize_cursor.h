// Cursors that tell a recogniser cheaply that a clause holds nothing for it.
//
// The clause recognisers (FindItems, FindListItems, FindAchievements) each open
// with "no word of kind K starts in this clause: return". Asked clause by clause,
// that is one binary search of the word index per clause and recogniser; the
// clauses come in reading order, so a cursor that remembers where the next word
// starts answers most clauses with one compare and searches again only once the
// clauses have passed that word. The answers are the same as KindWords::Skip's.
//
// What they do not do: find the words themselves (the recognisers still do); a
// cursor asked for an earlier position than before searches again, so any
// order is correct, reading order is merely cheap.
// Tested in tests/ingest/recognize_cursor_test.cc.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/doc_metadata.h"
#include "ingest/mention.h"
#include "ingest/np_scan.h"

namespace pkg::ingest {

// Where the next word of one kind starts, for positions asked in (mostly)
// increasing order. REQUIRES: ctx outlives the cursor and its text does not change.
class WordCursor {
 public:
  WordCursor(const DocContext& ctx, RuleKind k) : words_(ctx.Words(k)), text_(ctx.text) {}
  // False when no word of the kind starts in [b, e); true when one does, or
  // when the index cannot tell (KindWords::Skip then answers b).
  bool MayStartIn(uint32_t b, uint32_t e) {
    if (b < from_ || at_ < b) {
      from_ = b;
      at_ = words_.Skip(text_, b, text_.size());
    }
    return at_ < e;
  }

 private:
  KindWords words_;
  std::string_view text_;
  size_t from_ = SIZE_MAX, at_ = 0;  // no word of the kind starts in [from_, at_)
};

// The same for one literal word of the text (“, 领域): FindWord's answers.
class LiteralCursor {
 public:
  LiteralCursor(std::string_view text, std::string_view word) : text_(text), word_(word) {}
  // False when no occurrence of the word starts in [b, e).
  bool MayStartIn(uint32_t b, uint32_t e) {
    if (b < from_ || at_ < b) {
      from_ = b;
      at_ = FindWord(text_, word_, b);
    }
    return at_ < e;
  }

 private:
  std::string_view text_, word_;
  size_t from_ = SIZE_MAX, at_ = 0;  // no occurrence starts in [from_, at_) (npos: none after from_)
};

// The same for ASCII digits: NextAsciiDigit's answers.
class DigitCursor {
 public:
  explicit DigitCursor(std::string_view text) : text_(text) {}
  // False when no byte of [b, e) is an ASCII digit.
  bool MayStartIn(uint32_t b, uint32_t e) {
    if (b < from_ || at_ < b) {
      from_ = b;
      at_ = b < text_.size() ? NextAsciiDigit(text_, b, static_cast<uint32_t>(text_.size())) : SIZE_MAX;
    }
    return at_ < e;
  }

 private:
  std::string_view text_;
  size_t from_ = SIZE_MAX, at_ = 0;  // no digit in [from_, at_)
};

// The lexicon mentions that can start a compound sector (FindCompoundSectors):
// Industry names that are not weak, by their begins.
class CompoundSectorCursor {
 public:
  explicit CompoundSectorCursor(const DocContext& ctx) {
    if (!ctx.lexicon) return;
    for (const Mention& m : *ctx.lexicon) {
      if (m.type == std::string_view("Industry") && !m.weak) begins_.push_back(m.span.begin);
    }
  }
  // False when no such mention starts in (b, e).
  bool MayStartIn(uint32_t b, uint32_t e) {
    if (i_ > 0 && begins_[i_ - 1] > b) i_ = 0;  // an earlier clause than before: from the start
    while (i_ < begins_.size() && begins_[i_] <= b) ++i_;
    return i_ < begins_.size() && begins_[i_] < e;
  }

 private:
  std::vector<uint32_t> begins_;  // in the lexicon's order: by begin
  size_t i_ = 0;                  // begins_[k] <= the last b asked, for every k < i_
};

// What FindListItems asks of each clause before it runs its patterns: each
// needs a word of its own in the clause.
struct ListCursors {
  explicit ListCursors(const DocContext& ctx)
      : subsector(ctx, RuleKind::subsector), sector(ctx, RuleKind::sector_list), group(ctx, RuleKind::group),
        firm(ctx, RuleKind::firm_list), domain(ctx.text, "领域"), compound(ctx) {}
  WordCursor subsector, sector, group, firm;
  LiteralCursor domain;
  CompoundSectorCursor compound;
};

// FindDocNumber(s, from)'s answer, found from the 号 that ends every 文号: the
// bytes between two 号 (most of a text) are skipped by FindWord instead of
// read digit by digit. Each 号 is tried with FindDocNumber over a window that
// ends with it and opens far enough before it to hold the whole number
// (bracket, four digits, bracket, up to four digits: at most 14 bytes). Matches
// cannot nest or share a 号, so the first 号 that ends one ends the first match.
// Tested against FindDocNumber in tests/ingest/recognize_cursor_test.cc.
inline std::pair<size_t, size_t> NextDocNumber(std::string_view s, size_t from) {
  constexpr size_t kReach = 32;  // bytes before a 号 that a match's bracket may start at (14 needed)
  for (size_t h = FindWord(s, "号", from); h != std::string_view::npos; h = FindWord(s, "号", h + 3)) {
    const auto m = FindDocNumber(s.substr(0, h + 3), std::max(from, h > kReach ? h - kReach : 0));
    if (m.first != std::string_view::npos) return m;
  }
  return {std::string_view::npos, std::string_view::npos};
}

}  // namespace pkg::ingest
