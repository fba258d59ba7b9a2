// Graph searches over a Snapshot used by the executor and the supporters
// procedure: breadth-first reachability, shortest paths (bidirectional), all
// shortest paths. All loops are iterative with flat arrays sized num_nodes
// (generation-stamped, so reusing a Traversal for the next row, or the next
// query on the same thread, costs nothing to clear); all check a Budget so that the time limit and cancellation
// interrupt them.
//
// Semantics: edges are followed in `dir` (kOut: source → target; kIn: the
// reverse; kBoth: either) when their type is set in `types`.
// Tested in tests/query/traversal_test.cc.
#pragma once

#include <atomic>
#include <bitset>
#include <chrono>
#include <vector>

#include "base/status.h"
#include "graph/snapshot.h"
#include "query/ast.h"
#include "query/engine.h"

namespace pkg::query {

// Time budget and cancellation, checked every 1024 ticks.
class Budget {
 public:
  Budget(std::chrono::milliseconds budget, const std::atomic<bool>* cancel);
  // False when the query must stop; status() says why.
  bool Tick() {
    if ((++ticks_ & 1023) != 0) return ok_;
    return Check();
  }
  bool Check();
  const Status& status() const { return status_; }

 private:
  std::chrono::steady_clock::time_point deadline_;
  std::chrono::milliseconds budget_;
  const std::atomic<bool>* cancel_;
  uint64_t ticks_ = 0;
  bool ok_ = true;
  Status status_;
};

struct EdgeFilter {
  std::bitset<256> types;
  Direction dir = Direction::kOut;
};

inline constexpr uint32_t kNone32 = 0xFFFFFFFFu;

class Traversal {
 public:
  // Takes its scratch arrays from a small per-thread pool (returned by the
  // destructor): a query does not pay to allocate and zero them.
  explicit Traversal(const Snapshot& snap);
  ~Traversal();
  Traversal(const Traversal&) = delete;
  Traversal& operator=(const Traversal&) = delete;

  // Nodes reachable from `start` in min_hops..max_hops hops, each once, in
  // breadth-first order. REQUIRES: min_hops <= 1. `start` itself is included
  // when min_hops == 0, or when a closed trail through it of length
  // <= max_hops exists (a cycle), matching openCypher's trail semantics.
  // Returns false when the budget ran out.
  bool Reach(NodeId start, const EdgeFilter& f, int min_hops, int max_hops, Budget& budget,
             std::vector<uint32_t>* out);

  // One shortest path from a to b within min..max hops (min 0 or 1), as edges
  // in walk order from a; *found false when there is none.
  bool Shortest(NodeId a, NodeId b, const EdgeFilter& f, int min_hops, int max_hops, Budget& budget,
                std::vector<EdgeId>* edges, bool* found);

  // Every shortest path from a to b (each as edges in walk order), at most
  // `limit` of them.
  bool AllShortest(NodeId a, NodeId b, const EdgeFilter& f, int min_hops, int max_hops, size_t limit,
                   Budget& budget, std::vector<std::vector<EdgeId>>* paths);

  // Breadth-first search from `start` recording one parent edge per node:
  // afterwards Parent(n) is the edge by which n was first reached and Dist(n)
  // its hop count (kUnreached when not reached). Used by FindSupporters.
  static constexpr uint8_t kUnreached = 0xFF;
  bool Bfs(NodeId start, const EdgeFilter& f, int max_hops, Budget& budget, std::vector<uint32_t>* order);
  uint8_t Dist(NodeId n) const { return stamp_[n.v] == gen_ ? dist_[n.v] : kUnreached; }
  EdgeId Parent(NodeId n) const { return EdgeId(parent_[n.v]); }

 private:
  bool ReachDirected(NodeId start, const EdgeFilter& f, int min_hops, int max_hops, Budget& budget,
                     std::vector<uint32_t>* out);
  void Reset();
  bool Seen(uint32_t n) const { return stamp_[n] == gen_; }
  void Mark(uint32_t n, uint8_t d) {
    stamp_[n] = gen_;
    dist_[n] = d;
  }
  // Calls fn(Adjacent) for each edge of n allowed by f (self-loops once).
  template <class Fn>
  void ForEach(uint32_t n, const EdgeFilter& f, Fn&& fn) const;

  const Snapshot& snap_;
  uint32_t gen_ = 0;
  std::vector<uint32_t> stamp_;
  std::vector<uint8_t> dist_;
  std::vector<uint32_t> parent_;  // edge id
  std::vector<uint32_t> branch_;  // first node after start (undirected cycle test)
  std::vector<uint64_t> bits_;    // visited bitset of ReachDirected, all zero between calls
  // second side of the bidirectional search
  std::vector<uint32_t> stamp_b_;
  std::vector<uint8_t> dist_b_;
  std::vector<uint32_t> parent_b_;
};

}  // namespace pkg::query
