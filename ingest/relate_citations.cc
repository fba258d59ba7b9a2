// Citations: 贯彻落实《X》 makes the citing measure IMPLEMENT X; an agency
// named right before a cited title, or opening it, ISSUED it. See relate_phrases.h.
// Tested in tests/ingest/extractor_test.cc.
#include "ingest/relate_phrases.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined

void RelateCitation(const RelateScope& r, const Sentence& sen, const Span* clause, int i, uint32_t& cited_end,
                    int& cited_sentence) {
  const DocContext& ctx = r.ctx;
  const std::vector<Mention>& ms = r.ms;
  const std::string_view s = r.ctx.text;
  std::vector<Relation>& out = r.out;
  BySentence::Ids ids = r.by_sentence[sen.index];
  const Mention& m = r.ms[i];
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
      const bool institutes = r.doc_measure >= 0 && (FindText(st, "制定本") != std::string_view::npos ||
                                                   FindText(st, "特制定") != std::string_view::npos ||
                                                   FindText(st, "提出如下") != std::string_view::npos);
      int by = institutes ? r.doc_measure : r.Governing(sen, m.span.begin);
      // A measure the sentence's purpose clause names ("为深入实施优质中小企业梯度培育工程,根据《X》…")
      // is what the text serves, not what cites: the document's own measure does.
      if (!institutes && by >= 0 && r.doc_measure >= 0 && ms[by].sentence == sen.index) {
        const Span* bc = ClauseOf(ctx, ms[by]);
        size_t len = 0;
        if (bc && !bc->contains(m.span.begin) && bc->begin == sen.span.begin &&
            ctx.Words(RuleKind::purpose).PrefixAt(s, bc->begin, &len)) {
          by = r.doc_measure;
        }
      }
      // "为落实《X》,政府将推出Y" in a text with no measure of its own (a press release, a
      // news report): the measure the sentence goes on to name carries X out.
      // "是次注资旨在落实《X》" (an action of this time opening the clause): the measure the sentence
      // before named carries X out.
      if (by < 0 && r.doc_measure < 0 && sen.index > 0 &&
          (At(s, clause->begin, "是次") || At(s, clause->begin, "此次") || At(s, clause->begin, "本次"))) {
        for (int j : r.by_sentence[sen.index - 1]) {
          if (IsMeasure(ms[j].type) && !ms[j].embedded && !ms[j].cited) by = j;
        }
      }
      if (by < 0 && r.doc_measure < 0) {
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
      out.push_back({"IMPLEMENTS", by >= 0 && ms[by].key != m.key ? by : r.doc_measure, i, "cite.implements", sen.index});
      cited_end = m.span.end;
      cited_sentence = sen.index;
    }
  }
}

void RelateCitedIssuers(const RelateScope& r) {
  const std::vector<Mention>& ms = r.ms;
  std::vector<Relation>& out = r.out;
  const int n = static_cast<int>(r.ms.size());
  // A cited title that starts with an agency was issued by it:
  // 《浙江省人民政府办公厅关于…的实施意见》.
  for (int i = 0; i < n; ++i) {
    if (!ms[i].cited) continue;
    for (int j : r.InSentence(ms[i].sentence)) {
      if (ms[j].type == "Agency"sv && ms[j].span.begin == ms[i].span.begin + 3) {
        out.push_back({"ISSUED", j, i, "cite.issuer", ms[i].sentence});
      }
    }
  }
  // "青岛西海岸新区管委会印发《X若干措施》": an agency right before a verb of issuing (rule
  // name_end.issue: a word that ends an agency's name; 近日 / 正式 / 日前 between at most) issued the
  // rule it cites. (Only a Policy can be
  // issued: the schema has a plan's issuer RESPONSIBLE instead, which the gold leaves optional.)
  const std::string_view s = r.ctx.text;
  const WordSet& issue = r.ctx.rules->Words(RuleKind::name_end, "Agency");
  for (int i = 0; i < n; ++i) {
    const Mention& a = ms[i];
    if (a.type != "Agency"sv || a.embedded || a.sentence < 0) continue;
    uint32_t v = a.span.end;
    for (std::string_view adv : {"近日"sv, "正式"sv, "日前"sv}) {
      if (At(s, v, adv)) v += static_cast<uint32_t>(adv.size());
    }
    size_t vl = 0;
    const Rule* verb = issue.PrefixAt(s, v, &vl);
    if (!verb || verb->id != "name_end.issue"sv || !At(s, v + vl, "《"sv)) continue;
    for (int j : r.InSentence(a.sentence)) {
      const Mention& c = ms[j];
      if (c.cited && c.type == "Policy"sv && !c.embedded && c.span.begin <= v + vl + 3 && c.span.begin >= v + vl) {
        out.push_back({"ISSUED", i, j, "cite.issue_verb", a.sentence});
      }
    }
  }
}

}  // namespace pkg::ingest
