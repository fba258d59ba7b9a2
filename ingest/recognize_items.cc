// Open-class measures named by a head word, and the clause walk that finds
// them with the list patterns and slogans; see recognize.h. The walk per clause:
//   1. find head words (data/rules/items.tsv kind head) that end a name
//      (NameBoundary: clause end, 、/和, 等, a count, a bracket);
//   2. for each head, the name starts after the previous item (a list
//      continuation) or after the governing verb at the clause start
//      (SkipToObject), or after a verb preceded by a prepositional phrase
//      ("在工业领域试点推行X制度");
//   3. coordination: "A和B工程" gives A工程 and B工程 when B is long
//      ("产业基础再造和重点产业链高质量发展工程"), one name when B is short
//      ("产业用地弹性规划和功能复合试点"); "X等专项计划" drops the 等.
//   4. the name itself: its start (recognize_item_object.cc), trimmed and
//      checked (Emit, recognize_item_emit.cc); quoted slogans are
//      recognize_slogans.cc.
#include <algorithm>

#include "ingest/recognize.h"
#include "ingest/recognize_cursor.h"
#include "ingest/recognize_items.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined
namespace {

using namespace items;

struct Head {
  uint32_t b, e;  // the head word
  const Rule* rule;
  size_t tail;    // name tail kept after it (建设)
  uint32_t min_b = 0;  // the name starts no earlier (a group admitted by its sector starts there)
};

void ItemsInClause(const DocContext& ctx, int sentence, Span c, std::vector<Mention>& out) {
  std::string_view s = ctx.text;
  const Sentence& sen = ctx.st->sentences[sentence];
  if (sen.heading && sen.item >= 0) c.begin = std::max(c.begin, std::min(c.end, ctx.st->items[sen.item].body));
  const KindWords heads = ctx.Words(RuleKind::head);
  // Every item ends in a head word: a clause without one has none (most clauses),
  // and what is read below about the clause has no effect but on its items.
  const size_t first_head = heads.Skip(s, c.begin, c.end);
  if (first_head >= c.end) return;
  // The clause is a whole heading (no comma, colon or bracket splits it).
  const bool nominal_heading = sen.heading && sen.item >= 0 && c.end - c.begin <= 48 &&
                               ctx.st->items[sen.item].body == c.begin && WordChars(s.substr(c.begin, c.end - c.begin)) >= 4;
  const KindWords coord = ctx.Words(RuleKind::coord);
  const KindWords etc = ctx.Words(RuleKind::list_end);
  const KindWords units = ctx.Words(RuleKind::count_unit);
  // The clause's heads, in a buffer kept per thread (no allocation per clause).
  thread_local std::vector<Head> heads_buffer;
  std::vector<Head>& hs = heads_buffer;
  hs.clear();
  // What the clause's opening says, read at the first group head (the only
  // heads that ask): whether a verb aims it at someone (and where that verb
  // ends), or it states a subsidy's condition.
  bool opening_read = false, aimed = false, condition = false;
  uint32_t aim_end = 0;  // after the clause's aiming verb
  auto read_opening = [&] {
    if (opening_read) return;
    opening_read = true;
    size_t alen = 0;
    // SkipNoise returns a position in [c.begin, c.end]: it runs only when an aim
    // or condition word starts there (most clauses have neither).
    const KindWords aim = ctx.Words(RuleKind::aim);
    const KindWords condition_lead = ctx.Words(RuleKind::condition_lead);
    const bool may_open = aim.Skip(s, c.begin, size_t{c.end} + 1) <= c.end ||
                          condition_lead.Skip(s, c.begin, size_t{c.end} + 1) <= c.end;
    const uint32_t opening = may_open ? SkipNoise(ctx, c.begin, c.end, nullptr, kNoiseTime | kNoiseActors) : c.end + 1;
    aimed = may_open && aim.PrefixAt(s, opening, &alen) != nullptr;
    aim_end = aimed ? static_cast<uint32_t>(opening + alen) : 0;
    // "对集成电路设计企业首次完成工程流片的,给予…": in a subsidy's condition the
    // group's name ends before the verb of the condition.
    condition = may_open && condition_lead.PrefixAt(s, opening, &alen) != nullptr;
  };
  // The first speech verb and host word of the clause, found when first asked.
  size_t speech_at = 0, host_at = 0;
  bool speech_read = false, host_read = false;
  auto speech = [&] {
    if (!speech_read) speech_at = ctx.FindIn(RuleKind::speech_verb, c.begin, c.end);
    speech_read = true;
    return speech_at;
  };
  // "依托X实验室建设Y中心": after a host word the host's name ends before the verb that builds the new one.
  auto host = [&] {
    if (!host_read) host_at = ctx.FindIn(RuleKind::host_lead, c.begin, c.end);
    host_read = true;
    return host_at;
  };
  // (The first step's jump is first_head, found above.)
  for (uint32_t p = static_cast<uint32_t>(first_head); p < c.end; p = NextChar(s, p)) {
    if (p != first_head && (p = static_cast<uint32_t>(heads.Skip(s, p, c.end))) >= c.end) break;
    size_t len = 0;
    const Rule* r = heads.PrefixAt(s, p, &len);
    if (!r || p + len > c.end) continue;
    // A head word that starts inside a known name counts when it runs past it (生物制造产业 + 产业园).
    if (InsideLexicon(ctx, p, false) && InsideLexicon(ctx, static_cast<uint32_t>(p + len - 1), false)) continue;
    size_t tail = 0;
    uint32_t he = static_cast<uint32_t>(p + len);
    if (r->arg == "TargetGroup"sv) read_opening();
    if (!NameBoundary(ctx, he, c.end, &tail)) {
      size_t vl = 0;
      // A word after a head of its type (kind name_end, arg = the type) may end the name:
      // "从市工业和信息化专项资金中列支", "X专项资金对试点城市给予…"; for a group, only in a
      // subsidy's condition ("对集成电路设计企业首次完成…").
      const Rule* end_rule = ctx.Words(RuleKind::name_end).PrefixAt(s, he, &vl);
      const bool typed_end = end_rule && end_rule->arg == r->arg &&
                             (r->arg != "TargetGroup"sv || condition || (!aimed && AimRightBefore(ctx, c.begin, p)));
      // "由X有限公司牵头组建", "由Y集团负责管理": a firm's name ends before the verb of its duty (kind lead_verb).
      // (Not before 会同 / 联合, rule lead_verb.with: "X大学联合龙头企业共建Y" goes on to name Y.)
      const Rule* duty_rule = r->arg == "Enterprise"sv ? ctx.Words(RuleKind::lead_verb).PrefixAt(s, he, &vl) : nullptr;
      const bool duty = duty_rule && duty_rule->id == "lead_verb.lead"sv;
      // "围绕A、B等战略性产业集群开展精准招商": a list's sector category may end before the verb that follows it.
      size_t dl = 0;
      // (Only a 等 within 27 bytes before the head counts: the search reads no further back.)
      const uint32_t etc_from = std::max(c.begin, p >= 27 ? p - 27 : 0u);
      const size_t etc_at = r->arg == "Industry"sv ? RFind(s.substr(etc_from, p - etc_from), "等"sv) : std::string_view::npos;
      const bool category = r->arg == "Industry"sv && etc_at != std::string_view::npos &&
                            ctx.Words(RuleKind::trigger).PrefixAt(s, he, &dl) != nullptr;
      if (!typed_end && !duty && !category && (host() == std::string_view::npos || p <= host_at || !(r->arg == "Platform"sv || r->arg == "Enterprise"sv) ||
          !ctx.Words(RuleKind::trigger).PrefixAt(s, he, &vl))) continue;
    }
    // "秦创原创新驱动平台建设": the building of a platform names the platform.
    if (size_t tl = 0; tail && r->arg == "Platform"sv) {
      const Rule* t = ctx.Words(RuleKind::name_tail).PrefixAt(s, he, &tl);
      if (t && t->arg == "Initiative"sv) tail = 0;
    }
    if (!hs.empty() && hs.back().e == he) continue;  // a shorter head ending at the same place
    // "合肥市产业投资控股(集团)有限公司": a firm head inside a bracket that a firm head follows is part of the name.
    if (size_t fl = 0; r->arg == "Enterprise"sv && he + 1 < c.end && s[he] == ')') {
      const Rule* next = heads.PrefixAt(s, he + 1, &fl);
      if (next && next->arg == "Enterprise"sv) continue;
    }
    // Groups only where the clause aims at someone, or firms of a named sector (量子科技企业).
    uint32_t sector = 0;
    if (r->arg == "TargetGroup"sv && !aimed && !SectorBefore(ctx, p, &sector) && !(sector = AimRightBefore(ctx, c.begin, p))) continue;
    // In an aimed clause a group's name starts after the verb that opens it (资助大学科研团队).
    if (r->arg == "TargetGroup"sv && aimed && !sector && aim_end <= p) sector = aim_end;
    // "智能工厂和数字化车间建设奖补资金": a budget line named for what it pays for (rule
    // head.fund_part) holds the items it names; heads joined to it by 和/及/与 or a name
    // tail alone (no 、, punctuation or verb between) are part of its name.
    if (r->id == "head.fund_part"sv) {
      while (!hs.empty()) {
        uint32_t gap = hs.back().e, gap_end = static_cast<uint32_t>(hs.back().e + hs.back().tail);
        size_t cl = 0;
        if (coord.PrefixAt(s, gap_end, &cl) && !At(s, gap_end, "、")) gap_end = static_cast<uint32_t>(gap_end + cl);
        // (A name tail right before the fund's head, 数字化车间建设奖补资金, is no verb here.)
        size_t tl = 0;
        const uint32_t before = ctx.Words(RuleKind::name_tail).SuffixAt(s, p, &tl) ? static_cast<uint32_t>(p - tl) : p;
        bool joined = hs.back().e + hs.back().tail == p || (gap_end > gap && gap_end < before &&
                      ctx.Words(RuleKind::trigger).Find(s.substr(0, before), gap_end) == std::string_view::npos &&
                      s.substr(gap_end, before - gap_end).find_first_of(",;:、") == std::string_view::npos);
        if (!joined) break;
        hs.pop_back();
      }
    }
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
    if (nominal_heading && !continuation && h.e == c.end && h.rule->arg == "Policy"sv) {
      size_t sl = 0, vl = 0;
      const uint32_t nb = SkipNoise(ctx, left, h.b, nullptr, kNoiseLevels | kNoiseObject);
      const Rule* verb = ctx.Words(RuleKind::trigger).PrefixAt(s, nb, &vl);
      if (nb < h.b && ctx.Words(RuleKind::subsidy).PrefixAt(s, h.b, &sl) && (!verb || verb->id != "trigger.support"sv)) {
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
    if (h.rule->arg == "TargetGroup"sv) {
      if (size_t de = RFind(s.substr(b, h.b - b), "的"sv); de != std::string_view::npos) b = static_cast<uint32_t>(b + de + 3);
      // "对现有企业…", "区内企业": a scope word (kind strip, rule strip.scope) is no part of a group's name.
      size_t sl = 0;
      if (const Rule* sc = ctx.Words(RuleKind::strip).PrefixAt(s, b, &sl); sc && sc->id == "strip.scope"sv && b + sl <= h.b) {
        b = static_cast<uint32_t>(b + sl);
      }
    }
    b = std::max(b, h.min_b);
    // "按照“包河英才计划”给予安家补贴": a quoted name that ends in its own head
    // word and is followed by a verb is an item of its own; the verb's object
    // (the rest) is the name for this head.
    // (From `left`: the verb may already have moved b past the quote.)
    // (Only the first ” in [left, h.b) is read: found by FindWord, not character by character.)
    for (uint32_t k = static_cast<uint32_t>(std::min<size_t>(FindWord(s.substr(0, h.b), "”"sv, left), h.b)); k < h.b; k = h.b) {
      // (Its “ counts only from `left` on: the search reads no further back.)
      size_t open = RFind(s.substr(left, k + 3 - left), "“"sv);
      if (open != std::string_view::npos) open += left;
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
    // Coordination inside the modifier: "产业基础再造和重点产业链高质量发展工程". (Not in a
    // fund's name: a budget line named for two aims is one fund, 产业基础再造和制造业高质量发展专项资金.)
    for (uint32_t k = b; h.rule->arg != "Fund"sv && k < h.b; k = NextChar(s, k)) {
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
    StableName type = h.rule->arg;
    // Names of places, agencies and firms keep their region: 广州开发区, 广州市黄埔区财政局.
    bool actor = type == "Agency"sv || type == "Region"sv || type == "Enterprise"sv;
    // "打造自贡、绵阳低空装备产业园": a list of places before a measure's name says
    // where it is built, and is no part of the name (one place is: 上海市制造业创新中心).
    if (!actor) b = AfterPlaceList(ctx, b, h.b);
    // Names of actors hold no 、: in "A、B局" or "X基地、Y有限公司" the name is the last conjunct.
    if (actor) {
      size_t k = RFind(s.substr(b, h.b - b), "、"sv);
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
      // "由苏州创新投资集团有限公司", "由宿松县城市建设投资集团有限公司": a region and up to four
      // characters holding a verb-like word open a firm's name.
      for (const Mention* m = LexiconFrom(ctx, b > 64 ? b - 64 : 0); m && m->span.begin < b; ++m) {
        if (m->type == "Region"sv && m->span.end < b && m->span.end + 12 >= b && m->span.begin >= c.begin) {
          b = m->span.begin;
          break;
        }
        if (m + 1 == ctx.lexicon->data() + ctx.lexicon->size()) break;
      }
    }
    if (actor) {
      // Again after the region look-back, which may cross a list: "X基地、厦门海辰…公司".
      size_t k = RFind(s.substr(b, h.b - b), "、"sv);
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
      size_t k = RFind(s.substr(c.begin, b - c.begin), "、"sv);
      if (k != std::string_view::npos && b - (c.begin + k + 3) <= 24 &&
          s.substr(c.begin + k + 3, b - c.begin - k - 3).find_first_of(",:;") == std::string_view::npos) {
        b = static_cast<uint32_t>(c.begin + k + 3);
      }
    }
    if (type == "Agency"sv && !region_prefix) {
      bool bare = At(s, b, "市") || At(s, b, "区") || At(s, b, "省") || At(s, b, "县");
      bool zone = h.rule->id == "head.agency_zone"sv && WordChars(s.substr(b, h.b - b)) >= 2;
      if (!bare && !zone) continue;
    }
    if (type == "Region"sv && !region_prefix && WordChars(s.substr(b, h.e - b)) < 5) continue;
    // A clause reporting speech names no measure unless a verb governs it.
    if (speech() != std::string_view::npos && speech_at < h.b && b == SkipNoise(ctx, left, h.b, nullptr)) continue;
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
      if (size_t g = ctx.FindIn(RuleKind::group, b + last, h.b); g != std::string_view::npos) {
        b = static_cast<uint32_t>(g);
      } else if ((type == "Platform"sv || type == "Fund"sv || type == "Policy"sv || type == "Initiative"sv) &&
                 WordChars(s.substr(b, last)) >= 2 && b + last + 3 <= h.b) {
        // "用于支持智能化技术改造、工业互联网平台建设": a measure named after a list's 、 starts
        // there; the items before it are other list members (省、市两级: a tier pair, stays).
        b = static_cast<uint32_t>(b + last + 3);
      }
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
    // A budget line's generic head (奖补资金) names a fund only after what it pays for: another
    // item's head word or a known name (not 予以通报并收回奖补资金).
    if (h.rule->id == "head.fund_part"sv && b < h.b) {
      bool named_for = false;
      for (uint32_t k = b; k < h.b && !named_for; k = NextChar(s, k)) {
        size_t hl = 0;
        named_for = heads.PrefixAt(s, k, &hl) != nullptr || ctx.LexiconAt(k) != nullptr;
      }
      if (!named_for) continue;
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

}  // namespace

void FindItems(const DocContext& ctx, std::vector<Mention>& out) {
  // (Clauses without a head word, sentences without an opening quote: nothing to read.)
  WordCursor heads(ctx, RuleKind::head);
  LiteralCursor quotes(ctx.text, "“");
  ListCursors lists(ctx);
  for (const Sentence& sen : ctx.st->sentences) {
    for (const Span& c : sen.clauses) {
      if (heads.MayStartIn(c.begin, c.end)) ItemsInClause(ctx, sen.index, c, out);
      FindListItems(ctx, sen.index, c, out, &lists);
    }
    if (quotes.MayStartIn(sen.span.begin, sen.span.end)) Slogans(ctx, sen.index, sen.span, out);
  }
}

}  // namespace pkg::ingest

