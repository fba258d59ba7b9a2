// Curated decisions as statements, for `policykg export --curated`.
//
// Writes what curators decided, and is still in force, as statements JSON
// Lines (docs/statements.md) so that it can be reviewed in version control:
//   - each non-deleted link: an edge statement, source rule "curated", the
//     reason as quote;
//   - each active merge: a node statement of the kept node (its key, type and
//     name as recorded at decision time) whose aliases are the merged nodes'
//     names, source rule "curated", quote "merge:<n> of KEY, KEY: <reason>".
//   - each split of linker merges: a node statement of the named node (key,
//     type and name as recorded), source rule "curated", quote
//     "split:<n>: not the same item as KEY, KEY: <reason>" (the keys it is
//     kept apart from; `policykg serve` feeds them to the linker as
//     cannot_link).
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
