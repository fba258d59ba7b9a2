// Executor (see executor.h): the backtracking step machine.
#include "query/executor.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include "query/eval.h"
#include "query/traversal.h"

namespace pkg::query {

namespace {

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
  // edge scan: the current node's adjacency
  std::optional<AdjacencyRange> range;
  AdjacencyRange::iterator it{}, end{};
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

class Machine {
 public:
  Machine(const Snapshot& snap, const Query& q, const BindInfo& info, const Plan& plan, const QueryOptions& opts,
          Projection* proj)
      : snap_(snap), q_(q), info_(info), plan_(plan), opts_(opts), proj_(proj),
        budget_(opts.time_budget, opts.cancel), row_(q.num_slots), states_(plan.steps.size()) {
    ctx_.snap = &snap;
    ctx_.row = &row_;
    ctx_.params = &info.params;
  }

  Status Run() {
    const int n = static_cast<int>(plan_.steps.size());
    if (n == 0) {
      proj_->Consume(ctx_);
      return ctx_.error;
    }
    int level = 0;
    Init(0);
    while (level >= 0) {
      Outcome o = Next(level);
      if (!ctx_.error.ok()) return ctx_.error;
      if (!budget_.Tick()) return budget_.status();
      if (o == Outcome::kNo) {
        const Step& s = plan_.steps[level];
        if (s.kind == StepKind::kOptionalEnd && states_[level].jumped) {
          states_[level].jumped = false;
          level = s.partner;  // back over the skipped group, to its begin
        } else {
          --level;
        }
        continue;
      }
      if (o == Outcome::kJump) {
        level = plan_.steps[level].partner;
        states_[level].fresh = false;
        states_[level].jumped = true;
      }
      if (level == n - 1) {
        bool more = proj_->Consume(ctx_);
        if (!ctx_.error.ok()) return ctx_.error;
        if (!more) return Status::OK();
        continue;
      }
      ++level;
      Init(level);
    }
    return budget_.Check() ? Status::OK() : budget_.status();
  }

 private:
  void Init(int i) {
    State& st = states_[i];
    st.fresh = true;
    st.jumped = false;
  }

  Outcome Yes() { return Outcome::kYes; }

  Outcome Next(int i) {
    const Step& s = plan_.steps[i];
    State& st = states_[i];
    switch (s.kind) {
      case StepKind::kScan: return Scan(s, st);
      case StepKind::kEdgeScan: return EdgeScan(s, st);
      case StepKind::kExpand: return s.reach ? Reach(s, st) : Expand(s, st);
      case StepKind::kShortest: return Shortest(s, st);
      case StepKind::kFilter: {
        if (!st.fresh) return Outcome::kNo;
        st.fresh = false;
        return EvalPredicate(*s.expr, ctx_) ? Outcome::kYes : Outcome::kNo;
      }
      case StepKind::kBuildPath: {
        if (!st.fresh) return Outcome::kNo;
        st.fresh = false;
        return BuildPath(s) ? Outcome::kYes : Outcome::kNo;
      }
      case StepKind::kCall: return Call(s, st);
      case StepKind::kOptionalBegin: {
        if (st.fresh) {
          st.fresh = false;
          st.phase = 1;
          st.matched = false;
          return Outcome::kYes;
        }
        if (st.phase == 1 && !st.matched) {
          st.phase = 2;
          for (int slot : s.null_slots) row_[slot] = Cell();
          return Outcome::kJump;
        }
        return Outcome::kNo;
      }
      case StepKind::kOptionalEnd: {
        if (!st.fresh) return Outcome::kNo;
        st.fresh = false;
        states_[s.partner].matched = true;
        return Outcome::kYes;
      }
    }
    return Outcome::kNo;
  }

  // ---- node checks
  bool CheckNode(const NodeCheck& c, State& st, NodeId n) {
    for (TypeId l : c.labels)
      if (!snap_.HasLabel(n, l)) return false;
    for (const PropEntry* p : c.props) {
      Cell want = Eval(*p->value, ctx_);
      if (p->key == "name") {
        if (want.kind() != Cell::Kind::kValue || want.value().kind() != Value::Kind::kString) return false;
        auto it = st.names.find(want.value().as_string());
        if (it == st.names.end()) {
          if (st.names.size() > 64) st.names.clear();
          it = st.names.emplace(want.value().as_string(), snap_.FindByName(want.value().as_string())).first;
        }
        if (!std::binary_search(it->second.begin(), it->second.end(), n)) return false;
      } else if (p->key == "id") {
        if (want.kind() != Cell::Kind::kValue || want.value().kind() != Value::Kind::kString) return false;
        if (snap_.key(n) != want.value().as_string()) return false;
      } else if (CellEquals(Cell(snap_.property(n, p->key)), want) != Tri::kTrue) {
        return false;
      }
    }
    return true;
  }

  bool CheckRel(const Step& s, EdgeId e) {
    for (const PropEntry* p : s.rel_props) {
      Cell want = Eval(*p->value, ctx_);
      if (CellEquals(PropertyOf(Cell::Edge(e), p->key, snap_), want) != Tri::kTrue) return false;
    }
    return true;
  }

  // The end of an expansion: bound slot equality, then the node's constraints.
  bool EndOk(const Step& s, State& st, uint32_t n) {
    if (s.to_bound) {
      const Cell& c = row_[s.slot];
      if (c.kind() != Cell::Kind::kNode || c.node().v != n) return false;
    }
    return CheckNode(s.check, st, NodeId(n));
  }

  void BindEnd(const Step& s, uint32_t n, const std::vector<EdgeId>& edges) {
    if (!s.to_bound) row_[s.slot] = Cell::Node(NodeId(n));
    if (s.rel_slot >= 0) {
      if (s.rel_is_list) {
        Cell::List l;
        l.reserve(edges.size());
        for (EdgeId e : edges) l.push_back(Cell::Edge(e));
        row_[s.rel_slot] = Cell::MakeList(std::move(l));
      } else {
        row_[s.rel_slot] = Cell::Edge(edges.back());
      }
    }
  }

  // ---- steps
  Outcome Scan(const Step& s, State& st) {
    if (st.fresh) {
      st.fresh = false;
      st.pos = 0;
      st.next_all = 0;
      st.cands.clear();
      if (s.source == ScanSource::kBound) {
        const Cell& c = row_[s.slot];
        if (c.kind() == Cell::Kind::kNode) st.cands.push_back(c.node());
      } else if (s.source == ScanSource::kKey || s.source == ScanSource::kName) {
        Cell v = Eval(*s.lookup, ctx_);
        if (v.kind() == Cell::Kind::kValue && v.value().kind() == Value::Kind::kString) {
          const std::string& text = v.value().as_string();
          if (s.source == ScanSource::kKey) {
            if (auto n = snap_.FindByKey(text)) st.cands.push_back(*n);
          } else {
            st.cands = snap_.FindByName(text);
          }
        }
      }
    }
    if (s.source == ScanSource::kAll || s.source == ScanSource::kLabel) {
      const uint32_t n = snap_.num_nodes();
      while (st.next_all < n) {
        NodeId id(st.next_all++);
        if (!budget_.Tick()) return Outcome::kNo;
        if (s.source == ScanSource::kLabel && !snap_.HasLabel(id, s.label)) continue;
        if (!CheckNode(s.check, st, id)) continue;
        row_[s.slot] = Cell::Node(id);
        return Outcome::kYes;
      }
      return Outcome::kNo;
    }
    while (st.pos < st.cands.size()) {
      NodeId id = st.cands[st.pos++];
      if (!CheckNode(s.check, st, id)) continue;
      row_[s.slot] = Cell::Node(id);
      return Outcome::kYes;
    }
    return Outcome::kNo;
  }

  void PushFrame(State& st, const Step& s, uint32_t node, bool leaf) {
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

  bool NextAdj(Frame& f, Direction dir, Adjacent* a) {
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

  bool UsedElsewhere(const Step& s, EdgeId e) {
    for (int j : s.unique_against) {
      const auto& used = states_[j].edges;
      if (std::find(used.begin(), used.end(), e) != used.end()) return true;
    }
    return false;
  }

  // Trail enumeration, depth-first with an explicit stack.
  Outcome Expand(const Step& s, State& st) {
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
  Outcome EdgeScan(const Step& s, State& st) {
    if (st.fresh) {
      st.fresh = false;
      st.next_all = 0;
      st.range.reset();
      st.edges.clear();
    }
    const uint32_t n = snap_.num_nodes();
    const bool from_checks = !s.from_check.labels.empty() || !s.from_check.props.empty();
    const bool to_checks = !s.check.labels.empty() || !s.check.props.empty() || s.to_bound;
    while (true) {
      if (!st.range) {
        if (st.next_all >= n) return Outcome::kNo;
        st.start = st.next_all++;
        if (!budget_.Tick()) return Outcome::kNo;
        if (from_checks && !CheckNode(s.from_check, st, NodeId(st.start))) continue;
        st.phase = s.dir == Direction::kIn ? 1 : 0;
        st.range.emplace(st.phase ? snap_.in(NodeId(st.start)) : snap_.out(NodeId(st.start)));
        st.it = st.range->begin();
        st.end = st.range->end();
      }
      if (st.it == st.end) {
        if (st.phase == 0 && s.dir == Direction::kBoth) {
          st.phase = 1;
          st.range.emplace(snap_.in(NodeId(st.start)));
          st.it = st.range->begin();
          st.end = st.range->end();
        } else {
          st.range.reset();
        }
        continue;
      }
      Adjacent a = *st.it;
      ++st.it;
      if (!s.types.test(a.type.v)) continue;
      if (st.phase == 1 && s.dir == Direction::kBoth && a.node.v == st.start) continue;  // self-loop: once
      if (s.from_slot == s.slot && a.node.v != st.start) continue;  // (a)-[:T]->(a)
      if (!s.unique_against.empty() && UsedElsewhere(s, a.edge)) continue;
      if (!s.rel_props.empty() && !CheckRel(s, a.edge)) continue;
      if (to_checks && !EndOk(s, st, a.node.v)) continue;
      row_[s.from_slot] = Cell::Node(NodeId(st.start));
      st.edges.assign(1, a.edge);
      BindEnd(s, a.node.v, st.edges);
      return Outcome::kYes;
    }
  }

  Traversal& Trav(State& st) {
    if (!st.trav) st.trav = std::make_unique<Traversal>(snap_);
    return *st.trav;
  }

  // Reach mode: one breadth-first search, each endpoint once.
  Outcome Reach(const Step& s, State& st) {
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

  Outcome Shortest(const Step& s, State& st) {
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

  bool BuildPath(const Step& s) {
    const Cell& start = row_[s.start_slot];
    if (start.kind() != Cell::Kind::kNode) {
      row_[s.path_slot] = Cell();
      return true;
    }
    PathValue p;
    p.nodes.push_back(start.node());
    for (const PathPart& part : s.parts) {
      const auto& edges = states_[part.step].edges;
      auto add = [&](EdgeId e) {
        NodeId cur = p.nodes.back();
        NodeId src = snap_.source(e);
        p.edges.push_back(e);
        p.nodes.push_back(src == cur ? snap_.target(e) : src);
      };
      if (part.reversed) std::for_each(edges.rbegin(), edges.rend(), add);
      else std::for_each(edges.begin(), edges.end(), add);
    }
    row_[s.path_slot] = Cell::Path(std::move(p));
    return true;
  }

  Cell Evidence(const PathValue& p) {
    Cell::List out;
    for (EdgeId e : p.edges) {
      const auto& prov = snap_.edge_provenance(e);
      if (prov.empty()) {
        out.emplace_back();
        continue;
      }
      std::string doc = prov[0].document;
      if (auto d = snap_.FindByKey(doc)) doc = std::string(snap_.name(*d));
      out.emplace_back(Value(prov[0].quote + (doc.empty() ? "" : " (" + doc + ")")));
    }
    return Cell::MakeList(std::move(out));
  }

  Outcome Call(const Step& s, State& st) {
    const CallClause& c = *s.call;
    if (st.fresh) {
      st.fresh = false;
      st.pos = 0;
      st.supporters.clear();
      Cell arg = Eval(*c.args[0], ctx_);
      std::vector<NodeId> targets;
      if (arg.kind() == Cell::Kind::kNode) {
        targets.push_back(arg.node());
      } else if (arg.kind() == Cell::Kind::kValue && arg.value().kind() == Value::Kind::kString) {
        const std::string& name = arg.value().as_string();
        if (auto n = snap_.FindByKey(name)) targets.push_back(*n);
        else targets = snap_.FindByName(name);
        if (targets.empty()) {
          ctx_.error = Status::NotFound("supporters: no node has the id, name or alias '" + name + "'");
          return Outcome::kNo;
        }
      } else if (!arg.is_null()) {
        ctx_.error = Status::Invalid("supporters: expected a name, a node id or a node as argument");
        return Outcome::kNo;
      }
      for (NodeId t : targets) {
        auto rows = FindSupporters(snap_, t, opts_);
        if (!rows.ok()) {
          ctx_.error = rows.status();
          return Outcome::kNo;
        }
        for (auto& r : *rows) st.supporters.push_back(std::move(r));
      }
    }
    if (st.pos >= st.supporters.size()) return Outcome::kNo;
    const SupporterRow& r = st.supporters[st.pos++];
    for (const YieldItem& y : c.yields) {
      if (y.name == "measure") row_[y.slot] = Cell::Node(r.measure);
      else if (y.name == "path") row_[y.slot] = Cell::Path(r.path);
      else if (y.name == "hops") row_[y.slot] = Cell(Value(static_cast<int64_t>(r.path.edges.size())));
      else row_[y.slot] = Evidence(r.path);
    }
    return Outcome::kYes;
  }

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
};

}  // namespace

Status Execute(const Snapshot& snap, const Query& q, const BindInfo& info, const Plan& plan, const QueryOptions& opts,
               Projection* projection) {
  Machine m(snap, q, info, plan, opts, projection);
  return m.Run();
}

}  // namespace pkg::query
