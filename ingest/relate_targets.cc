// TARGETS: a measure aimed at a group or sector (面向/围绕/聚焦 X, a verb of
// aiming, a subsidy's condition 对X…的,给予…, a shared name). See relate_phrases.h.
// Tested in tests/ingest/relate_targets_test.cc and tests/ingest/extractor_test.cc.
#include <algorithm>

#include "ingest/np_scan.h"
#include "ingest/relate_phrases.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined
namespace {

bool Aimable(const Mention& m) {
  return (m.type == "TargetGroup"sv || m.type == "Industry"sv) && Nodeish(m) && !m.weak;
}

// The category that closes the list m is a member of ("A、B、C等重点产业链": 重点产业链 for
// A, B and C), or -1: the next group or sector of the clause after 等 and a short modifier.
int ListCategory(const RelateScope& r, BySentence::Ids ids, const Span& clause, int i) {
  const std::string_view s = r.ctx.text;
  const Mention& m = r.ms[i];
  if (!(At(s, m.span.end, "、") || At(s, m.span.end, "等") || At(s, m.span.end, "和") || At(s, m.span.end, "及"))) return -1;
  for (int j : ids) {
    const Mention& c = r.ms[j];
    if (c.span.begin < m.span.end || c.span.begin >= clause.end || c.embedded || j == i) continue;
    if (c.type != "Industry"sv && c.type != "TargetGroup"sv) continue;
    if (c.span.begin >= 3 && (At(s, c.span.begin - 3, "、") || At(s, c.span.begin - 3, "和") || At(s, c.span.begin - 3, "及"))) {
      continue;  // another member
    }
    std::string_view gap = s.substr(m.span.end, c.span.begin - m.span.end);
    const size_t etc = gap.rfind("等");
    if (etc == std::string_view::npos || gap.size() - etc > 24 || gap.find_first_of(",;") != std::string_view::npos) return -1;
    return c.weak ? -1 : j;
  }
  return -1;
}

// True when category c closes a list that an aim word opens ("围绕A、B等重点产业链"):
// its first member follows the aim word closely.
bool AimedList(const RelateScope& r, BySentence::Ids ids, const Span& clause, int c) {
  for (int j : ids) {
    const Mention& m = r.ms[j];
    if (m.span.begin < clause.begin || m.span.end > r.ms[c].span.begin || m.embedded) continue;
    if (ListCategory(r, ids, clause, j) != c) continue;
    return WordBefore(r.ctx, r.ctx.Words(RuleKind::targets_lead), clause.begin, m.span.begin, 60);
  }
  return false;
}

// Where a count before p starts ("为3000家以上规上工业企业提供…": the 3000家以上 before the group), or p:
// digits or Chinese numerals, a counter (kind count_unit), then 以上 / 左右 / 余 if any.
uint32_t CountStart(const DocContext& ctx, uint32_t lo, uint32_t p) {
  const std::string_view s = ctx.text;
  uint32_t q = p;
  for (std::string_view w : {"以上"sv, "左右"sv, "余"sv}) {
    if (q >= lo + w.size() && At(s, q - w.size(), w)) { q -= static_cast<uint32_t>(w.size()); break; }
  }
  size_t ul = 0;
  if (!ctx.Words(RuleKind::count_unit).SuffixAt(s, q, &ul) || q < lo + ul) return p;
  q -= static_cast<uint32_t>(ul);
  const uint32_t unit = q;
  for (;;) {
    if (q > lo && ((s[q - 1] >= '0' && s[q - 1] <= '9') || s[q - 1] == '.' || s[q - 1] == ',')) { --q; continue; }
    bool numeral = false;
    for (std::string_view d : {"一"sv, "二"sv, "两"sv, "三"sv, "四"sv, "五"sv, "六"sv, "七"sv, "八"sv, "九"sv, "十"sv, "百"sv, "千"sv, "万"sv}) {
      if (q >= lo + 3 && At(s, q - 3, d)) { q -= 3; numeral = true; break; }
    }
    if (!numeral) break;
  }
  return q < unit ? q : p;
}

}  // namespace

void RelateAims(const RelateScope& r, const Sentence& sen, const Span* clause, int i) {
  const DocContext& ctx = r.ctx;
  const std::vector<Mention>& ms = r.ms;
  const std::string_view s = r.ctx.text;
  std::vector<Relation>& out = r.out;
  BySentence::Ids ids = r.by_sentence[sen.index];
  const Mention& m = r.ms[i];
  // TARGETS, aim first: "面向X发放Y", "面向X、Z等领域,建设Y" — the measure right
  // after the aimed-at group or sector (same clause or the next one).
  // An aimed list closed by its category ("围绕A、B、C等重点产业链,实施Y") aims at the
  // category too, however long the list.
  bool aimed_first = false;
  const bool aimed_list = Aimable(m) && AimedList(r, ids, *clause, i);
  // "加速计划聚焦A、B等三大策略性产业": a measure right before the aiming verb is its subject
  // and TARGETS what the phrase ends with (the category, or a single sector or group).
  if ((m.type == "TargetGroup"sv || m.type == "Industry"sv) && Nodeish(m) && !m.weak && !m.embedded &&
      !At(s, m.span.end, "、") && !At(s, m.span.end, "及") && !At(s, m.span.end, "和") && !At(s, m.span.end, "等")) {
    size_t al0 = 0;
    const size_t aim0 = ctx.FindIn(RuleKind::targets_lead, clause->begin, m.span.begin, &al0);
    if (aim0 != std::string_view::npos && (m.span.begin - aim0 <= 90 || aimed_list)) {
      for (int j : ids) {
        const Mention& y = ms[j];
        if (y.span.end == aim0 && IsMeasure(y.type) && !y.embedded && !y.cited && y.key != m.key) {
          out.push_back({"TARGETS", j, i, "targets_lead.subject", sen.index});
          aimed_first = true;
        }
      }
    }
  }
  if (!aimed_first && Aimable(m) &&
      (aimed_list || WordBefore(ctx, ctx.Words(RuleKind::targets_lead), clause->begin, m.span.begin, 60))) {
    size_t host_clauses = 0;
    const Span* last_host = nullptr;
    bool any_after = false;
    for (int j : ids) {
      const Mention& y = ms[j];
      if (y.span.begin < m.span.end || !IsMeasure(y.type) || y.embedded || y.cited) continue;
      any_after = true;
      // A host relied on ("依托X中心,布局Y平台") is not what is aimed: the item
      // built after it is, one clause further on.
      if (const Span* yc = ClauseOf(ctx, y); yc && yc->begin > clause->begin &&
          ctx.FindIn(RuleKind::host_lead, yc->begin, y.span.begin) != std::string_view::npos) {
        if (yc != last_host) ++host_clauses;
        last_host = yc;
        continue;
      }
      std::string_view between = s.substr(m.span.end, y.span.begin - m.span.end);
      size_t commas = std::count(between.begin(), between.end(), ',');
      if (commas <= 1 + host_clauses && between.find(';') == std::string_view::npos && between.size() <= 90 + 60 * host_clauses) {
        out.push_back({"TARGETS", j, i, "targets_lead.aim", sen.index});
        aimed_first = true;
      }
      break;
    }
    // "实施“链式改造”专项行动 | 围绕家电、陶瓷等优势产业集群,…": with no measure after the
    // aimed phrase, the measure named last before it in the sentence is the one aimed.
    // (Only when the aimed phrase holds it with no verb between: not "面向全球发布X产业应用场景".)
    size_t al = 0;
    const size_t aim_at = ctx.FindIn(RuleKind::targets_lead, clause->begin, m.span.begin, &al);
    if (!any_after && aim_at != std::string_view::npos &&
        ctx.FindIn(RuleKind::trigger, aim_at + al, m.span.begin) == std::string_view::npos) {
      int before = -1;
      for (int j : ids) {
        if (ms[j].span.end <= clause->begin && IsMeasure(ms[j].type) && !ms[j].embedded && !ms[j].cited) before = j;
      }
      if (before >= 0 && ms[before].key != m.key) {
        out.push_back({"TARGETS", before, i, "targets_lead.aim", sen.index});
        aimed_first = true;
      }
    }
  }
  // TARGETS: a verb aiming at a group or sector, for the measure before it;
  // or a group named in a subsidy's condition ("对首次认定的X企业,给予…"),
  // for the measure the sentence speaks for (its item's heading: 第九条 X奖励).
  if (!aimed_first && m.type == "TargetGroup"sv && Nodeish(m) && !m.weak) {
    const char* rule = nullptr;
    size_t cl = 0;
    if (WordBefore(ctx, ctx.Words(RuleKind::targets), clause->begin, CountStart(ctx, clause->begin, m.span.begin), 9) ||
        m.rule == "head.target") {
      rule = "targets.aim";
    } else if (const KindWords lead = ctx.Words(RuleKind::condition_lead);
               // (SkipNoise ends in [begin, end]: with no word of the kind starting there, it need not run.)
               lead.Skip(s, clause->begin, size_t{clause->end} + 1) <= clause->end &&
               lead.PrefixAt(s, SkipNoise(ctx, clause->begin, clause->end, nullptr, kNoiseTime | kNoiseActors), &cl)) {
      rule = "condition.lead";
    }
    int best = -1;
    if (rule && rule[0] == 'c') {
      // "对X…的,按照“Y计划”给予…": the measure that gives, named after the condition.
      for (int j : ids) {
        if (ms[j].span.begin >= m.span.end && IsMeasure(ms[j].type) && !ms[j].embedded && !ms[j].cited) { best = j; break; }
      }
    }
    if (rule && best < 0) best = r.Governing(sen, m.span.begin);
    // A measure modifying the group in its clause ("对入选“X计划”的Y团队") is the condition's,
    // not the giver: the measure heading the item is.
    if (best >= 0 && ms[best].sentence == sen.index && ms[best].span.end <= m.span.begin &&
        clause->contains(ms[best].span.begin) &&
        s.substr(ms[best].span.end, m.span.begin - ms[best].span.end).find("的") != std::string_view::npos) {
      best = r.Governing(sen, sen.span.begin);
    }
    // A notice that launches a pilot aims through the pilot.
    if (best >= 0 && best == r.doc_measure && r.launched_pilot >= 0 && ms[r.launched_pilot].key != m.key) {
      best = r.launched_pilot;
    }
    if (best >= 0) out.push_back({"TARGETS", best, i, rule, sen.index});
  }
}

void RelateSharedNameTargets(const RelateScope& r) {
  const std::vector<Mention>& ms = r.ms;
  std::vector<Relation>& out = r.out;
  const int n = static_cast<int>(r.ms.size());
  // TARGETS by shared name: 专精特新梯度培育 → 专精特新中小企业, 中小企业数字化转型试点 → 中小企业.
  // Only a programme or pilot of the text's own: a platform or fund named after a group
  // (中小企业公共服务示范平台, 中小企业发展专项资金) serves it without aiming at it, and a cited
  // title (《中小企业数字化赋能专项行动方案》) is another text's.
  for (int i = 0; i < n; ++i) {
    if (!(ms[i].type == "Initiative"sv || ms[i].type == "Pilot"sv) || ms[i].embedded || ms[i].cited) continue;
    for (int j : r.InSentence(ms[i].sentence)) {
      if (ms[j].type != "TargetGroup"sv || ms[j].weak) continue;
      const std::string& a = ms[i].name;
      const std::string& b = ms[j].name;
      if (a.size() >= 12 && b.size() >= 12 && a.compare(0, 12, b, 0, 12) == 0) {
        out.push_back({"TARGETS", i, j, "targets.shared_name", ms[i].sentence});
      }
    }
  }
}

}  // namespace pkg::ingest
