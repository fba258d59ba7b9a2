// Instrument choice; see instrument.h.
#include "ingest/instrument.h"

namespace pkg::ingest {

InstrumentChoice ChooseInstrument(const RuleSet& rules, std::string_view type, std::string_view name,
                                  std::string_view sentence) {
  const auto& kws = rules.OfKind("instrument_keyword");
  for (const Rule* r : kws) {
    for (const auto& w : r->words) {
      if (name.find(w) != std::string_view::npos) return {r->arg, r->id};
    }
  }
  // Initiatives and policies with a generic name take a keyword of their sentence.
  if (type == "Initiative" || type == "Policy") {
    for (const Rule* r : kws) {
      if (r->arg == "goal_planning" || r->arg == "regulation") continue;
      for (const auto& w : r->words) {
        if (sentence.find(w) != std::string_view::npos) return {r->arg, r->id};
      }
    }
  }
  for (const Rule* r : rules.OfKind("instrument_default")) {
    for (const auto& w : r->words) {
      if (w == type) return {r->arg, r->id};
    }
  }
  return {};
}

}  // namespace pkg::ingest
