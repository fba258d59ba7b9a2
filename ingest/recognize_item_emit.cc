// An item's name from its span (Emit): the 的 of a cut modifier, the object
// of 对 after an adverbial verb, quantifiers, spans of time, clauses before
// 的, bracketed abbreviations, 等 before the head, amounts; and the list
// modifiers (A、B等X) the item walk reads. See recognize_items.h; tested
// through FindItems in tests/ingest/recognize_test.cc.
#include <algorithm>
#include <array>
#include <cstring>

#include "ingest/recognize_items.h"

namespace pkg::ingest::items {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined
namespace {

// Drops "等" right before the head: "重点产业人才引育等专项计划".
std::string NameWithoutEtc(std::string_view s, uint32_t b, uint32_t head_b, uint32_t e, bool* dropped) {
  *dropped = false;
  if (head_b >= b + 3 && At(s, head_b - 3, "等")) {
    *dropped = true;
    return CleanName(std::string(s.substr(b, head_b - 3 - b)) + std::string(s.substr(head_b, e - head_b)));
  }
  return CleanName(s.substr(b, e - b));
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

// What Emit's checks of a name look for with std::string::find, in one pass:
// a question or copula word (是, 哪些, 什么, 如何, ?), a rate (%), or, when
// `money`, a sum (万元, 亿元).
bool SentenceOrSum(std::string_view name, bool money) {
  const size_t n = name.size();
  auto at = [&](size_t i, std::string_view w) { return n - i >= w.size() && std::memcmp(name.data() + i, w.data(), w.size()) == 0; };
  // The bytes that may start one of those (the switch below reads only them).
  static constexpr auto kStart = [] {
    std::array<bool, 256> t{};
    t['?'] = t['%'] = t[0xE4] = t[0xE5] = t[0xE6] = true;
    return t;
  }();
  for (size_t i = 0; i < n; ++i) {
    if (!kStart[static_cast<unsigned char>(name[i])]) continue;
    switch (static_cast<unsigned char>(name[i])) {
      case '?': case '%':
        return true;
      case 0xE6:
        if (at(i, "是"sv)) return true;
        break;
      case 0xE5:
        if (at(i, "哪些"sv) || at(i, "如何"sv)) return true;
        break;
      case 0xE4:
        if (at(i, "什么"sv) || (money && (at(i, "万元"sv) || at(i, "亿元"sv)))) return true;
        break;
      default:
        break;
    }
  }
  return false;
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

}  // namespace

// Cuts a leading "具有…的" modifier.
uint32_t CutModifier(const DocContext& ctx, uint32_t b, uint32_t head_b) {
  size_t len = 0;
  if (!ctx.Words(RuleKind::modifier).PrefixAt(ctx.text, b, &len)) return b;
  size_t de = RFind(ctx.text.substr(b, head_b - b), "的"sv);
  return de == std::string_view::npos ? b : static_cast<uint32_t>(b + de + 3);
}

// `bare`: the head word alone is the name (a verb governed it directly:
// 新建智能工厂, 建成加氢站), for heads of three characters or more.
void Emit(const DocContext& ctx, int sentence, uint32_t b, uint32_t head_b, uint32_t e, StableName type,
          StableName rule, const NpPrefix& info, std::vector<Mention>& out, bool bare) {
  std::string_view s = ctx.text;
  TrimSpan(s, b, e);
  // "附件:1.2026年省X专项资金分配表": an enumerator inside a line ("1.", "2、") opens no name
  // (a decimal does not end there, unless a year follows: 1.2026年).
  if (uint32_t d = b; d < head_b && s[d] >= '0' && s[d] <= '9') {
    while (d < head_b && s[d] >= '0' && s[d] <= '9') ++d;
    const bool year_next = d + 8 <= head_b && At(s, d + 5, "年") && std::all_of(s.begin() + d + 1, s.begin() + d + 5, [](char x) {
                             return x >= '0' && x <= '9';
                           });
    if (d - b <= 2 && d + 1 < head_b && s[d] == '.' && (year_next || !(s[d + 1] >= '0' && s[d + 1] <= '9'))) {
      b = d + 1;
    } else if (d - b <= 2 && d + 3 < head_b && At(s, d, "、")) {
      b = d + 3;
    }
  }
  // "对新获批建设的国家级制造业创新中心": a name never opens with the 的 of a cut modifier.
  while (b + 3 <= head_b && At(s, b, "的")) b += 3;
  // "引导银行机构加大对绿色技术改造项目的…": after an adverbial verb and 对 (kind strip:
  // 加大, 加强 …), the object of 对 is the name; the subject and verb before it are not.
  // "奖励资金从X专项资金中列支", "中央财政通过X专项资金": likewise after a preposition
  // that never stands inside a name (kind strip, arg inner).
  const KindWords strip = ctx.Words(RuleKind::strip);
  // (Only a 对 or a strip word starts anything: jump to the next of either.)
  size_t next_dui = b + 3 < head_b ? FindWord(s.substr(0, head_b), "对"sv, b + 3) : std::string_view::npos;
  for (uint32_t k = b + 3; k + 3 < head_b; k = NextChar(s, k)) {
    if (next_dui < k) next_dui = FindWord(s.substr(0, head_b), "对"sv, k);
    k = static_cast<uint32_t>(std::min(next_dui, strip.Skip(s, k, head_b)));
    if (k + 3 >= head_b) break;
    size_t vl = 0;
    if (At(s, k, "对") && strip.SuffixAt(s, k, &vl) && vl >= 6) {
      b = k + 3;
      break;
    }
    if (const Rule* r = strip.PrefixAt(s, k, &vl); r && r->arg == "inner"sv && k + vl <= head_b) {
      b = static_cast<uint32_t>(k + vl);  // and on: "最高不超过X" starts after the last
    }
  }
  // A quantifier or pronoun before a head word: a platform or pilot class named by a long head
  // ("一批智能工厂" → 智能工厂), else no item ("同一项目", "多个平台", "本行动计划").
  // (The object words are strip words: where the index has none, the arg's set has none either.)
  if (size_t ql = 0; !bare && b < head_b && strip.PrefixAt(s, b, &ql) &&
                     ctx.rules->Words(RuleKind::strip, "object").PrefixAt(s, b, &ql) && b + ql == head_b) {
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
  if (size_t de = RFind(s.substr(b, head_b - b), "的"sv); de != std::string_view::npos && type != "Goal"sv) {
    std::string_view left = s.substr(b, de);
    bool clause = false;
    size_t len = 0;
    const KindWords trig = ctx.Words(RuleKind::trigger), lead = ctx.Words(RuleKind::lead_verb);
    // LexiconAt(b + k) for the growing k: one binary search, then steps.
    size_t li = ctx.lexicon ? ctx.LexiconFrom(b) : 0;
    for (size_t k = 0; k < left.size() && !clause; k += CpLen(static_cast<unsigned char>(left[k]))) {
      bool known = false;
      if (ctx.lexicon) {
        while (li < ctx.lexicon_begin.size() && ctx.lexicon_begin[li] < b + k) ++li;
        known = li < ctx.lexicon_begin.size() && ctx.lexicon_begin[li] == b + k;
      }
      clause = trig.PrefixAt(left, k, &len) || (left[k] >= '0' && left[k] <= '9') ||
               lead.PrefixAt(left, k, &len) ||  // "由X牵头的Y"
               known;
    }
    if (clause) b = static_cast<uint32_t>(b + de + 3);
    // "落实《X》的相关措施": what is left may be a quantifier and a head word alone.
    if (size_t ql = 0; clause && !bare && b < head_b && strip.PrefixAt(s, b, &ql) &&
                       ctx.rules->Words(RuleKind::strip, "object").PrefixAt(s, b, &ql) && b + ql == head_b &&
                       (WordChars(s.substr(head_b, e - head_b)) < 3 || !(type == "Platform"sv || type == "Pilot"sv))) {
      return;
    }
  }
  // "鼓励A基金、国家中小企业发展基金投资中试服务机构": a known fund, agency or firm right before a
  // governing verb is that verb's subject; the name starts after the verb.
  if (type != "Goal"sv && ctx.lexicon) {
    const KindWords trig = ctx.Words(RuleKind::trigger);
    for (size_t i = ctx.LexiconFrom(b); i < ctx.lexicon->size() && ctx.lexicon_begin[i] < head_b; ++i) {
      const Mention& lm = (*ctx.lexicon)[i];
      if (!(lm.type == "Fund"sv || lm.type == "Agency"sv || lm.type == "Enterprise"sv) || lm.span.end >= head_b) continue;
      size_t vl = 0;
      if (trig.PrefixAt(s, lm.span.end, &vl) && lm.span.end + vl < head_b) b = static_cast<uint32_t>(lm.span.end + vl);
    }
  }
  // "合同研发生产组织(CDMO)、合同研究组织": a bracketed abbreviation closes the list item before it.
  // So does one before 及 / 和: "先进制造业中心(AMC)及微电子中心(MEC)".
  // (Each needs a ')': most names have none.)
  if (s.substr(b, head_b - b).find(')') != std::string_view::npos) {
    if (size_t k = RFind(s.substr(b, head_b - b), ")、"sv); k != std::string_view::npos) b = static_cast<uint32_t>(b + k + 4);
    for (std::string_view conj : {")以及"sv, ")及"sv, ")和"sv}) {
      if (size_t k = RFind(s.substr(b, head_b - b), conj); k != std::string_view::npos) {
        b = static_cast<uint32_t>(b + k + conj.size());
        break;
      }
    }
  }
  bool etc = false;
  std::string name = NameWithoutEtc(s, b, head_b, e, &etc);
  size_t head_chars = WordChars(s.substr(head_b, e - head_b));
  const size_t name_chars = WordChars(name);
  if ((name_chars < head_chars + 2 && !(bare && b == head_b && head_chars >= 3)) || name_chars > 40) return;
  size_t len = 0;
  if (ctx.Words(RuleKind::section_name).PrefixAt(name, 0, &len) && len == name.size()) return;
  // "制定资金分配方案", "编制专项资金年度使用计划": paperwork that carries a measure out is no
  // programme of its own (kind section_name, arg tail: words that end such a name).
  if ((type == "Initiative"sv || type == "Policy"sv) && ctx.rules->Words(RuleKind::section_name, "tail").SuffixAt(name, name.size(), &len)) return;
  // "县委常委": an official's title, not a body.
  if (type == "Agency"sv && name.size() >= 6 && name.compare(name.size() - 6, 6, "常委") == 0) return;
  // Questions and copulas are sentences, not names. A sum of money or a share is a
  // subsidy's amount, not a name (funds keep theirs as size); a rate is a subsidy's term.
  if (SentenceOrSum(name, type != "Fund"sv)) return;
  // A subject with its adverb or modal inside is a clause: "X基金亦已投资逾80个项目".
  if (ctx.Words(RuleKind::subject_follow).Find(s.substr(0, head_b), b) != std::string_view::npos) return;
  Mention m;
  m.span = {b, e};
  m.type = type;
  m.name = std::move(name);
  m.rule = rule;
  m.sentence = sentence;
  const std::string_view raw = s.substr(b, e - b);
  // (Without a dropped 等 the name is CleanName(raw) itself.)
  if (etc && raw != m.name && CleanName(raw) != m.name) m.aliases.push_back(CleanName(raw));
  if (raw.find("“"sv) != std::string_view::npos) m.aliases.push_back(std::string(raw));
  if (etc) m.aliases.push_back(CleanName(s.substr(b, head_b - 3 - b)));
  if (!info.levels.empty()) SetProperty(m.props, "level", info.levels);
  // The name as written keeps its tier (convention 1: 省级制造业中试平台): an alias.
  if (size_t ll = 0; !info.levels.empty() && ctx.Words(RuleKind::level).SuffixAt(s, b, &ll)) {
    m.aliases.push_back(CleanName(s.substr(b - ll, e - b + ll)));
  }
  // So does its place, skipped as the verb's subject or scope (按照浙江省X认定工作安排): an alias.
  if (ctx.lexicon && b >= 6) {
    for (size_t i = ctx.LexiconFrom(b > 64 ? b - 64 : 0); i < ctx.lexicon->size() && ctx.lexicon_begin[i] < b; ++i) {
      const Mention& r = (*ctx.lexicon)[i];
      if (r.type == "Region"sv && r.span.end == b && r.sentence == sentence) {
        m.aliases.push_back(CleanName(s.substr(r.span.begin, e - r.span.begin)));
        break;
      }
    }
  }
  if (info.count > 0 && m.type == "Platform"sv) SetProperty(m.props, "count", info.count);
  if (info.size && m.type == "Fund"sv) SetProperty(m.props, "size", *info.size);
  out.push_back(std::move(m));
}

// When `t` (a name's modifier) holds a list closed by 等 — "A、B等" — outside
// quotes, the head word names the list's category: returns the offset just
// after the last such 等 (and after a later 和/及/以及, which starts another
// category), else npos.
size_t CategoryAfterList(std::string_view t) {
  if (t.find("、"sv) == std::string_view::npos) return std::string_view::npos;  // no list (most modifiers)
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
  if (t.find("、"sv) == std::string_view::npos) return std::string_view::npos;
  size_t last = std::string_view::npos;
  ForEachUnquoted(t, [&](char32_t c, size_t i, size_t) {
    if (c == U'、') last = i;
  });
  return last;
}

}  // namespace pkg::ingest::items
