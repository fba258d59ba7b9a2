// ShortestPath: one shortest undirected path between two nodes, for
// GET /api/paths.
//
// Breadth-first search from both ends at once, over out- and in-edges,
// expanding the smaller frontier first, at most `max_hops` edges in total.
// Work is bounded: at most `max_visited` nodes are visited (then
// kResourceExhausted), so a hub-heavy graph cannot make one request run away.
// No recursion.
//
// Thread safety: reentrant; reads an immutable Snapshot.
// Tested in tests/web/shortest_path_test.cc.
#pragma once

#include <cstddef>
#include <optional>

#include "base/status.h"
#include "graph/snapshot.h"
#include "query/engine.h"

namespace pkg {

// nullopt when no path of at most max_hops edges exists.
// REQUIRES: from, to < snap.num_nodes(); max_hops >= 0.
Result<std::optional<PathValue>> ShortestPath(const Snapshot& snap, NodeId from, NodeId to,
                                              int max_hops, size_t max_visited = 2'000'000);

}  // namespace pkg
