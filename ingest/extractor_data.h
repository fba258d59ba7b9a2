// ExtractorData: what an Extractor loads once and shares read-only between
// threads: the lexicon with its automaton, the rules, and the page-chrome
// markers taken from the rules. Internal to ingest/.
#pragma once

#include <memory>

#include "ingest/lexicon.h"
#include "ingest/page_chrome.h"
#include "ingest/rules.h"

namespace pkg {

struct ExtractorData {
  std::shared_ptr<const ingest::Lexicon> lexicon;
  std::shared_ptr<const ingest::RuleSet> rules;
  ingest::PageChrome chrome;
};

}  // namespace pkg
