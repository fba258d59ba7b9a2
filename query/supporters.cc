// FindSupporters (see engine.h): "which measures support X". One backward
// breadth-first search from the target over the schema's contributing edge
// types, recording a parent edge per node; each Measure reached gets its
// shortest path back to the target. Labels and edge types come from the
// schema (its contributing_edges and the "Measure" type), not from C++.
#include <algorithm>

#include "query/engine.h"
#include "query/traversal.h"

namespace pkg {

Result<std::vector<SupporterRow>> FindSupporters(const Snapshot& snap, NodeId target, const QueryOptions& opts,
                                                 bool* truncated) {
  if (truncated) *truncated = false;
  if (!target.valid() || target.v >= snap.num_nodes()) return Status::NotFound("supporters: no such node");
  if (opts.max_hops < 0 || opts.max_hops > kMaxHopsHardLimit)
    return Status::Invalid("max_hops " + std::to_string(opts.max_hops) + " is outside 0.." +
                           std::to_string(kMaxHopsHardLimit));
  const Schema& schema = snap.schema();
  auto measure = schema.FindNodeType("Measure");
  if (!measure) return Status::Precondition("the schema has no Measure type; supporters needs one");
  query::EdgeFilter f;
  f.dir = query::Direction::kIn;  // measure -[SUPPORTS]-> … -> target, walked from the target
  for (EdgeTypeId t : schema.contributing_edges()) f.types.set(t.v);
  query::Budget budget(opts.time_budget, opts.cancel);
  query::Traversal trav(snap);
  std::vector<uint32_t> order;
  if (!trav.Bfs(target, f, opts.max_hops, budget, &order)) return budget.status();
  // BFS order is by distance; within one distance sort by NodeId.
  std::vector<uint32_t> found;
  for (uint32_t n : order)
    if (n != target.v && snap.HasLabel(NodeId(n), *measure)) found.push_back(n);
  std::stable_sort(found.begin(), found.end(), [&](uint32_t a, uint32_t b) {
    uint8_t da = trav.Dist(NodeId(a)), db = trav.Dist(NodeId(b));
    return da != db ? da < db : a < b;
  });
  if (found.size() > opts.max_rows) {
    found.resize(opts.max_rows);
    if (truncated) *truncated = true;
  }
  std::vector<SupporterRow> rows;
  rows.reserve(found.size());
  for (uint32_t n : found) {
    SupporterRow r;
    r.measure = NodeId(n);
    r.path.nodes.push_back(NodeId(n));
    for (NodeId cur(n); cur != target;) {
      EdgeId e = trav.Parent(cur);
      r.path.edges.push_back(e);
      cur = snap.target(e);  // walked against the edge: the parent is its target
      r.path.nodes.push_back(cur);
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace pkg
