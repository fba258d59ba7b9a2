// Heading goals; see recognize.h. The heading sentence of an enumerated item
// often states the goal that the measures under it serve:
//   一是夯实工业根基,着力推进稳固强韧的新型工业化。   → Goal 稳固强韧的新型工业化
//   (三)加快发展新质生产力                        → Goal 新质生产力
// The clause read is the one holding a lexicon Goal, else the last one; the
// goal starts after a heading_goal verb (data/rules/relations.tsv). A name
// that ends in a lexicon goal ("…的新型工业化") is a sub-goal of it (relate.h
// makes the PART_OF). Section names (总体要求, 保障措施: kind section_name)
// and names ending in a measure head word are not goals.
// FindPurposeGoals: the purpose sentence near the start ("为深入实施《X》,加快
// 建设具有全球影响力的Y高地,打造Z承载区,…制定本措施") names the goals that the
// document's own measure serves: the object of each clause's goal verb, with a
// "具有…的" modifier cut.
#include <algorithm>

#include "ingest/np_scan.h"
#include "ingest/recognize.h"
#include "ingest/recognize_cursor.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined
namespace {

// Past a chain of goal verbs: "加快推动X", "大力推进X" → X (the first verb is
// already skipped at b).
uint32_t SkipVerbChain(std::string_view s, const KindWords& verbs, uint32_t b, uint32_t e) {
  size_t len = 0;
  for (int guard = 0; guard < 3 && verbs.PrefixAt(s, b, &len) && b + len + 6 <= e; ++guard) b = static_cast<uint32_t>(b + len);
  return b;
}

// "以先进制造业为骨干的现代化产业体系" → the name after the "以X为Y的" frame.
uint32_t CutFrame(std::string_view s, const KindWords& frames, uint32_t b, uint32_t e) {
  if (s.substr(b, 3) != "以") return b;
  for (uint32_t p = b + 3; p < e; p = static_cast<uint32_t>(p + CpLen(static_cast<unsigned char>(s[p])))) {
    size_t len = 0;
    if (frames.PrefixAt(s, p, &len) && p + len < e) return static_cast<uint32_t>(p + len);
  }
  return b;
}

// Whether s[b, e) holds a count: digits followed by a word of kind count_unit
// ("500家", "30个"); such a clause states a target, not a goal.
bool CountsSomething(const DocContext& ctx, uint32_t b, uint32_t e) {
  std::string_view s = ctx.text;
  const KindWords units = ctx.Words(RuleKind::count_unit);
  for (uint32_t p = b; p < e; ++p) {
    if (s[p] < '0' || s[p] > '9') continue;
    while (p < e && ((s[p] >= '0' && s[p] <= '9') || s[p] == '.')) ++p;
    if (At(s, p, "万")) p += 3;
    size_t len = 0;
    if (p < e && units.PrefixAt(s, p, &len)) return true;
  }
  return false;
}

// A goal may open with the scope it claims: 全国…高地, 全球…中心. The noise
// skip drops such scope words; put them back.
uint32_t KeepScope(std::string_view s, uint32_t lo, uint32_t b) {
  for (std::string_view w : {std::string_view("全国"), std::string_view("全球")}) {
    if (b >= lo + w.size() && s.substr(b - w.size(), w.size()) == w) return static_cast<uint32_t>(b - w.size());
  }
  return b;
}

}  // namespace

void FindHeadingGoals(const DocContext& ctx, std::vector<Mention>& out) {
  std::string_view s = ctx.text;
  const KindWords verbs = ctx.Words(RuleKind::heading_goal);
  const KindWords heads = ctx.Words(RuleKind::head);
  const KindWords sections = ctx.Words(RuleKind::section_name);
  for (const Item& item : ctx.st->items) {
    if (item.heading_sentence < 0 || item.level > 5) continue;
    const Sentence& sen = ctx.st->sentences[item.heading_sentence];
    if (sen.clauses.empty()) continue;
    // The clause holding a lexicon goal, else the last clause.
    Span c = sen.clauses.back();
    bool has_goal = false;
    // (The first lexicon mention at each position, as LexiconAt gives it.)
    for (const Span& k : sen.clauses) {
      if (!ctx.lexicon) break;
      const size_t first = ctx.LexiconFrom(k.begin);
      for (size_t i = first; i < ctx.lexicon_begin.size() && ctx.lexicon_begin[i] < k.end; ++i) {
        if (i > first && ctx.lexicon_begin[i] == ctx.lexicon_begin[i - 1]) continue;
        if ((*ctx.lexicon)[i].type == "Goal"sv) { c = k; has_goal = true; }
      }
    }
    uint32_t b = std::max(c.begin, item.body);
    if (b >= c.end) continue;
    size_t len = 0;
    if (sections.PrefixAt(s, b, &len)) continue;
    // After the first heading verb in the clause.
    bool verb = false;
    for (uint32_t p = b; p < c.end; p += static_cast<uint32_t>(CpLen(static_cast<unsigned char>(s[p])))) {
      if ((p = static_cast<uint32_t>(verbs.Skip(s, p, c.end))) >= c.end) break;  // (jump to the next verb)
      if (verbs.PrefixAt(s, p, &len) && p + len < c.end) {
        b = static_cast<uint32_t>(p + len);
        verb = true;
        break;
      }
    }
    uint32_t after_verb = b;
    // "三是…,组建数字化转型专家服务团": a clause opened by a governing verb that states no
    // goal (组建, 开展, 实施) is an action; the item's measures are named by the recognisers.
    if (size_t tl = 0; !verb && ctx.Words(RuleKind::trigger).PrefixAt(s, SkipNoise(ctx, b, c.end, nullptr), &tl)) continue;
    // "建设具有全国影响力的科技创新中心": a 具有…的 modifier marks a vision; what follows is a goal
    // when it ends in a goal head word, even one that also ends platforms (中心).
    bool vision = false;
    if (size_t ml = 0; verb && ctx.Words(RuleKind::modifier).PrefixAt(s, b, &ml)) {
      const size_t de = s.substr(b, c.end - b).rfind("的");
      if (de != std::string_view::npos && b + de + 3 < c.end) {
        b = static_cast<uint32_t>(b + de + 3);
        after_verb = b;
        vision = true;
      }
    }
    // A "以X为骨干的" frame is cut before the noise skip would drop its 以.
    const uint32_t framed = CutFrame(s, ctx.Words(RuleKind::representative), b, c.end);
    b = framed != b ? framed : SkipNoise(ctx, b, c.end, nullptr);
    if (verb) b = SkipVerbChain(s, verbs, b, c.end);
    b = CutFrame(s, ctx.Words(RuleKind::representative), b, c.end);
    b = KeepScope(s, after_verb, b);
    uint32_t e = c.end;
    TrimSpan(s, b, e);
    if (b >= e) continue;
    std::string name = CleanName(s.substr(b, e - b));
    // "(一)X专项资金32000万元": a sum of money is a budget line, no goal.
    if (name.find("万元") != std::string::npos || name.find("亿元") != std::string::npos) continue;
    size_t chars = WordChars(name);
    // "1.壮大集成电路产业": a heading that names a sector; its measures support it.
    const Mention* sector = ctx.LexiconAt(b);
    // Also a product sector after a heading verb ("(二)突破高技术船舶"), when no
    // other head word ends the heading.
    bool industry = (sector && sector->type == "Industry"sv && sector->span.end == e) ||
                    (verb && heads.SuffixAt(s, e, &len) && ctx.rules->Words(RuleKind::head, "Industry").SuffixAt(s, e, &len)) ||
                    (verb && !heads.SuffixAt(s, e, &len) && ctx.rules->Words("heading_sector", "Industry").SuffixAt(s, e, &len));
    // "发展人工智能和未来产业": two sectors, read by the list patterns, not one name.
    if (industry && !(sector && sector->span.end == e) &&
        (name.find("和") != std::string::npos || name.find("及") != std::string::npos ||
         name.find("、") != std::string::npos)) continue;
    if (industry) {
      Mention m = sector && sector->span.end == e ? *sector : Mention{};
      if (!(sector && sector->span.end == e)) {
        m.span = {b, e};
        m.type = "Industry";
        m.name = name;
      }
      m.heading_goal = true;
      m.sentence = sen.index;
      m.rule = "heading_goal.sector";
      if (chars >= 2 && chars <= 16) out.push_back(std::move(m));
      continue;
    }
    if (item.level > 2 && item.level != 5) continue;
    // A known goal whose name ends in a measure's head word (现代化产业体系) is still a goal.
    const Mention* known = ctx.LexiconAt(b);
    const bool known_goal = known && known->span.end == e && known->type == "Goal"sv;
    const bool vision_goal = vision && ctx.Words(RuleKind::goal_head).SuffixAt(s, e, &len);
    if (chars < 3 || chars > 24 || (heads.SuffixAt(s, e, &len) && !known_goal && !vision_goal)) continue;
    // Without a known goal, a heading states one only with a goal verb and a
    // goal word at its end ("加快打造…产业高地"); questions and rules are not goals.
    if (!has_goal && (item.level == 5 || !verb || !ctx.Words(RuleKind::goal_head).SuffixAt(s, e, &len))) continue;
    if (name.find("什么") != std::string::npos || name.find("哪些") != std::string::npos || name.find('?') != std::string::npos) continue;
    if (item.marker.rfind("第", 0) == 0) continue;  // articles (第X条) are rules, not goals
    if (item.marker.rfind("专栏", 0) == 0) continue;  // a box's title says what it lists (主要指标)
    // "汇聚数字化转型服务商500家以上": a count (number + kind count_unit) makes the clause a
    // target, read as an Indicator, not a goal.
    if (CountsSomething(ctx, b, e)) continue;
    const Mention* whole = ctx.LexiconAt(b);
    if (whole && whole->span.end == e) {
      // The heading names a known goal: mark it.
      Mention m = *whole;
      m.heading_goal = true;
      m.sentence = sen.index;
      m.rule = "heading_goal.known";
      out.push_back(std::move(m));
      continue;
    }
    Mention m;
    m.span = {b, e};
    m.type = "Goal";
    m.name = name;
    m.rule = "heading_goal.push";
    m.sentence = sen.index;
    m.heading_goal = true;
    out.push_back(std::move(m));
  }
}

namespace {

// What s[b, e) names: the lexicon's mention when one spans exactly that (only
// a Goal when `goals_only`), else a new Goal called `name`.
Mention NamedAt(const DocContext& ctx, uint32_t b, uint32_t e, std::string name, bool goals_only) {
  const Mention* whole = ctx.LexiconAt(b);
  if (whole && whole->span.end == e && (!goals_only || whole->type == "Goal"sv)) return *whole;
  Mention m;
  m.span = {b, e};
  m.type = "Goal";
  m.name = std::move(name);
  return m;
}

}  // namespace

// "关于A、B的决策部署" in [b, e) (e at the directive word): A and B, past their
// goal verbs, are goals (or sectors) the document's measure serves.
void DirectiveGoals(const DocContext& ctx, const KindWords& verbs, uint32_t b, uint32_t e, int sentence,
                    std::vector<Mention>& out) {
  std::string_view s = ctx.text;
  size_t about = s.substr(b, e - b).rfind("关于");
  if (about == std::string_view::npos || e < 3 || s.substr(e - 3, 3) != "的") return;
  const uint32_t from = static_cast<uint32_t>(b + about + 6), to = e - 3;
  auto next = [&](uint32_t q) { return static_cast<uint32_t>(q + CpLen(static_cast<unsigned char>(s[q]))); };
  for (uint32_t p = from, q = from; q <= to; q = q < to ? next(q) : to + 1) {
    if (q < to && s.substr(q, 3) != "、") continue;
    uint32_t ib = p, ie = q;
    if (size_t len = 0; verbs.PrefixAt(s, p, &len) && p + len < q) ib = static_cast<uint32_t>(p + len);
    ib = SkipVerbChain(s, verbs, ib, q);
    p = q + 3;
    TrimSpan(s, ib, ie);
    std::string name = CleanName(s.substr(ib, ie - ib));
    if (WordChars(name) < 2 || WordChars(name) > 16) continue;
    Mention m = NamedAt(ctx, ib, ie, std::move(name), /*goals_only=*/false);
    if (m.type != "Goal"sv && m.type != "Industry"sv) continue;
    m.rule = "directive.goal";
    m.sentence = sentence;
    m.purpose = true;
    out.push_back(std::move(m));
  }
}

void FindPurposeGoals(const DocContext& ctx, std::vector<Mention>& out) {
  std::string_view s = ctx.text;
  const KindWords verbs = ctx.Words(RuleKind::heading_goal);
  const KindWords purpose = ctx.Words(RuleKind::purpose);
  const KindWords cite = ctx.Words(RuleKind::cite);
  const KindWords modifier = ctx.Words(RuleKind::modifier);
  const KindWords tails = ctx.Words(RuleKind::purpose_tail);
  int seen = 0;
  for (const Sentence& sen : ctx.st->sentences) {
    if (++seen > 8) break;
    uint32_t p = sen.span.begin;
    if (sen.heading && sen.item >= 0) p = std::max(p, ctx.st->items[sen.item].body);
    p = SkipNoise(ctx, p, sen.span.end, nullptr, kNoiseTime);
    size_t len = 0;
    // "…,为建设制造强省和数字江西提供有力支撑。": a clause that opens with a purpose word
    // and ends with what it provides (kind purpose_tail) states the goal anywhere in the sentence.
    const Span* framed = nullptr;
    if (!purpose.PrefixAt(s, p, &len)) {
      for (const Span& c : sen.clauses) {
        uint32_t ce = c.end;
        while (ce > c.begin && s[ce - 1] == ' ') --ce;
        if (ce >= c.begin + 3 && s.substr(ce - 3, 3) == "。") ce -= 3;
        size_t tl = 0;
        if (purpose.PrefixAt(s, c.begin, &len) && tails.SuffixAt(s, ce, &tl)) framed = &c;
      }
      if (!framed) continue;
    }
    for (const Span& c : sen.clauses) {
      if (framed && &c != framed) continue;
      std::string_view ct = s.substr(c.begin, c.end - c.begin);
      // "为贯彻落实《X》和市委、市政府关于坚持Y的部署要求": the directive's object, even beside a citation.
      {
        uint32_t cb = c.begin, ce = c.end;
        TrimSpan(s, cb, ce);
        size_t dl = 0;
        if (ce > cb && ct.find("关于") != std::string_view::npos && ctx.Words(RuleKind::directive).SuffixAt(s, ce, &dl)) {
          DirectiveGoals(ctx, verbs, cb, static_cast<uint32_t>(ce - dl), sen.index, out);
          continue;
        }
      }
      if (ct.find("《") != std::string_view::npos || ct.find("结合") != std::string_view::npos ||
          ct.find("制定") != std::string_view::npos || ct.find("现就") != std::string_view::npos ||
          ct.find("现提出") != std::string_view::npos || ct.find("如下") != std::string_view::npos) continue;
      uint32_t b = 0;
      for (uint32_t q = c.begin; q < c.end; q += static_cast<uint32_t>(CpLen(static_cast<unsigned char>(s[q])))) {
        if ((q = static_cast<uint32_t>(verbs.Skip(s, q, c.end))) >= c.end) break;  // (jump to the next verb)
        if (verbs.PrefixAt(s, q, &len) && q + len < c.end && !cite.PrefixAt(s, q, &len)) {
          verbs.PrefixAt(s, q, &len);
          b = static_cast<uint32_t>(q + len);
          break;
        }
      }
      if (!b) continue;
      uint32_t after_verb = b;
      // "加快建设以先进制造业为骨干的现代化产业体系": the frame is cut before the noise
      // skip, which would drop its 以.
      const uint32_t chain = SkipVerbChain(s, verbs, b, c.end);
      const uint32_t framed_at = CutFrame(s, ctx.Words(RuleKind::representative), chain, c.end);
      b = framed_at != chain ? framed_at : SkipNoise(ctx, b, c.end, nullptr, kNoiseAll & ~kNoiseActors);
      b = SkipVerbChain(s, verbs, b, c.end);
      if (modifier.PrefixAt(s, b, &len)) {
        size_t de = s.substr(b, c.end - b).rfind("的");
        if (de != std::string_view::npos) b = static_cast<uint32_t>(b + de + 3);
      }
      b = CutFrame(s, ctx.Words(RuleKind::representative), b, c.end);
      b = KeepScope(s, after_verb, b);
      uint32_t e = c.end;
      TrimSpan(s, b, e);
      if (size_t tl = 0; tails.SuffixAt(s, e, &tl) && e >= b + tl) e = static_cast<uint32_t>(e - tl);
      if (b >= e) continue;
      // "支持A、B建设、C和D": a verb ending a list item (建设) governs nothing after its 、; and
      // "下达X专项资金(第一批)38600万元" is an amount, not a goal.
      if (At(s, b, "、")) continue;
      if (e >= b + 7 && (At(s, e - 6, "万元") || At(s, e - 6, "亿元")) && s[e - 7] >= '0' && s[e - 7] <= '9') continue;
      // "贯彻落实…关于X的决策部署": a directive being carried out is no goal itself, but
      // what it is about is: "关于推进新型工业化、发展新质生产力的决策部署" names two goals.
      if (ctx.Words(RuleKind::directive).SuffixAt(s, e, &len)) {
        DirectiveGoals(ctx, verbs, c.begin, static_cast<uint32_t>(e - len), sen.index, out);
        continue;
      }
      // "加强X产业发展专项资金": a goal verb inside a fund, rule or programme name; the object is that
      // measure (a base or zone, 配套基地 / 先行区, may well be the goal).
      // (A known goal is a goal whatever its last word: 现代化产业体系.)
      const Rule* h = ctx.Words(RuleKind::head).SuffixAt(s, e, &len);
      const Mention* known = ctx.LexiconAt(b);
      const bool known_goal = known && known->span.end == e && known->type == "Goal"sv;
      if (h && !known_goal && (h->arg == "Fund"sv || h->arg == "Policy"sv || h->arg == "Initiative"sv)) continue;
      // "制造强省和数字江西": two goals when the first ends in a goal's head word (强省, 高地 …).
      for (uint32_t k = b; k < e; k += static_cast<uint32_t>(CpLen(static_cast<unsigned char>(s[k])))) {
        size_t cl = 0, gl = 0;
        if (!(s.substr(k, 3) == "和" || s.substr(k, 3) == "与") || InCompound(ctx, k) || !ctx.Words(RuleKind::goal_head).SuffixAt(s, k, &gl)) continue;
        if (!ctx.Words(RuleKind::coord).PrefixAt(s, k, &cl) || WordChars(s.substr(b, k - b)) < 3 ||
            WordChars(s.substr(k + cl, e - k - cl)) < 2 || WordChars(s.substr(k + cl, e - k - cl)) > 12) break;
        Mention first = NamedAt(ctx, b, k, CleanName(s.substr(b, k - b)), /*goals_only=*/false);
        first.rule = "purpose.supports";
        first.sentence = sen.index;
        first.purpose = true;
        if (first.type == "Goal"sv) out.push_back(std::move(first));
        b = static_cast<uint32_t>(k + cl);
        break;
      }
      // "由X有限公司作为出资主体", "X已投入使用": a subject with its modal or copula is a clause.
      if (ctx.FindIn(RuleKind::subject_follow, b, e) != std::string_view::npos) continue;
      std::string name = CleanName(s.substr(b, e - b));
      size_t chars = WordChars(name);
      if (chars < 3 || chars > 24) continue;
      Mention m = NamedAt(ctx, b, e, std::move(name), /*goals_only=*/false);
      m.rule = "purpose.supports";
      m.sentence = sen.index;
      m.purpose = true;
      // A sector to develop is not a goal: "推动生物医药产业高质量发展" names the sector.
      if (m.type == "Goal"sv || m.type == "Industry"sv) out.push_back(std::move(m));
    }
  }
  // Anywhere: "把合肥建设成为具有全球影响力的“量子中心”" (kind vision) states the vision the
  // document's measure (or the plan a report speaks for) serves.
  // In a target sentence ("到2030年,…,建成全国低空经济发展高地") a clause that opens with such a
  // verb states one too, when what it names ends in a goal head word (kind goal_head).
  // (target_intro, data/rules/indicators.tsv, is no kind of the word index: looked up once a sentence.)
  const KindWords goal_heads = ctx.Words(RuleKind::goal_head);
  const WordSet& by_year = ctx.rules->Words("target_intro");
  WordCursor next_vision(ctx, RuleKind::vision);  // (most clauses have no vision word)
  for (const Sentence& sen : ctx.st->sentences) {
    size_t tl = 0;
    const uint32_t open = sen.span.begin;
    int target = -1;  // (read when a clause first needs it)
    for (const Span& c : sen.clauses) {
      if (!next_vision.MayStartIn(c.begin, c.end)) continue;
      size_t len = 0;
      size_t at = ctx.FindIn(RuleKind::vision, c.begin, c.end, &len);
      if (at == std::string_view::npos) continue;
      std::string_view before = s.substr(c.begin, at - c.begin);
      size_t hl = 0;
      if (target < 0 && at == c.begin) {
        target = by_year.PrefixAt(s, open, &tl) && open + tl < sen.span.end && s[open + tl] >= '0' && s[open + tl] <= '9';
      }
      const bool stated = target > 0 && at == c.begin && goal_heads.SuffixAt(s.substr(0, c.end), c.end, &hl);
      if (!stated && before.find("把") == std::string_view::npos && before.find("将") == std::string_view::npos) continue;
      uint32_t b = static_cast<uint32_t>(at + len), e = c.end;
      if (modifier.PrefixAt(s, b, &len)) {
        size_t de = s.substr(b, e - b).rfind("的");
        if (de != std::string_view::npos) b = static_cast<uint32_t>(b + de + 3);
      }
      const uint32_t object = b;  // without a region before it (广东新的经济增长点), keeping 全国 / 全球
      b = KeepScope(s, object, SkipNoise(ctx, b, e, nullptr, kNoiseActors));
      TrimSpan(s, b, e);
      if (b >= e) continue;
      std::string name = CleanName(s.substr(b, e - b));
      if (WordChars(name) < 3 || WordChars(name) > 24) continue;
      Mention m = NamedAt(ctx, b, e, std::move(name), /*goals_only=*/true);
      m.rule = "vision.supports";
      m.sentence = sen.index;
      m.purpose = true;
      out.push_back(std::move(m));
    }
  }
}

}  // namespace pkg::ingest
