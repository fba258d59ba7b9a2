// List patterns; see recognize.h.
//   "做强A、B等细分赛道"         A, B are sectors (relate.h: PART_OF the sector before)
//   "重点支持A、B、C等领域"       A, B, C are sectors (kind sector_list)
//   "聚焦A、B、C三大策略性产业"   A, B, C are members of the group 三大策略性产业
//                               (kind group; relate.h: PART_OF the group)
//   "X领域重点发展A、B和C"        A, B, C are parts of the sector X (kind domain_list)
//   "支持A、B等龙头企业"          A, B are firms (kind firm_list)
// Items are split at 、 only ("人工智能与数据科学" stays one item); each item
// runs from the governing verb before the list.
#include <algorithm>
#include <cctype>

#include "ingest/np_scan.h"
#include "ingest/recognize.h"
#include "ingest/recognize_cursor.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined
namespace {

uint32_t NextChar(std::string_view s, uint32_t p) { return p + static_cast<uint32_t>(CpLen(static_cast<unsigned char>(s[p]))); }

// The start of a list ending at `end`: after the last governing verb.
uint32_t ListStart(const DocContext& ctx, Span c, uint32_t end) {
  const KindWords trig = ctx.Words(RuleKind::trigger);
  const KindWords aim = ctx.Words(RuleKind::aim);
  const KindWords members = ctx.Words(RuleKind::member_list);
  uint32_t b = c.begin;
  for (uint32_t p = c.begin; p < end; p = NextChar(ctx.text, p)) {
    // Only where a word of the three kinds starts is there anything to read: jump there.
    p = static_cast<uint32_t>(std::min({trig.Skip(ctx.text, p, end), aim.Skip(ctx.text, p, end), members.Skip(ctx.text, p, end)}));
    if (p >= end) break;
    size_t l = 0;
    if ((trig.PrefixAt(ctx.text, p, &l) || aim.PrefixAt(ctx.text, p, &l) || members.PrefixAt(ctx.text, p, &l)) && p + l < end) {
      b = static_cast<uint32_t>(p + l);
    }
  }
  return SkipNoise(ctx, b, end, nullptr);
}

// True when a lexicon name spans position p (starts before it and ends after it).
bool InsideKnownName(const DocContext& ctx, uint32_t p) {
  if (!ctx.lexicon) return false;
  const size_t up = ctx.LexiconFrom(p + 1);  // (upper_bound(p): the hinted search)
  if (up == 0) return false;
  const Mention& m = (*ctx.lexicon)[up - 1];
  return p > m.span.begin && p < m.span.end;
}

// In the last item of a list, "A、B和C" / "A、B及C": the offset of the conjunction
// (和, 及, 以及) that joins two items, and its length in *len; npos when there is
// none, or it stands inside a known name or a fixed compound (工业和信息化), or
// either side would be under two characters. (与 is left alone: it joins the
// halves of one sector's name more often than two items, 人工智能与数据科学.)
size_t LastConjunct(const DocContext& ctx, uint32_t b, uint32_t e, size_t* len) {
  std::string_view s = ctx.text;
  for (uint32_t k = b; k < e; k = NextChar(s, k)) {
    size_t l = At(s, k, "以及") ? 6 : (At(s, k, "和") || At(s, k, "及")) ? 3 : 0;
    if (l == 0) continue;
    if (InsideKnownName(ctx, k) || InCompound(ctx, k)) return std::string_view::npos;
    if (WordChars(s.substr(b, k - b)) < 2 || WordChars(s.substr(k + l, e - k - l)) < 2) return std::string_view::npos;
    *len = l;
    return k;
  }
  return std::string_view::npos;
}

// Splits [b, end) at 、 into items of `type`, the last item also at 和 / 及
// ("A、B和C"); returns how many were added.
int SplitList(const DocContext& ctx, int sentence, uint32_t b, uint32_t end, StableName type,
              StableName rule, std::vector<Mention>& out) {
  std::string_view s = ctx.text;
  int n = 0;
  for (uint32_t p = b, q = b; q <= end; q = q < end ? NextChar(s, q) : end + 1) {
    if (q < end && !At(s, q, "、")) continue;
    uint32_t ib = p, ie = std::min(q, end);
    size_t cl = 0;
    if (size_t k = q >= end && p > b ? LastConjunct(ctx, ib, ie, &cl) : std::string_view::npos; k != std::string_view::npos) {
      // "A、B和C": B is an item here, C the next (and last) one.
      ie = static_cast<uint32_t>(k);
      q = static_cast<uint32_t>(k + cl - 3);  // p = q + 3 below starts C
    }
    // Item hygiene: no governing verb in front ("重点投向量子计算"), nothing after a
    // group count ("绿色食品五大重点"), no numbers ("20个细分").
    ib = SkipToObject(ctx, ib, ie, nullptr);
    const KindWords groups = ctx.Words(RuleKind::group);
    for (uint32_t k = ib; k < ie; k = NextChar(s, k)) {
      if (k > ib && (k = static_cast<uint32_t>(groups.Skip(s, k, ie))) >= ie) break;  // (jump to the next group word)
      size_t gl = 0;
      if (k > ib && groups.PrefixAt(s, k, &gl)) {
        ie = k;
        break;
      }
    }
    // A listed firm's name is a proper name: the pronoun strip took the 本 of 本源量子.
    if (type == "Enterprise"sv && ib >= 3 && At(s, ib - 3, "本") && ie > ib + 6) ib -= 3;
    // So is a registered one (…公司): it opens with its region, which the actor strip took
    // ("与安徽华储新能源科技有限公司、江苏恒拓智能装备有限公司等").
    if (type == "Enterprise"sv && ctx.lexicon && ie >= ib + 12 && At(s, ie - 6, "公司")) {
      for (size_t i = ctx.LexiconFrom(ib > 48 ? ib - 48 : 0); i < ctx.lexicon->size() && (*ctx.lexicon)[i].span.begin < ib; ++i) {
        const Mention& m = (*ctx.lexicon)[i];
        if (m.span.end == ib && m.type == "Region"sv) {
          ib = m.span.begin;
          break;
        }
      }
    }
    TrimSpan(s, ib, ie);
    // "电动垂直起降航空器(eVTOL)": a bracketed Latin abbreviation after the item is no part of its name.
    if (ie > ib + 2 && s[ie - 1] == ')') {
      size_t open = s.substr(ib, ie - ib).rfind('(');
      bool latin = open != std::string_view::npos && open > 0 && ie - 1 - (ib + open) > 1;
      for (size_t k = ib + open + 1; latin && k < ie - 1; ++k) latin = std::isalnum(static_cast<unsigned char>(s[k])) != 0;
      if (latin) ie = static_cast<uint32_t>(ib + open);
    }
    std::string name = CleanName(s.substr(ib, ie - ib));
    bool digits = name.find_first_of("0123456789") != std::string::npos && type != "Enterprise"sv;
    bool dangling = name.size() >= 3 && (name.compare(name.size() - 3, 3, "为") == 0 || name.compare(name.size() - 3, 3, "是") == 0);
    if (WordChars(name) >= 2 && WordChars(name) <= 12 && name.find("的") == std::string::npos && !digits && !dangling) {
      Mention m;
      m.span = {ib, ie};
      m.type = type;
      m.name = name;
      m.rule = rule;
      m.sentence = sentence;
      out.push_back(std::move(m));
      ++n;
    }
    p = q + 3;
  }
  return n;
}

// "做强A、B等细分赛道": A and B are sectors (relate.h joins them to the sector
// named before).
void Subsectors(const DocContext& ctx, int sentence, Span c, std::vector<Mention>& out) {
  std::string_view s = ctx.text;
  size_t len = 0;
  const Rule* r = nullptr;
  size_t at = ctx.FindIn(RuleKind::subsector, c.begin, c.end, &len, &r);
  if (at == std::string_view::npos || at < c.begin + 3 || !At(s, static_cast<uint32_t>(at - 3), "等")) return;
  uint32_t end = static_cast<uint32_t>(at - 3);
  // The list starts after the last governing verb before it.
  const KindWords trig = ctx.Words(RuleKind::trigger);
  uint32_t b = c.begin;
  for (uint32_t p = c.begin; p < end; p = NextChar(s, p)) {
    if ((p = static_cast<uint32_t>(trig.Skip(s, p, end))) >= end) break;  // (jump to the next verb)
    size_t l = 0;
    if (trig.PrefixAt(s, p, &l) && p + l < end) b = static_cast<uint32_t>(p + l);
  }
  for (uint32_t p = b, q = b; q <= end; q = q < end ? NextChar(s, q) : end + 1) {
    if (q < end && !At(s, q, "、")) continue;
    uint32_t ib = p, ie = q;
    TrimSpan(s, ib, ie);
    std::string name = CleanName(s.substr(ib, ie - ib));
    if (WordChars(name) >= 2 && WordChars(name) <= 12) {
      Mention m;
      m.span = {ib, ie};
      m.type = "Industry";
      m.name = name;
      m.rule = r->id;
      m.sentence = sentence;
      out.push_back(std::move(m));
    }
    p = q + 3;
  }
}


// "鼓励A、B等传统优势产业开展X": the list before 等 (at `deng`) and its category
// (at `word`) are the subject of the verb after the category. Not a scope
// (在A、B等领域开展X应用: application fields, kind strip 在), and no verb between
// 等 and the category (等区布局一批未来产业 is no category).
bool SubjectList(const DocContext& ctx, Span c, uint32_t deng, uint32_t word) {
  std::string_view s = ctx.text;
  const uint32_t b = ListStart(ctx, c, deng);
  for (uint32_t k = c.begin; k < b; k = NextChar(s, k)) {
    if (At(s, k, "在")) return false;
  }
  size_t l = 0;
  return ctx.Words(RuleKind::trigger).Find(s.substr(0, word), deng + 3, &l) == std::string_view::npos;
}

// "A、B等领域": sector lists.
void SectorLists(const DocContext& ctx, int sentence, Span c, std::vector<Mention>& out) {
  std::string_view s = ctx.text;
  const KindWords words = ctx.Words(RuleKind::sector_list);
  // Every list found below ends in a sector word that starts in the clause: without one, none.
  if (words.Skip(s, c.begin, c.end) >= c.end) return;
  // So is a 、 before the list's end (both checks below ask for one in the clause before p).
  const size_t first_comma = FindWord(s.substr(0, c.end), "、"sv, c.begin);
  if (first_comma == std::string_view::npos) return;
  // The next 等 at or after p, found once and kept while p has not passed it.
  size_t deng = 0;
  bool deng_known = false;
  for (uint32_t p = c.begin; p + 3 < c.end; p = NextChar(s, p)) {
    // Only at a sector word or at 等 does anything follow: jump to the next.
    if (size_t next = words.Skip(s, p, c.end); next > p) {
      if (!deng_known || (deng != std::string_view::npos && deng < p)) deng = FindWord(s.substr(0, c.end), "等"sv, p);
      deng_known = true;
      p = static_cast<uint32_t>(std::min(next, deng));
      if (p + 3 >= c.end) break;
    }
    if (p < first_comma + 3) continue;  // (no 、 before p: no list ends here)
    size_t len = 0;
    const Rule* r = nullptr;
    // "A、B等领域", or "A、B、C领域" right after a list; after 等 a short
    // modifier may come first ("A、B等重点产业链", "A、B等本市主导产业"), a count
    // too ("A、B等5个万亿级支柱产业").
    uint32_t word = At(s, p, "等") ? p + 3 : p;
    r = words.PrefixAt(s, word, &len);
    // (Not "A、B等细分赛道": Subsectors reads those as parts of a sector.)
    const bool sub = word > p && ctx.Words(RuleKind::subsector).PrefixAt(s, word, &len);
    for (uint32_t q = word; !r && !sub && word > p && q < c.end && q - word <= 24;) {
      char32_t ch = 0;
      size_t j = q;
      ch = NextCp(s, j);
      // A count may stand in the modifier: "A、B等5个万亿级支柱产业".
      if (!IsHan(ch) && !(ch >= U'0' && ch <= U'9')) break;
      q = static_cast<uint32_t>(j);
      if ((r = words.PrefixAt(s, q, &len))) word = q;
    }
    if (!r) continue;
    // Sector words in a row make one category: "等未来产业领域".
    for (size_t nl = 0; word + len < c.end;) {
      const Rule* next = words.PrefixAt(s, word + len, &nl);
      if (!next) break;
      word = static_cast<uint32_t>(word + len);
      len = nl;
      r = next;
    }
    if (word == p && s.substr(c.begin, p - c.begin).find("、") == std::string_view::npos) continue;
    // After the sector word a boundary, or after 等 the firms of those sectors ("等重点产业链链主企业")
    // or the verb of the clause whose subject the list is ("A、B等传统优势产业开展智能化技术改造").
    size_t fl = 0;
    if (word + len < c.end && !At(s, static_cast<uint32_t>(word + len), "、") &&
        s[word + len] != ',' && !At(s, static_cast<uint32_t>(word + len), "的") &&
        !(word > p && ctx.Words(RuleKind::firm_list).PrefixAt(s, word + len, &fl)) &&
        !(word > p && ctx.Words(RuleKind::trigger).PrefixAt(s, word + len, &fl) && SubjectList(ctx, c, p, word)) &&
        // A list that opens its clause is its subject whatever the predicate: "A、B等优势产业保持较快增长"
        // (with a modifier before the category word: "算力、语料等产业生态" names no category).
        !(word > p + 3 && ListStart(ctx, c, p) == c.begin && SubjectList(ctx, c, p, word))) continue;
    uint32_t b = ListStart(ctx, c, p);
    if (s.substr(b, p - b).find("、") == std::string_view::npos) continue;  // a list, not one name
    if (word == p && s.substr(b, p - b).find("等") != std::string_view::npos) continue;  // "…等细分赛道"
    SplitList(ctx, sentence, b, p, r->arg, r->id, out);
    p = static_cast<uint32_t>(word + len) - 1;
  }
}

// "A、B、C三大X产业": the group and its members.
void GroupLists(const DocContext& ctx, int sentence, Span c, std::vector<Mention>& out) {
  std::string_view s = ctx.text;
  const KindWords groups = ctx.Words(RuleKind::group);
  // The members are a list: a 、 in the clause before the group word (checked below).
  const size_t first_comma = FindWord(s.substr(0, c.end), "、"sv, c.begin);
  if (first_comma == std::string_view::npos) return;
  for (uint32_t p = c.begin; p < c.end; p = NextChar(s, p)) {
    if ((p = static_cast<uint32_t>(groups.Skip(s, p, c.end))) >= c.end) break;
    size_t len = 0;
    const Rule* r = groups.PrefixAt(s, p, &len);
    if (!r || p == c.begin || p < first_comma + 3) continue;
    uint32_t prev = static_cast<uint32_t>(PrevCpStart(s, p));
    if (At(s, prev, "、") || At(s, prev, "等")) {}  // "A、B等三大…" also fine
    // The group name: from the count word to a sector word at a boundary.
    uint32_t ge = 0;
    for (uint32_t q = static_cast<uint32_t>(p + len); q < c.end && q - p < 40; q = NextChar(s, q)) {
      size_t l = 0;
      if (At(s, q, "产业") || At(s, q, "行业") || At(s, q, "领域")) {
        size_t t = 0;
        // A boundary, or the clause's verb right after the group ("三大主导产业开展精准招商").
        if (NameBoundary(ctx, q + 6, c.end, &t) || ctx.Words(RuleKind::trigger).PrefixAt(s, q + 6, &l)) {
          ge = q + 6;
          break;
        }
        (void)l;
      }
    }
    if (!ge) continue;
    uint32_t b = ListStart(ctx, c, p);
    if (s.substr(b, p - b).find("、") == std::string_view::npos) continue;
    std::string gname = CleanName(s.substr(p, ge - p));
    Mention g;
    g.span = {p, ge};
    g.type = "Industry";
    g.name = gname;
    g.rule = r->id;
    g.sentence = sentence;
    int n = SplitList(ctx, sentence, b, At(s, prev, "等") ? prev : p, "Industry", "group.member", out);
    // A count and a bare scope word ("六大领域", "四大行业") names no group: the members stay.
    const bool bare = ge == p + len + 6 && (At(s, p + len, "领域") || At(s, p + len, "行业"));
    if (n < 2) out.resize(out.size() - n);
    else if (!bare) out.push_back(std::move(g));
    p = ge - 1;
  }
}

// "支持A、B等整机企业", "以A、B、C为代表的量子企业": named firms.
void FirmLists(const DocContext& ctx, int sentence, Span c, std::vector<Mention>& out) {
  std::string_view s = ctx.text;
  const KindWords firms = ctx.Words(RuleKind::firm_list);
  // Every list found below is closed by a firm word that starts in the clause: without one, none.
  if (firms.Skip(s, c.begin, c.end) >= c.end) return;
  // Only 等 and 为代表的 open a list: step from one to the next (each found
  // once per clause: the positions found ahead are kept).
  const std::string_view clause = s.substr(0, c.end);
  size_t next_etc = FindWord(clause, "等"sv, c.begin), next_rep = FindWord(clause, "为代表的"sv, c.begin);
  for (uint32_t p = c.begin; p < c.end; p = NextChar(s, p)) {
    if (next_etc < p) next_etc = FindWord(clause, "等"sv, p);
    if (next_rep < p) next_rep = FindWord(clause, "为代表的"sv, p);
    if (std::min(next_etc, next_rep) == std::string_view::npos) break;
    p = static_cast<uint32_t>(std::min(next_etc, next_rep));
    uint32_t list_end = 0, list_begin = 0;
    const Rule* r = nullptr;
    if (At(s, p, "等")) {
      // 等 + a short modifier + a firm word at a boundary; a sector word in the
      // modifier makes the list one of sectors ("A、B等重点产业链链主企业").
      for (uint32_t q = p + 3; q < c.end && q - p <= 21; q = NextChar(s, q)) {
        size_t len = 0;
        if ((r = firms.PrefixAt(s, q, &len))) {
          if (ctx.FindIn(RuleKind::sector_list, p + 3, q) == std::string_view::npos) list_end = p;
          break;
        }
      }
      if (list_end) list_begin = ListStart(ctx, c, list_end);
    } else if (At(s, p, "为代表的")) {
      size_t open = RFind(s.substr(c.begin, p - c.begin), "以"sv);
      for (uint32_t q = p + 12; q < c.end && q - p <= 30; q = NextChar(s, q)) {
        size_t len = 0;
        if ((r = firms.PrefixAt(s, q, &len))) break;
      }
      if (r && open != std::string_view::npos) {
        list_begin = static_cast<uint32_t>(c.begin + open + 3);
        list_end = p;
      }
    }
    if (!list_end || !r || list_begin >= list_end) continue;
    if (s.substr(list_begin, list_end - list_begin).find("、") == std::string_view::npos &&
        WordChars(s.substr(list_begin, list_end - list_begin)) > 6) continue;
    SplitList(ctx, sentence, list_begin, list_end, r->arg, r->id, out);
    p = list_end;
  }
}

// "未来信息领域重点发展通用人工智能、6G和光电子": the sector X and its parts.
void DomainLists(const DocContext& ctx, int sentence, Span c, std::vector<Mention>& out) {
  std::string_view s = ctx.text;
  const KindWords verbs = ctx.Words(RuleKind::domain_list);
  size_t at = FindWord(s.substr(0, c.end), "领域"sv, c.begin);
  if (at == std::string_view::npos) return;
  uint32_t after = static_cast<uint32_t>(at + 6);
  size_t len = 0;
  const Rule* r = verbs.PrefixAt(s, after, &len);
  if (!r) return;
  uint32_t b = SkipNoise(ctx, c.begin, static_cast<uint32_t>(at), nullptr);
  uint32_t e = static_cast<uint32_t>(at);
  TrimSpan(s, b, e);
  std::string parent = CleanName(s.substr(b, e - b));
  if (WordChars(parent) < 2 || WordChars(parent) > 10) return;
  uint32_t lb = static_cast<uint32_t>(after + len), le = c.end;
  // The last item may be joined by 和/及: "…量子信息和光电子".
  std::string_view list = s.substr(lb, le - lb);
  size_t size_before = out.size();
  if (list.find("、") == std::string_view::npos) {
    // Two items joined by 和 / 及 alone: "未来制造领域重点发展人形机器人和智能传感器".
    size_t cl = 0;
    const size_t k = LastConjunct(ctx, lb, le, &cl);
    if (k == std::string_view::npos) return;
    SplitList(ctx, sentence, lb, static_cast<uint32_t>(k), r->arg, "domain_list.member", out);
    SplitList(ctx, sentence, static_cast<uint32_t>(k + cl), le, r->arg, "domain_list.member", out);
    if (out.size() != size_before + 2) {
      out.resize(size_before);
      return;
    }
  } else {
  size_t last = RFind(list, "、"sv);
  size_t join = list.find("和", last);
  if (join == std::string_view::npos) join = list.find("及", last);
  if (join != std::string_view::npos) {
    SplitList(ctx, sentence, lb, static_cast<uint32_t>(lb + join), r->arg, "domain_list.member", out);
    SplitList(ctx, sentence, static_cast<uint32_t>(lb + join + 3), le, r->arg, "domain_list.member", out);
  } else {
    SplitList(ctx, sentence, lb, le, r->arg, "domain_list.member", out);
  }
  }
  if (out.size() == size_before) return;
  Mention m;
  m.span = {b, e};
  m.type = r->arg;
  m.name = parent;
  m.rule = "domain_list.parent";
  m.sentence = sentence;
  out.push_back(std::move(m));
}

}  // namespace

void FindListItems(const DocContext& ctx, int sentence, Span c, std::vector<Mention>& out, ListCursors* cursors) {
  // (Each pattern reads nothing in a clause without a word of its own: subsector, sector_list,
  // group, firm_list, 领域, a known sector.)
  if (!cursors || cursors->subsector.MayStartIn(c.begin, c.end)) Subsectors(ctx, sentence, c, out);
  if (!cursors || cursors->sector.MayStartIn(c.begin, c.end)) SectorLists(ctx, sentence, c, out);
  if (!cursors || cursors->group.MayStartIn(c.begin, c.end)) GroupLists(ctx, sentence, c, out);
  if (!cursors || cursors->firm.MayStartIn(c.begin, c.end)) FirmLists(ctx, sentence, c, out);
  if (!cursors || cursors->domain.MayStartIn(c.begin, c.end)) DomainLists(ctx, sentence, c, out);
  if (!cursors || cursors->compound.MayStartIn(c.begin, c.end)) FindCompoundSectors(ctx, sentence, c, out);
}

}  // namespace pkg::ingest
