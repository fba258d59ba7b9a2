// Relations of a text with no measure of its own (a press release, a news report): the goals
// its purpose clauses state are served by the measure the sentence names, and a plan it reports
// ("《方案》提出,…建设X") has the measures it goes on to name as parts. Called by
// RelateStructure (relate_structure.cc); see relate.h.
#include <cstring>
#include <set>
#include <string>

#include "ingest/relate.h"
#include "ingest/relate_phrases.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;

namespace {

// "海河产业基金将联合社会资本设立…天津市生物制造产业基金": an existing fund that goes on, in its
// sentence, to set up another (a word of kind fund_of, then a fund) is the plan's means, no part of it.
bool SetsUpFund(const DocContext& ctx, const std::vector<Mention>& ms, BySentence::Ids ids, int i) {
  const Mention& f = ms[i];
  if (f.type != "Fund"sv) return false;
  size_t len = 0;
  for (int j : ids) {
    const Mention& g = ms[j];
    if (g.span.begin <= f.span.end || g.type != "Fund"sv || g.embedded || g.key == f.key) continue;
    return ctx.Words(RuleKind::fund_of).Find(ctx.text.substr(0, g.span.begin), f.span.end, &len) != std::string_view::npos;
  }
  return false;
}

}  // namespace

void RelateReports(const DocContext& ctx, const std::vector<Mention>& ms, const BySentence& by_sentence,
                   const std::set<int>& hosts, std::vector<Relation>& out) {
  auto in_sentence = [&](int sentence) -> BySentence::Ids {
    return sentence >= 0 && sentence < static_cast<int>(by_sentence.size()) ? by_sentence[sentence] : by_sentence.back();
  };
  std::string_view s = ctx.text;
  // With no measure of its own (a press release, a news report), "为…推动X,政府将推出Y":
  // the purpose clause's goals are served by the measure the sentence goes on to name.
  // (The purpose clause may follow a speech verb: "X局今日宣布,为落实《Y》,推动Z,政府将推出W".)
  {
    const KindWords purpose = ctx.Words(RuleKind::purpose);
    for (const Sentence& sen : ctx.st->sentences) {
      const auto& ids = in_sentence(sen.index);
      if (ids.empty()) continue;
      uint32_t from = sen.span.end;
      for (const Span& c : sen.clauses) {
        size_t pl = 0;
        if (purpose.PrefixAt(s, c.begin, &pl)) { from = c.begin; break; }
      }
      // "是次注资旨在…": an action of this time (是次 / 此次 / 本次 + a verb of up to two characters)
      // states the purpose of the measure the sentence before named.
      bool anaphoric = false;
      if (from == sen.span.end) {
        for (const Span& c : sen.clauses) {
          if (!(At(s, c.begin, "是次") || At(s, c.begin, "此次") || At(s, c.begin, "本次"))) continue;
          for (uint32_t p = c.begin + 6; p <= c.begin + 12 && p < c.end; p += 3) {
            size_t pl = 0;
            if (purpose.PrefixAt(s, p, &pl)) { from = p; anaphoric = true; break; }
          }
          break;
        }
      }
      if (from == sen.span.end) continue;
      std::vector<int> goals;
      bool served = false;
      for (int j : ids) {
        const Mention& y = ms[j];
        if (y.span.begin < from || y.embedded) continue;
        if (y.type == "Goal"sv) goals.push_back(j);
        if (!IsMeasure(y.type) || y.cited) continue;
        for (int g : goals) out.push_back({"SUPPORTS", j, g, "purpose.supports", sen.index});
        served = true;
        break;
      }
      if (anaphoric && !served && sen.index > 0) {
        int prev = -1;
        for (int j : in_sentence(sen.index - 1)) {
          if (IsMeasure(ms[j].type) && !ms[j].embedded && !ms[j].cited) prev = j;
        }
        if (prev >= 0) {
          for (int g : goals) out.push_back({"SUPPORTS", prev, g, "purpose.supports", sen.index});
        }
      }
    }
  }
  // A report on a plan (news, with no measure of its own): "《方案》提出,…建设X" makes X part of
  // the plan, in that sentence after the speech verb and in the rest of its paragraph until
  // another speaker (表示, 介绍) or a look back (此前, 截至) takes over.
  {
    const KindWords speech = ctx.Words(RuleKind::speech_verb);
    const KindWords shift = ctx.Words(RuleKind::report_shift);
    const auto& sens = ctx.st->sentences;
    int plan = -1;
    std::set<std::string> linked;
    for (const Sentence& sen : sens) {
      // A paragraph opening on a topic frame ("在示范应用方面,广东将…") goes on through the
      // plan's content, paragraph by paragraph; any other paragraph ends the report.
      if (sen.line_start && !(At(s, sen.span.begin, "在") && !sen.clauses.empty() &&
                              sen.clauses.front().end - sen.clauses.front().begin <= 45 &&
                              s.substr(sen.clauses.front().begin, sen.clauses.front().end - sen.clauses.front().begin)
                                      .find("方面") != std::string_view::npos)) {
        plan = -1;
      }
      const auto& ids = in_sentence(sen.index);
      size_t len = 0;
      uint32_t from = sen.span.begin;
      int reported = -1;
      for (int i : ids) {
        const Mention& m = ms[i];
        if (!m.cited || !(m.type == "Initiative"sv || m.type == "Policy"sv)) continue;
        uint32_t v = m.span.end;
        for (const char* adv : {"还", "也", "进一步", "同时"}) {
          if (s.substr(v, std::strlen(adv)) == adv) v += static_cast<uint32_t>(std::strlen(adv));
        }
        if (speech.PrefixAt(s, v, &len)) {
          reported = i;
          from = static_cast<uint32_t>(v + len);
          break;
        }
      }
      // "X负责人介绍,《行动计划》围绕…部署了十二项重点任务": a speaker who goes on to cite
      // the plan reports it too; the report starts after the cited name.
      if (reported < 0) {
        const size_t said = speech.Find(s.substr(0, sen.span.end), sen.span.begin, &len);
        for (int i : ids) {
          const Mention& m = ms[i];
          if (said == std::string_view::npos || m.span.begin < said + len) continue;
          if (!m.cited || !(m.type == "Initiative"sv || m.type == "Policy"sv)) continue;
          if (plan >= 0 ? m.key != ms[plan].key : !At(s, said + len, ",")) continue;
          reported = i;
          from = m.span.end;
          break;
        }
      }
      // "《方案》从强链补链、创新引领、场景应用三个方面部署了十项重点任务": a cited plan opening
      // the sentence whose clause goes on to a speech verb, past a phrase of scope (report.opens).
      if (reported < 0 && !ids.empty() && !sen.clauses.empty()) {
        const Mention& m = ms[ids.front()];
        const Span& c = sen.clauses.front();
        uint32_t open = sen.span.begin;
        while (open < c.end && s[open] == ' ') ++open;
        if (m.cited && (m.type == "Initiative"sv || m.type == "Policy"sv) && m.span.begin == open && m.span.end < c.end) {
          const size_t said = speech.Find(s.substr(0, c.end), m.span.end, &len);
          if (said != std::string_view::npos) {
            reported = ids.front();
            from = static_cast<uint32_t>(said + len);
          }
        }
      }
      if (reported >= 0) {
        plan = reported;
      } else if (plan >= 0) {
        std::string_view text = s.substr(sen.span.begin, sen.span.end - sen.span.begin);
        if (shift.PrefixAt(text, 0, &len) || speech.Find(text, 0) != std::string_view::npos) plan = -1;
      }
      if (plan < 0) continue;
      for (int i : ids) {
        const Mention& m = ms[i];
        // The vision it states: "《方案》提出,…把天津打造成为全国生物制造创新高地".
        if (m.purpose && m.type == "Goal"sv && m.span.begin >= from && linked.insert("S" + m.key).second) {
          out.push_back({"SUPPORTS", plan, i, "report.supports", sen.index});
        }
        if (m.span.begin < from || !BodyMeasure(m) || hosts.count(i) || m.key == ms[plan].key) continue;
        if (SetsUpFund(ctx, ms, ids, i)) continue;
        if (linked.insert(m.key).second) out.push_back({"PART_OF", i, plan, "report.part", sen.index});
      }
    }
  }
  // "近日,X管委会印发《Y若干措施》,…推出十条硬核举措。… 01 强化算力供给 / 支持建设智能算力中心…": a
  // report whose lead (before its first numbered section) has a body issue the rule it cites (a word
  // of rule name_end.issue, then 《) goes on, section by section, through that rule: the measures of
  // its sections are its parts (report.sections).
  if (!ctx.st->items.empty()) {
    const WordSet& issue = ctx.rules->Words(RuleKind::name_end, "Agency");
    const uint32_t first_item = ctx.st->items.front().span.begin;
    int issued = -1;
    for (size_t i = 0; i < ms.size() && issued < 0; ++i) {
      const Mention& m = ms[i];
      if (!m.cited || m.embedded || m.span.begin >= first_item || !(m.type == "Policy"sv || m.type == "Initiative"sv)) continue;
      // The verb (two to four characters) ends right before the opening 《.
      const uint32_t open = At(s, m.span.begin, "《"sv) ? m.span.begin : m.span.begin >= 3 && At(s, m.span.begin - 3, "《"sv) ? m.span.begin - 3 : 0;
      for (uint32_t chars = 2; open && chars <= 4 && issued < 0; ++chars) {
        if (open < 3 * chars) break;
        size_t vl = 0;
        const Rule* v = issue.PrefixAt(s, open - 3 * chars, &vl);
        if (v && v->id == "name_end.issue"sv && vl == 3 * chars) issued = static_cast<int>(i);
      }
    }
    if (issued >= 0) {
      std::set<std::string> linked;
      for (size_t i = 0; i < ms.size(); ++i) {
        const Mention& m = ms[i];
        if (m.sentence < 0 || ctx.st->sentences[m.sentence].item < 0 || !BodyMeasure(m) || hosts.count(static_cast<int>(i))) continue;
        if (m.key == ms[issued].key || Qualification(ctx, m)) continue;
        if (linked.insert(m.key).second) out.push_back({"PART_OF", static_cast<int>(i), issued, "report.sections", m.sentence});
      }
    }
  }
  // "第二,全面推进“智改数转网联”。…每年培育省级智能工厂10家…": in a speech or report the
  // measures of a point whose heading names one programme are its parts, as in a plan.
  {
    std::set<std::string> linked;
    for (size_t i = 0; i < ms.size(); ++i) {
      const Mention& m = ms[i];
      if (!BodyMeasure(m) || m.sentence < 0 || hosts.count(static_cast<int>(i)) || Qualification(ctx, m)) continue;
      const int programme = HeadingProgramme(ctx, ms, by_sentence, m.sentence);
      if (programme < 0 || ms[programme].type != "Initiative"sv || ms[programme].key == m.key) continue;
      if (m.type == "Fund"sv || BudgetSource(ctx, m)) continue;
      if (linked.insert(m.key).second) out.push_back({"PART_OF", static_cast<int>(i), programme, "heading_measure.part", m.sentence});
    }
  }
}

}  // namespace pkg::ingest
