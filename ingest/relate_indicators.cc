// MEASURES: an indicator's subject inside its name, else the sector or group named
// before it, else the document's region for a jurisdiction-wide figure. See relate_phrases.h.
// Tested in tests/ingest/relate_indicators_test.cc and tests/ingest/extractor_test.cc.
#include "ingest/relate_phrases.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined

void RelateIndicators(const RelateScope& r) {
  const DocContext& ctx = r.ctx;
  const std::vector<Mention>& ms = r.ms;
  const std::string_view s = r.ctx.text;
  std::vector<Relation>& out = r.out;
  const int n = static_cast<int>(r.ms.size());
  // Indicators: MEASURES the subject inside their name, else the sector named last before them,
  // else, for a jurisdiction-wide figure (全市规模以上工业增加值增长6%), the document's region.
  int doc_region = -1;
  for (int i = 0; i < n && !ctx.region.empty(); ++i) {
    if (ms[i].type == "Region"sv && ms[i].name == ctx.region) { doc_region = i; break; }
  }
  // The fund a document allocates: the first one its body names, not a budget source.
  int allocated = -1;
  for (int i = 0; i < n && allocated < 0; ++i) {
    if (ms[i].type == "Fund"sv && !ms[i].embedded && !ms[i].cited && ms[i].sentence >= 0 && !BudgetSource(ctx, ms[i])) allocated = i;
  }
  for (int i = 0; i < n; ++i) {
    const Mention& ind = ms[i];
    if (ind.type != "Indicator"sv) continue;
    // A row of a performance-target table (绩效目标表: "产出指标 数量指标 支持智能工厂数量 ≥120个"): cells
    // naming indicator categories (X指标) open it, and its indicators measure the fund the document
    // allocates, not a word inside their names (首台(套), 企业).
    if (allocated >= 0 && ind.sentence >= 0) {
      std::string_view lead = s.substr(ctx.st->sentences[ind.sentence].span.begin,
                                       ind.span.begin - ctx.st->sentences[ind.sentence].span.begin);
      while (!lead.empty() && lead.back() == ' ') lead.remove_suffix(1);
      int cells = 0;
      while (lead.size() >= 6 && lead.substr(lead.size() - 6) == "指标") {
        ++cells;
        const size_t gap = lead.rfind(' ');
        lead = gap == std::string_view::npos ? std::string_view() : lead.substr(0, gap);
        while (!lead.empty() && lead.back() == ' ') lead.remove_suffix(1);
      }
      if (cells >= 1 && lead.empty()) {
        out.push_back({"MEASURES", i, allocated, "indicator.performance_table", ind.sentence});
        continue;
      }
    }
    int best = -1;
    // "X增加值占规模以上工业增加值的比重": what follows 占 is the whole the share is of, not the subject.
    const size_t share_of = FindText(s.substr(ind.span.begin, ind.span.end - ind.span.begin), "占");
    const uint32_t whole = share_of == std::string_view::npos ? ind.span.end : static_cast<uint32_t>(ind.span.begin + share_of);
    for (int j : r.InSentence(ind.sentence)) {
      const Mention& t = ms[j];
      if (j == i || t.type == "Indicator"sv || t.type == "Agency"sv || t.type == "Enterprise"sv || t.type == "Achievement"sv) continue;
      if (t.span.begin >= whole) continue;
      if (t.span.begin >= ind.span.begin && t.span.end <= ind.span.end &&
          (best < 0 || t.span.end - t.span.begin > ms[best].span.end - ms[best].span.begin)) best = j;
    }
    if (best < 0) {
      for (int j : r.InSentence(ind.sentence)) {
        if (ms[j].span.begin < ind.span.begin && (ms[j].type == "Industry"sv || ms[j].type == "TargetGroup"sv) && !ms[j].embedded) best = j;
      }
    }
    // A rate over a population ("规模以上工业企业数字化改造覆盖率", "关键工序数控化率" after the group):
    // the group is what the rate is taken over; the rate measures the pilot a notice launches,
    // else the jurisdiction, as a figure of the whole.
    const bool rate = ind.name.size() >= 3 && ind.name.compare(ind.name.size() - 3, 3, "率") == 0;
    const bool rate_of_group = rate && best >= 0 && ms[best].type == "TargetGroup"sv;
    // With no subject at all, a rate the sentence takes over the pilot's places ("试点地区主要农作物耕种收
    // 综合机械化率达到90%") measures the pilot too.
    const bool pilot_rate = rate && best < 0 && r.launched_pilot >= 0 && ind.sentence >= 0 &&
                            s.substr(ctx.st->sentences[ind.sentence].span.begin,
                                     ind.span.begin - ctx.st->sentences[ind.sentence].span.begin)
                                    .find("试点") != std::string_view::npos;
    if ((rate_of_group || pilot_rate) && r.launched_pilot >= 0) {
      out.push_back({"MEASURES", i, r.launched_pilot, "indicator.pilot", ind.sentence});
      continue;
    }
    // 工业 in 全市规模以上工业增加值 is not the subject; the jurisdiction is.
    if ((best < 0 || ms[best].weak || rate_of_group) && doc_region >= 0 && ind.sentence >= 0) {
      // From the start of the sentence, or of the run of sentences joined by ; before it
      // ("全年地区生产总值…;规模以上工业增加值增长8.2%;…": 全年 scopes them all), a
      // sentence opening with 其中 going on with the one before ("全市实现地区生产总值…。
      // 其中,第一产业增加值178亿元": its parts share that scope).
      // (Not for counts, nor for a group inside the name: "培育…龙头企业5家" counts the group.)
      const bool count = ind.name.size() >= 6 && (ind.name.compare(ind.name.size() - 6, 6, "数量") == 0 ||
                                                  ind.name.compare(ind.name.size() - 6, 6, "总数") == 0);
      const bool run = !count && (best < 0 || ms[best].type == "Industry"sv || rate_of_group);
      uint32_t from = ctx.st->sentences[ind.sentence].span.begin;
      for (int k = ind.sentence; run && k > 0 && ind.sentence - k < 8; --k) {
        const Span& prev = ctx.st->sentences[k - 1].span;
        std::string_view gap = s.substr(prev.end, ctx.st->sentences[k].span.begin - prev.end);
        uint32_t open = ctx.st->sentences[k].span.begin;
        while (open < s.size() && s[open] == ' ') ++open;
        const bool among = At(s, open, "其中");
        if (!among && gap.find(';') == std::string_view::npos && !(prev.end > prev.begin && s[prev.end - 1] == ';')) break;
        from = prev.begin;
      }
      std::string_view before = s.substr(from, ind.span.begin - from);
      // (A stated aim with no subject of its own, "主要目标是:规上工业增加值增长7.5%以上", is the jurisdiction's.)
      // Any of the words anywhere in `before`: one pass for the ten (four keys).
      static constexpr std::string_view kScope[] = {"全市", "全省", "全区", "全县", "我市", "我省", "我区", "本市", "全年", "目标是"};
      size_t which = 0;
      bool scoped = FindFirstOf(before, kScope, std::size(kScope), &which) != std::string_view::npos;
      // The region named outright counts only when nothing else is the subject.
      for (int j : r.InSentence(ind.sentence)) {
        scoped |= best < 0 && ms[j].type == "Region"sv && ms[j].key == ms[doc_region].key && ms[j].span.end <= ind.span.begin;
      }
      if (scoped) {
        out.push_back({"MEASURES", i, doc_region, "indicator.region", ind.sentence});
        best = -1;
      }
    }
    if (best >= 0) {
      out.push_back({"MEASURES", i, best, "indicator.subject", ind.sentence});
      // "新建智能工厂和数字化车间数量": coordinated subjects of one type are each measured.
      if (ms[best].span.begin >= ind.span.begin && ms[best].span.end <= ind.span.end) {
        for (int j : r.InSentence(ind.sentence)) {
          const Mention& t = ms[j];
          if (j == best || t.type != ms[best].type || t.embedded || t.weak || t.key == ms[best].key ||
              t.span.begin < ind.span.begin || t.span.end > ind.span.end ||
              (t.span.begin < ms[best].span.end && ms[best].span.begin < t.span.end)) continue;
          out.push_back({"MEASURES", i, j, "indicator.subject", ind.sentence});
        }
      }
      // And the group the subject belongs to, when the sentence names it (创新药 → 生物医药).
      if (ms[best].lex_entry >= 0) {
        for (const auto& g : ctx.lex->entries()[ms[best].lex_entry].part_of) {
          for (int j : r.InSentence(ind.sentence)) {
            if (ms[j].lex_entry >= 0 && ctx.lex->entries()[ms[j].lex_entry].name == g) {
              out.push_back({"MEASURES", i, j, "indicator.subject_group", ind.sentence});
              break;
            }
          }
        }
      }
    }
  }
}

}  // namespace pkg::ingest
