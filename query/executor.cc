// Executor (see executor.h): the backtracking step loop, node scans and
// checks, path building and CALL. The walking steps (expansions, edge scans,
// reach, shortest paths) are in executor_walk.cc.
#include <algorithm>

#include "query/count_scan.h"
#include "query/executor_internal.h"

namespace pkg::query {
namespace exec {

Status Machine::Run() {
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

void Machine::Init(int i) {
  State& st = states_[i];
  st.fresh = true;
  st.jumped = false;
}

Outcome Machine::Next(int i) {
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
bool Machine::CheckNode(const NodeCheck& c, State& st, NodeId n) {
  if (c.label_mask || c.has_type_set) {
    TypeId t = snap_.type(n);
    if ((schema_.LabelBits(t) & c.label_mask) != c.label_mask) return false;
    if (c.has_type_set && !((c.type_set >> t.v) & 1)) return false;
  }
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

bool Machine::CheckRel(const Step& s, EdgeId e) {
  for (const PropEntry* p : s.rel_props) {
    Cell want = Eval(*p->value, ctx_);
    if (CellEquals(PropertyOf(Cell::Edge(e), p->key, snap_), want) != Tri::kTrue) return false;
  }
  return true;
}

// The end of an expansion: bound slot equality, then the node's constraints.
bool Machine::EndOk(const Step& s, State& st, uint32_t n) {
  if (s.to_bound) {
    const Cell& c = row_[s.slot];
    if (c.kind() != Cell::Kind::kNode || c.node().v != n) return false;
  }
  return CheckNode(s.check, st, NodeId(n));
}

void Machine::BindEnd(const Step& s, uint32_t n, const std::vector<EdgeId>& edges) {
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
Outcome Machine::Scan(const Step& s, State& st) {
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

bool Machine::BuildPath(const Step& s) {
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

Cell Machine::Evidence(const PathValue& p) {
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

Outcome Machine::Call(const Step& s, State& st) {
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

}  // namespace exec

Status Execute(const Snapshot& snap, const Query& q, const BindInfo& info, const Plan& plan, const QueryOptions& opts,
               Projection* projection) {
  Status counted;
  if (TryCountScan(snap, q, info, plan, opts, projection, &counted)) return counted;
  exec::Machine m(snap, q, info, plan, opts, projection);
  return m.Run();
}

}  // namespace pkg::query
