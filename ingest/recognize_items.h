// The shared steps of the item recognizer (recognize_items.cc), one file each:
//   recognize_item_object.cc  where an item's name starts: the object of the
//                             clause's governing verb (ObjectStart) and the
//                             lexicon look-ups around it
//   recognize_item_emit.cc    an item's name from its span (Emit): modifiers,
//                             clauses before 的, 等, amounts; list modifiers
//   recognize_slogans.cc      quoted slogans with no head word
// Internal to ingest/: recognize.h is the interface (FindItems).
// Tested through FindItems in tests/ingest/recognize_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/mention.h"
#include "ingest/np_scan.h"
#include "ingest/utf8.h"

namespace pkg::ingest::items {

inline uint32_t NextChar(std::string_view s, uint32_t p) { return p + static_cast<uint32_t>(CpLen(static_cast<unsigned char>(s[p]))); }

// recognize_item_object.cc

// The first lexicon mention starting at or after p, or nullptr.
const Mention* LexiconFrom(const DocContext& ctx, uint32_t p);
// When [b, e) opens with two or more region names joined by 、/和/及 (and
// more text follows), the position after the last of them; else b.
uint32_t AfterPlaceList(const DocContext& ctx, uint32_t b, uint32_t e);
// True when a lexicon Industry ends right before p, or before a field word
// there (量子科技企业, 生物医药领域顶尖人才); *sector gets where it starts.
bool SectorBefore(const DocContext& ctx, uint32_t p, uint32_t* sector);
// "继续支援制造商", "资助本地大学生": a group word up to four characters after a
// verb that aims at someone (kind aim) counts outside aimed clauses too; returns
// where its name may start (right after the verb), else 0.
uint32_t AimRightBefore(const DocContext& ctx, uint32_t clause_begin, uint32_t p);
// True when p falls strictly inside a lexicon name; `measures_too` false lets
// known measures (国家实验室) be extended by the item recognizer (中关村国家实验室).
bool InsideLexicon(const DocContext& ctx, uint32_t p, bool measures_too = true);
// The start of the object of the clause segment [left, head): after the
// governing verb at the start, or after a verb preceded by a prepositional
// phrase; `left` itself when neither.
uint32_t ObjectStart(const DocContext& ctx, uint32_t left, uint32_t head, NpPrefix* info);

// recognize_item_emit.cc

// Cuts a leading "具有…的" modifier.
uint32_t CutModifier(const DocContext& ctx, uint32_t b, uint32_t head_b);
// Adds the item [b, e) with head word [head_b, e) to `out` unless what is left
// of it after trimming names none. `bare`: the head word alone is the name (a
// verb governed it directly: 新建智能工厂, 建成加氢站), for heads of three
// characters or more.
void Emit(const DocContext& ctx, int sentence, uint32_t b, uint32_t head_b, uint32_t e, StableName type,
          StableName rule, const NpPrefix& info, std::vector<Mention>& out, bool bare = false);
// When `t` (a name's modifier) holds a list closed by 等 — "A、B等" — outside
// quotes, the head word names the list's category: returns the offset just
// after the last such 等 (and after a later 和/及/以及, which starts another
// category), else npos.
size_t CategoryAfterList(std::string_view t);
// The offset of the last 、 of `t` outside quotes, else npos.
size_t LastListComma(std::string_view t);

// recognize_slogans.cc

// Quoted slogans with no head word in sentence span `sp`, typed by the verb
// before them (抓“两个转型” → Initiative) or by their last word (“算力券”).
void Slogans(const DocContext& ctx, int sentence, Span sp, std::vector<Mention>& out);

}  // namespace pkg::ingest::items
