// Internal to the executor (executor.cc: the step loop, scans, checks,
// paths, CALL; executor_walk.cc: expansions, edge scans, reach, shortest
// paths). Not part of the query/ interface; see executor.h for the design.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "query/eval.h"
#include "query/executor.h"
#include "query/traversal.h"

namespace pkg::query::exec {

// One adjacency cursor of the depth-first expansion. Frames live in a vector
// reserved up front (max_hops + 2), so the iterators into a frame's own ranges
// stay valid while frames are pushed and popped.
struct Frame {
  uint32_t node;
  AdjacencyRange out_r, in_r;
  AdjacencyRange::iterator it{}, end{};
  int phase = 0;  // 0: out-edges, 1: in-edges
  bool leaf = false;
};

struct State {
  bool fresh = true;
  // scan
  std::vector<NodeId> cands;
  size_t pos = 0;
  uint32_t next_all = 0;
  // expand
  std::vector<Frame> frames;
  std::vector<EdgeId> edges;  // current walk from the step's start
  uint32_t start = 0;
  bool zero_pending = false;
  std::vector<uint32_t> reached;
  std::unique_ptr<Traversal> trav;
  std::vector<std::vector<EdgeId>> paths;
  // {name: X} checks: X → nodes found by the name index
  std::map<std::string, std::vector<NodeId>> names;
  // call
  std::vector<SupporterRow> supporters;
  // optional
  int phase = 0;
  bool matched = false;
  bool jumped = false;
};

enum class Outcome { kNo, kYes, kJump };

// The backtracking machine over one plan; one per query run.
class Machine {
 public:
  Machine(const Snapshot& snap, const Query& q, const BindInfo& info, const Plan& plan, const QueryOptions& opts,
          Projection* proj)
      : snap_(snap), q_(q), info_(info), plan_(plan), opts_(opts), proj_(proj),
        budget_(opts.time_budget, opts.cancel), row_(q.num_slots), states_(plan.steps.size()),
        schema_(snap.schema()) {
    ctx_.snap = &snap;
    ctx_.row = &row_;
    ctx_.params = &info.params;
  }

  Status Run();

 private:
  void Init(int i);
  Outcome Next(int i);
  // ---- node checks
  bool CheckNode(const NodeCheck& c, State& st, NodeId n);
  bool CheckRel(const Step& s, EdgeId e);
  // The end of an expansion: bound slot equality, then the node's constraints.
  bool EndOk(const Step& s, State& st, uint32_t n);
  void BindEnd(const Step& s, uint32_t n, const std::vector<EdgeId>& edges);
  // ---- steps
  Outcome Scan(const Step& s, State& st);
  void PushFrame(State& st, const Step& s, uint32_t node, bool leaf);
  bool NextAdj(Frame& f, Direction dir, Adjacent* a);
  bool UsedElsewhere(const Step& s, EdgeId e);
  // Trail enumeration, depth-first with an explicit stack.
  Outcome Expand(const Step& s, State& st);
  // Every edge of the allowed types, node by node through the adjacency
  // arrays, binding both ends: one step instead of a node scan plus an
  // expansion per node (a tight loop: this is the start of unanchored
  // patterns such as (f)-[:FUNDS]->(i)).
  Outcome EdgeScan(const Step& s, State& st);
  Traversal& Trav(State& st);
  // Reach mode: one breadth-first search, each endpoint once.
  Outcome Reach(const Step& s, State& st);
  Outcome Shortest(const Step& s, State& st);
  bool BuildPath(const Step& s);
  Cell Evidence(const PathValue& p);
  Outcome Call(const Step& s, State& st);

  const Snapshot& snap_;
  const Query& q_;
  const BindInfo& info_;
  const Plan& plan_;
  const QueryOptions& opts_;
  Projection* proj_;
  Budget budget_;
  std::vector<Cell> row_;
  std::vector<State> states_;
  EvalContext ctx_;
  const Schema& schema_;
};

}  // namespace pkg::query::exec
