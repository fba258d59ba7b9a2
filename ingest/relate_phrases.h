// Phrase-driven relations, one family a file: what relate.cc's sentence loop
// calls, and the few helpers they share. Internal to the relate stage: the
// stage's interface is relate.h.
//
// Each function appends to the scope's `out`; Relate (relate.cc) calls them
// in a fixed order, which is the order of the edges (the first edge of a
// kind between two nodes gives its rule to the statement).
//
//   relate_citations.cc  IMPLEMENTS, ISSUED of cited titles
//   relate_targets.cc    TARGETS
//   relate_supports.cc   SUPPORTS from phrases
//   relate_duties.cc     RESPONSIBLE
//   relate_members.cc    PART_OF from lists and lexicon groups
//   relate_funds.cc      FUNDS
//   relate_indicators.cc MEASURES
//   relate_existing.cc   measures named as already there (for relate_structure.cc)
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ingest/relate.h"

namespace pkg::ingest {

// What every phrase relater reads, and where it writes.
struct RelateScope {
  const DocContext& ctx;
  const std::vector<Mention>& ms;
  const BySentence& by_sentence;
  int doc_measure = -1;  // the document's own measure, or -1
  // The pilot a notice launches ("关于开展X试点工作的通知" naming X in its body), or -1:
  // what the notice's sentences aim at beneficiaries for (TARGETS), in its stead.
  int launched_pilot = -1;
  std::vector<Relation>& out;
  // Per mention: 1 for an existing fund that sets up another (FUNDS by kind fund_of, relate_structure.cc:
  // "发挥X基金引导作用,设立Y基金"): the means of the item's fund, not a task of its own.
  std::vector<char> parent_fund = {};

  // The mentions of a sentence; for -1 (outside any sentence), the title's.
  BySentence::Ids InSentence(int sentence) const;
  // The measure a sentence speaks for: one before `pos` in the sentence, else
  // the measure heading its item (第三条 创新药研发奖励), else the document's own.
  int Governing(const Sentence& sen, uint32_t pos) const;
};

// s.find(w, from), the same answer for any bytes, sixteen positions a step (SSE2):
// a position is a candidate when it holds w's first and last bytes, and only
// candidates compare whole. For the words the relaters look for in each sentence
// ("双方", "财政", "作为"): std::string_view::find stops at every byte equal to
// the word's first one, which in Chinese text is most lead bytes.
inline size_t FindText(std::string_view s, std::string_view w, size_t from = 0) {
  constexpr size_t npos = std::string_view::npos;
  if (w.empty()) return from <= s.size() ? from : npos;
  if (from >= s.size() || w.size() > s.size() - from) return npos;
  const size_t n = w.size(), last = s.size() - n;  // the last position w fits at
  size_t i = from;
#if defined(__SSE2__)
  const __m128i f = _mm_set1_epi8(w[0]), l = _mm_set1_epi8(w[n - 1]);
  for (; i + 15 <= last; i += 16) {  // positions i..i+15, each with room for w
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i + n - 1));
    for (auto bits = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, f), _mm_cmpeq_epi8(b, l))));
         bits; bits &= bits - 1) {
      const size_t p = i + static_cast<size_t>(__builtin_ctz(bits));
      if (std::memcmp(s.data() + p, w.data(), n) == 0) return p;
    }
  }
#endif
  for (; i <= last; ++i) {
    if (s[i] == w[0] && std::memcmp(s.data() + i, w.data(), n) == 0) return i;
  }
  return npos;
}

// A mention that stands for a node of its own (not one inside a longer name).
inline bool Nodeish(const Mention& m) { return !m.embedded; }

// Does a word of `words` end within `max_gap` bytes before position p
// (only spaces, quotes and short adverbs between)?
bool WordBefore(const DocContext& ctx, const KindWords& words, uint32_t lo, uint32_t p, size_t max_gap);

// True when a word of `kind` ends before mention i in `clause` and governs the list
// that i closes or belongs to ("重点支持创新药、高端医疗器械、细胞与基因治疗、合成生物等领域":
// 支持 for 合成生物): i follows 、 (和 / 及 for the last item) and ends at 、, 等, 和, 及 or
// the clause's end; between the word and i stand list items alone, with no clause mark,
// no coverb (推动X在A、B中应用) and no governing verb (kind trigger) outside a mention of
// the sentence (创新 of 创新药 is none); at most `max_gap` bytes.
bool ListGovernedBy(const RelateScope& r, RuleKind kind, const Span& clause, int i, size_t max_gap);

// The clause holding the mention's start, or nullptr.
const Span* ClauseOf(const DocContext& ctx, const Mention& m);

// Per sentence (sen's mentions), in the order Relate calls them.
void RelateServeAs(const RelateScope& r, const Sentence& sen);
// Per mention i of the sentence, whose clause is `clause`.
void RelateCitation(const RelateScope& r, const Sentence& sen, const Span* clause, int i, uint32_t& cited_end,
                    int& cited_sentence);
void RelateAims(const RelateScope& r, const Sentence& sen, const Span* clause, int i);
void RelateSectorSupport(const RelateScope& r, const Sentence& sen, const Span* clause, int i);
void RelatePilotOf(const RelateScope& r, const Sentence& sen, const Span* clause, int i);
void RelateDuty(const RelateScope& r, const Sentence& sen, int i);
void RelateRelativeDuties(const RelateScope& r, const Sentence& sen);
// "X与Y签订合作协议,双方将共建Z": the actors named before 双方 in the sentence
// are RESPONSIBLE for the measures the verb after it governs (rule both_parties).
void RelateBothParties(const RelateScope& r, const Sentence& sen);
void RelateDutySubject(const RelateScope& r, const Sentence& sen);
void RelateMembers(const RelateScope& r, const Sentence& sen);

// The programme a sentence's item heading names ("4.实施“智造甬军”培育工程。",
// "(二)健全低空飞行服务保障体系。"): the one Initiative, Policy or Pilot of a short
// heading sentence (up to 30 characters) of the sentence's innermost item, or -1 (none,
// several, or the sentence is that heading). The measures of the item's body are the
// parts of an Initiative so named (relate_structure.cc, rule heading_measure.part); a fund
// there FUNDS any of the three (heading_measure.funds). In relate_members.cc.
int HeadingProgramme(const DocContext& ctx, const std::vector<Mention>& ms, const BySentence& by_sentence, int sentence);

// The programme a numbered sub-item's own name belongs to: measure i opens the heading of
// its item ("专栏2 重点产业链数字化改造工程 / 1.电子信息产业链数字化改造工程:…") and the
// parent item's heading names one Initiative of the same head word (工程 under 工程,
// 行动 under 行动): that Initiative, else -1. In relate_members.cc.
int ParentHeadingProgramme(const DocContext& ctx, const std::vector<Mention>& ms, const BySentence& by_sentence, int i);

// The programme a measure's sentence institutes before it ("实施智能工厂梯度培育行动,引导企业
// 建设数字化车间、智能工厂", "开展“概念验证+中试熟化”行动,建设概念验证中心20家"): the first
// Initiative of the sentence right after a verb of kind pair_follow (实施, 开展, 推进, 启动), in
// a clause before measure i's, that shares a two-character word with measure i (its parts are
// of its own kind; "实施“万企上云”工程,…打造一批智能工厂" keeps 智能工厂 the document's); or -1.
// In relate_members.cc.
int SentenceProgramme(const DocContext& ctx, const std::vector<Mention>& ms, const BySentence& by_sentence, int i);

// "对新获批的国家级企业技术中心…,给予…奖励", "对入选“太湖人才计划”的…团队": an item a subsidy's
// condition (kind condition_lead at its clause's start) says was approved or selected before (a
// word of kind name_end, arg qualification, between) is a qualification the text rewards, not a
// part of its measure. In relate_existing.cc.
bool Qualification(const DocContext& ctx, const Mention& m);

// "奖励资金从市工业和信息化专项资金中列支", "中央财政通过X专项资金安排": a fund named as the budget a
// measure draws on (a preposition of kind strip, arg inner, right before it; 安排 / 列支 right after) is
// an existing source, not a part of the text's measure. (relate_funds.cc reads the same phrase.)
// In relate_existing.cc.
bool BudgetSource(const DocContext& ctx, const Mention& m);

// Over the whole document, after the sentence loop.
void RelateCitedIssuers(const RelateScope& r);
// "实施X行动,建成A、培育B": a sentence whose first clause launches an initiative X has the
// measures of its later clauses as X's parts (programme.part).
void RelateProgrammeClauses(const RelateScope& r, const Sentence& sen);
void RelateFunds(const RelateScope& r);
// Called by RelateFunds: a fund an item's heading names FUNDS what its 用于 sentences name.
void RelateHeadingFundUses(const RelateScope& r);
// "设立X基金。基金重点投向A、B": a sentence opening with the bare head 基金 / 该基金 continues
// the previous sentence's fund (funds_verb.anaphor).
void RelateFundAnaphora(const RelateScope& r);
void RelateIndicators(const RelateScope& r);
// "山东省海洋装备产业高质量发展行动方案" … "(二)突破高技术船舶": the sectors the headings of a
// document name are parts of the one sector its own measure's title names as an industry
// (X产业; not 制造业数字化转型: a field) (heading_sector.title).
void RelateHeadingSectorParts(const RelateScope& r);
void RelateLexiconGroups(const RelateScope& r);
void RelateSubsidySupports(const RelateScope& r);
void RelateSharedNameTargets(const RelateScope& r);

}  // namespace pkg::ingest
