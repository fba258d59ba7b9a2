// SUPPORTS from phrases: 把X作为Y的支撑, 支持/发展 + a sector, a subsidy named
// after a sector. (Purpose clauses and headings: relate_structure.cc.) See relate_phrases.h.
// Tested in tests/ingest/relate_supports_test.cc and tests/ingest/extractor_test.cc.
#include "ingest/relate_phrases.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined

void RelateServeAs(const RelateScope& r, const Sentence& sen) {
  const DocContext& ctx = r.ctx;
  const std::vector<Mention>& ms = r.ms;
  const std::string_view s = r.ctx.text;
  std::vector<Relation>& out = r.out;
  BySentence::Ids ids = r.by_sentence[sen.index];
  std::string_view text = s.substr(sen.span.begin, sen.span.end - sen.span.begin);
  // 把X作为Y的关键支撑 → X SUPPORTS Y.
  size_t as = FindText(text, "作为");
  if (as != std::string_view::npos) {
    uint32_t asp = static_cast<uint32_t>(sen.span.begin + as);
    int x = -1, y = -1;
    for (int i : ids) {
      const Mention& m = ms[i];
      if (!Nodeish(m)) continue;
      if (m.span.end <= asp && (m.type == "Goal"sv || IsMeasure(m.type))) x = i;
      if (m.span.begin > asp && y < 0 && (m.type == "Goal"sv || IsMeasure(m.type)) && At(s, m.span.end, "的")) {
        size_t len = 0;
        if (ctx.Words(RuleKind::serve_as).PrefixAt(s, m.span.end + 3, &len)) y = i;
      }
    }
    if (x >= 0 && y >= 0 && ms[x].key != ms[y].key) out.push_back({"SUPPORTS", x, y, "serve_as.supports", sen.index});
  }
  // "推进制造业数字化转型,是加快推进新型工业化、建设现代化产业体系的关键举措": a clause opening with 是 and
  // ending in 的 and a word of kind serve_as names the goals the subject serves: the measure named before
  // 是, else (a verb phrase restating the text's topic) the document's own measure, SUPPORTS each goal
  // between 是 and 的 (serve_as.copula).
  for (const Span& c : sen.clauses) {
    if (c.begin == sen.span.begin || !At(s, c.begin, "是")) continue;
    uint32_t de = 0;
    for (uint32_t p = c.begin + 3; p + 3 <= c.end; ++p) {
      size_t len = 0;
      if (At(s, p, "的") && ctx.Words(RuleKind::serve_as).PrefixAt(s, p + 3, &len) && p + 3 + len == sen.span.end) de = p;
    }
    if (de == 0) break;
    int x = r.doc_measure;
    for (int i : ids) {
      if (ms[i].span.end <= c.begin && IsMeasure(ms[i].type) && Nodeish(ms[i]) && !ms[i].cited) x = i;
    }
    for (int i : ids) {
      const Mention& g = ms[i];
      if (x < 0 || g.type != "Goal"sv || !Nodeish(g) || g.weak || g.span.begin <= c.begin || g.span.end > de) continue;
      if (g.key != ms[x].key) out.push_back({"SUPPORTS", x, i, "serve_as.copula", sen.index});
    }
    break;
  }
}

namespace {

// "推动工程机械、航空动力等优势产业建设行业级平台": the listed sectors are the subject of a
// verb of building or running (kind trigger) whose object is a measure in the same clause;
// that measure, not one before the verb 推动, is what supports them. Returns it, or -1.
// Between sector i and the verb stand only further list items (sectors, 、 和 及 等).
int SectorAgentMeasure(const RelateScope& r, const Sentence& sen, const Span& clause, int i) {
  const std::string_view s = r.ctx.text;
  const KindWords verbs = r.ctx.Words(RuleKind::trigger);
  uint32_t p = r.ms[i].span.end;
  for (int j : r.by_sentence[sen.index]) {
    const Mention& x = r.ms[j];
    if (x.span.begin < p || !clause.contains(x.span.begin)) continue;
    // Skip list glue, then a further sector of the list.
    while (p < x.span.begin && (At(s, p, "、") || At(s, p, "和") || At(s, p, "及") || At(s, p, "等"))) p += 3;
    if (x.type == "Industry"sv && x.span.begin == p) {
      p = x.span.end;
      continue;
    }
    if (x.embedded) continue;
    size_t len = 0;
    if (IsMeasure(x.type) && !x.cited && p < x.span.begin && verbs.PrefixAt(s, p, &len) && p + len == x.span.begin) {
      return j;
    }
    return -1;
  }
  return -1;
}

// True when sector i, a member of a sector list (rule sector_list.*), lies under a heading whose
// goal is another sector ("(二)壮大绿色低碳装备产业。…大力发展新能源装备、节能环保装备等产业"):
// the list names that sector's parts (heading_sector.part, relate_structure.cc).
bool HeadingSectorMember(const RelateScope& r, int i) {
  const Mention& m = r.ms[i];
  if (m.rule.rfind("sector_list", 0) != 0 || m.heading_goal || m.sentence < 0) return false;
  const Structure& st = *r.ctx.st;
  for (int item = st.sentences[m.sentence].item; item >= 0; item = st.items[item].parent) {
    const int hs = st.items[item].heading_sentence;
    if (hs < 0) continue;
    for (int j : r.InSentence(hs)) {
      if (!r.ms[j].heading_goal) continue;
      return r.ms[j].type == "Industry"sv && r.ms[j].key != m.key && hs != m.sentence;
    }
  }
  return false;
}

}  // namespace

void RelateSectorSupport(const RelateScope& r, const Sentence& sen, const Span* clause, int i) {
  const DocContext& ctx = r.ctx;
  std::vector<Relation>& out = r.out;
  const Mention& m = r.ms[i];
  // SUPPORTS a sector: "支持/发展 X产业" after a measure in the same clause.
  bool listed = m.rule == "sector_list.field" || m.rule == "group.member" || m.rule == "group.count";
  // "未来信息领域重点发展A、B、C": the list names the parts of a domain (PART_OF), not what the
  // measure supports, its first item included.
  const auto domain_list = [&] {
    for (int j : r.by_sentence[sen.index]) {
      const Mention& d = r.ms[j];
      if (d.rule == "domain_list.parent" && clause->contains(d.span.begin) && d.span.end <= m.span.begin) return true;
    }
    return false;
  };
  if (m.type == "Industry"sv && Nodeish(m) && !m.weak &&
      (WordBefore(ctx, ctx.Words(RuleKind::supports_ind), clause->begin, m.span.begin, listed ? 60 : 6) ||
       ListGovernedBy(r, RuleKind::supports_ind, *clause, i, 150)) &&
      !domain_list()) {
    int best = SectorAgentMeasure(r, sen, *clause, i);
    if (best < 0) best = r.Governing(sen, m.span.begin);
    // The document's own measure supports the heading's sector, not each part the list under it names.
    if (best >= 0 && best == r.doc_measure && HeadingSectorMember(r, i)) best = -1;
    if (best >= 0) out.push_back({"SUPPORTS", best, i, "supports_ind.develop", sen.index});
  }
}

void RelateSubsidySupports(const RelateScope& r) {
  const DocContext& ctx = r.ctx;
  const std::vector<Mention>& ms = r.ms;
  const std::string_view s = r.ctx.text;
  std::vector<Relation>& out = r.out;
  const int n = static_cast<int>(r.ms.size());
  // A subsidy named after a sector supports it: 创新药研发奖励 → 创新药,
  // 高端医疗器械产业化奖励 → 高端医疗器械 (the subsidy words: kind subsidy).
  const KindWords grants = ctx.Words(RuleKind::subsidy);
  for (int i = 0; i < n; ++i) {
    const Mention& m = ms[i];
    size_t gl = 0;
    if (m.type != "Policy"sv || m.embedded || m.doc_measure || m.cited || !grants.SuffixAt(s, m.span.end, &gl)) continue;
    for (int j : r.InSentence(m.sentence)) {
      const Mention& g = ms[j];
      if (g.type != "Industry"sv || g.weak || g.span.begin < m.span.begin || g.span.end > m.span.end ||
          g.name.find("、") != std::string::npos) continue;
      out.push_back({"SUPPORTS", i, j, "subsidy.supports", m.sentence});
    }
  }
}

}  // namespace pkg::ingest
