// Recognise: the items a document names, as typed Mentions with spans and
// the rule that found each.
//
// Two sources, merged: the lexicon (lexicon.h: agencies, regions,
// industries, goals, well-known initiatives, …) and pattern rules of
// data/rules/ for open-class items, each in its own file:
//   recognize_items.cc        measures named by a head word (…基金, …平台,
//                             …试点, …行动, …机制): the clause walk; where a
//                             name starts in recognize_item_object.cc, the
//                             name from its span in recognize_item_emit.cc
//   recognize_slogans.cc      quoted slogans (抓“两个转型”, “算力券”)
//   recognize_lists.cc        sub-sector, sector and group lists (A、B等领域)
//   recognize_compound_sectors.cc  a known sector inside a longer compound
//                             (工业机器人 names no 机器人)
//   recognize_goals.cc        goals stated by headings and purpose clauses
//   recognize_indicators.cc   subject + metric/comparator + number + unit
//   recognize_citations.cc    《titles》, 文号, the document's own measure,
//                             landmark achievements
//   recognize_short_names.cc  "X(以下简称Y)": every later Y names X
// Overlaps: an open-class item wins over lexicon names inside it (those
// become `embedded`: used for relations, not nodes on their own); a lexicon
// name wins over an open-class item inside it.
// What it does not do: assign node ids (canonical_name.h) or edges (relate.h).
//
// Tested in tests/ingest/recognize_test.cc.
#pragma once

#include <vector>

#include "ingest/mention.h"

namespace pkg::ingest {

// All mentions of the document, sorted by span.begin. `ctx.lexicon` must be
// null on entry; Recognize fills it (it points into `lexicon_store`). The
// lexicon mentions' names, aliases and properties move to the result: after
// Recognize, `lexicon_store` holds their spans, types, rules, sentences,
// entries and flags only (all that the relate stage's np_scan.h reads).
std::vector<Mention> Recognize(DocContext& ctx, std::vector<Mention>& lexicon_store);

// Merges `more` into `all` (sorted by span.begin), in the order a stable sort of
// their concatenation by span.begin gives; `more` is left empty. In place when
// `all` has the room, else into a new vector reserved with `room` to spare.
void AppendSorted(std::vector<Mention>& all, std::vector<Mention>& more, size_t room);

// "2025年,…新培育省级智能制造示范工厂50家" then, in a task below, "新培育省级智能制造
// 示范工厂50家" again: a figure restated without a period (same name, value and
// unit) takes the one period it was stated with, so both are one node. A
// figure stated with two periods lends none. Called at the end of Recognize.
void CarryIndicatorPeriods(std::vector<Mention>& indicators);

// The stages, exposed for tests and for recognize.cc.
// *saw_bare (when given) is set if a bare abbreviation (市经信委) was seen.
// `hits` (when given) are the lexicon's matches on ctx.text, computed once by
// the caller and reused when the mentions are read again with the region known.
// The mentions come sorted by position; with `order` given, they come in the
// order of the hits instead (a name found inside a descriptive alias right
// after the alias), and *order gets each one's place in that order (hit
// index << 32 | rank after its hit), so that two calls' mentions can be
// merged. `only_bare`: only the bare abbreviations (市经信委), which need
// ctx.region (without it, none are read).
// Sorts mentions by span.begin (stable), in place; cheap when already sorted.
void SortByBegin(std::vector<Mention>& ms);
std::vector<Mention> FindLexiconMentions(const DocContext& ctx, bool* saw_bare = nullptr,
                                         const std::vector<Lexicon::Hit>* hits = nullptr,
                                         std::vector<uint64_t>* order = nullptr, bool only_bare = false);
void FindItems(const DocContext& ctx, std::vector<Mention>& out);
// List patterns of one clause (recognize_lists.cc). With `cursors`
// (recognize_cursor.h, the clauses asked in reading order), the patterns whose
// words the clause lacks are not run: the same items, found sooner.
struct ListCursors;
void FindListItems(const DocContext& ctx, int sentence, Span clause, std::vector<Mention>& out,
                   ListCursors* cursors = nullptr);
// A known sector written as the tail of a longer noun compound names the
// compound (工业机器人, 新一代电子信息; recognize_compound_sectors.cc).
void FindCompoundSectors(const DocContext& ctx, int sentence, Span clause, std::vector<Mention>& out);
void FindHeadingGoals(const DocContext& ctx, std::vector<Mention>& out);
void FindPurposeGoals(const DocContext& ctx, std::vector<Mention>& out);
// Indicators (recognize_indicators.cc). A fund's size stated on its own
// ("…X基金…,基金规模100亿元", "该基金总规模50亿元") is no indicator: it becomes
// the size of the fund named last before it (in `known`, in this sentence or
// the one before) when that fund has none.
void FindIndicators(const DocContext& ctx, std::vector<Mention>& known, std::vector<Mention>& out);
void FindCitations(const DocContext& ctx, std::vector<Mention>& out);
void FindAchievements(const DocContext& ctx, std::vector<Mention>& out);
// "X(以下简称Y)" after a measure's or firm's name: Y becomes an alias of X and
// every later Y outside a longer name a mention of X (rule short_name.alias).
// `all` is sorted by span.begin and stays so.
void FindShortNames(const DocContext& ctx, std::vector<Mention>& all);
// A sentence whose subject is a measure's bare head word, with or without a
// demonstrative ("计划由X负责推行", "该基金将…"), speaks of the last measure of that
// type named in the three sentences before: a mention of it there (rule
// anaphor.head). `all` is sorted by span.begin and stays so.
void FindAnaphors(const DocContext& ctx, std::vector<Mention>& all);

}  // namespace pkg::ingest
