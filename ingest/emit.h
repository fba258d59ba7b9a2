// Emit: mentions and relations of one document → statements (nodes first,
// then edges), with provenance pointing into the original file bytes.
//
// Mentions with one key become one node: the lexicon's name or the first
// name seen, every other form as an alias (and the lexicon's aliases and
// English name), properties merged (tiers unioned), the instrument of a
// measure (instrument.h), one provenance entry per place. Items only seen
// inside another item's name, and generic lexicon items (weak), become nodes
// only when an edge uses them. Edges whose endpoint types the schema does not
// allow are dropped. The document gets ISSUED from its issuer, MENTIONS to
// every node, and its measures APPLIES_IN its region.
//
// Tested through tests/ingest/extractor_test.cc.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "graph/schema.h"
#include "ingest/extractor.h"
#include "graph/statement_reader.h"
#include "ingest/mention.h"
#include "ingest/normalize.h"
#include "ingest/relate.h"

namespace pkg::ingest {

struct EmitInput {
  const DocContext* ctx = nullptr;
  const NormalizedText* norm = nullptr;
  const Schema* schema = nullptr;
  std::string doc_id;
  std::string fallback_title;  // the file name, when the text has no title
};

// Statements go to `out` by reference (see StatementVisitor; the statement
// objects are reused from one call to the next), or as views to its JSON
// Lines writer when it gives one.
void EmitStatements(const EmitInput& in, const std::vector<Mention>& mentions, const std::vector<Relation>& relations,
                    StatementVisitor& out);

}  // namespace pkg::ingest
