// Measures a sentence names as already there, not set up by the text: a qualification a
// subsidy rewards, a budget the measures draw on. relate_structure.cc keeps them out of the
// parts of the document's measure. See relate_phrases.h.
#include "ingest/np_scan.h"
#include "ingest/relate_phrases.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined

bool Qualification(const DocContext& ctx, const Mention& m) {
  const Span* clause = ClauseOf(ctx, m);
  if (!clause) return false;
  const std::string_view s = ctx.text;
  size_t cl = 0;
  // The condition's word starts at `open`, in [clause begin, m's begin) to count: with no word of
  // the kind starting there, SkipNoise need not run.
  const KindWords lead = ctx.Words(RuleKind::condition_lead);
  if (lead.Skip(s, clause->begin, m.span.begin) >= m.span.begin) return false;
  const uint32_t open = SkipNoise(ctx, clause->begin, clause->end, nullptr, kNoiseTime | kNoiseActors);
  if (!lead.PrefixAt(s, open, &cl) || open + cl > m.span.begin) return false;
  const WordSet& approved = ctx.rules->Words(RuleKind::name_end, "qualification");
  return approved.Find(s.substr(0, m.span.begin), open + cl) != std::string_view::npos;
}

bool BudgetSource(const DocContext& ctx, const Mention& m) {
  if (m.type != "Fund"sv) return false;
  const std::string_view s = ctx.text;
  const uint32_t e = m.span.end;
  if (!(At(s, e, "安排") || At(s, e, "中安排") || At(s, e, "列支") || At(s, e, "中列支"))) return false;
  for (uint32_t back = 3; back <= 12 && m.span.begin >= back; back += 3) {
    size_t pl = 0;
    const Rule* p = ctx.Words(RuleKind::strip).PrefixAt(s, m.span.begin - back, &pl);
    if (p && p->arg == "inner" && pl == back) return true;
  }
  return false;
}

}  // namespace pkg::ingest
