// ApplyCuration: makes curated decisions win over extracted statements.
//
// Input: the node and edge statements of every automatic source (loaded
// inputs, extracted documents) and the curation records of the workspace
// store. Output: the same statements rewritten so that
//   - every active merge maps its merged keys to the kept key: their node
//     statements take the kept node's key, type and name, and their own names
//     and aliases become aliases of the kept node; edges are re-pointed, and
//     edges that a merge turns into self-loops are dropped; the kept node gets
//     the properties merged_from (keys) and merge_reason;
//   - every non-deleted curated link becomes an edge statement with the
//     properties curated=true and reason, and provenance with rule "curated"
//     and the curator's reason as quote.
// Merge chains (a into b, then b into c) resolve to the last kept key; a
// merge whose kept node already resolves to the merged one (b into a after a
// into b) is ignored and reported, so no cycle can form.
//
// It does not check keys against a graph: links to unknown nodes are left for
// GraphBuilder::Build (skip_invalid) to drop and report.
// Thread safety: pure function of its inputs.
// Tested in tests/store/curation_apply_test.cc.
#pragma once

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/statement.h"
#include "store/curation.h"

namespace pkg {

struct CurationReport {
  // Merged key → kept key after resolving chains (active merges only).
  std::unordered_map<std::string, std::string> merged_into;
  // "from\tTYPE\tto" of each curated edge → its link id.
  std::unordered_map<std::string, int64_t> link_edges;
  std::vector<std::string> warnings;  // ignored decisions, with the reason
};

// The key "from\tTYPE\tto" used in CurationReport::link_edges.
std::string LinkEdgeKey(const std::string& from, const std::string& type, const std::string& to);

// Pairs of node keys curators said are different items, for the linker's
// cannot_link (link/linker.h): the pairs of every split of linker merges, and
// (kept key, merged key) of every curated merge a split undid.
std::vector<std::pair<std::string, std::string>> CannotLinkPairs(const Curation& curation);

// Rewrites `nodes` and `edges` in place and appends curated link edges.
CurationReport ApplyCuration(const Curation& curation, std::vector<NodeStatement>& nodes,
                             std::vector<EdgeStatement>& edges);

}  // namespace pkg
