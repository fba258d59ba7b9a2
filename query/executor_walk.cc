// Executor, the walking steps (see executor.h): trail enumeration with an
// explicit stack of adjacency cursors, edge scans, reach mode (one
// breadth-first search) and shortest paths (traversal.h).
#include <algorithm>

#include "query/executor_internal.h"

namespace pkg::query::exec {

void Machine::PushFrame(State& st, const Step& s, uint32_t node, bool leaf) {
  st.frames.push_back(Frame{node, snap_.out(NodeId(node)), snap_.in(NodeId(node))});
  Frame& f = st.frames.back();
  f.leaf = leaf;
  if (s.dir == Direction::kIn) {
    f.phase = 1;
    f.it = f.in_r.begin();
    f.end = f.in_r.end();
  } else {
    f.it = f.out_r.begin();
    f.end = f.out_r.end();
  }
}

bool Machine::NextAdj(Frame& f, Direction dir, Adjacent* a) {
  if (f.leaf) return false;
  while (true) {
    if (f.it != f.end) {
      *a = *f.it;
      ++f.it;
      if (f.phase == 1 && dir == Direction::kBoth && a->node.v == f.node) continue;  // self-loop: once
      return true;
    }
    if (f.phase == 0 && dir == Direction::kBoth) {
      f.phase = 1;
      f.it = f.in_r.begin();
      f.end = f.in_r.end();
      continue;
    }
    return false;
  }
}

bool Machine::UsedElsewhere(const Step& s, EdgeId e) {
  for (int j : s.unique_against) {
    const auto& used = states_[j].edges;
    if (std::find(used.begin(), used.end(), e) != used.end()) return true;
  }
  return false;
}

// Trail enumeration, depth-first with an explicit stack.
Outcome Machine::Expand(const Step& s, State& st) {
  if (st.fresh) {
    st.fresh = false;
    st.frames.clear();
    st.edges.clear();
    const Cell& from = row_[s.from_slot];
    if (from.kind() != Cell::Kind::kNode) return Outcome::kNo;
    st.start = from.node().v;
    st.frames.reserve(s.max_hops + 2);
    PushFrame(st, s, st.start, s.max_hops == 0);
    st.zero_pending = s.min_hops == 0;
  }
  if (st.zero_pending) {
    st.zero_pending = false;
    if (EndOk(s, st, st.start)) {
      BindEnd(s, st.start, st.edges);
      return Outcome::kYes;
    }
  }
  Adjacent a;
  while (!st.frames.empty()) {
    if (!budget_.Tick()) return Outcome::kNo;
    Frame& f = st.frames.back();
    if (!NextAdj(f, s.dir, &a)) {
      st.frames.pop_back();
      if (!st.edges.empty()) st.edges.pop_back();
      continue;
    }
    if (!s.types.test(a.type.v)) continue;
    if (std::find(st.edges.begin(), st.edges.end(), a.edge) != st.edges.end()) continue;  // trail
    if (!s.unique_against.empty() && UsedElsewhere(s, a.edge)) continue;
    if (!s.rel_props.empty() && !CheckRel(s, a.edge)) continue;
    st.edges.push_back(a.edge);
    int depth = static_cast<int>(st.edges.size());
    PushFrame(st, s, a.node.v, depth >= s.max_hops);
    if (depth >= s.min_hops && EndOk(s, st, a.node.v)) {
      BindEnd(s, a.node.v, st.edges);
      return Outcome::kYes;
    }
  }
  return Outcome::kNo;
}

// Every edge of the allowed types, node by node through the adjacency
// arrays, binding both ends: one step instead of a node scan plus an
// expansion per node (a tight loop: this is the start of unanchored
// patterns such as (f)-[:FUNDS]->(i)).
// Walks the per-type edge lists (Snapshot::EdgesOfType) of every allowed
// type: next_all is the type, pos the position in its list, phase 0 binds each
// edge source → target and phase 1 (undirected patterns only) target → source.
Outcome Machine::EdgeScan(const Step& s, State& st) {
  if (st.fresh) {
    st.fresh = false;
    st.next_all = 0;
    st.pos = 0;
    st.phase = 0;
    st.edges.clear();
  }
  auto any = [](const NodeCheck& c) { return c.label_mask || c.has_type_set || !c.props.empty(); };
  const bool from_checks = any(s.from_check);
  const bool to_checks = any(s.check) || s.to_bound;
  while (st.next_all < s.types.size()) {
    if (!s.types.test(st.next_all)) {
      ++st.next_all;
      continue;
    }
    std::span<const EdgeId> list = snap_.EdgesOfType(EdgeTypeId(static_cast<uint8_t>(st.next_all)));
    if (st.pos >= list.size()) {
      st.pos = 0;
      if (s.dir == Direction::kBoth && st.phase == 0) {
        st.phase = 1;
      } else {
        st.phase = 0;
        ++st.next_all;
      }
      continue;
    }
    EdgeId e = list[st.pos++];
    if (st.pos + 16 < list.size()) snap_.Prefetch(list[st.pos + 16]);  // the list is sparse in EdgeId order
    if (!budget_.Tick()) return Outcome::kNo;
    uint32_t src = snap_.source(e).v, dst = snap_.target(e).v;
    bool inward = s.dir == Direction::kIn || st.phase == 1;
    if (st.phase == 1 && src == dst) continue;  // self-loop: once
    uint32_t from = inward ? dst : src, to = inward ? src : dst;
    if (s.scan_types != ~uint64_t{0} && !((s.scan_types >> snap_.type(NodeId(from)).v) & 1)) continue;
    if (from_checks && !CheckNode(s.from_check, st, NodeId(from))) continue;
    if (s.from_slot == s.slot && to != from) continue;  // (a)-[:T]->(a)
    if (!s.unique_against.empty() && UsedElsewhere(s, e)) continue;
    if (!s.rel_props.empty() && !CheckRel(s, e)) continue;
    if (to_checks && !EndOk(s, st, to)) continue;
    row_[s.from_slot] = Cell::Node(NodeId(from));
    st.edges.assign(1, e);
    BindEnd(s, to, st.edges);
    return Outcome::kYes;
  }
  return Outcome::kNo;
}

Traversal& Machine::Trav(State& st) {
  if (!st.trav) st.trav = std::make_unique<Traversal>(snap_);
  return *st.trav;
}

// Reach mode: one breadth-first search, each endpoint once.
Outcome Machine::Reach(const Step& s, State& st) {
  if (st.fresh) {
    st.fresh = false;
    st.pos = 0;
    st.reached.clear();
    st.edges.clear();
    const Cell& from = row_[s.from_slot];
    if (from.kind() != Cell::Kind::kNode) return Outcome::kNo;
    EdgeFilter f{s.types, s.dir};
    if (s.to_bound) {
      // Only one endpoint can match: search, then test it.
      const Cell& to = row_[s.slot];
      if (to.kind() != Cell::Kind::kNode) return Outcome::kNo;
    }
    if (!Trav(st).Reach(from.node(), f, s.min_hops, s.max_hops, budget_, &st.reached)) return Outcome::kNo;
  }
  while (st.pos < st.reached.size()) {
    uint32_t n = st.reached[st.pos++];
    if (!EndOk(s, st, n)) continue;
    if (!s.to_bound) row_[s.slot] = Cell::Node(NodeId(n));
    return Outcome::kYes;
  }
  return Outcome::kNo;
}

Outcome Machine::Shortest(const Step& s, State& st) {
  if (st.fresh) {
    st.fresh = false;
    st.pos = 0;
    st.paths.clear();
    const Cell& a = row_[s.from_slot];
    const Cell& b = row_[s.slot];
    if (a.kind() != Cell::Kind::kNode || b.kind() != Cell::Kind::kNode) return Outcome::kNo;
    EdgeFilter f{s.types, s.dir};
    if (s.all_shortest) {
      if (!Trav(st).AllShortest(a.node(), b.node(), f, s.min_hops, s.max_hops, opts_.max_rows + 1, budget_,
                                &st.paths))
        return Outcome::kNo;
    } else {
      std::vector<EdgeId> edges;
      bool found = false;
      if (!Trav(st).Shortest(a.node(), b.node(), f, s.min_hops, s.max_hops, budget_, &edges, &found))
        return Outcome::kNo;
      if (found) st.paths.push_back(std::move(edges));
    }
  }
  while (st.pos < st.paths.size()) {
    st.edges = st.paths[st.pos++];
    if (!s.rel_props.empty() &&
        !std::all_of(st.edges.begin(), st.edges.end(), [&](EdgeId e) { return CheckRel(s, e); }))
      continue;
    if (s.rel_slot >= 0) {
      Cell::List l;
      for (EdgeId e : st.edges) l.push_back(Cell::Edge(e));
      row_[s.rel_slot] = s.rel_is_list ? Cell::MakeList(std::move(l)) : (l.empty() ? Cell() : l[0]);
    }
    return Outcome::kYes;
  }
  return Outcome::kNo;
}

}  // namespace pkg::query::exec
