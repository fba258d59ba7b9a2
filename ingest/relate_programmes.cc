// A sentence that opens by launching a programme: "要大力实施“智赋万企”行动,推动…,到2028年,全省建成
// 省级以上智能工厂300家、数字化车间1000个,培育行业级工业互联网平台30个". The platforms and pilots its
// later clauses name are that programme's parts (programme.part), in a text with no measure of its own
// (news, a meeting's report, a speech). See relate_phrases.h.
#include "ingest/np_scan.h"
#include "ingest/relate.h"
#include "ingest/relate_phrases.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;

void RelateProgrammeClauses(const RelateScope& r, const Sentence& sen) {
  const DocContext& ctx = r.ctx;
  const std::string_view s = ctx.text;
  // (In a document with a measure of its own the measures of an item are that measure's parts,
  // side by side with the programme: relate_structure.cc.)
  if (sen.clauses.size() < 2 || r.doc_measure >= 0) return;
  // The launching clause opens the sentence, or follows a clause of speech ("会议要求,要大力实施X").
  size_t lead = 0, sl = 0;
  const Span c0 = sen.clauses.front();
  if (ctx.Words(RuleKind::speech_verb).SuffixAt(s.substr(0, c0.end), c0.end, &sl)) lead = 1;
  if (sen.clauses.size() < lead + 2) return;
  const Span first = sen.clauses[lead];
  // p lies in [begin, end] of the clause: with no word of the kind (a superset of the verbs)
  // starting there, SkipNoise need not run.
  if (ctx.Words(RuleKind::pair_follow).Skip(s, first.begin, size_t{first.end} + 1) > first.end) return;
  const WordSet& verbs = ctx.rules->Words(RuleKind::pair_follow, "PART_OF");
  const uint32_t p = SkipNoise(ctx, first.begin, first.end, nullptr);
  size_t vl = 0;
  const Rule* verb = verbs.PrefixAt(s, p, &vl);
  if (!verb) return;
  // The programme: an initiative the body names right after the verb, closing the clause.
  int programme = -1;
  for (int j : r.InSentence(sen.index)) {
    const Mention& m = r.ms[j];
    if (m.type != "Initiative"sv || !BodyMeasure(m)) continue;
    if (m.span.begin >= p + vl && m.span.begin <= p + vl + 6 && m.span.end + 3 >= first.end) programme = j;
  }
  if (programme < 0) return;
  for (int j : r.InSentence(sen.index)) {
    const Mention& m = r.ms[j];
    // What the programme builds (platforms, pilots) is its part; another programme, a fund or a rule
    // after it is a means of its own ("开展X专项行动,健全Y机制,落实好Z政策" names three).
    if (m.span.begin < first.end || !BodyMeasure(m) || !(m.type == "Platform"sv || m.type == "Pilot"sv)) continue;
    if (m.key == r.ms[programme].key) continue;
    r.out.push_back({"PART_OF", j, programme, verb->id, sen.index});
  }
}

}  // namespace pkg::ingest
