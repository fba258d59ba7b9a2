// Instrument choice; see instrument.h.
#include "ingest/instrument.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined

namespace {

// The first keyword rule (file order) with a word anywhere in `text`, among
// the rules `allowed` accepts; one pass over the text.
template <class Allowed>
const Rule* FirstKeywordRule(const KindWords& words, std::string_view text, Allowed allowed) {
  const Rule* best = nullptr;
  for (size_t i = 0; i < text.size(); ++i) {
    i = words.Skip(text, i, text.size());  // no keyword starts before i
    if (i >= text.size()) break;
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    words.ForEachPrefixAt(text, i, [&](const Rule* r, size_t) {
      if ((!best || r->order < best->order) && allowed(r)) best = r;
    });
  }
  return best;
}

}  // namespace

InstrumentChoice ChooseInstrument(const RuleSet& rules, std::string_view type, std::string_view name,
                                  std::string_view sentence) {
  const KindWords kws(rules.Words(RuleKind::instrument_keyword), RuleKind::instrument_keyword, nullptr, {});
  return ChooseInstrument(rules, kws, type, name, sentence);
}

InstrumentChoice ChooseInstrument(const RuleSet& rules, const KindWords& kws, std::string_view type,
                                  std::string_view name, std::string_view sentence) {
  if (const Rule* r = FirstKeywordRule(kws, name, [](const Rule*) { return true; })) return {r->arg, r->id};
  // Initiatives and policies with a generic name take a keyword of their sentence.
  if (type == "Initiative"sv || type == "Policy"sv) {
    const Rule* r = FirstKeywordRule(kws, sentence, [](const Rule* k) {
      return k->arg != "goal_planning" && k->arg != "regulation";
    });
    if (r) return {r->arg, r->id};
  }
  for (const Rule* r : rules.OfKind("instrument_default")) {
    for (const auto& w : r->words) {
      if (w == type) return {r->arg, r->id};
    }
  }
  return {};
}

}  // namespace pkg::ingest
