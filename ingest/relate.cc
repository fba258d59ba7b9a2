// Phrase-driven relations; see relate.h.
#include "ingest/relate.h"

#include <algorithm>
#include <map>
#include <set>

#include "ingest/np_scan.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined
namespace {

bool Nodeish(const Mention& m) { return !m.embedded; }

// Does a word of `words` end within `max_gap` bytes before position p
// (only spaces, quotes and short adverbs between)?
bool WordBefore(const DocContext& ctx, const KindWords& words, uint32_t lo, uint32_t p, size_t max_gap) {
  for (uint32_t e = p; e >= lo && p - e <= max_gap;) {
    size_t len = 0;
    if (words.SuffixAt(ctx.text.substr(0, e), e, &len) && e - len >= lo) return true;
    if (e == lo || e == 0) break;
    e = static_cast<uint32_t>(PrevCpStart(ctx.text, e));
  }
  return false;
}

const Span* ClauseOf(const DocContext& ctx, const Mention& m) {
  if (m.sentence < 0) return nullptr;
  for (const Span& c : ctx.st->sentences[m.sentence].clauses) {
    if (c.contains(m.span.begin)) return &c;
  }
  return nullptr;
}

// True when a and b have a two-character word in common.
bool SharesBigram(std::string_view a, std::string_view b) {
  for (size_t i = 0; i < a.size();) {
    size_t j = i;
    NextCp(a, j);
    if (j >= a.size()) break;
    size_t k = j;
    NextCp(a, k);
    if (b.find(a.substr(i, k - i)) != std::string_view::npos) return true;
    i = j;
  }
  return false;
}

}  // namespace

BySentence IndexBySentence(const DocContext& ctx, const std::vector<Mention>& ms) {
  BySentence by(ctx.st->sentences.size() + 1);
  for (int i = 0; i < static_cast<int>(ms.size()); ++i) {
    int s = ms[i].sentence;
    by[s >= 0 && s < static_cast<int>(ctx.st->sentences.size()) ? s : by.size() - 1].push_back(i);
  }
  return by;
}

std::vector<Relation> Relate(const DocContext& ctx, const std::vector<Mention>& ms) {
  std::vector<Relation> out;
  std::string_view s = ctx.text;
  const int n = static_cast<int>(ms.size());
  const BySentence by_sentence = IndexBySentence(ctx, ms);
  auto in_sentence = [&](int sentence) -> const std::vector<int>& {
    return sentence >= 0 && sentence < static_cast<int>(by_sentence.size()) - 1 ? by_sentence[sentence] : by_sentence.back();
  };
  RelateStructure(ctx, ms, by_sentence, out);
  int doc_measure = -1;
  for (int i = 0; i < n; ++i) {
    if (ms[i].doc_measure) { doc_measure = i; break; }
  }
  // The measure a sentence speaks for: one before `pos` in the sentence, else
  // the measure heading its item (第三条 创新药研发奖励), else the document's own.
  auto governing = [&](const Sentence& sen, uint32_t pos) -> int {
    int best = -1;
    for (int j : by_sentence[sen.index]) {
      if (ms[j].span.end <= pos && IsMeasure(ms[j].type) && !ms[j].embedded && !ms[j].cited) best = j;
    }
    if (best >= 0) return best;
    for (int item = sen.item; item >= 0; item = ctx.st->items[item].parent) {
      int hs = ctx.st->items[item].heading_sentence;
      if (hs < 0 || hs == sen.index) continue;
      for (int j : by_sentence[hs]) {
        if (IsMeasure(ms[j].type) && !ms[j].embedded && !ms[j].cited) return j;
      }
    }
    return doc_measure;
  };

  uint32_t cited_end = 0;             // end of the last implemented citation
  int cited_sentence = -1;             // and its sentence
  for (const Sentence& sen : ctx.st->sentences) {
    const auto& ids = by_sentence[sen.index];
    std::string_view text = s.substr(sen.span.begin, sen.span.end - sen.span.begin);
    // 把X作为Y的关键支撑 → X SUPPORTS Y.
    size_t as = text.find("作为");
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
    for (int i : ids) {
      const Mention& m = ms[i];
      const Span* clause = ClauseOf(ctx, m);
      if (!clause) continue;
      // Citations: 贯彻落实《X》 → the citing measure (the sentence's, else the
      // document's own) IMPLEMENTS X;
      // "根据工业和信息化部《X》": the agency right before issued it.
      if (m.cited) {
        uint32_t before = m.span.begin;
        for (int j : ids) {
          if (ms[j].type == "Agency"sv && ms[j].span.end == m.span.begin) {
            before = ms[j].span.begin;
            out.push_back({"ISSUED", j, i, "cite.issuer", sen.index});
          }
        }
        // A citation joined to an implemented one ("落实《X》(文号)和国发〔2025〕11号
        // 文件要求") is implemented too.
        bool joined = false;
        if (cited_end > 0 && cited_sentence == sen.index && m.span.begin >= cited_end && m.span.begin - cited_end <= 40) {
          std::string_view gap = s.substr(cited_end, m.span.begin - cited_end);
          joined = gap.find("和") != std::string_view::npos || gap.find("、") != std::string_view::npos ||
                   gap.find("及") != std::string_view::npos;
        }
        if (joined || WordBefore(ctx, ctx.Words(RuleKind::cite), clause->begin, before, 12)) {
          // The measure the sentence speaks for ("母基金将按照国发〔2025〕11号文件要求"),
          // else the document's own.
          // A sentence that institutes the document's own measure ("…,制定本工作要点") speaks for it,
          // whatever programme it names on the way ("为深入实施“一号发展工程”,根据《X》…").
          std::string_view st = s.substr(sen.span.begin, sen.span.end - sen.span.begin);
          const bool institutes = doc_measure >= 0 && (st.find("制定本") != std::string_view::npos ||
                                                       st.find("特制定") != std::string_view::npos ||
                                                       st.find("提出如下") != std::string_view::npos);
          int by = institutes ? doc_measure : governing(sen, m.span.begin);
          // "为落实《X》,政府将推出Y" in a text with no measure of its own (a press release, a
          // news report): the measure the sentence goes on to name carries X out.
          if (by < 0 && doc_measure < 0) {
            for (int j : ids) {
              const Mention& y = ms[j];
              // (Not a title cited beside X, "落实《X》及《Z》", nor one implemented itself.)
              const bool beside = y.cited && (s.substr(m.span.end, y.span.begin - m.span.end).find(',') == std::string_view::npos ||
                                              WordBefore(ctx, ctx.Words(RuleKind::cite), sen.span.begin, y.span.begin, 12));
              if (y.span.begin >= m.span.end && IsMeasure(y.type) && !y.embedded && y.key != m.key && !beside) {
                by = j;
                break;
              }
            }
          }
          out.push_back({"IMPLEMENTS", by >= 0 && ms[by].key != m.key ? by : doc_measure, i, "cite.implements", sen.index});
          cited_end = m.span.end;
          cited_sentence = sen.index;
        }
      }
      // TARGETS, aim first: "面向X发放Y", "面向X、Z等领域,建设Y" — the measure right
      // after the aimed-at group or sector (same clause or the next one).
      bool aimed_first = false;
      // "加速计划聚焦A、B等三大策略性产业": a measure right before the aiming verb is its subject
      // and TARGETS what the phrase ends with (the category, or a single sector or group).
      if ((m.type == "TargetGroup"sv || m.type == "Industry"sv) && Nodeish(m) && !m.weak && !m.embedded &&
          !At(s, m.span.end, "、") && !At(s, m.span.end, "及") && !At(s, m.span.end, "和") && !At(s, m.span.end, "等")) {
        size_t al0 = 0;
        const size_t aim0 = ctx.FindIn(RuleKind::targets_lead, clause->begin, m.span.begin, &al0);
        if (aim0 != std::string_view::npos && m.span.begin - aim0 <= 90) {
          for (int j : ids) {
            const Mention& y = ms[j];
            if (y.span.end == aim0 && IsMeasure(y.type) && !y.embedded && !y.cited && y.key != m.key) {
              out.push_back({"TARGETS", j, i, "targets_lead.subject", sen.index});
              aimed_first = true;
            }
          }
        }
      }
      if (!aimed_first && (m.type == "TargetGroup"sv || m.type == "Industry"sv) && Nodeish(m) && !m.weak &&
          WordBefore(ctx, ctx.Words(RuleKind::targets_lead), clause->begin, m.span.begin, 60)) {
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
        if (WordBefore(ctx, ctx.Words(RuleKind::targets), clause->begin, m.span.begin, 9) || m.rule == "head.target") {
          rule = "targets.aim";
        } else if (ctx.Words(RuleKind::condition_lead)
                       .PrefixAt(s, SkipNoise(ctx, clause->begin, clause->end, nullptr, kNoiseTime | kNoiseActors), &cl)) {
          rule = "condition.lead";
        }
        int best = -1;
        if (rule && rule[0] == 'c') {
          // "对X…的,按照“Y计划”给予…": the measure that gives, named after the condition.
          for (int j : ids) {
            if (ms[j].span.begin >= m.span.end && IsMeasure(ms[j].type) && !ms[j].embedded && !ms[j].cited) { best = j; break; }
          }
        }
        if (rule && best < 0) best = governing(sen, m.span.begin);
        // A measure modifying the group in its clause ("对入选“X计划”的Y团队") is the condition's,
        // not the giver: the measure heading the item is.
        if (best >= 0 && ms[best].sentence == sen.index && ms[best].span.end <= m.span.begin &&
            clause->contains(ms[best].span.begin) &&
            s.substr(ms[best].span.end, m.span.begin - ms[best].span.end).find("的") != std::string_view::npos) {
          best = governing(sen, sen.span.begin);
        }
        if (best >= 0) out.push_back({"TARGETS", best, i, rule, sen.index});
      }
      // SUPPORTS a sector: "支持/发展 X产业" after a measure in the same clause.
      bool listed = m.rule == "sector_list.field" || m.rule == "group.member" || m.rule == "group.count";
      if (m.type == "Industry"sv && Nodeish(m) && !m.weak &&
          (WordBefore(ctx, ctx.Words(RuleKind::supports_ind), clause->begin, m.span.begin, listed ? 60 : 6))) {
        int best = governing(sen, m.span.begin);
        if (best >= 0) out.push_back({"SUPPORTS", best, i, "supports_ind.develop", sen.index});
      }
      // A measure tried out under a pilot: "试点推行X" → X PART_OF the pilot before.
      if (IsMeasure(m.type) && !m.embedded && WordBefore(ctx, ctx.Words(RuleKind::pilot_of), clause->begin, m.span.begin, 3)) {
        for (int j = i - 1; j >= 0; --j) {
          if (ms[j].type == "Pilot"sv && !ms[j].embedded && ms[j].sentence >= sen.index - 2 && ms[j].key != m.key) {
            out.push_back({"PART_OF", i, j, "pilot_of.trial", sen.index});
            break;
          }
        }
      }
      // Responsibility: "(责任单位:A、B)", "由X负责", "X牵头".
      if ((m.type == "Agency"sv || m.type == "Enterprise"sv) && Nodeish(m)) {
        bool label = WordBefore(ctx, ctx.Words(RuleKind::responsible), sen.span.begin, m.span.begin, 40) &&
                     s.substr(sen.span.begin, m.span.begin - sen.span.begin).find("(") != std::string_view::npos;
        // Further down a long list: "(责任单位:A、B、C、D)" is still open before D.
        if (size_t open = s.substr(sen.span.begin, m.span.begin - sen.span.begin).rfind('(');
            !label && open != std::string_view::npos) {
          std::string_view inside = s.substr(sen.span.begin + open + 1, m.span.begin - sen.span.begin - open - 1);
          label = inside.find(')') == std::string_view::npos && ctx.Words(RuleKind::responsible).Find(inside, 0) != std::string_view::npos;
        }
        // "(工业和信息化部、科技部负责)", "(X牵头,Y配合)": a bracket of agencies whose part
        // is closed by a lead verb names those responsible for the whole item, as a 责任单位
        // label does.
        if (size_t open = s.substr(sen.span.begin, m.span.begin - sen.span.begin).rfind('(');
            !label && open != std::string_view::npos) {
          size_t close = s.substr(0, sen.span.end).find(')', m.span.end);
          size_t vl = 0;
          // Each part of the bracket counts apart: "(X牵头,Y配合)", "(X、Y按职责分工负责)".
          size_t part_end = close;
          if (close != std::string_view::npos) {
            size_t comma = s.substr(0, close).find_first_of(",;", m.span.end);
            if (comma != std::string_view::npos) part_end = comma;
          }
          label = close != std::string_view::npos && close - m.span.end <= 120 &&
                  s.substr(m.span.end, close - m.span.end).find('(') == std::string_view::npos &&
                  ctx.Words(RuleKind::lead_verb).SuffixAt(s, part_end, &vl) != nullptr;
        }
        size_t len = 0;
        bool lead = ctx.Words(RuleKind::lead_verb).PrefixAt(s, m.span.end, &len);
        if (label || lead) {
          // The item's sentences (contiguous), or just this sentence.
          int item = sen.item;
          int first = sen.index, last = sen.index;
          if (label && item >= 0) {
            const auto& all = ctx.st->sentences;
            while (first > 0 && all[first - 1].item == item) --first;
            while (last + 1 < static_cast<int>(all.size()) && all[last + 1].item == item) ++last;
          }
          if (label) {
            for (int k = first; k <= last; ++k) {
              for (int j : by_sentence[k]) {
                const Mention& t = ms[j];
                if (!IsMeasure(t.type) || t.embedded || t.cited) continue;
                out.push_back({"RESPONSIBLE", i, j, "responsible.label", sen.index});
              }
            }
          } else {
            // "X牵头制定Y, Z负责W": the measures after X up to the next actor; "Y,由X牵头组建"
            // with none after: the one named last before X, unless another actor comes before X.
            int before = -1;
            bool any = false, other_actor = false;
            for (int j : by_sentence[sen.index]) {
              const Mention& t = ms[j];
              const bool actor = j != i && (t.type == "Agency"sv || t.type == "Enterprise"sv) && Nodeish(t);
              if (actor && t.span.begin >= m.span.end) break;
              if (actor) other_actor = true;  // what comes before is that actor's
              if (!IsMeasure(t.type) || t.embedded || t.cited) continue;
              if (t.span.end <= m.span.begin) { before = j; continue; }
              out.push_back({"RESPONSIBLE", i, j, "lead_verb.lead", sen.index});
              any = true;
            }
            if (!any && !other_actor && before >= 0) out.push_back({"RESPONSIBLE", i, before, "lead_verb.lead", sen.index});
          }
        }
      }
    }
    // "香港科技园公司营运的先进制造业中心(AMC)及微电子中心(MEC)": an actor, its own verb
    // (kind trigger or lead_verb) and 的 before a measure make it RESPONSIBLE for that
    // measure and for those joined to it by 及 / 和 / 、 in the clause.
    for (int i : ids) {
      const Mention& a = ms[i];
      if (!(a.type == "Agency"sv || a.type == "Enterprise"sv) || !Nodeish(a)) continue;
      size_t vl = 0;
      if (!ctx.Words(RuleKind::trigger).PrefixAt(s, a.span.end, &vl) && !ctx.Words(RuleKind::lead_verb).PrefixAt(s, a.span.end, &vl)) continue;
      const uint32_t de = static_cast<uint32_t>(a.span.end + vl);
      if (!At(s, de, "的")) continue;
      const Span* clause = nullptr;
      for (const Span& c : sen.clauses) {
        if (c.contains(a.span.begin)) clause = &c;
      }
      uint32_t next = de + 3;
      for (int j : ids) {
        const Mention& t = ms[j];
        if (t.span.begin < next || t.embedded || t.cited) continue;
        if (!IsMeasure(t.type) || (clause && t.span.begin >= clause->end && t.span.begin != next)) break;
        std::string_view gap = s.substr(next, t.span.begin - next);
        if (t.span.begin != de + 3 && !(gap == "及" || gap == "和" || gap == "、" || gap == "以及")) break;
        out.push_back({"RESPONSIBLE", i, j, "lead_verb.relative", sen.index});
        next = t.span.end;
        // A bracketed short form after it: "(AMC)".
        if (At(s, next, "(")) {
          const size_t close = s.substr(next, 24).find(')');
          if (close != std::string_view::npos) next = static_cast<uint32_t>(next + close + 1);
        }
      }
    }
    // The subject of a duty sentence: "第四条 X(以下简称Y)履行…职责,负责Z的…" and
    // "由X负责Z": an agency or firm opening the sentence is RESPONSIBLE for the
    // measures named after its 负责 / 牵头.
    if (!ids.empty()) {
      uint32_t start = sen.span.begin;
      if (sen.heading && sen.item >= 0) start = std::max(start, ctx.st->items[sen.item].body);
      if (At(s, start, "由")) start += 3;
      int subj = -1;
      for (int i : ids) {
        if (!Nodeish(ms[i]) || ms[i].span.begin < start) continue;
        if ((ms[i].type == "Agency"sv || ms[i].type == "Enterprise"sv) && ms[i].span.begin <= start + 3) subj = i;
        break;
      }
      size_t duty = std::string_view::npos;
      if (subj >= 0) {
        std::string_view rest = s.substr(ms[subj].span.end, sen.span.end - ms[subj].span.end);
        for (std::string_view w : {std::string_view("负责"), std::string_view("牵头")}) {
          size_t at = rest.find(w);
          while (at != std::string_view::npos && rest.substr(at + w.size(), 3) == "人") at = rest.find(w, at + 3);  // 负责人: a person
          if (at != std::string_view::npos && (duty == std::string_view::npos || at < duty)) duty = at;
        }
      }
      if (duty != std::string_view::npos && duty > 0) {  // right after the name: the lead_verb rule above
        uint32_t from = static_cast<uint32_t>(ms[subj].span.end + duty);
        for (int j : ids) {
          const Mention& t = ms[j];
          if (t.span.begin < from || !IsMeasure(t.type) || t.embedded || t.cited) continue;
          out.push_back({"RESPONSIBLE", subj, j, "lead_verb.subject", sen.index});
        }
      }
    }
    // Membership lists: "X包括A、B、C" / "以A为代表的X" / "A、B等细分赛道".
    for (int i : ids) {
      const Mention& m = ms[i];
      if (m.embedded) continue;
      size_t len = 0;
      if (ctx.Words(RuleKind::member_list).PrefixAt(s, m.span.end, &len) || (At(s, m.span.end, ",") && ctx.Words(RuleKind::member_list).PrefixAt(s, m.span.end + 1, &len))) {
        for (int j : ids) {
          if (j == i || ms[j].span.begin <= m.span.end || ms[j].embedded || ms[j].key == m.key) continue;
          if (ms[j].type == m.type || (IsMeasure(ms[j].type) && IsMeasure(m.type)) ||
              (ms[j].type == "Industry"sv && m.type == "Industry"sv)) {
            out.push_back({"PART_OF", j, i, "member_list.include", sen.index});
          }
        }
      }
      if (At(s, m.span.begin >= 3 ? m.span.begin - 3 : 0, "以") && m.span.begin >= 3) {
        if (ctx.Words(RuleKind::representative).PrefixAt(s, m.span.end + 3, &len) && At(s, m.span.end, "为")) {
          uint32_t after = static_cast<uint32_t>(m.span.end + 3 + len);
          for (int j : ids) {
            if (ms[j].span.begin >= after && ms[j].span.begin <= after + 6 && ms[j].type == m.type && !ms[j].embedded) {
              out.push_back({"PART_OF", i, j, "representative.rep", sen.index});
              break;
            }
          }
        }
      }
      if (m.rule == "domain_list.member") {
        for (int j : ids) {
          if (ms[j].rule == "domain_list.parent" && ms[j].span.end <= m.span.begin) {
            out.push_back({"PART_OF", i, j, "domain_list.member", sen.index});
            break;
          }
        }
      }
      // "A、B等未来产业", "A、B等战略性产业集群": the listed sectors are parts of
      // the category named after 等, when it is an item of its own.
      // (The last member may follow 和 or 及, "A、B及C等策略性产业", but a conjunction
      // inside one member, "现代化工及能源、大健康等", joins no two.)
      bool penultimate = false;
      if (At(s, m.span.end, "和") || At(s, m.span.end, "及")) {
        const std::string_view next = s.substr(m.span.end, 39);  // a bounded look: 等 within 12 characters
        const size_t etc = next.find("等");
        penultimate = etc != std::string_view::npos && next.substr(0, etc).find("、") == std::string_view::npos &&
                      next.substr(0, etc).find_first_of(",;") == std::string_view::npos;
      }
      if (m.type == "Industry"sv && !m.embedded && (At(s, m.span.end, "、") || At(s, m.span.end, "等") || penultimate)) {
        for (int j : ids) {
          const Mention& g = ms[j];
          if (g.span.begin < m.span.end || g.type != "Industry"sv || g.embedded || g.key == m.key) continue;
          if (g.span.begin >= 3 && (At(s, g.span.begin - 3, "、") || At(s, g.span.begin - 3, "和") || At(s, g.span.begin - 3, "及"))) {
            continue;  // a member
          }
          if (g.span.begin >= 1 && s[g.span.begin - 1] == '(') continue;  // a member's bracketed short form: 第六代移动通信(6G)
          if (g.weak) break;  // a generic word (工业) names no category of its own
          std::string_view gap = s.substr(m.span.end, g.span.begin - m.span.end);
          size_t etc = gap.rfind("等");
          if (etc != std::string_view::npos && gap.size() - etc <= 24 && gap.find(',') == std::string_view::npos &&
              gap.find(';') == std::string_view::npos && gap.find("。") == std::string_view::npos) {
            out.push_back({"PART_OF", i, j, "sector_list.category", sen.index});
          }
          break;
        }
      }
      // "A、B、C五大重点产业": every listed sector, a known one too (whose lexicon
      // mention stands in for the list item), is PART_OF the counted group.
      if (m.type == "Industry"sv && !m.embedded && m.rule != "group.count" &&
          (m.rule == "group.member" || At(s, m.span.end, "、") || At(s, m.span.end, "等"))) {
        for (int j : ids) {
          if (ms[j].span.begin < m.span.end || ms[j].rule != "group.count") continue;
          std::string_view gap = s.substr(m.span.end, ms[j].span.begin - m.span.end);
          if (gap.size() <= 120 && gap.find_first_of(",;:") == std::string_view::npos && gap.find("。") == std::string_view::npos) {
            out.push_back({"PART_OF", i, j, "group.member", sen.index});
          }
          break;
        }
      }
      if (m.rule == "subsector.track") {
        // The sector named before the list, preferring one that shares a word with the item.
        // A sector inside a fund's name counts when no other is named ("X产业子基金, 重点投向A、B等细分领域").
        int nearest = -1, sharing = -1, inside = -1;
        for (int j = i - 1; j >= 0 && (ms[j].sentence == sen.index || ms[j].sentence < 0); --j) {
          if (ms[j].type != "Industry"sv || ms[j].rule == "subsector.track") continue;
          if (ms[j].embedded) {
            if (inside < 0) inside = j;
            continue;
          }
          if (nearest < 0) nearest = j;
          if (sharing < 0 && SharesBigram(m.name, ms[j].name)) sharing = j;
        }
        int parent = sharing >= 0 ? sharing : nearest >= 0 ? nearest : inside;
        if (parent >= 0) out.push_back({"PART_OF", i, parent, "subsector.track", sen.index});
      }
    }
  }

  // A cited title that starts with an agency was issued by it:
  // 《浙江省人民政府办公厅关于…的实施意见》.
  for (int i = 0; i < n; ++i) {
    if (!ms[i].cited) continue;
    for (int j : in_sentence(ms[i].sentence)) {
      if (ms[j].type == "Agency"sv && ms[j].span.begin == ms[i].span.begin + 3) {
        out.push_back({"ISSUED", j, i, "cite.issuer", ms[i].sentence});
      }
    }
  }
  // Funds: the sector or goal a fund is named after; what it "投向/支持" later in its sentence.
  const KindWords invest = ctx.Words(RuleKind::funds_verb);
  for (int i = 0; i < n; ++i) {
    const Mention& f = ms[i];
    if (f.type != "Fund"sv || f.embedded) continue;
    uint32_t verb_at = UINT32_MAX;
    if (f.sentence >= 0) {
      const Span& sp = ctx.st->sentences[f.sentence].span;
      size_t at = invest.Find(s.substr(0, sp.end), f.span.end);
      if (at != std::string_view::npos) verb_at = static_cast<uint32_t>(at);
    }
    for (int j : in_sentence(f.sentence)) {
      const Mention& t = ms[j];
      if (j == i || !(t.type == "Industry"sv || t.type == "Goal"sv || t.type == "TargetGroup"sv || IsMeasure(t.type))) continue;
      if (t.span.begin >= f.span.begin && t.span.end <= f.span.end && !IsMeasure(t.type) && !t.weak) {
        out.push_back({"FUNDS", i, j, "funds.named", f.sentence});
      } else if (t.span.begin > verb_at && !t.weak && !t.embedded && t.key != f.key) {
        out.push_back({"FUNDS", i, j, "funds_verb.invest", f.sentence});
      }
    }
  }
  // Indicators: MEASURES the subject inside their name, else the sector named last before them,
  // else, for a jurisdiction-wide figure (全市规模以上工业增加值增长6%), the document's region.
  int doc_region = -1;
  for (int i = 0; i < n && !ctx.region.empty(); ++i) {
    if (ms[i].type == "Region"sv && ms[i].name == ctx.region) { doc_region = i; break; }
  }
  for (int i = 0; i < n; ++i) {
    const Mention& ind = ms[i];
    if (ind.type != "Indicator"sv) continue;
    int best = -1;
    for (int j : in_sentence(ind.sentence)) {
      const Mention& t = ms[j];
      if (j == i || t.type == "Indicator"sv || t.type == "Agency"sv || t.type == "Enterprise"sv || t.type == "Achievement"sv) continue;
      if (t.span.begin >= ind.span.begin && t.span.end <= ind.span.end &&
          (best < 0 || t.span.end - t.span.begin > ms[best].span.end - ms[best].span.begin)) best = j;
    }
    if (best < 0) {
      for (int j : in_sentence(ind.sentence)) {
        if (ms[j].span.begin < ind.span.begin && (ms[j].type == "Industry"sv || ms[j].type == "TargetGroup"sv) && !ms[j].embedded) best = j;
      }
    }
    // 工业 in 全市规模以上工业增加值 is not the subject; the jurisdiction is.
    if ((best < 0 || ms[best].weak) && doc_region >= 0 && ind.sentence >= 0) {
      // From the start of the sentence, or of the run of sentences joined by ; before it
      // ("全年地区生产总值…;规模以上工业增加值增长8.2%;…": 全年 scopes them all), a
      // sentence opening with 其中 going on with the one before ("全市实现地区生产总值…。
      // 其中,第一产业增加值178亿元": its parts share that scope).
      // (Not for counts, nor for a group inside the name: "培育…龙头企业5家" counts the group.)
      const bool count = ind.name.size() >= 6 && (ind.name.compare(ind.name.size() - 6, 6, "数量") == 0 ||
                                                  ind.name.compare(ind.name.size() - 6, 6, "总数") == 0);
      const bool run = !count && (best < 0 || ms[best].type == "Industry"sv);
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
      bool scoped = false;
      for (std::string_view w : {"全市", "全省", "全区", "全县", "我市", "我省", "我区", "本市", "全年"}) {
        scoped |= before.find(w) != std::string_view::npos;
      }
      // The region named outright counts only when nothing else is the subject.
      for (int j : in_sentence(ind.sentence)) {
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
        for (int j : in_sentence(ind.sentence)) {
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
          for (int j : in_sentence(ind.sentence)) {
            if (ms[j].lex_entry >= 0 && ctx.lex->entries()[ms[j].lex_entry].name == g) {
              out.push_back({"MEASURES", i, j, "indicator.subject_group", ind.sentence});
              break;
            }
          }
        }
      }
    }
  }
  // Lexicon groups: 生物医药 PART_OF 三大先导产业 when both are named.
  std::map<std::string, int> by_lexicon_name;
  for (int i = 0; i < n; ++i) {
    if (ms[i].lex_entry >= 0) by_lexicon_name.emplace(ctx.lex->entries()[ms[i].lex_entry].name, i);
  }
  std::set<std::string> grouped;
  for (int i = 0; i < n; ++i) {
    if (ms[i].lex_entry < 0 || !grouped.insert(ms[i].key).second) continue;
    for (const auto& g : ctx.lex->entries()[ms[i].lex_entry].part_of) {
      auto it = by_lexicon_name.find(g);
      if (it != by_lexicon_name.end()) out.push_back({"PART_OF", i, it->second, "lexicon.part_of", ms[i].sentence});
    }
  }
  // A subsidy named after a sector supports it: 创新药研发奖励 → 创新药,
  // 高端医疗器械产业化奖励 → 高端医疗器械 (the subsidy words: kind subsidy).
  {
    const KindWords grants = ctx.Words(RuleKind::subsidy);
    for (int i = 0; i < n; ++i) {
      const Mention& m = ms[i];
      size_t gl = 0;
      if (m.type != "Policy"sv || m.embedded || m.doc_measure || m.cited || !grants.SuffixAt(s, m.span.end, &gl)) continue;
      for (int j : in_sentence(m.sentence)) {
        const Mention& g = ms[j];
        if (g.type != "Industry"sv || g.weak || g.span.begin < m.span.begin || g.span.end > m.span.end ||
            g.name.find("、") != std::string::npos) continue;
        out.push_back({"SUPPORTS", i, j, "subsidy.supports", m.sentence});
      }
    }
  }
  // TARGETS by shared name: 专精特新梯度培育 → 专精特新中小企业.
  for (int i = 0; i < n; ++i) {
    if (!IsMeasure(ms[i].type) || ms[i].embedded) continue;
    for (int j : in_sentence(ms[i].sentence)) {
      if (ms[j].type != "TargetGroup"sv || ms[j].weak) continue;
      const std::string& a = ms[i].name;
      const std::string& b = ms[j].name;
      if (a.size() >= 12 && b.size() >= 12 && a.compare(0, 12, b, 0, 12) == 0) {
        out.push_back({"TARGETS", i, j, "targets.shared_name", ms[i].sentence});
      }
    }
  }
  return out;
}

}  // namespace pkg::ingest
