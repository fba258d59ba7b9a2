// Structure-driven relations: heading goals and sectors, pairs, 抓“X” sub-themes, 依托 hosts,
// the parts of the document's measure, titles that promote a sector, funds that set up funds,
// funds over listed items. Texts with no measure of their own: relate_reports.cc; measures named
// as already there (qualifications, budget sources): relate_existing.cc. See relate.h.
#include <algorithm>
#include <map>
#include <set>

#include "ingest/np_scan.h"
#include "ingest/relate.h"
#include "ingest/relate_phrases.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined
namespace {

// True when a governing verb (kind trigger) ends right before m, or before a
// region of up to three characters that opens its name (建设天津X中心).
bool BuiltByVerb(const DocContext& ctx, const Mention& m) {
  const KindWords trig = ctx.Words(RuleKind::trigger);
  for (uint32_t p = m.span.begin >= 18 ? m.span.begin - 18 : 0; p < m.span.begin; ++p) {
    size_t len = 0;
    if (trig.PrefixAt(ctx.text, p, &len) && p + len <= m.span.begin && p + len + 9 >= m.span.begin) return true;
  }
  return false;
}

int ItemOfSentence(const DocContext& ctx, int sentence) {
  if (sentence < 0 || sentence >= static_cast<int>(ctx.st->sentences.size())) return -1;
  return ctx.st->sentences[sentence].item;
}

}  // namespace

void RelateStructure(const DocContext& ctx, const std::vector<Mention>& ms, const BySentence& by_sentence,
                     std::vector<Relation>& out) {
  auto in_sentence = [&](int sentence) -> BySentence::Ids {
    return sentence >= 0 && sentence < static_cast<int>(by_sentence.size()) ? by_sentence[sentence] : by_sentence.back();
  };
  std::string_view s = ctx.text;
  const Structure& st = *ctx.st;
  // Heading goal of each item.
  std::map<int, int> goal_of_item;
  for (int i = 0; i < static_cast<int>(ms.size()); ++i) {
    if (!ms[i].heading_goal) continue;
    int item = ItemOfSentence(ctx, ms[i].sentence);
    if (item >= 0 && !goal_of_item.count(item)) goal_of_item[item] = i;
    // "…的新型工业化" is part of 新型工业化. A generic (weak) goal qualified straight on by its
    // field (推进制造业数字化转型) is no part of its own: the heading names the one goal.
    for (int j : in_sentence(ms[i].sentence)) {
      const Mention& g = ms[j];
      if (j != i && g.type == "Goal"sv && g.span.end == ms[i].span.end && g.span.begin > ms[i].span.begin &&
          g.key != ms[i].key && !(g.weak && !(g.span.begin >= 3 && At(s, g.span.begin - 3, "的")))) {
        out.push_back({"PART_OF", i, j, "heading_goal.part_of", ms[i].sentence});
      }
    }
  }
  // An item a 一是 opens inside a paragraph ("…部署了四个方面重点任务。一是…。四是…") ends with the
  // paragraph: its goal is not that of the paragraphs after it (the next speaker's).
  NextNewline para_end(s);
  auto heading_goal = [&](int sentence) -> int {
    for (int item = ItemOfSentence(ctx, sentence); item >= 0; item = st.items[item].parent) {
      auto it = goal_of_item.find(item);
      if (it == goal_of_item.end()) continue;
      const int hs = st.items[item].heading_sentence;
      if (st.items[item].level == 5 && hs >= 0 && !st.sentences[hs].line_start && sentence >= 0 &&
          st.sentences[sentence].span.begin > para_end.From(st.sentences[hs].span.begin)) continue;
      return it->second;
    }
    return -1;
  };
  // "(一)做强数字产业集群 … 1.壮大集成电路产业": a sector a sub-item's heading names is part of the
  // sector its parent's heading names (heading_sector.nested).
  for (const auto& [item, g] : goal_of_item) {
    if (ms[g].type != "Industry"sv) continue;
    for (int up = st.items[item].parent; up >= 0; up = st.items[up].parent) {
      auto it = goal_of_item.find(up);
      if (it == goal_of_item.end()) continue;
      if (ms[it->second].type == "Industry"sv && ms[it->second].key != ms[g].key) {
        out.push_back({"PART_OF", g, it->second, "heading_sector.nested", ms[g].sentence});
      }
      break;
    }
  }

  std::set<int> assigned;  // measures already attached to a sub-theme or a pair
  // Pairs: "推进X行动,实施Y计划" → Y SUPPORTS X (adjacent clauses of one sentence).
  const KindWords lead = ctx.Words(RuleKind::pair_lead);
  const KindWords follow = ctx.Words(RuleKind::pair_follow);
  for (const Sentence& sen : st.sentences) {
    for (size_t c = 0; c + 1 < sen.clauses.size(); ++c) {
      Span a = sen.clauses[c], b = sen.clauses[c + 1];
      size_t la = 0, lb = 0;
      // pa and pb lie in [begin, end] of their clause: without a lead (follow) word starting
      // there, SkipNoise need not run.
      // (Both cheap tests first.)
      if (lead.Skip(s, a.begin, size_t{a.end} + 1) > a.end) continue;
      if (follow.Skip(s, b.begin, size_t{b.end} + 1) > b.end) continue;
      const uint32_t pa = SkipNoise(ctx, a.begin, a.end, nullptr);
      if (!lead.PrefixAt(s, pa, &la)) continue;
      const uint32_t pb = SkipNoise(ctx, b.begin, b.end, nullptr);
      if (!follow.PrefixAt(s, pb, &lb)) continue;
      int x = -1, y = -1;
      for (int i : in_sentence(sen.index)) {
        if (!BodyMeasure(ms[i])) continue;
        if (ms[i].span.begin == pa + la && ms[i].type == "Initiative"sv) x = i;
        if (ms[i].span.begin >= pb + lb && ms[i].span.begin <= pb + lb + 6 && ms[i].span.end <= b.end) y = i;
      }
      if (x >= 0 && y >= 0 && ms[x].key != ms[y].key) {
        out.push_back({"SUPPORTS", y, x, "pair.follow", sen.index});
        assigned.insert(y);
      }
    }
  }
  // Sub-themes: a sentence starting with 抓“X” collects the measures after it
  // in its paragraph, until the next sub-theme or item.
  const KindWords opener = ctx.Words(RuleKind::scope_opener);
  int scope = -1, scope_item = -2;
  uint32_t scope_line_end = 0;
  NextNewline line_end(s);
  for (const Sentence& sen : st.sentences) {
    if (sen.line_start || sen.item != scope_item || sen.span.begin > scope_line_end) scope = -1;
    size_t len = 0;
    // p ends up in [begin, max(end, body)]: without an opener word starting
    // there, SkipNoise need not run.
    const uint32_t last = sen.heading ? std::max(sen.span.end, st.items[sen.item].body) : sen.span.end;
    const bool maybe = opener.Skip(s, sen.span.begin, size_t{last} + 1) <= last;
    uint32_t p = maybe ? SkipNoise(ctx, sen.span.begin, sen.span.end, nullptr) : last;
    if (sen.heading) p = std::max(p, st.items[sen.item].body);
    if (maybe && opener.PrefixAt(s, p, &len)) {
      for (int i : in_sentence(sen.index)) {
        if (ms[i].span.begin >= p + len && ms[i].span.begin <= p + len + 3 &&
            IsMeasure(ms[i].type) && !ms[i].embedded) {
          scope = i;
          scope_item = sen.item;
          scope_line_end = static_cast<uint32_t>(line_end.From(sen.span.begin));
          break;
        }
      }
    }
    if (scope < 0) continue;
    for (int i : in_sentence(sen.index)) {
      if (i == scope || !BodyMeasure(ms[i]) || assigned.count(i)) continue;
      if (ms[i].key == ms[scope].key) continue;
      out.push_back({"SUPPORTS", i, scope, "scope.grasp", sen.index});
      assigned.insert(i);
    }
  }
  // "依托X、Y(,)建设Z": the hosts X, Y are existing items the text relies on: they support Z
  // (host.supports) and are not parts of the document's measure.
  std::set<int> hosts;
  {
    const KindWords host = ctx.Words(RuleKind::host_lead);
    for (const Sentence& sen : ctx.st->sentences) {
      std::string_view text = s.substr(sen.span.begin, sen.span.end - sen.span.begin);
      size_t len = 0;
      size_t at = host.Find(text, 0, &len);
      if (at == std::string_view::npos) continue;
      uint32_t expect = static_cast<uint32_t>(sen.span.begin + at + len);
      std::vector<int> chain;
      int built = -1;
      for (int i : in_sentence(sen.index)) {
        const Mention& m = ms[i];
        if (m.span.begin < expect || m.embedded) continue;
        std::string_view gap = s.substr(expect, m.span.begin - expect);
        if (built < 0 && (gap.empty() || gap == "、" || gap == "和" || gap == "及" || gap == "以及")) {
          chain.push_back(i);
          expect = m.span.end;
          continue;
        }
        if (!chain.empty() && BodyMeasure(m) && BuiltByVerb(ctx, m)) {
          built = i;
          break;
        }
      }
      // "实施X工程,依托Y,…": the measure before; "(三)建设X平台。依托Y,…": the one its heading builds.
      for (int i : in_sentence(sen.index)) {
        if (built >= 0 || chain.empty() || ms[i].span.end > sen.span.begin + at) break;
        if (BodyMeasure(ms[i])) built = i;
      }
      if (built < 0 && !chain.empty() && sen.item >= 0) {
        int hs = ctx.st->items[sen.item].heading_sentence;
        for (int i : hs >= 0 && hs != sen.index ? in_sentence(hs) : BySentence::Ids{}) {
          if (BodyMeasure(ms[i]) && BuiltByVerb(ctx, ms[i])) { built = i; break; }
        }
      }
      for (int h : chain) {
        if (!IsMeasure(ms[h].type)) continue;
        hosts.insert(h);
        // (A fund relied on funds what it sets up: fund_of below.)
        if (built >= 0 && ms[h].type != "Fund"sv && ms[h].key != ms[built].key) {
          out.push_back({"SUPPORTS", h, built, "host.supports", sen.index});
        }
      }
    }
  }
  // The document's own measure: the goals of its purpose clause, the sectors
  // its title promotes ("促进生物医药产业高质量发展若干措施"), and the measures of
  // its body, which are its parts.
  int doc = -1;
  for (int i = 0; i < static_cast<int>(ms.size()); ++i) {
    if (ms[i].doc_measure) { doc = i; break; }
  }
  // A notice that launches a pilot named in its title ("关于开展X试点工作的通知"): the body's
  // measures are parts of the pilot, and the pilot is the part of the notice (doc_measure.pilot).
  int pilot = -1;
  if (doc >= 0) {
    for (int i = 0; i < static_cast<int>(ms.size()) && pilot < 0; ++i) {
      if (ms[i].type == "Pilot"sv && BodyMeasure(ms[i]) && ms[i].sentence >= 0 && !hosts.count(i) &&
          WordChars(ms[i].name) >= 6 && ms[doc].name.find(ms[i].name) != std::string::npos &&
          ms[doc].name.find("开展") < ms[doc].name.find(ms[i].name)) pilot = i;
    }
  }
  if (doc >= 0) {
    std::set<std::pair<char, std::string_view>> linked;  // (S or P, key)
    const KindWords promote = ctx.Words(RuleKind::supports_ind);
    for (int i = 0; i < static_cast<int>(ms.size()); ++i) {
      const Mention& m = ms[i];
      if (i == doc || m.key == ms[doc].key) continue;
      if (m.purpose && linked.insert({'S', m.key}).second) out.push_back({"SUPPORTS", doc, i, "purpose.supports", m.sentence});
      bool in_title = m.span.begin >= ms[doc].span.begin && m.span.end <= ms[doc].span.end;
      if (in_title && (m.type == "Industry"sv || m.type == "Goal"sv)) {
        size_t len = 0;
        bool promoted = false;
        for (uint32_t p = ms[doc].span.begin; p < m.span.begin; ++p) promoted |= promote.PrefixAt(s, p, &len) != nullptr;
        if (promoted && linked.insert({'S', m.key}).second) out.push_back({"SUPPORTS", doc, i, "title.supports", -1});
      }
      if (BodyMeasure(m) && m.sentence >= 0 && !hosts.count(i) && !Qualification(ctx, m) &&
          linked.insert({'P', m.key}).second) {
        // The programme the item's heading names ("4.实施“智造甬军”培育工程。新增未来工厂…"),
        // else the pilot the notice launches, else the document's measure.
        // (A fund named there finances the programme and stays the document's part; a budget the
        // measures draw on only finances it.)
        const int instituted = assigned.count(i) ? -1 : SentenceProgramme(ctx, ms, by_sentence, i);
        int programme = instituted >= 0 ? instituted : HeadingProgramme(ctx, ms, by_sentence, m.sentence);
        if (programme < 0 && instituted < 0) programme = ParentHeadingProgramme(ctx, ms, by_sentence, i);
        const bool source = BudgetSource(ctx, m);
        if (programme >= 0 && ms[programme].key != m.key && m.type == "Fund"sv) {
          out.push_back({"FUNDS", i, programme, "heading_measure.funds", m.sentence});
          if (!source) out.push_back({"PART_OF", i, doc, "doc_measure.part", m.sentence});
        } else if (source) {
          out.push_back({"FUNDS", i, doc, "doc_measure.source", m.sentence});
        } else if (programme >= 0 && ms[programme].key != m.key && ms[programme].type == "Initiative"sv) {
          out.push_back({"PART_OF", i, programme, "heading_measure.part", m.sentence});
        } else if (pilot >= 0 && m.key != ms[pilot].key) {
          out.push_back({"PART_OF", i, pilot, "doc_measure.pilot", m.sentence});
        } else {
          out.push_back({"PART_OF", i, doc, "doc_measure.part", m.sentence});
        }
      }
    }
  }
  if (doc < 0) RelateReports(ctx, ms, by_sentence, hosts, out);
  // A plan or rule whose title promotes a sector supports it, cited or not:
  // 《杭州市具身智能机器人产业发展行动计划》, 合肥市促进量子科技产业高质量发展若干政策.
  {
    std::set<std::pair<std::string_view, std::string_view>> seen;  // views of the mentions' keys
    for (int i = 0; i < static_cast<int>(ms.size()); ++i) {
      const Mention& m = ms[i];
      if (!(m.type == "Initiative"sv || m.type == "Policy"sv) || m.embedded || m.doc_measure) continue;
      if (!m.cited && m.rule.rfind("doc_head", 0) != 0) continue;  // titles only, not 联席会议制度
      // A title the text says it carries out ("为深入落实《合肥市新能源汽车产业集群建设行动方案》", kind cite
      // before it in its clause) is its background: what that plan promotes is the cited text's concern.
      if (const Span* c = m.cited ? ClauseOf(ctx, m) : nullptr;
          c && WordBefore(ctx, ctx.Words(RuleKind::cite), c->begin, m.span.begin, 45)) continue;
      for (int j = i + 1; j < static_cast<int>(ms.size()) && ms[j].span.begin < m.span.end; ++j) {
        const Mention& g = ms[j];
        if (g.type != "Industry"sv || g.weak || g.span.end > m.span.end || g.key == m.key) continue;
        // Not a statistical category the word belongs to (软件 → 信息传输、软件和信息技术服务业).
        if (g.name.find("、") != std::string::npos) continue;
        // "X产业(高质量/创新)发展": the sector as an industry, not a field word (制造业高质量发展).
        std::string_view name = s.substr(g.span.begin, m.span.end - g.span.begin);
        std::string_view after = s.substr(g.span.end, m.span.end - g.span.end);
        if (after.substr(0, 6) == "产业") after.remove_prefix(6);
        else if (name.substr(g.span.end - g.span.begin - 6, 6) != "产业") continue;
        bool grows = false;
        for (std::string_view w : {"发展", "高质量发展", "创新发展", "集群", "创新集群"}) grows |= after.substr(0, w.size()) == w;
        if (grows && seen.insert({m.key, g.key}).second) out.push_back({"SUPPORTS", i, j, "title.supports", m.sentence});
      }
    }
  }
  // "发挥X基金引导作用,设立Y基金", "X基金将联合社会资本设立Y基金": an existing fund named
  // before the verb that sets up a new one funds it (kind fund_of, rule fund_of.sets_up); so does
  // each fund listed with it ("发挥杭州市科创基金、杭州市创新基金作用,设立…").
  {
    const KindWords sets_up = ctx.Words(RuleKind::fund_of);
    for (const Sentence& sen : ctx.st->sentences) {
      const auto& ids = in_sentence(sen.index);
      std::vector<int> parents;  // the last fund, and those listed right before it
      for (int i : ids) {
        const Mention& m = ms[i];
        if (m.type != "Fund"sv || m.embedded) continue;
        const int parent = parents.empty() ? -1 : parents.back();
        // The verb between the last fund and this one.
        uint32_t from = parent >= 0 ? ms[parent].span.end : m.span.begin;
        size_t len = 0;
        const Rule* rule = nullptr;
        size_t verb = parent >= 0 ? sets_up.Find(s.substr(0, m.span.begin), from, &len, &rule) : std::string_view::npos;
        if (verb != std::string_view::npos && ms[parent].key != m.key) {
          for (int p : parents) {
            if (ms[p].key == m.key) continue;
            out.push_back({"FUNDS", p, i, rule ? std::string_view(rule->id) : std::string_view("fund_of.sets_up"), sen.index});
          }
          parents.clear();
          continue;
        }
        // A fund that is itself set up here ("设立X基金") is no parent.
        size_t own = sets_up.Find(s.substr(0, m.span.begin), m.span.begin >= 24 ? m.span.begin - 24 : 0, &len);
        bool new_fund = own != std::string_view::npos && own >= sen.span.begin;
        const bool listed = parent >= 0 && m.span.begin == ms[parent].span.end + 3 &&
                            (At(s, ms[parent].span.end, "、") || At(s, ms[parent].span.end, "和") ||
                             At(s, ms[parent].span.end, "及"));
        if (!listed) parents.clear();
        if (new_fund) parents.clear();
        else parents.push_back(i);
      }
    }
  }
  // "(二)壮大X产业。…发展A、B、C等产业": a sector list under a heading that names a sector lists
  // its parts (heading_sector.part).
  {
    std::set<std::pair<std::string_view, std::string_view>> seen;  // views of the mentions' keys
    for (int i = 0; i < static_cast<int>(ms.size()); ++i) {
      const Mention& m = ms[i];
      if (m.type != "Industry"sv || m.embedded || m.heading_goal || m.rule.rfind("sector_list", 0) != 0) continue;
      int g = heading_goal(m.sentence);
      if (g < 0 || ms[g].type != "Industry"sv || ms[g].key == m.key || ms[g].sentence == m.sentence) continue;
      if (seen.insert({m.key, ms[g].key}).second) out.push_back({"PART_OF", i, g, "heading_sector.part", m.sentence});
    }
  }
  // Everything else under a heading goal supports it.
  std::set<std::pair<std::string_view, std::string_view>> done;
  for (int i = 0; i < static_cast<int>(ms.size()); ++i) {
    if (!BodyMeasure(ms[i]) || assigned.count(i)) continue;
    int g = heading_goal(ms[i].sentence);
    if (g < 0 || ms[g].key == ms[i].key) continue;
    if (!done.insert({ms[i].key, ms[g].key}).second) continue;
    out.push_back({"SUPPORTS", i, g, "heading_goal.supports", ms[i].sentence});
  }
  RelateTables(ctx, ms, out);
  // "第七条 专项资金重点支持以下方向:" then "(一)流片补助。…": a fund that a heading
  // ending in a colon says supports (kind funds_verb) FUNDS the measure heading each sub-item.
  const KindWords invest = ctx.Words(RuleKind::funds_verb);
  for (int item = 0; item < static_cast<int>(st.items.size()); ++item) {
    const int hs = st.items[item].heading_sentence;
    if (hs < 0) continue;
    const Span& hsp = st.sentences[hs].span;
    std::string_view head_text = s.substr(hsp.begin, hsp.end - hsp.begin);
    while (!head_text.empty() && (head_text.back() == ' ' || head_text.back() == '\n')) head_text.remove_suffix(1);
    if (head_text.empty() || head_text.back() != ':') continue;
    int fund = -1;
    for (int j : in_sentence(hs)) {
      const Mention& f = ms[j];
      if (f.type != "Fund"sv || f.embedded) continue;
      if (invest.Find(s.substr(0, hsp.end), f.span.end) != std::string_view::npos) { fund = j; break; }
    }
    if (fund < 0) continue;
    for (int child = item + 1; child < static_cast<int>(st.items.size()) && st.items[child].span.begin < st.items[item].span.end; ++child) {
      if (st.items[child].parent != item || st.items[child].heading_sentence < 0) continue;
      bool headed = false;
      for (int j : in_sentence(st.items[child].heading_sentence)) {
        if (!BodyMeasure(ms[j]) || ms[j].key == ms[fund].key) continue;
        out.push_back({"FUNDS", fund, j, "funds_verb.items", st.items[child].heading_sentence});
        headed = true;
        break;
      }
      // A heading that names no measure ("(一)支持智能化改造。"): the measures of the
      // first sentence of its body that names any, as relate_directions.cc reads them.
      for (int k = st.items[child].heading_sentence + 1; !headed && k < static_cast<int>(st.sentences.size()); ++k) {
        if (st.sentences[k].item != child) break;
        for (int j : in_sentence(k)) {
          if (!BodyMeasure(ms[j]) || ms[j].key == ms[fund].key) continue;
          out.push_back({"FUNDS", fund, j, "funds_verb.items", k});
          headed = true;
        }
      }
    }
  }
  RelateDirections(ctx, ms, by_sentence, out);
}

}  // namespace pkg::ingest
