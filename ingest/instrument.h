// Instrument: the Rothwell–Zegveld policy instrument of each measure
// (ontology v1: supply / environment / demand side), from the rules of
// data/rules/instruments.tsv.
//
// The first instrument_keyword rule (in file order) with a word in the
// measure's name wins; for initiatives and policies, then one with a word in
// its sentence (not the generic planning/regulation ones); else the
// instrument_default for the measure's type (Fund → finance, Platform →
// infrastructure, Pilot → demonstration, …). Returns the rule id too, for
// provenance.
// What it does not do: weigh several instruments; one category per measure.
//
// Tested in tests/ingest/instrument_test.cc.
#pragma once

#include <string>
#include <string_view>

#include "ingest/rules.h"
#include "ingest/word_hits.h"

namespace pkg::ingest {

// Views of the chosen rule's strings (valid while the RuleSet lives).
struct InstrumentChoice {
  std::string_view instrument;  // "finance", … ("" when no rule applies)
  std::string_view rule;
};

InstrumentChoice ChooseInstrument(const RuleSet& rules, std::string_view type, std::string_view name,
                                  std::string_view sentence);
// The same answer, with the keywords as a document's stages read them
// (`keywords` is the instrument_keyword kind's KindWords): a name or sentence
// that is a view into the document jumps from one keyword start to the next.
InstrumentChoice ChooseInstrument(const RuleSet& rules, const KindWords& keywords, std::string_view type,
                                  std::string_view name, std::string_view sentence);

}  // namespace pkg::ingest
