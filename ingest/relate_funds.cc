// FUNDS: the sector or goal a fund is named after, and what it 投向/支持 later in
// its sentence. (Support directions: relate_directions.cc.) See relate_phrases.h.
// Tested in tests/ingest/extractor_test.cc.
#include <algorithm>
#include <string>

#include "ingest/relate_phrases.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined

namespace {

// "统筹X专项资金…用于数字化改造,发挥Y基金作用,…重点投向A": A, after another fund named past
// f's verb, is that fund's object, not f's.
bool LaterFund(const std::vector<Mention>& ms, BySentence::Ids ids, const Mention& f, uint32_t verb_at,
               const Mention& t) {
  for (int j : ids) {
    const Mention& g = ms[j];
    if (g.type == "Fund"sv && !g.embedded && g.key != f.key && &g != &t && g.span.begin > verb_at &&
        g.span.end <= t.span.begin) return true;
  }
  return false;
}

// True when only list joints (、 和 及) and other funds stand between f and g: "A、B和C".
bool ListedWith(std::string_view s, const std::vector<Mention>& ms, BySentence::Ids ids, const Mention& f,
                const Mention& g) {
  uint32_t p = f.span.end;
  while (p < g.span.begin) {
    if (At(s, p, "、") || At(s, p, "和") || At(s, p, "及")) {
      p += 3;
      continue;
    }
    bool fund = false;
    for (int j : ids) {
      if (ms[j].span.begin == p && ms[j].type == "Fund"sv && !ms[j].embedded) {
        p = ms[j].span.end;
        fund = true;
        break;
      }
    }
    if (!fund) return false;
  }
  return p == g.span.begin;
}

}  // namespace

void RelateFunds(const RelateScope& r) {
  const DocContext& ctx = r.ctx;
  const std::vector<Mention>& ms = r.ms;
  const std::string_view s = r.ctx.text;
  std::vector<Relation>& out = r.out;
  const int n = static_cast<int>(r.ms.size());
  // Funds: the sector or goal a fund is named after; what it "投向/支持" later in its sentence.
  const KindWords invest = ctx.Words(RuleKind::funds_verb);
  // The measures a fund's listed object may shorten (funds_verb.earlier below), in text order:
  // listed once, and looked at only within kEarlierReach bytes before the fund, so that a
  // huge document of funds and lists is not quadratic (a real document is far shorter).
  constexpr uint32_t kEarlierReach = 64 * 1024;
  std::vector<int> named_measures;
  for (int j = 0; j < n; ++j) {
    if (BodyMeasure(ms[j]) && ms[j].type != "Fund"sv && ms[j].sentence >= 0) named_measures.push_back(j);
  }
  for (int i = 0; i < n; ++i) {
    const Mention& f = ms[i];
    if (f.type != "Fund"sv || f.embedded) continue;
    uint32_t verb_at = UINT32_MAX;
    if (f.sentence >= 0) {
      const Span& sp = ctx.st->sentences[f.sentence].span;
      size_t at = invest.Find(s.substr(0, sp.end), f.span.end);
      // Not a word inside a name ("发挥A、B产业发展投资基金和C的引导作用": 投资 of B's name).
      for (bool inside = true; inside && at != std::string_view::npos;) {
        inside = false;
        for (int j : r.InSentence(f.sentence)) {
          const Mention& x = ms[j];
          if (!x.embedded && x.span.begin <= at && at < x.span.end) {
            inside = true;
            at = invest.Find(s.substr(0, sp.end), x.span.end);
            break;
          }
        }
      }
      if (at != std::string_view::npos) verb_at = static_cast<uint32_t>(at);
    }
    // "厦门市产业投资基金将出资设立新型储能产业子基金,重点投向A、B": the verb is the last fund's
    // before it; a fund that sets up or backs that one finances A and B through it. (Not a
    // budget's source: "试点资金,是指中央财政通过X专项资金安排,用于支持Y" is 试点资金's verb.)
    // The fund between is one f sets up (a word of kind fund_of between them) or one listed with it
    // ("发挥A、B和C的引导作用,其中C…投向"); not any fund-like name ("按照“母基金+子基金”模式运作").
    for (int j : r.InSentence(f.sentence)) {
      const Mention& g = ms[j];
      if (verb_at == UINT32_MAX || g.type != "Fund"sv || g.embedded || g.key == f.key || g.span.begin < f.span.end ||
          g.span.end > verb_at) continue;
      const uint32_t e = g.span.end;
      if (At(s, e, "安排") || At(s, e, "中安排") || At(s, e, "列支") || At(s, e, "中列支")) continue;
      if (ctx.Words(RuleKind::fund_of).Find(s.substr(0, g.span.begin), f.span.end) != std::string_view::npos ||
          ListedWith(s, ms, r.InSentence(f.sentence), f, g)) {
        verb_at = UINT32_MAX;
      }
    }
    // "试点资金,是指中央财政通过X专项资金安排…的资金", "从X中列支": the fund a
    // budget is arranged through funds it (a preposition of kind strip/inner
    // right before X, 安排 / 列支 right after it).
    for (int j : r.InSentence(f.sentence)) {
      const Mention& src = ms[j];
      if (j == i || src.type != "Fund"sv || src.embedded || src.span.begin < f.span.end || src.key == f.key) continue;
      bool via = false;
      for (size_t back = 3; back <= 12 && !via && src.span.begin >= back; back += 3) {
        size_t pl = 0;
        const Rule* p = ctx.Words(RuleKind::strip).PrefixAt(s, src.span.begin - back, &pl);
        via = p && p->arg == "inner" && pl == back;
      }
      const uint32_t e = src.span.end;
      if (via && (At(s, e, "安排") || At(s, e, "中安排") || At(s, e, "列支") || At(s, e, "中列支"))) {
        out.push_back({"FUNDS", j, i, "funds.arranged_through", f.sentence});
      }
    }
    // "省级财政设立X专项资金,…重点支持“智改数转”诊断服务、数字化改造示范项目和公共服务平台建设": a listed
    // object that shortens a measure the text named before the fund (智改数转诊断服务行动, 数字化转型公共
    // 服务平台: the shortened name opens it before a head word or ends it) points back to it: the fund
    // FUNDS that measure (funds_verb.earlier).
    if (verb_at != UINT32_MAX) {
      size_t vl = 0;
      invest.PrefixAt(s, verb_at, &vl);
      const Span& sp = ctx.st->sentences[f.sentence].span;
      uint32_t end = static_cast<uint32_t>(verb_at + vl);
      while (end < sp.end && !At(s, end, ",") && !At(s, end, ";")) ++end;
      std::string_view list = s.substr(verb_at + vl, end - verb_at - vl);
      while (!list.empty()) {
        size_t cut = std::string_view::npos, cl = 0;
        for (std::string_view j : {"、"sv, "和"sv, "及"sv}) {
          const size_t at = FindText(list, j);
          if (at < cut) { cut = at; cl = j.size(); }
        }
        std::string item;
        for (size_t p = 0; p < std::min(cut, list.size());) {
          const size_t cp = CpLen(static_cast<unsigned char>(list[p]));
          std::string_view ch = list.substr(p, cp);
          if (ch != "“" && ch != "”" && ch != "\"") item.append(ch);
          p += cp;
        }
        list = cut == std::string_view::npos ? std::string_view() : list.substr(cut + cl);
        if (item.size() > 6 && item.compare(item.size() - 6, 6, "建设") == 0) item.resize(item.size() - 6);
        if (item.size() < 18) continue;  // six characters at least
        int earlier = -1;
        const uint32_t reach = f.span.begin > kEarlierReach ? f.span.begin - kEarlierReach : 0;
        auto first = std::lower_bound(named_measures.begin(), named_measures.end(), reach,
                                      [&](int j, uint32_t p) { return ms[j].span.begin < p; });
        for (auto it = first; it != named_measures.end() && *it < i; ++it) {
          const int j = *it;
          const Mention& t = ms[j];
          // It opens the name, before a head word (行动, 工程), or ends it, after a qualifier.
          if (t.name.size() <= item.size()) continue;
          const bool opens = t.name.size() <= item.size() + 12 && t.name.compare(0, item.size(), item) == 0;
          const bool ends = t.name.compare(t.name.size() - item.size(), item.size(), item) == 0;
          if (opens || ends) earlier = j;
        }
        if (earlier >= 0) out.push_back({"FUNDS", i, earlier, "funds_verb.earlier", f.sentence});
      }
    }
    for (int j : r.InSentence(f.sentence)) {
      const Mention& t = ms[j];
      if (j == i || !(t.type == "Industry"sv || t.type == "Goal"sv || t.type == "TargetGroup"sv || IsMeasure(t.type))) continue;
      if (t.span.begin >= f.span.begin && t.span.end <= f.span.end && !IsMeasure(t.type) && !t.weak) {
        // A sector or group names the fund's field only as an industry, X产业…基金 (未来产业天使投资基金,
        // 生物医药产业投资基金): in 制造业高质量发展专项资金, 中小企业发展专项资金, 智能制造专项资金 it names
        // what the budget is for in general, and the golds never have the fund finance it.
        const bool industry = t.span.end >= t.span.begin + 6 && At(s, t.span.end - 6, "产业");
        if (t.type != "Goal"sv && !industry && !At(s, t.span.end, "产业")) continue;
        out.push_back({"FUNDS", i, j, "funds.named", f.sentence});
      } else if (t.span.begin > verb_at && !t.weak && !t.embedded && t.key != f.key && !LaterFund(ms, r.InSentence(f.sentence), f, verb_at, t)) {
        out.push_back({"FUNDS", i, j, "funds_verb.invest", f.sentence});
      }
    }
  }
  RelateHeadingFundUses(r);
  RelateFundAnaphora(r);
}

void RelateHeadingFundUses(const RelateScope& r) {
  // "(一)芜湖市制造业高质量发展专项资金32000万元。主要用于…,支持企业技术改造、智能工厂和数字化车间建设":
  // a heading that names one fund, then sentences of its item opening with 用于 (主要 / 重点 /
  // 专项 before it): the fund FUNDS what they name (funds_verb.heading_uses). Cited documents are
  // carried out (IMPLEMENTS, elsewhere), not financed; actors are not financed either.
  const DocContext& ctx = r.ctx;
  const Structure& st = *ctx.st;
  const std::string_view s = ctx.text;
  for (const Item& item : st.items) {
    const int hs = item.heading_sentence;
    if (hs < 0 || hs >= static_cast<int>(r.by_sentence.size())) continue;
    int fund = -1;
    bool several = false;
    for (int j : r.InSentence(hs)) {
      const Mention& m = r.ms[j];
      if (m.type != "Fund"sv || m.embedded) continue;
      if (fund >= 0 && r.ms[fund].key != m.key) several = true;
      fund = j;
    }
    if (fund < 0 || several) continue;
    for (int k = hs + 1; k < static_cast<int>(st.sentences.size()) && st.sentences[k].item == st.sentences[hs].item; ++k) {
      uint32_t p = st.sentences[k].span.begin;
      while (p < s.size() && s[p] == ' ') ++p;
      for (std::string_view w : {"主要", "重点", "专项", "全部"}) {
        if (At(s, p, w)) p += static_cast<uint32_t>(w.size());
      }
      if (!At(s, p, "用于")) continue;
      for (int j : r.InSentence(k)) {
        const Mention& t = r.ms[j];
        if (t.span.begin < p || t.weak || t.embedded || t.cited || t.key == r.ms[fund].key) continue;
        if (!(t.type == "Industry"sv || t.type == "TargetGroup"sv || IsMeasure(t.type))) continue;
        r.out.push_back({"FUNDS", fund, j, "funds_verb.heading_uses", k});
      }
    }
  }
}

void RelateFundAnaphora(const RelateScope& r) {
  // "会议研究了设立X基金有关事项。基金总规模200亿元,…重点投向A、B等新兴产业": a sentence that opens
  // with the bare head (基金, 该基金) and names no fund of its own speaks of the last fund the previous
  // sentence named; what its verb of investing (kind funds_verb) names is financed by that fund.
  const DocContext& ctx = r.ctx;
  const Structure& st = *ctx.st;
  const std::string_view s = ctx.text;
  const KindWords invest = ctx.Words(RuleKind::funds_verb);
  for (int k = 1; k < static_cast<int>(st.sentences.size()); ++k) {
    uint32_t p = st.sentences[k].span.begin;
    const uint32_t end = st.sentences[k].span.end;
    while (p < end && s[p] == ' ') ++p;
    if (At(s, p, "该"sv) || At(s, p, "此"sv)) p += 3;
    if (!At(s, p, "基金"sv) || At(s, p, "基金会"sv)) continue;
    bool own = false;
    for (int j : r.InSentence(k)) own |= r.ms[j].type == "Fund"sv && !r.ms[j].embedded;
    if (own) continue;
    int fund = -1;
    for (int j : r.InSentence(k - 1)) {
      if (r.ms[j].type == "Fund"sv && !r.ms[j].embedded) fund = j;
    }
    if (fund < 0) continue;
    const size_t verb = invest.Find(s.substr(0, end), p);
    if (verb == std::string_view::npos) continue;
    for (int j : r.InSentence(k)) {
      const Mention& t = r.ms[j];
      if (t.span.begin <= verb || t.weak || t.embedded || t.cited || t.key == r.ms[fund].key) continue;
      if (!(t.type == "Industry"sv || t.type == "TargetGroup"sv || t.type == "Goal"sv || IsMeasure(t.type))) continue;
      r.out.push_back({"FUNDS", fund, j, "funds_verb.anaphor", k});
    }
  }
}

}  // namespace pkg::ingest
