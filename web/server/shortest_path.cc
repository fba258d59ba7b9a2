// ShortestPath: see shortest_path.h.
#include "web/server/shortest_path.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace pkg {
namespace {

struct Step {
  uint32_t parent;  // previous node towards this side's start
  uint32_t edge;
};

using Visited = std::unordered_map<uint32_t, Step>;

// Expands one BFS level of `frontier`; returns a meeting node or kInvalid.
uint32_t Expand(const Snapshot& snap, std::vector<uint32_t>& frontier, Visited& mine,
                const Visited& other, size_t* visited_count) {
  std::vector<uint32_t> next;
  uint32_t meet = NodeId::kInvalid;
  for (uint32_t u : frontier) {
    for (int dir = 0; dir < 2; ++dir) {
      AdjacencyRange range = dir == 0 ? snap.out(NodeId(u)) : snap.in(NodeId(u));
      for (Adjacent a : range) {
        uint32_t v = a.node.v;
        if (mine.count(v)) continue;
        mine.emplace(v, Step{u, a.edge.v});
        ++*visited_count;
        if (other.count(v)) {
          meet = v;
          frontier.clear();
          return meet;
        }
        next.push_back(v);
      }
    }
  }
  frontier.swap(next);
  return meet;
}

}  // namespace

Result<std::optional<PathValue>> ShortestPath(const Snapshot& snap, NodeId from, NodeId to,
                                              int max_hops, size_t max_visited) {
  PathValue path;
  if (from == to) {
    path.nodes.push_back(from);
    return std::optional<PathValue>(path);
  }
  Visited fwd, bwd;
  fwd.emplace(from.v, Step{NodeId::kInvalid, EdgeId::kInvalid});
  bwd.emplace(to.v, Step{NodeId::kInvalid, EdgeId::kInvalid});
  std::vector<uint32_t> ff{from.v}, bf{to.v};
  size_t visited = 2;
  uint32_t meet = NodeId::kInvalid;
  for (int hops = 0; hops < max_hops && meet == NodeId::kInvalid; ++hops) {
    if (ff.empty() || bf.empty()) break;
    if (ff.size() <= bf.size()) {
      meet = Expand(snap, ff, fwd, bwd, &visited);
    } else {
      meet = Expand(snap, bf, bwd, fwd, &visited);
    }
    if (visited > max_visited) {
      return Status::Exhausted("the path search visited more than " + std::to_string(max_visited) +
                               " nodes; ask for fewer hops (max)");
    }
  }
  if (meet == NodeId::kInvalid) return std::optional<PathValue>();
  // from … meet, then meet … to.
  std::vector<uint32_t> left_nodes, left_edges;
  for (uint32_t n = meet; n != NodeId::kInvalid;) {
    left_nodes.push_back(n);
    const Step& s = fwd.at(n);
    if (s.edge != EdgeId::kInvalid) left_edges.push_back(s.edge);
    n = s.parent;
  }
  std::reverse(left_nodes.begin(), left_nodes.end());
  std::reverse(left_edges.begin(), left_edges.end());
  for (uint32_t n : left_nodes) path.nodes.push_back(NodeId(n));
  for (uint32_t e : left_edges) path.edges.push_back(EdgeId(e));
  for (uint32_t n = meet;;) {
    const Step& s = bwd.at(n);
    if (s.parent == NodeId::kInvalid) break;
    path.edges.push_back(EdgeId(s.edge));
    path.nodes.push_back(NodeId(s.parent));
    n = s.parent;
  }
  return std::optional<PathValue>(path);
}

}  // namespace pkg
