// Compound sectors; see recognize.h. A known sector written as the tail of a
// longer noun compound names that compound, not the shorter sector inside it:
//   "工业软件、智能传感器、工业机器人等领域"  工业机器人, not 机器人
//   "围绕新一代电子信息、高端装备制造"        新一代电子信息, not 电子信息
//   "深海探测装备、水下机器人等"              水下机器人
// Only a list member is read so: the known sector must be followed by a
// conjunction, 等, punctuation or the clause end (抢抓新能源汽车产业链重构机遇 and
// 国家级智能制造示范工厂 are left alone). The compound starts at the nearest
// boundary before the sector: a character that is no Han character
// (、, quotes, brackets, Latin), a conjunction (和 及), a governing verb or
// an aiming word (kinds trigger, aim, domain_list), a stripped word (strip:
// 围绕, 全市, 在), a tier word (level: 省级), or the end of a known place,
// body, firm or group; the clause start is no boundary (a verb no rule lists,
// 夯实X, would open the compound). It must be two to four characters before
// the sector, hold no 的 and not end in a head word (企业人工智能 is no sector:
// 支持企业人工智能应用), else no item is added and the known sector stands.
// An item the other recognisers of the sentence read over the same words (a
// firm of a list, a name with a head word) wins: no compound is added then.
// The lexicon mention inside becomes embedded when recognize.cc merges the
// open-class items (the longer item wins).
//
// What it does not do: extend a sector to the right (储能电池 is read by the
// list patterns), or join two sectors apart by a conjunction.
// Tested in tests/ingest/recognize_test.cc.
#include <string_view>

#include "ingest/np_scan.h"
#include "ingest/recognize.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;

namespace {

constexpr int kMinChars = 2, kMaxChars = 4;

// True when an item the compound may not run into ends at q: a known place,
// body, firm or group (北京市人工智能…, 企业…).
bool ActorEndsAt(const DocContext& ctx, uint32_t q) {
  for (size_t i = ctx.LexiconFrom(q > 48 ? q - 48 : 0); i < ctx.lexicon->size() && (*ctx.lexicon)[i].span.begin < q; ++i) {
    const Mention& m = (*ctx.lexicon)[i];
    if (m.span.end == q && (m.type == "Region"sv || m.type == "Agency"sv || m.type == "Enterprise"sv ||
                            m.type == "TargetGroup"sv)) {
      return true;
    }
  }
  return false;
}

// True when a lexicon mention starts before q and ends after it: q is inside a name.
bool InsideName(const DocContext& ctx, uint32_t q) {
  for (size_t i = ctx.LexiconFrom(q > 48 ? q - 48 : 0); i < ctx.lexicon->size() && (*ctx.lexicon)[i].span.begin < q; ++i) {
    if ((*ctx.lexicon)[i].span.end > q) return true;
  }
  return false;
}

// True when c, the character at p, closes an item marker ((二), 2., 三、): the
// text after it starts a heading, like a clause start.
bool ItemMarkerEndsAt(std::string_view s, uint32_t clause_begin, size_t p, char32_t c) {
  if (c == U')' || c == U'.') return true;
  if (c != U'、' || p <= clause_begin) return false;
  const size_t n = PrevCpStart(s, p);
  size_t j = n;
  const char32_t num = NextCp(s, j);
  if (std::u32string_view(U"一二三四五六七八九十").find(num) == std::u32string_view::npos) return false;
  if (n <= clause_begin) return true;
  size_t k = PrevCpStart(s, n);
  return !IsHan(NextCp(s, k));
}

// True when the text before q ends a word that bounds a noun compound (an
// item marker does not: it opens a heading as a clause start does).
bool BoundaryAt(const DocContext& ctx, uint32_t clause_begin, uint32_t q) {
  if (q <= clause_begin) return false;
  const size_t prev = PrevCpStart(ctx.text, q);
  size_t j = prev;
  const char32_t c = NextCp(ctx.text, j);
  if (!IsHan(c)) return !ItemMarkerEndsAt(ctx.text, clause_begin, prev, c);
  size_t len = 0;
  for (RuleKind k : {RuleKind::coord, RuleKind::list_end, RuleKind::trigger, RuleKind::aim, RuleKind::domain_list,
                     RuleKind::strip, RuleKind::targets_lead, RuleKind::host_lead, RuleKind::level}) {
    if (ctx.Words(k).SuffixAt(ctx.text.substr(0, q), q, &len) && q >= clause_begin + len) return true;
  }
  return ActorEndsAt(ctx, q);
}

// True when an item already read in this sentence overlaps [b, e): a firm of a
// list (国鸿氢能、鸿基创能等企业) or a name with a head word (新一代电子信息和X产业集群)
// says what the words are. The clause's items are the last ones in `out`.
bool ItemOverlaps(const std::vector<Mention>& out, int sentence, uint32_t b, uint32_t e) {
  for (size_t k = out.size(); k-- > 0;) {
    const Mention& x = out[k];
    if (x.sentence != sentence) break;
    if (x.span.begin < e && b < x.span.end) return true;
  }
  return false;
}

// True when a list member may end at e: a conjunction, 等, punctuation or the clause end.
bool ListMemberEndsAt(const DocContext& ctx, uint32_t e, uint32_t clause_end) {
  if (e >= clause_end) return true;
  size_t j = e, len = 0;
  const char32_t c = NextCp(ctx.text, j);
  if (!IsHan(c)) return !(c == U'“' || c == U'"' || c == U'(' || IsAsciiAlpha(c) || IsAsciiDigit(c));
  return ctx.Words(RuleKind::coord).PrefixAt(ctx.text, e, &len) || ctx.Words(RuleKind::list_end).PrefixAt(ctx.text, e, &len);
}

}  // namespace

void FindCompoundSectors(const DocContext& ctx, int sentence, Span c, std::vector<Mention>& out) {
  if (!ctx.lexicon) return;
  const std::string_view s = ctx.text;
  for (size_t i = ctx.LexiconFrom(c.begin); i < ctx.lexicon->size() && (*ctx.lexicon)[i].span.begin < c.end; ++i) {
    const Mention& m = (*ctx.lexicon)[i];
    if (m.type != "Industry"sv || m.weak || m.span.end > c.end || m.span.begin <= c.begin) continue;
    if (!ListMemberEndsAt(ctx, m.span.end, c.end)) continue;
    if (m.span.begin <= c.begin || BoundaryAt(ctx, c.begin, m.span.begin) || InsideName(ctx, m.span.begin)) continue;
    uint32_t q = m.span.begin;
    int chars = 0;
    bool bounded = false;
    while (chars < kMaxChars && q > c.begin) {
      q = static_cast<uint32_t>(PrevCpStart(s, q));
      ++chars;
      // Only Han characters extend a compound: not the ) of an item marker, "(三)机器人…".
      if (size_t k = q; !IsHan(NextCp(s, k))) break;
      if (BoundaryAt(ctx, c.begin, q)) {
        bounded = true;
        break;
      }
      if (q <= c.begin) break;
      size_t j = PrevCpStart(s, q);
      if (!IsHan(NextCp(s, j))) break;  // an item marker: the compound would open a heading
    }
    if (!bounded || chars < kMinChars || InsideName(ctx, q)) continue;
    const std::string_view ext = s.substr(q, m.span.begin - q);
    size_t len = 0;
    if (ext.find("的") != std::string_view::npos || ctx.Words(RuleKind::head).SuffixAt(ext, ext.size(), &len)) continue;
    if (ItemOverlaps(out, sentence, q, m.span.end)) continue;
    Mention x;
    x.span = {q, m.span.end};
    x.type = "Industry";
    x.name = CleanName(s.substr(q, m.span.end - q));
    x.rule = "compound_sector";
    x.sentence = sentence;
    out.push_back(std::move(x));
  }
}

}  // namespace pkg::ingest
