// Open-class measures named by a head word, quoted slogans and sub-sector
// lists; see recognize.h. The walk per clause:
//   1. find head words (data/rules/items.tsv kind head) that end a name
//      (NameBoundary: clause end, 、/和, 等, a count, a bracket);
//   2. for each head, the name starts after the previous item (a list
//      continuation) or after the governing verb at the clause start
//      (SkipToObject), or after a verb preceded by a prepositional phrase
//      ("在工业领域试点推行X制度");
//   3. coordination: "A和B工程" gives A工程 and B工程 when B is long
//      ("产业基础再造和重点产业链高质量发展工程"), one name when B is short
//      ("产业用地弹性规划和功能复合试点"); "X等专项计划" drops the 等.
#include <algorithm>
#include <cstring>

#include "ingest/np_scan.h"
#include "ingest/recognize.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined
namespace {


uint32_t NextChar(std::string_view s, uint32_t p) { return p + static_cast<uint32_t>(CpLen(static_cast<unsigned char>(s[p]))); }

// The first lexicon mention starting at or after p, or nullptr.
const Mention* LexiconFrom(const DocContext& ctx, uint32_t p) {
  if (!ctx.lexicon) return nullptr;
  const size_t i = ctx.LexiconFrom(p);
  return i == ctx.lexicon->size() ? nullptr : &(*ctx.lexicon)[i];
}

// When [b, e) opens with two or more region names joined by 、/和/及 (and
// more text follows), the position after the last of them; else b.
uint32_t AfterPlaceList(const DocContext& ctx, uint32_t b, uint32_t e) {
  const KindWords coord = ctx.Words(RuleKind::coord);
  uint32_t q = b;
  int places = 0;
  for (int guard = 0; guard < 12; ++guard) {
    const Mention* r = ctx.LexiconAt(q);
    if (!r || r->type != "Region"sv || r->span.end >= e) return b;
    ++places;
    size_t cl = 0;
    if (!coord.PrefixAt(ctx.text, r->span.end, &cl)) return places >= 2 ? r->span.end : b;
    q = static_cast<uint32_t>(r->span.end + cl);
  }
  return b;
}

// True when a lexicon Industry ends right before p, or before a field word
// there (量子科技企业, 生物医药领域顶尖人才); *sector gets where it starts.
bool SectorBefore(const DocContext& ctx, uint32_t p, uint32_t* sector) {
  if (!ctx.lexicon) return false;
  for (uint32_t end : {p, p >= 6 ? p - 6 : p}) {
    if (end != p && !(ctx.text.substr(end, 6) == "领域" || ctx.text.substr(end, 6) == "行业" || ctx.text.substr(end, 6) == "产业")) continue;
    for (size_t i = ctx.LexiconFrom(end > 48 ? end - 48 : 0); i < ctx.lexicon->size() && (*ctx.lexicon)[i].span.begin < end; ++i) {
      const Mention& m = (*ctx.lexicon)[i];
      if (m.span.end == end && m.type == "Industry"sv && !m.weak) {
        *sector = m.span.begin;
        return true;
      }
    }
  }
  return false;
}

// "继续支援制造商", "资助本地大学生": a group word up to four characters after a
// verb that aims at someone (kind aim) counts outside aimed clauses too; returns
// where its name may start (right after the verb), else 0.
uint32_t AimRightBefore(const DocContext& ctx, uint32_t clause_begin, uint32_t p) {
  const KindWords aim = ctx.Words(RuleKind::aim);
  uint32_t q = p;
  for (int k = 0; k <= 4 && q > clause_begin; ++k) {
    size_t len = 0;
    const Rule* r = aim.SuffixAt(ctx.text, q, &len);
    if (r && q >= clause_begin + len && len > 3) return q;  // a two-character verb, not 对 / 为
    size_t j = q - 3;
    if (q < clause_begin + 3 || !IsHan(NextCp(ctx.text, j))) return 0;
    q -= 3;
  }
  return 0;
}

struct Head {
  uint32_t b, e;  // the head word
  const Rule* rule;
  size_t tail;    // name tail kept after it (建设)
  uint32_t min_b = 0;  // the name starts no earlier (a group admitted by its sector starts there)
};

// True when p falls strictly inside a lexicon name; `measures_too` false lets
// known measures (国家实验室) be extended by the item recognizer (中关村国家实验室).
bool InsideLexicon(const DocContext& ctx, uint32_t p, bool measures_too = true) {
  if (!ctx.lexicon) return false;
  // The last mention starting at or before p.
  const size_t up = static_cast<size_t>(std::upper_bound(ctx.lexicon_begin.begin(), ctx.lexicon_begin.end(), p) -
                                        ctx.lexicon_begin.begin());
  if (up == 0) return false;
  const Mention* it = &(*ctx.lexicon)[up - 1];
  if (!measures_too && (it->type == "Platform"sv || it->type == "Fund"sv || it->type == "Pilot"sv ||
                        it->type == "Initiative"sv || it->type == "Policy"sv)) return false;
  return p > it->span.begin && p < it->span.end;
}

// The start of the object of the clause segment [left, head): after the
// governing verb at the start, or after a verb preceded by a prepositional
// phrase; `left` itself when neither.
uint32_t ObjectStart(const DocContext& ctx, uint32_t left, uint32_t head, NpPrefix* info) {
  std::string_view s = ctx.text;
  uint32_t noise = SkipNoise(ctx, left, head, nullptr);
  uint32_t b = SkipToObject(ctx, left, head, info);
  if (b != noise) {
    // "联合X局开展Y行动", "支持X公司建设Y平台": an actor and its own verb after the first
    // verb; the object is what that verb governs.
    size_t vl = 0;
    // So does a group ("支持企业建设智能工厂", "鼓励龙头企业建设X"): known, or named by a group head word.
    // (For a group, a verb of building or doing, not one of support: "推进人才发展体制机制综合改革试点" is one name.)
    if (const Mention* a = ctx.LexiconAt(b);
        a && (a->type == "Agency"sv || a->type == "Enterprise"sv || a->type == "TargetGroup"sv) && a->span.end < head) {
      const Rule* v = ctx.Words(RuleKind::trigger).PrefixAt(s, a->span.end, &vl);
      if (v && a->span.end + vl < head && (a->type != "TargetGroup"sv || v->id != "trigger.support")) {
        return SkipToObject(ctx, a->span.end, head, info);
      }
    }

    return b;
  }
  const KindWords trig = ctx.Words(RuleKind::trigger);
  static const char* kPreps[] = {"在", "对", "通过", "围绕", "依托", "按照", "结合", "针对", "以", "从", "于"};
  bool prep = false;
  // "…,并在新能源产业园建设X": a conjunction may open the clause before its preposition.
  const uint32_t lead = At(s, left, "并") || At(s, left, "且") || At(s, left, "还") ? left + 3 : left;
  for (const char* p : kPreps) prep |= At(s, noise, p) || At(s, left, p) || (lead < head && At(s, lead, p));
  size_t pl = 0;
  const bool aimed_lead = ctx.Words(RuleKind::targets_lead).PrefixAt(s, left, &pl) != nullptr;  // 面向X发放Y
  // "对创新药给予奖励": in a condition the verb right before the head governs the head alone.
  const bool condition = ctx.Words(RuleKind::condition_lead).PrefixAt(s, left, &pl) != nullptr;
  prep |= aimed_lead;
  bool short_subject = false, actor_subject = false;
  const Mention* subj = ctx.LexiconAt(noise);
  // The lexicon names from `noise` on, read as t advances: an actor (the first
  // name at a position, as LexiconAt gives it) starting at or before t.
  size_t li = ctx.lexicon ? ctx.LexiconFrom(noise) : 0;
  const size_t ln = ctx.lexicon ? ctx.lexicon->size() : 0;
  for (uint32_t t = noise; t < head; t = NextChar(s, t)) {
    // Only a position where a verb starts decides anything: jump there.
    if ((t = static_cast<uint32_t>(trig.Skip(s, t, head))) >= head) break;
    for (; li < ln && ctx.lexicon_begin[li] <= t; ++li) {
      if (li > 0 && ctx.lexicon_begin[li] == ctx.lexicon_begin[li - 1]) continue;
      const Mention& a = (*ctx.lexicon)[li];
      if (a.type == "Agency"sv || a.type == "Enterprise"sv || a.type == "Region"sv) actor_subject = true;
    }
    size_t len = 0;
    // (A verb of building or doing, not one of support: "推进人才发展体制机制综合改革试点" is one name.)
    const Rule* verb_rule = trig.PrefixAt(s, t, &len);
    if (!verb_rule || t + len > head || InsideLexicon(ctx, t)) continue;
    // After an aimed phrase the verb may abut the head: "面向中小企业发放算力券".
    // So may the verb of a group or actor subject ("支持企业建设智能工厂": the head alone may name a
    // platform class).
    size_t gl = 0;
    const Rule* group_head = verb_rule->id != "trigger.support" && t > noise && WordChars(s.substr(noise, t - noise)) <= 6
                                 ? ctx.Words(RuleKind::head).SuffixAt(s, t, &gl)
                                 : nullptr;
    const bool group_subject = verb_rule->id != "trigger.support" &&
                               ((subj && subj->span.end == t &&
                                 (subj->type == "TargetGroup"sv || subj->type == "Agency"sv || subj->type == "Enterprise"sv)) ||
                                (group_head && group_head->arg == "TargetGroup"));
    if (t + len == head && !aimed_lead && !condition && !group_subject) continue;
    // A known name that starts like a verb (创新药研发奖励) is not a verb.
    if (const Mention* known = ctx.LexiconAt(t); known && known->span.end > t + len) continue;
    short_subject = WordChars(s.substr(noise, t - noise)) <= 2;
    size_t l2 = 0;
    // "在工业领域试点推行X", "政府将推出X", "市经信局会同市统计局建立X".
    // "专项资金可注资X基金", "项目单位应当建立X": the modals of rules count too.
    bool modal = t >= 3 && (At(s, t - 3, "将") || At(s, t - 3, "要") || At(s, t - 3, "会") || At(s, t - 3, "应") ||
                            At(s, t - 3, "可") || At(s, t - 3, "须") || (t >= 6 && (At(s, t - 6, "应当") || At(s, t - 6, "可以"))) ||
                            ctx.Words(RuleKind::subject_follow).SuffixAt(s, t, &l2) != nullptr);  // 政府已设立X, 拟设立
    std::string_view subject = s.substr(noise, t - noise);
    bool list_subject = subject.find("、") != std::string_view::npos || subject.find("等") != std::string_view::npos;
    bool reported = ctx.Words(RuleKind::speech_verb).SuffixAt(subject, subject.size(), &l2) ||
                    ctx.Words(RuleKind::lead_verb).Find(subject, 0) != std::string_view::npos;
    // "支持湘江新区建设X先导区": a place the lexicon does not hold, named by its head word
    // (新区, 开发区), is the subject of the verb, as a known place is.
    const Rule* place = ctx.Words(RuleKind::head).SuffixAt(s, t, &l2);
    const bool place_subject = place && place->arg == "Region" && t - l2 > noise && WordChars(subject) <= 8;
    if (prep || short_subject || actor_subject || modal || list_subject || reported || place_subject || group_subject) {
      // After a modal (可注资黑龙江省X基金) the object keeps its region: read it from the verb on.
      return SkipToObject(ctx, modal ? t : static_cast<uint32_t>(t + len), head, info);
    }
    // A verb inside with a long subject before it: "中试平台建设纳入…规划" is a clause.
    return head;
  }
  return b;
}

// Drops "等" right before the head: "重点产业人才引育等专项计划".
std::string NameWithoutEtc(std::string_view s, uint32_t b, uint32_t head_b, uint32_t e, bool* dropped) {
  *dropped = false;
  if (head_b >= b + 3 && At(s, head_b - 3, "等")) {
    *dropped = true;
    return CleanName(std::string(s.substr(b, head_b - 3 - b)) + std::string(s.substr(head_b, e - head_b)));
  }
  return CleanName(s.substr(b, e - b));
}

// Cuts a leading "具有…的" modifier.
uint32_t CutModifier(const DocContext& ctx, uint32_t b, uint32_t head_b) {
  size_t len = 0;
  if (!ctx.Words(RuleKind::modifier).PrefixAt(ctx.text, b, &len)) return b;
  size_t de = ctx.text.substr(b, head_b - b).rfind("的");
  return de == std::string_view::npos ? b : static_cast<uint32_t>(b + de + 3);
}

// "实施技术改造项目", "重点投向绿色低碳装备项目": a class of projects named by their kind or sector is
// no named project. A named one carries what singles it out before 项目: a figure or Latin
// letters (年产8GWh储能电池项目), a quote or title mark, or a known firm or place (X有限公司…项目).
bool NamedProject(const DocContext& ctx, std::string_view s, uint32_t b, uint32_t head_b) {
  for (uint32_t k = b; k < head_b; ++k) {
    const unsigned char c = static_cast<unsigned char>(s[k]);
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return true;
  }
  std::string_view mod = s.substr(b, head_b - b);
  if (mod.find("“") != std::string_view::npos || mod.find("《") != std::string_view::npos) return true;
  if (!ctx.lexicon) return false;
  for (size_t i = ctx.LexiconFrom(b); i < ctx.lexicon->size() && (*ctx.lexicon)[i].span.begin < head_b; ++i) {
    const Mention& m = (*ctx.lexicon)[i];
    if (m.type == "Enterprise"sv || m.type == "Region"sv) return true;
  }
  return false;
}

// `bare`: the head word alone is the name (a verb governed it directly:
// 新建智能工厂, 建成加氢站), for heads of three characters or more.
void Emit(const DocContext& ctx, int sentence, uint32_t b, uint32_t head_b, uint32_t e, const std::string& type,
          const std::string& rule, const NpPrefix& info, std::vector<Mention>& out, bool bare = false) {
  std::string_view s = ctx.text;
  TrimSpan(s, b, e);
  // "对新获批建设的国家级制造业创新中心": a name never opens with the 的 of a cut modifier.
  while (b + 3 <= head_b && At(s, b, "的")) b += 3;
  // "引导银行机构加大对绿色技术改造项目的…": after an adverbial verb and 对 (kind strip:
  // 加大, 加强 …), the object of 对 is the name; the subject and verb before it are not.
  // "奖励资金从X专项资金中列支", "中央财政通过X专项资金": likewise after a preposition
  // that never stands inside a name (kind strip, arg inner).
  const KindWords strip = ctx.Words(RuleKind::strip);
  for (uint32_t k = b + 3; k + 3 < head_b; k = NextChar(s, k)) {
    size_t vl = 0;
    if (At(s, k, "对") && strip.SuffixAt(s, k, &vl) && vl >= 6) {
      b = k + 3;
      break;
    }
    if (const Rule* r = strip.PrefixAt(s, k, &vl); r && r->arg == "inner" && k + vl <= head_b) {
      b = static_cast<uint32_t>(k + vl);  // and on: "最高不超过X" starts after the last
    }
  }
  // A quantifier or pronoun before a head word: a platform or pilot class named by a long head
  // ("一批智能工厂" → 智能工厂), else no item ("同一项目", "多个平台", "本行动计划").
  if (size_t ql = 0; !bare && b < head_b && ctx.rules->Words(RuleKind::strip, "object").PrefixAt(s, b, &ql) && b + ql == head_b) {
    if (WordChars(s.substr(head_b, e - head_b)) < 3 || !(type == "Platform"sv || type == "Pilot"sv)) return;
    b = head_b;
    bare = true;
  }
  // A span of time alone before a head word names no item: "实施三年试点", "开展两年行动".
  if (size_t dl = 0; !bare && b < head_b && ctx.Words(RuleKind::duration).PrefixAt(s, b, &dl) && b + dl == head_b) return;
  if ((b >= head_b && !(bare && b == head_b)) || e <= b) return;
  if (type == "Initiative"sv && At(s, head_b, "项目") && !NamedProject(ctx, s, b, head_b)) return;
  // "围绕技术攻关、成果转化、应用示范": a pilot's head after an enumeration of activities
  // closes the list; it names no pilot.
  if (type == "Pilot"sv && s.substr(b, head_b - b).find("、") != std::string_view::npos) return;
  // "给予奖励", "发放补贴": a governing verb and a head word name no item.
  if (size_t vl = 0; !bare && ctx.Words(RuleKind::trigger).PrefixAt(s, b, &vl) && b + vl == head_b &&
                     !ctx.LexiconAt(b)) return;
  // "政府已于去年成立的X基金", "香港科技园公司营运的X中心": a clause before 的 is not
  // part of the name when it holds a verb, an actor or a number.
  if (size_t de = s.substr(b, head_b - b).rfind("的"); de != std::string_view::npos && type != "Goal"sv) {
    std::string_view left = s.substr(b, de);
    bool clause = false;
    size_t len = 0;
    for (size_t k = 0; k < left.size() && !clause; k += CpLen(static_cast<unsigned char>(left[k]))) {
      clause = ctx.Words(RuleKind::trigger).PrefixAt(left, k, &len) || (left[k] >= '0' && left[k] <= '9') ||
               ctx.Words(RuleKind::lead_verb).PrefixAt(left, k, &len) ||  // "由X牵头的Y"
               ctx.LexiconAt(static_cast<uint32_t>(b + k)) != nullptr;
    }
    if (clause) b = static_cast<uint32_t>(b + de + 3);
    // "落实《X》的相关措施": what is left may be a quantifier and a head word alone.
    if (size_t ql = 0; clause && !bare && b < head_b && ctx.rules->Words(RuleKind::strip, "object").PrefixAt(s, b, &ql) && b + ql == head_b &&
                       (WordChars(s.substr(head_b, e - head_b)) < 3 || !(type == "Platform"sv || type == "Pilot"sv))) {
      return;
    }
  }
  // "合同研发生产组织(CDMO)、合同研究组织": a bracketed abbreviation closes the list item before it.
  // So does one before 及 / 和: "先进制造业中心(AMC)及微电子中心(MEC)".
  if (size_t k = s.substr(b, head_b - b).rfind(")、"); k != std::string_view::npos) b = static_cast<uint32_t>(b + k + 4);
  for (std::string_view conj : {")以及", ")及", ")和"}) {
    if (size_t k = s.substr(b, head_b - b).rfind(conj); k != std::string_view::npos) {
      b = static_cast<uint32_t>(b + k + conj.size());
      break;
    }
  }
  bool etc = false;
  std::string name = NameWithoutEtc(s, b, head_b, e, &etc);
  size_t head_chars = WordChars(s.substr(head_b, e - head_b));
  if ((WordChars(name) < head_chars + 2 && !(bare && b == head_b && head_chars >= 3)) || WordChars(name) > 40) return;
  size_t len = 0;
  if (ctx.Words(RuleKind::section_name).PrefixAt(name, 0, &len) && len == name.size()) return;
  // Questions and copulas are sentences, not names.
  for (const char* w : {"是", "哪些", "什么", "如何", "?"}) {
    if (name.find(w) != std::string::npos) return;
  }
  // A subject with its adverb or modal inside is a clause: "X基金亦已投资逾80个项目".
  if (ctx.Words(RuleKind::subject_follow).Find(s.substr(0, head_b), b) != std::string_view::npos) return;
  // A sum of money or a share is a subsidy's amount, not a name (funds keep theirs as size).
  if (name.find('%') != std::string::npos) return;  // a rate is a subsidy's term, not a name
  if (type != "Fund"sv && (name.find("万元") != std::string::npos ||
                         name.find("亿元") != std::string::npos)) return;
  Mention m;
  m.span = {b, e};
  m.type = type;
  m.name = name;
  m.rule = rule;
  m.sentence = sentence;
  std::string raw(s.substr(b, e - b));
  if (raw != name && CleanName(raw) != name) m.aliases.push_back(CleanName(raw));
  if (raw.find("“") != std::string::npos) m.aliases.push_back(raw);
  if (etc) m.aliases.push_back(CleanName(s.substr(b, head_b - 3 - b)));
  if (!info.levels.empty()) SetProperty(m.props, "level", info.levels);
  // The name as written keeps its tier (convention 1: 省级制造业中试平台): an alias.
  if (size_t ll = 0; !info.levels.empty() && ctx.Words(RuleKind::level).SuffixAt(s, b, &ll)) {
    m.aliases.push_back(CleanName(s.substr(b - ll, e - b + ll)));
  }
  if (info.count > 0 && m.type == "Platform"sv) SetProperty(m.props, "count", info.count);
  if (info.size && m.type == "Fund"sv) SetProperty(m.props, "size", *info.size);
  out.push_back(std::move(m));
}

// Calls f(c, i, j) for each character c at [i, j) of `t` that stands outside
// “…” and 《…》 (the marks themselves count as inside).
template <class F>
void ForEachUnquoted(std::string_view t, F&& f) {
  bool quoted = false;
  for (size_t i = 0; i < t.size();) {
    size_t j = i;
    const char32_t c = NextCp(t, j);
    if (c == U'“' || c == U'《') quoted = true;
    if (c == U'”' || c == U'》') quoted = false;
    if (!quoted) f(c, i, j);
    i = j;
  }
}

// When `t` (a name's modifier) holds a list closed by 等 — "A、B等" — outside
// quotes, the head word names the list's category: returns the offset just
// after the last such 等 (and after a later 和/及/以及, which starts another
// category), else npos.
size_t CategoryAfterList(std::string_view t) {
  bool listed = false;
  size_t cat = std::string_view::npos;
  ForEachUnquoted(t, [&](char32_t c, size_t, size_t j) {
    if (c == U'、') listed = true;
    if (listed && c == U'等') cat = j;
    if (cat != std::string_view::npos && (c == U'和' || c == U'及')) cat = j;
  });
  return cat;
}

// The offset of the last 、 of `t` outside quotes, else npos.
size_t LastListComma(std::string_view t) {
  size_t last = std::string_view::npos;
  ForEachUnquoted(t, [&](char32_t c, size_t i, size_t) {
    if (c == U'、') last = i;
  });
  return last;
}

void ItemsInClause(const DocContext& ctx, int sentence, Span c, std::vector<Mention>& out) {
  std::string_view s = ctx.text;
  const Sentence& sen = ctx.st->sentences[sentence];
  if (sen.heading && sen.item >= 0) c.begin = std::max(c.begin, std::min(c.end, ctx.st->items[sen.item].body));
  // The clause is a whole heading (no comma, colon or bracket splits it).
  const bool nominal_heading = sen.heading && sen.item >= 0 && c.end - c.begin <= 48 &&
                               ctx.st->items[sen.item].body == c.begin && WordChars(s.substr(c.begin, c.end - c.begin)) >= 4;
  const KindWords heads = ctx.Words(RuleKind::head);
  const KindWords coord = ctx.Words(RuleKind::coord);
  const KindWords etc = ctx.Words(RuleKind::list_end);
  const KindWords units = ctx.Words(RuleKind::count_unit);
  std::vector<Head> hs;
  size_t alen = 0;
  // SkipNoise returns a position in [c.begin, c.end]: it runs only when an aim
  // or condition word starts there (most clauses have neither).
  const KindWords aim = ctx.Words(RuleKind::aim);
  const KindWords condition_lead = ctx.Words(RuleKind::condition_lead);
  const bool may_open = aim.Skip(s, c.begin, size_t{c.end} + 1) <= c.end ||
                        condition_lead.Skip(s, c.begin, size_t{c.end} + 1) <= c.end;
  const uint32_t opening = may_open ? SkipNoise(ctx, c.begin, c.end, nullptr, kNoiseTime | kNoiseActors) : c.end + 1;
  const bool aimed = may_open && aim.PrefixAt(s, opening, &alen) != nullptr;
  const uint32_t aim_end = aimed ? static_cast<uint32_t>(opening + alen) : 0;  // after the clause's aiming verb
  // "对集成电路设计企业首次完成工程流片的,给予…": in a subsidy's condition the
  // group's name ends before the verb of the condition.
  const bool condition = may_open && condition_lead.PrefixAt(s, opening, &alen) != nullptr;
  size_t speech_at = ctx.FindIn(RuleKind::speech_verb, c.begin, c.end, &alen);
  // "依托X实验室建设Y中心": after a host word the host's name ends before the verb that builds the new one.
  const size_t host_at = ctx.FindIn(RuleKind::host_lead, c.begin, c.end, &alen);
  for (uint32_t p = c.begin; p < c.end; p = NextChar(s, p)) {
    if ((p = static_cast<uint32_t>(heads.Skip(s, p, c.end))) >= c.end) break;
    size_t len = 0;
    const Rule* r = heads.PrefixAt(s, p, &len);
    if (!r || p + len > c.end) continue;
    // A head word that starts inside a known name counts when it runs past it (生物制造产业 + 产业园).
    if (InsideLexicon(ctx, p, false) && InsideLexicon(ctx, static_cast<uint32_t>(p + len - 1), false)) continue;
    size_t tail = 0;
    uint32_t he = static_cast<uint32_t>(p + len);
    if (!NameBoundary(ctx, he, c.end, &tail)) {
      size_t vl = 0;
      // A word after a head of its type (kind name_end, arg = the type) may end the name:
      // "从市工业和信息化专项资金中列支", "X专项资金对试点城市给予…"; for a group, only in a
      // subsidy's condition ("对集成电路设计企业首次完成…").
      const Rule* end_rule = ctx.Words(RuleKind::name_end).PrefixAt(s, he, &vl);
      const bool typed_end = end_rule && end_rule->arg == r->arg &&
                             (r->arg != "TargetGroup" || condition || (!aimed && AimRightBefore(ctx, c.begin, p)));
      // "由X有限公司牵头组建", "由Y集团负责管理": a firm's name ends before the verb of its duty (kind lead_verb).
      // (Not before 会同 / 联合, rule lead_verb.with: "X大学联合龙头企业共建Y" goes on to name Y.)
      const Rule* duty_rule = r->arg == "Enterprise" ? ctx.Words(RuleKind::lead_verb).PrefixAt(s, he, &vl) : nullptr;
      const bool duty = duty_rule && duty_rule->id == "lead_verb.lead";
      // "围绕A、B等战略性产业集群开展精准招商": a list's sector category may end before the verb that follows it.
      size_t dl = 0;
      const size_t etc_at = s.substr(c.begin, p - c.begin).rfind("等");
      const bool category = r->arg == "Industry" && etc_at != std::string_view::npos && p - (c.begin + etc_at) <= 27 &&
                            ctx.Words(RuleKind::trigger).PrefixAt(s, he, &dl) != nullptr;
      if (!typed_end && !duty && !category && (host_at == std::string_view::npos || p <= host_at || !(r->arg == "Platform" || r->arg == "Enterprise") ||
          !ctx.Words(RuleKind::trigger).PrefixAt(s, he, &vl))) continue;
    }
    // "秦创原创新驱动平台建设": the building of a platform names the platform.
    if (size_t tl = 0; tail && r->arg == "Platform") {
      const Rule* t = ctx.Words(RuleKind::name_tail).PrefixAt(s, he, &tl);
      if (t && t->arg == "Initiative") tail = 0;
    }
    if (!hs.empty() && hs.back().e == he) continue;  // a shorter head ending at the same place
    // "合肥市产业投资控股(集团)有限公司": a firm head inside a bracket that a firm head follows is part of the name.
    if (size_t fl = 0; r->arg == "Enterprise" && he + 1 < c.end && s[he] == ')') {
      const Rule* next = heads.PrefixAt(s, he + 1, &fl);
      if (next && next->arg == "Enterprise") continue;
    }
    // Groups only where the clause aims at someone, or firms of a named sector (量子科技企业).
    uint32_t sector = 0;
    if (r->arg == "TargetGroup" && !aimed && !SectorBefore(ctx, p, &sector) && !(sector = AimRightBefore(ctx, c.begin, p))) continue;
    // In an aimed clause a group's name starts after the verb that opens it (资助大学科研团队).
    if (r->arg == "TargetGroup" && aimed && !sector && aim_end <= p) sector = aim_end;
    hs.push_back(Head{p, he, r, tail, sector});
  }
  uint32_t left = c.begin;
  bool continuation = false;
  NpPrefix carried;
  for (size_t i = 0; i < hs.size(); ++i) {
    Head h = hs[i];
    if (h.b < left) continue;
    NpPrefix info = carried;
    carried = NpPrefix{};
    uint32_t b = continuation ? SkipNoise(ctx, left, h.b, &info, kNoiseAfterVerb) : ObjectStart(ctx, left, h.b, &info);
    // "(四)创新平台建设奖励。", "(三)首台(套)产品推广应用补助。": a heading that is a
    // subsidy's name (its head a word of kind subsidy, ending the heading) is named in
    // full, verbs inside and all; one opening with a verb of support (给予…) is a clause.
    if (nominal_heading && !continuation && h.e == c.end && h.rule->arg == "Policy") {
      size_t sl = 0, vl = 0;
      const uint32_t nb = SkipNoise(ctx, left, h.b, nullptr, kNoiseLevels | kNoiseObject);
      const Rule* verb = ctx.Words(RuleKind::trigger).PrefixAt(s, nb, &vl);
      if (nb < h.b && ctx.Words(RuleKind::subsidy).PrefixAt(s, h.b, &sl) && (!verb || verb->id != "trigger.support")) {
        b = SkipNoise(ctx, left, h.b, &info, kNoiseLevels | kNoiseObject);
      }
    }
    if (continuation) {
      // "A、B联合龙头企业建设X中心": a verb inside the list item governs the name.
      const KindWords trig = ctx.Words(RuleKind::trigger);
      for (uint32_t t = b; t < h.b; t = NextChar(s, t)) {
        if ((t = static_cast<uint32_t>(trig.Skip(s, t, h.b))) >= h.b) break;
        size_t len = 0;
        if (!trig.PrefixAt(s, t, &len) || t + len >= h.b || InsideLexicon(ctx, t)) continue;
        if (WordChars(s.substr(t + len, h.b - t - len)) >= 4) b = SkipNoise(ctx, static_cast<uint32_t>(t + len), h.b, &info, kNoiseAfterVerb);
      }
    }
    // Empty conjuncts ("2家国家级、1家…中心") pass their tier on.
    for (int guard = 0; guard < 8; ++guard) {
      size_t len = 0;
      if (!coord.PrefixAt(s, b, &len) || b + len >= h.b) break;
      b = SkipNoise(ctx, static_cast<uint32_t>(b + len), h.b, &info, kNoiseAfterVerb);
    }
    b = CutModifier(ctx, b, h.b);
    // "对租用区属标准化厂房的新能源汽车零部件企业给予…": a group's name holds no
    // relative clause; it starts after the last 的 of its modifier.
    if (h.rule->arg == "TargetGroup") {
      if (size_t de = s.substr(b, h.b - b).rfind("的"); de != std::string_view::npos) b = static_cast<uint32_t>(b + de + 3);
      // "对现有企业…", "区内企业": a scope word (kind strip, rule strip.scope) is no part of a group's name.
      size_t sl = 0;
      if (const Rule* sc = ctx.Words(RuleKind::strip).PrefixAt(s, b, &sl); sc && sc->id == "strip.scope" && b + sl <= h.b) {
        b = static_cast<uint32_t>(b + sl);
      }
    }
    b = std::max(b, h.min_b);
    // "按照“包河英才计划”给予安家补贴": a quoted name that ends in its own head
    // word and is followed by a verb is an item of its own; the verb's object
    // (the rest) is the name for this head.
    // (From `left`: the verb may already have moved b past the quote.)
    for (uint32_t k = left; k < h.b; k = NextChar(s, k)) {
      if (!At(s, k, "”")) continue;
      size_t open = s.rfind("“", k);
      size_t hl = 0, vl = 0;
      const Rule* qh = open != std::string_view::npos && open >= left ? heads.SuffixAt(s, k, &hl) : nullptr;
      if (!qh || !ctx.Words(RuleKind::trigger).PrefixAt(s, k + 3, &vl) || k + 3 + vl >= h.b) break;
      Emit(ctx, sentence, static_cast<uint32_t>(open), static_cast<uint32_t>(k - hl), k + 3, qh->arg, qh->id, NpPrefix{}, out);
      b = SkipNoise(ctx, static_cast<uint32_t>(k + 3 + vl), h.b, &info, kNoiseAfterVerb);
      break;
    }
    // Merge with the next head when its own modifier is short: "A规划和功能复合试点".
    if (i + 1 < hs.size() && h.tail == 0) {
      size_t len = 0;
      const Head& n = hs[i + 1];
      // Two heads of one type are two items of a list: "直升机起降点和无人机起降场".
      if (coord.PrefixAt(s, h.e, &len) && !At(s, h.e, "、") && n.b > h.e + len && n.rule->arg != h.rule->arg &&
          WordChars(s.substr(h.e + len, n.b - h.e - len)) <= 4) {
        h = Head{n.b, n.e, n.rule, n.tail, n.min_b};
        ++i;
      }
    }
    // Coordination inside the modifier: "产业基础再造和重点产业链高质量发展工程".
    for (uint32_t k = b; k < h.b; k = NextChar(s, k)) {
      if ((k = static_cast<uint32_t>(coord.Skip(s, k, h.b))) >= h.b) break;
      size_t len = 0;
      if (At(s, k, "、") || !coord.PrefixAt(s, k, &len) || InsideLexicon(ctx, k) || InCompound(ctx, k)) continue;
      std::string_view lpart = s.substr(b, k - b), rpart = s.substr(k + len, h.b - k - len);
      // (Not the last conjunct of a list, "A、B及C等X产业": the list patterns read that.)
      const bool listed = lpart.find("、") != std::string_view::npos && rpart.find("等") != std::string_view::npos;
      if (WordChars(rpart) > 4 && rpart.find("的") == std::string_view::npos && !listed &&
          lpart.find("的") == std::string_view::npos && WordChars(lpart) >= 2 && WordChars(lpart) <= 12) {
        std::string head_text(s.substr(h.b, h.e - h.b));
        Mention m;
        m.span = {b, static_cast<uint32_t>(k)};
        m.type = h.rule->arg;
        m.name = CleanName(lpart) + head_text;
        m.aliases.push_back(CleanName(lpart));
        m.rule = h.rule->id;
        m.sentence = sentence;
        out.push_back(std::move(m));
        b = SkipNoise(ctx, static_cast<uint32_t>(k + len), h.b, nullptr, kNoiseAfterVerb);
      }
      break;
    }
    std::string type = h.rule->arg;
    // Names of places, agencies and firms keep their region: 广州开发区, 广州市黄埔区财政局.
    bool actor = type == "Agency"sv || type == "Region"sv || type == "Enterprise"sv;
    // "打造自贡、绵阳低空装备产业园": a list of places before a measure's name says
    // where it is built, and is no part of the name (one place is: 上海市制造业创新中心).
    if (!actor) b = AfterPlaceList(ctx, b, h.b);
    // Names of actors hold no 、: in "A、B局" or "X基地、Y有限公司" the name is the last conjunct.
    if (actor) {
      size_t k = s.substr(b, h.b - b).rfind("、");
      if (k != std::string_view::npos) b = static_cast<uint32_t>(b + k + 3);
    }
    // A measure that is the clause's subject ("厦门市产业投资基金将出资…") keeps its region too.
    size_t sl = 0;
    bool subject = !actor && ctx.Words(RuleKind::subject_follow).PrefixAt(s, h.e, &sl) != nullptr;
    bool region_prefix = false;
    for (int guard = 0; (actor || subject) && guard < 2; ++guard) {
      const Mention* r = nullptr;
      for (const Mention* m = LexiconFrom(ctx, b > 64 ? b - 64 : 0); m && m->span.begin < b; ++m) {
        if (m->span.end == b && m->type == "Region"sv) r = m;
        if (m + 1 == ctx.lexicon->data() + ctx.lexicon->size()) break;
      }
      if (!r || r->span.begin < c.begin) break;
      b = r->span.begin;
      region_prefix = true;
    }
    if (type == "Enterprise"sv && !region_prefix) {
      // "由苏州创新投资集团有限公司": a region and a verb-like word open a firm's name.
      for (const Mention* m = LexiconFrom(ctx, b > 64 ? b - 64 : 0); m && m->span.begin < b; ++m) {
        if (m->type == "Region"sv && m->span.end < b && m->span.end + 9 >= b && m->span.begin >= c.begin) {
          b = m->span.begin;
          break;
        }
        if (m + 1 == ctx.lexicon->data() + ctx.lexicon->size()) break;
      }
    }
    if (actor) {
      // Again after the region look-back, which may cross a list: "X基地、厦门海辰…公司".
      size_t k = s.substr(b, h.b - b).rfind("、");
      if (k != std::string_view::npos) b = static_cast<uint32_t>(b + k + 3);
    }
    // "国网厦门供电公司负责…": a firm opening its clause keeps a two-character brand before its region.
    if (size_t k0 = c.begin, k1 = c.begin + 3; type == "Enterprise"sv && region_prefix && b == c.begin + 6 &&
        IsHan(NextCp(s, k0)) && IsHan(NextCp(s, k1)) && SkipNoise(ctx, c.begin, b, nullptr) == c.begin &&
        !ctx.Words(RuleKind::trigger).PrefixAt(s, c.begin, &sl)) {
      b = c.begin;
    }
    if (type == "Enterprise"sv && b >= c.begin + 3) {
      // A firm listed after 、 starts right after it, whatever verb-like word it holds (中创新航…公司).
      size_t k = s.substr(c.begin, b - c.begin).rfind("、");
      if (k != std::string_view::npos && b - (c.begin + k + 3) <= 24 &&
          s.substr(c.begin + k + 3, b - c.begin - k - 3).find_first_of(",:;") == std::string_view::npos) {
        b = static_cast<uint32_t>(c.begin + k + 3);
      }
    }
    if (type == "Agency"sv && !region_prefix) {
      bool bare = At(s, b, "市") || At(s, b, "区") || At(s, b, "省") || At(s, b, "县");
      bool zone = h.rule->id == "head.agency_zone" && WordChars(s.substr(b, h.b - b)) >= 2;
      if (!bare && !zone) continue;
    }
    if (type == "Region"sv && !region_prefix && WordChars(s.substr(b, h.e - b)) < 5) continue;
    // A clause reporting speech names no measure unless a verb governs it.
    if (speech_at != std::string_view::npos && speech_at < h.b && b == SkipNoise(ctx, left, h.b, nullptr)) continue;
    size_t tl = 0;
    if (h.tail) {
      const Rule* t = ctx.Words(RuleKind::name_tail).PrefixAt(s, h.e, &tl);
      if (t && !t->arg.empty()) type = t->arg;  // 体系建设: the building of it
    }
    // "A、B等重点产业链" is a list with its category, not one name: the list
    // patterns (recognize_lists.cc) read its members; the name is the
    // category after 等 (and after a count: "等10个五千亿级优势产业").
    if (size_t cat = CategoryAfterList(s.substr(b, h.b - b)); cat != std::string_view::npos) {
      b = SkipNoise(ctx, static_cast<uint32_t>(b + cat), h.b, &info, kNoiseAfterVerb);
      // "A、B等领域开展示范应用": a verb after the category governs the name; one
      // right before the head leaves it no name of its own.
      if (uint32_t v = SkipToObject(ctx, b, h.b, &info); v > b) {
        size_t vl = 0;
        if (ctx.Words(RuleKind::trigger).PrefixAt(s, v, &vl) && v + vl == h.b) continue;
        if (ctx.Words(RuleKind::trigger).Find(s.substr(0, v), b) != std::string_view::npos) b = v;
      }
      if (b >= h.b && WordChars(s.substr(h.b, h.e - h.b)) <= 2) continue;  // "等产业": no name of its own
    } else if (size_t last = LastListComma(s.substr(b, h.b - b)); last != std::string_view::npos) {
      // "A、B、C五大重点产业": the list names the members of a counted group
      // (recognize_lists.cc); the name is the group, from its count word on.
      if (size_t g = ctx.FindIn(RuleKind::group, b + last, h.b); g != std::string_view::npos) b = static_cast<uint32_t>(g);
    }
    // "新建智能工厂50个", "建成加氢站": a platform or pilot class named by its
    // head word alone, right after the governing verb.
    bool bare = false;
    // "新建智能工厂和数字化车间50个": the same, for the next item of a list.
    if (b == h.b && continuation && (type == "Platform"sv || type == "Pilot"sv) && WordChars(s.substr(h.b, h.e - h.b)) >= 3) {
      bare = true;
    }
    // "支持企业建设智能工厂": the verb after a group subject abuts the head.
    if (size_t vl = 0; b == h.b && !continuation && (type == "Platform"sv || type == "Pilot"sv) && h.b >= c.begin + 6 &&
                       WordChars(s.substr(h.b, h.e - h.b)) >= 3 && ctx.Words(RuleKind::trigger).SuffixAt(s, h.b, &vl)) {
      bare = true;
    }
    if (b < h.b && (type == "Platform"sv || type == "Pilot"sv)) {
      size_t vl = 0;
      if (ctx.Words(RuleKind::trigger).PrefixAt(s, b, &vl) && b + vl == h.b && WordChars(s.substr(h.b, h.e - h.b)) >= 3) {
        b = h.b;
        bare = true;
      }
    }
    // "面向制造商", "继续支援制造商": a group named by a long head word alone (制造商, 服务商).
    if (b == h.b && type == "TargetGroup"sv && WordChars(s.substr(h.b, h.e - h.b)) >= 3) bare = true;
    // "面向中小企业发放算力券": after an aimed phrase and its verb, a long head word is the name.
    if (size_t ll = 0; b == h.b && WordChars(s.substr(h.b, h.e - h.b)) >= 3 &&
                       ctx.Words(RuleKind::targets_lead).PrefixAt(s, c.begin, &ll)) {
      bare = true;
    }
    Emit(ctx, sentence, b, h.b, static_cast<uint32_t>(h.e + h.tail), type, h.rule->id, info, out, bare);
    // Past the item: a trailing count ("115家", "近3700家"), then a conjunction or 等.
    left = static_cast<uint32_t>(h.e + h.tail);
    continuation = false;
    {
      uint32_t q = left;
      if (At(s, q, "近") || At(s, q, "超") || At(s, q, "约")) q += 3;
      if (q < c.end && s[q] >= '0' && s[q] <= '9') {
        while (q < c.end && ((s[q] >= '0' && s[q] <= '9') || s[q] == '.')) ++q;
        if (At(s, q, "万")) q += 3;
        size_t len = 0;
        if (units.PrefixAt(s, q, &len)) {
          left = static_cast<uint32_t>(q + len);
          if (At(s, left, "以上") || At(s, left, "左右")) left += 6;
        }
      }
    }
    size_t len = 0;
    if (coord.PrefixAt(s, left, &len)) {
      left += static_cast<uint32_t>(len);
      continuation = true;
    } else if (etc.PrefixAt(s, left, &len)) {
      left += static_cast<uint32_t>(len);
    }
  }
}

bool IsMeasureType(std::string_view t) {
  return t == "Initiative" || t == "Fund" || t == "Platform" || t == "Pilot" || t == "Policy";
}

// Quoted slogans with no head word, typed by the verb before them:
// 抓“两个转型” → Initiative.
void Slogans(const DocContext& ctx, int sentence, Span sp, std::vector<Mention>& out) {
  std::string_view s = ctx.text;
  const KindWords verbs = ctx.Words(RuleKind::slogan_type);
  const KindWords heads = ctx.Words(RuleKind::head);
  for (uint32_t p = sp.begin; p < sp.end; p = NextChar(s, p)) {
    if (!At(s, p, "“")) continue;
    size_t q = s.find("”", p);
    if (q == std::string_view::npos || q > sp.end) return;
    uint32_t qe = static_cast<uint32_t>(q + 3);
    size_t len = 0;
    std::string inner = CleanName(s.substr(p + 3, q - p - 3));
    // "“链主+配套”协同提升计划": the quote modifies a name that a head word
    // ends a few characters on; ItemsInClause reads that name.
    bool modifies = false;
    for (uint32_t k = qe; k < sp.end && k - qe <= 24 && !modifies;) {
      size_t j = k;
      if (!IsHan(NextCp(s, j))) break;
      size_t hl = 0, tail = 0;
      if (heads.PrefixAt(s, k, &hl)) {
        uint32_t he = static_cast<uint32_t>(k + hl);
        modifies = he >= sp.end || s[he] == ',' || s[he] == ';' || s[he] == ':' || At(s, he, "。") ||
                   NameBoundary(ctx, he, sp.end, &tail);
      }
      k = static_cast<uint32_t>(j);
    }
    // The slogan's last word may say what it is, whatever the verb: “数转贷” a
    // loan product (Fund), “算力券” a voucher, “链长制” a system (Policy); a head
    // word right after it then starts another phrase (“数转贷”专项信贷产品).
    size_t tl = 0;
    const Rule* r = ctx.Words(RuleKind::slogan_tail).SuffixAt(s, q, &tl);
    // “再工业化资助计划”, “创科产业引导基金”: a quoted name that ends in a measure's head
    // word is that measure, whatever verb (or none) comes before it.
    // (Such a name modifies what follows only when a noun runs straight on: "“甬江人才工程”数字经济
    // 专项", not "透过“X计划”继续支援制造商"; a count makes a slogan: “五个中心”.)
    bool headed = false;
    if (size_t hl = 0, vl = 0; !r) {
      const Rule* h = heads.SuffixAt(s, q, &hl);
      size_t k = p + 3;
      const char32_t first = NextCp(s, k);
      const bool counted = IsAsciiDigit(first) || std::u32string_view(U"一二三四五六七八九十两百千").find(first) != std::u32string_view::npos;
      // (Nor a head that also ends goals, 中心 of “国际创新科技中心”: ambiguous in quotes; a longer
      // measure head is not, 超算中心 of “人工智能超算中心”.)
      size_t gl = 0;
      const bool goalish = ctx.Words(RuleKind::goal_head).SuffixAt(s, q, &gl) != nullptr && (!h || gl >= hl);
      if (h && !counted && !goalish && q >= p + 3 + hl + 6 && (IsMeasureType(h->arg) || h->arg == "Industry")) {
        r = h;
        headed = qe >= sp.end || !IsHan(NextCp(s, k = qe)) || ctx.Words(RuleKind::trigger).PrefixAt(s, qe, &vl) ||
                 ctx.Words(RuleKind::strip).PrefixAt(s, qe, &vl);
      }
    }
    if (WordChars(inner) < 2 || WordChars(inner) > 12 || (modifies && !headed) || (!r && heads.PrefixAt(s, qe, &len)) || ctx.LexiconAt(p)) {
      p = static_cast<uint32_t>(q);
      continue;
    }
    for (uint32_t b = p; !r && b > sp.begin && p - b <= 12;) {
      b = static_cast<uint32_t>(PrevCpStart(s, b));
      if ((r = verbs.PrefixAt(s, b, &len)) && b + len == p) break;
      r = nullptr;
    }
    if (r) {
      Mention m;
      m.span = {p, qe};
      m.type = r->arg;
      m.name = inner;
      m.aliases.push_back(std::string(s.substr(p, qe - p)));
      m.rule = r->id;
      m.sentence = sentence;
      out.push_back(std::move(m));
    }
    p = static_cast<uint32_t>(q);
  }
}

}  // namespace

void FindItems(const DocContext& ctx, std::vector<Mention>& out) {
  for (const Sentence& sen : ctx.st->sentences) {
    for (const Span& c : sen.clauses) {
      ItemsInClause(ctx, sen.index, c, out);
      FindListItems(ctx, sen.index, c, out);
    }
    Slogans(ctx, sen.index, sen.span, out);
  }
}

}  // namespace pkg::ingest
