// The relate stage's driver: structure first, then the phrase relaters of
// relate_phrases.h sentence by sentence and mention by mention, then the
// document-wide ones. The order of the calls is the order of the edges.
// See relate.h; tested in tests/ingest/relate_test.cc and extractor_test.cc.
#include "ingest/relate.h"

#include <algorithm>
#include <string_view>

#include "ingest/np_scan.h"
#include "ingest/relate_phrases.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Industry"sv: type compares of known length, inlined

bool WordBefore(const DocContext& ctx, const KindWords& words, uint32_t lo, uint32_t p, size_t max_gap) {
  // True when, at some character boundary e in (lo, p] with p - e <= max_gap,
  // the longest word ending at e (SuffixAt) starts at or after lo. Such a
  // word starts in [lo, p): the ends to test are those of the words starting
  // there (the document's word index jumps from one start to the next), each
  // then judged by SuffixAt as a walk back from p would.
  if (p <= lo) return false;
  const std::string_view upto = ctx.text.substr(0, p);
  bool found = false;
  for (size_t s = lo; s < p && !found; ++s) {
    s = words.Skip(upto, s, p);  // no word starts in [s, result)
    if (s >= p) break;
    if ((static_cast<unsigned char>(upto[s]) & 0xC0) == 0x80) continue;
    words.ForEachPrefixAt(upto, s, [&](const Rule*, size_t len) {
      const size_t e = s + len;
      if (found || p - e > max_gap) return;
      size_t l = 0;
      if (words.SuffixAt(ctx.text.substr(0, e), e, &l) && e - l >= lo) found = true;
    });
  }
  return found;
}

bool ListGovernedBy(const RelateScope& r, RuleKind kind, const Span& clause, int i, size_t max_gap) {
  const DocContext& ctx = r.ctx;
  const std::string_view s = ctx.text;
  const Mention& m = r.ms[i];
  const uint32_t pos = m.span.begin;
  auto joint = [&](uint32_t p) { return At(s, p, "、") || At(s, p, "和") || At(s, p, "及"); };
  if (pos < clause.begin + 3 || !joint(pos - 3)) return false;
  // The last item ends the clause, or is followed by 等 or by the list's count ("A、B、C、D四大产业集群").
  auto counted = [&](uint32_t p) {
    size_t k = p;
    if (k >= s.size()) return false;
    const char32_t c = NextCp(s, k);
    if (std::u32string_view(U"两三四五六七八九十").find(c) == std::u32string_view::npos) return false;
    return At(s, k, "大") || At(s, k, "个") || At(s, k, "类") || At(s, k, "项");
  };
  if (!(m.span.end >= clause.end || joint(m.span.end) || At(s, m.span.end, "等") || counted(m.span.end))) return false;
  const KindWords words = ctx.Words(kind);
  const uint32_t lo = pos - clause.begin > max_gap ? static_cast<uint32_t>(pos - max_gap) : clause.begin;
  for (uint32_t e = static_cast<uint32_t>(PrevCpStart(s, pos)); e > lo;) {
    const char c = s[e - 1];
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') return false;
    size_t len = 0;
    if (words.SuffixAt(s.substr(0, e), e, &len) && e - len >= clause.begin) {
      // A list, opening right after the word: not "推动X在A、B等领域应用" (a coverb between).
      const std::string_view between = s.substr(e, pos - e);
      if (between.find("、") == std::string_view::npos) return false;
      for (std::string_view coverb : {"在", "对", "向", "于", "把", "将", "从"}) {
        if (between.find(coverb) != std::string_view::npos) return false;
      }
      // Every governing verb in between lies inside a name.
      const auto& ids = r.InSentence(m.sentence);
      size_t vl = 0;
      for (size_t v = ctx.FindIn(RuleKind::trigger, e, pos, &vl); v != std::string_view::npos;
           v = ctx.FindIn(RuleKind::trigger, v + 1, pos, &vl)) {
        const bool inside = std::any_of(ids.begin(), ids.end(), [&](int j) {
          return r.ms[j].span.begin <= v && v + vl <= r.ms[j].span.end;
        });
        if (!inside) return false;
      }
      return true;
    }
    e = static_cast<uint32_t>(PrevCpStart(s, e));
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

BySentence IndexBySentence(const DocContext& ctx, const std::vector<Mention>& ms) {
  const size_t n = ctx.st->sentences.size();
  auto bucket = [&](const Mention& m) { return m.sentence >= 0 && static_cast<size_t>(m.sentence) < n ? m.sentence : n; };
  BySentence by;
  by.begin_.assign(n + 2, 0);  // counts at [b + 1], then running sums: bucket b is [begin_[b], begin_[b + 1])
  for (const Mention& m : ms) ++by.begin_[bucket(m) + 1];
  for (size_t b = 1; b < by.begin_.size(); ++b) by.begin_[b] += by.begin_[b - 1];
  by.ids_.resize(ms.size());
  std::vector<uint32_t> at(by.begin_.begin(), by.begin_.end() - 1);
  for (int i = 0; i < static_cast<int>(ms.size()); ++i) by.ids_[at[bucket(ms[i])]++] = i;
  return by;
}

BySentence::Ids RelateScope::InSentence(int sentence) const {
  return sentence >= 0 && sentence < static_cast<int>(by_sentence.size()) - 1 ? by_sentence[sentence] : by_sentence.back();
}

int RelateScope::Governing(const Sentence& sen, uint32_t pos) const {
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
}

std::vector<Relation> Relate(const DocContext& ctx, const std::vector<Mention>& ms) {
  std::vector<Relation> out;
  const BySentence by_sentence = IndexBySentence(ctx, ms);
  RelateStructure(ctx, ms, by_sentence, out);
  RelateScope r{ctx, ms, by_sentence, -1, -1, out};
  r.parent_fund.assign(ms.size(), 0);
  for (const Relation& e : out) {
    if (e.type == "FUNDS" && e.rule.rfind("fund_of.", 0) == 0) r.parent_fund[e.from] = 1;
  }
  for (int i = 0; i < static_cast<int>(ms.size()); ++i) {
    if (ms[i].doc_measure) { r.doc_measure = i; break; }
  }
  if (r.doc_measure >= 0) {
    const std::string& title = ms[r.doc_measure].name;
    for (int i = 0; i < static_cast<int>(ms.size()) && r.launched_pilot < 0; ++i) {
      const Mention& p = ms[i];
      if (p.type == "Pilot" && !p.embedded && !p.cited && !p.doc_measure && p.sentence >= 0 && WordChars(p.name) >= 6 &&
          title.find(p.name) != std::string::npos && title.find("开展") < title.find(p.name)) {
        r.launched_pilot = i;
      }
    }
  }
  uint32_t cited_end = 0;   // end of the last implemented citation
  int cited_sentence = -1;  // and its sentence
  for (const Sentence& sen : ctx.st->sentences) {
    RelateServeAs(r, sen);
    for (int i : by_sentence[sen.index]) {
      // Each relater acts only on the mentions named here (its own first test): the
      // others are passed over without a call (most mentions are goals, regions, …).
      const Mention& m = ms[i];
      const bool sector = m.type == "Industry"sv, aimable = sector || m.type == "TargetGroup"sv;
      const bool measure = !m.embedded && IsMeasure(m.type);
      const bool actor = !m.embedded && (m.type == "Agency"sv || m.type == "Enterprise"sv);
      if (!(m.cited || aimable || measure || actor)) continue;
      const Span* clause = ClauseOf(ctx, m);
      if (!clause) continue;
      if (m.cited) RelateCitation(r, sen, clause, i, cited_end, cited_sentence);  // acts on cited titles
      if (aimable) RelateAims(r, sen, clause, i);                                  // on groups and sectors
      if (sector) RelateSectorSupport(r, sen, clause, i);                          // on sectors
      if (measure) RelatePilotOf(r, sen, clause, i);                              // on measures
      if (actor) RelateDuty(r, sen, i);                                           // on agencies and firms
    }
    RelateRelativeDuties(r, sen);
    RelateBothParties(r, sen);
    RelateDutySubject(r, sen);
    RelateMembers(r, sen);
    RelateProgrammeClauses(r, sen);
  }
  RelateCitedIssuers(r);
  RelateFunds(r);
  RelateIndicators(r);
  RelateHeadingSectorParts(r);
  RelateLexiconGroups(r);
  RelateSubsidySupports(r);
  RelateSharedNameTargets(r);
  return out;
}

}  // namespace pkg::ingest
