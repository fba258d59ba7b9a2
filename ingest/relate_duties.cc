// RESPONSIBLE: (责任单位:X、Y), brackets of agencies closed by a duty verb, X牵头,
// "X营运的Y", the agency opening a duty sentence. (Task tables: relate_structure.cc.)
// See relate_phrases.h. Tested in tests/ingest/extractor_test.cc.
#include <string.h>  // memrchr

#include <algorithm>

#include "ingest/relate_phrases.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined

void RelateDuty(const RelateScope& r, const Sentence& sen, int i) {
  const DocContext& ctx = r.ctx;
  const std::vector<Mention>& ms = r.ms;
  const std::string_view s = r.ctx.text;
  std::vector<Relation>& out = r.out;
  const Mention& m = r.ms[i];
  // Responsibility: "(责任单位:A、B)", "由X负责", "X牵头".
  if ((m.type == "Agency"sv || m.type == "Enterprise"sv) && Nodeish(m)) {
    bool label = WordBefore(ctx, ctx.Words(RuleKind::responsible), sen.span.begin, m.span.begin, 40) &&
                 s.substr(sen.span.begin, m.span.begin - sen.span.begin).find("(") != std::string_view::npos;
    // The last bracket opened before m in its sentence (read once, for both tests below).
    size_t open = std::string_view::npos;
    if (!label && m.span.begin > sen.span.begin) {  // rfind('(') of the sentence before m, by memrchr
      const char* from = s.data() + sen.span.begin;
      if (const void* at = memrchr(from, '(', m.span.begin - sen.span.begin)) open = static_cast<const char*>(at) - from;
    }
    // Further down a long list: "(责任单位:A、B、C、D)" is still open before D.
    if (!label && open != std::string_view::npos) {
      std::string_view inside = s.substr(sen.span.begin + open + 1, m.span.begin - sen.span.begin - open - 1);
      label = inside.find(')') == std::string_view::npos && ctx.Words(RuleKind::responsible).Find(inside, 0) != std::string_view::npos;
    }
    // "(工业和信息化部、科技部负责)", "(X牵头,Y配合)": a bracket of agencies whose part
    // is closed by a lead verb names those responsible for the whole item, as a 责任单位
    // label does.
    if (!label && open != std::string_view::npos) {
      size_t close = s.substr(0, sen.span.end).find(')', m.span.end);
      size_t vl = 0;
      // Each part of the bracket counts apart: "(X牵头,Y配合)", "(X、Y按职责分工负责)".
      // (The part's end matters only for a bracket closing within 120 bytes.)
      if (close != std::string_view::npos && close - m.span.end <= 120) {
        size_t part_end = close;
        size_t comma = s.substr(0, close).find_first_of(",;", m.span.end);
        if (comma != std::string_view::npos) part_end = comma;
        label = s.substr(m.span.end, close - m.span.end).find('(') == std::string_view::npos &&
                ctx.Words(RuleKind::lead_verb).SuffixAt(s, part_end, &vl) != nullptr;
      }
    }
    size_t len = 0;
    const Rule* lead_rule = ctx.Words(RuleKind::lead_verb).PrefixAt(s, m.span.end, &len);
    bool lead = lead_rule != nullptr;
    // "X会同Y修订Z", "X联合Y推出Z": the partner named after 会同 / 联合 (rule lead_verb.with) acts
    // with X; the verb after it (a governing verb as well as a duty verb) makes both responsible.
    const auto with_joiner = [&](const Mention& a, const Mention& b) {
      size_t jl = 0;
      const Rule* j = a.span.end < b.span.begin ? ctx.Words(RuleKind::lead_verb).PrefixAt(s, a.span.end, &jl) : nullptr;
      return j && j->id == "lead_verb.with" && a.span.end + jl == b.span.begin;
    };
    if (!lead) {
      for (int j : r.by_sentence[sen.index]) {
        const Mention& t = ms[j];
        if (j == i || t.span.end > m.span.begin || !(t.type == "Agency"sv || t.type == "Enterprise"sv) || !with_joiner(t, m)) continue;
        size_t vl = 0;
        lead = ctx.Words(RuleKind::trigger).PrefixAt(s, m.span.end, &vl) != nullptr;
      }
    }
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
          for (int j : r.by_sentence[k]) {
            const Mention& t = ms[j];
            // (Not a fund the item's new fund is set up from: "发挥X基金引导作用,设立Y基金".)
            if (!IsMeasure(t.type) || t.embedded || t.cited || r.parent_fund[j]) continue;
            out.push_back({"RESPONSIBLE", i, j, "responsible.label", sen.index});
          }
        }
      } else {
        // "X牵头制定Y, Z负责W": the measures after X up to the next actor; "Y,由X牵头组建"
        // with none after: the one named last before X, unless another actor comes before X.
        int before = -1;
        bool any = false, other_actor = false;
        for (int j : r.by_sentence[sen.index]) {
          const Mention& t = ms[j];
          const bool actor = j != i && (t.type == "Agency"sv || t.type == "Enterprise"sv) && Nodeish(t);
          // (Not a partner joined to this one: "由市财政局会同市国资委负责组建" names both.)
          const bool partner = actor && (t.span.begin >= m.span.end ? with_joiner(m, t) : with_joiner(t, m));
          if (actor && t.span.begin >= m.span.end && !partner) break;
          if (partner) continue;
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

void RelateBothParties(const RelateScope& r, const Sentence& sen) {
  const DocContext& ctx = r.ctx;
  const std::string_view s = ctx.text;
  const auto ids = r.by_sentence[sen.index];
  const size_t at = FindText(s.substr(0, sen.span.end), "双方", sen.span.begin);
  if (at == std::string_view::npos) return;
  // 双方 (将 / 拟 / 共同) then a governing verb.
  size_t v = at + 6;
  for (std::string_view w : {"将", "拟", "共同", "还将"}) {
    if (At(s, v, w)) v += w.size();
  }
  size_t vl = 0;
  if (!ctx.Words(RuleKind::trigger).PrefixAt(s, v, &vl)) return;
  std::vector<int> parties;
  for (int i : ids) {
    const Mention& a = r.ms[i];
    if ((a.type == "Agency"sv || a.type == "Enterprise"sv) && Nodeish(a) && a.span.end <= at) parties.push_back(i);
  }
  if (parties.size() < 2) return;  // both parties: two actors named before
  // The measures of the clause the verb opens.
  const Span* clause = nullptr;
  for (const Span& c : sen.clauses) {
    if (c.contains(static_cast<uint32_t>(at))) clause = &c;
  }
  if (!clause) return;
  for (int j : ids) {
    const Mention& t = r.ms[j];
    if (t.span.begin < v || t.span.begin >= clause->end || !IsMeasure(t.type) || t.embedded || t.cited) continue;
    for (size_t k = parties.size() - 2; k < parties.size(); ++k) {
      r.out.push_back({"RESPONSIBLE", parties[k], j, "both_parties.build", sen.index});
    }
  }
}

void RelateRelativeDuties(const RelateScope& r, const Sentence& sen) {
  const DocContext& ctx = r.ctx;
  const std::vector<Mention>& ms = r.ms;
  const std::string_view s = r.ctx.text;
  std::vector<Relation>& out = r.out;
  BySentence::Ids ids = r.by_sentence[sen.index];
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
}

void RelateDutySubject(const RelateScope& r, const Sentence& sen) {
  const DocContext& ctx = r.ctx;
  const std::vector<Mention>& ms = r.ms;
  const std::string_view s = r.ctx.text;
  std::vector<Relation>& out = r.out;
  BySentence::Ids ids = r.by_sentence[sen.index];
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
        size_t at = FindText(rest, w);
        while (at != std::string_view::npos && rest.substr(at + w.size(), 3) == "人") at = FindText(rest, w, at + 3);  // 负责人: a person
        if (at != std::string_view::npos && (duty == std::string_view::npos || at < duty)) duty = at;
      }
    }
    // "本办法由财政部会同工业和信息化部负责解释", "本措施由区发展改革局、区财政局负责解释":
    // the document's own measure, named by 本 and its head word (kind doc_head), is the
    // object of the bodies between 由 and the duty verb (each joined by 、/和/会同).
    size_t hl = 0;
    uint32_t own_at = start;
    while (own_at < sen.span.end && s[own_at] == ' ') ++own_at;  // "第十四条 本办法…"
    if (!At(s, own_at, "本") || !ctx.Words(RuleKind::doc_head).PrefixAt(s, own_at + 3, &hl) ||
        !At(s, own_at + 3 + hl, "由")) {
      hl = 0;
    }
    if (hl > 0) {
      const uint32_t from = static_cast<uint32_t>(own_at + 3 + hl + 3);
      const size_t verb = s.substr(from, sen.span.end - from).find("负责");
      int own = -1;
      for (int j = 0; j < static_cast<int>(ms.size()) && own < 0; ++j) {
        if (ms[j].doc_measure && (IsMeasure(ms[j].type))) own = j;
      }
      for (int i : ids) {
        if (own < 0 || verb == std::string_view::npos) break;
        const Mention& a = ms[i];
        if (a.span.begin < from || a.span.end > from + verb) continue;
        if ((a.type == "Agency"sv || a.type == "Enterprise"sv) && Nodeish(a)) {
          out.push_back({"RESPONSIBLE", i, own, "lead_verb.own_measure", sen.index});
        }
      }
    }
    // "省级财政设立X专项资金", "X是由市级财政出资设立…的基金": the finance of a level (省/市/区/县, with
    // or without 级; 中央) that sets up a fund (kind fund_of) stands for that level's finance department:
    // the one the text names (省财政厅, 市财政局; 财政部 for 中央) is RESPONSIBLE for the fund set up, the
    // first named after the verb, else (由…设立) the first of the sentence before it.
    for (size_t at = FindText(s.substr(0, sen.span.end), "财政", sen.span.begin); at != std::string_view::npos;
         at = FindText(s.substr(0, sen.span.end), "财政", at + 6)) {
      uint32_t open = static_cast<uint32_t>(at);
      if (open >= sen.span.begin + 3 && At(s, open - 3, "级")) open -= 3;
      std::string_view dept;  // what the department's name holds
      if (open >= sen.span.begin + 6 && At(s, open - 6, "中央")) {
        dept = "财政部";
        open -= 6;
      }
      for (std::string_view l : {"省财政"sv, "市财政"sv, "区财政"sv, "县财政"sv}) {
        if (dept.empty() && open >= sen.span.begin + 3 && At(s, open - 3, l.substr(0, 3))) {
          dept = l;
          open -= 3;
        }
      }
      size_t vl = 0;
      const uint32_t verb = static_cast<uint32_t>(at + 6);
      if (dept.empty() || !ctx.Words(RuleKind::fund_of).PrefixAt(s, verb, &vl)) continue;
      int agency = -1;
      for (int j = 0; j < static_cast<int>(ms.size()) && agency < 0; ++j) {
        if (ms[j].type == "Agency"sv && !ms[j].embedded && ms[j].name.find(dept) != std::string::npos) agency = j;
      }
      const bool passive = open >= sen.span.begin + 3 && At(s, open - 3, "由");
      int fund = -1;
      for (int j : ids) {
        const Mention& f = ms[j];
        if (f.type != "Fund"sv || f.embedded || f.cited) continue;
        if (passive && f.span.end <= open) { fund = j; break; }
        if (!passive && f.span.begin >= verb + vl && f.span.begin <= verb + vl + 24) { fund = j; break; }
      }
      if (agency >= 0 && fund >= 0) out.push_back({"RESPONSIBLE", agency, fund, "lead_verb.finance", sen.index});
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
}

}  // namespace pkg::ingest
