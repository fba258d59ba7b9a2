// Curated decisions as statements, for `policykg export --curated`.
//
// Writes what curators decided, and is still in force, as statements JSON
// Lines (docs/statements.md) so that it can be reviewed in version control:
//   - each non-deleted link: an edge statement, source rule "curated", the
//     reason as quote;
//   - each active merge: a node statement of the kept node (its key, type and
//     name as recorded at decision time) whose aliases are the merged nodes'
//     names, source rule "curated", quote "merge:<n> of KEY, KEY: <reason>".
// Deleted links and merges undone by a split are left out.
//
// Thread safety: pure functions.
// Tested in tests/store/curated_export_test.cc.
#pragma once

#include <string>
#include <vector>

#include "graph/statement_reader.h"
#include "store/curation.h"

namespace pkg {

std::vector<Statement> CuratedStatements(const Curation& curation);

// One statement per line, each ended by '\n'.
std::string CuratedStatementsJsonl(const Curation& curation);

}  // namespace pkg
