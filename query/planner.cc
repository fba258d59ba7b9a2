// Planner (see planner.h): anchor choice, expansion order, filter placement.
#include "query/planner.h"

#include <algorithm>
#include <map>
#include <set>

namespace pkg::query {

namespace {

// Slots an expression reads (iterative walk).
void CollectSlots(const Expr& root, std::set<int>* out) {
  std::vector<const Expr*> stack{&root};
  while (!stack.empty()) {
    const Expr* e = stack.back();
    stack.pop_back();
    if (e->kind == ExprKind::kVar && e->slot >= 0) out->insert(e->slot);
    for (const auto& a : e->args) stack.push_back(a.get());
  }
}

// AND-ed conjuncts of a WHERE (iterative).
std::vector<const Expr*> Conjuncts(const Expr* root) {
  std::vector<const Expr*> out, stack;
  if (root) stack.push_back(root);
  while (!stack.empty()) {
    const Expr* e = stack.back();
    stack.pop_back();
    if (e->kind == ExprKind::kBinary && e->op == BinOp::kAnd) {
      stack.push_back(e->args[1].get());
      stack.push_back(e->args[0].get());
    } else {
      out.push_back(e);
    }
  }
  return out;
}

bool IsConstant(const Expr& e) { return e.kind == ExprKind::kLiteral || e.kind == ExprKind::kParam; }

// "slot.key = constant" (either side): the constant, else nullptr.
const Expr* EqualityOn(const Expr& c, int slot, const char* key) {
  if (c.kind != ExprKind::kBinary || c.op != BinOp::kEq) return nullptr;
  for (int side = 0; side < 2; ++side) {
    const Expr& p = *c.args[side];
    const Expr& v = *c.args[1 - side];
    if (p.kind == ExprKind::kProperty && p.name == key && p.args[0]->kind == ExprKind::kVar &&
        p.args[0]->slot == slot && IsConstant(v))
      return &v;
  }
  return nullptr;
}

Direction Flip(Direction d) {
  return d == Direction::kOut ? Direction::kIn : d == Direction::kIn ? Direction::kOut : Direction::kBoth;
}

bool TypesOverlap(const RelPattern& a, const RelPattern& b) {
  if (a.type_ids.empty() || b.type_ids.empty()) return true;
  for (auto x : a.type_ids)
    for (auto y : b.type_ids)
      if (x == y) return true;
  return false;
}

class Planner {
 public:
  Planner(const Query& q, const BindInfo& info, const Snapshot& snap) : q_(q), info_(info), snap_(snap) {}

  Plan Run() {
    for (const auto& c : q_.clauses) {
      if (c.kind == ReadingClause::kCall) {
        Step s;
        s.kind = StepKind::kCall;
        s.call = &c.call;
        Add(std::move(s));
        for (const auto& y : c.call.yields) bound_.insert(y.slot);
        PlaceFilters(Conjuncts(c.call.where.get()), true);
      } else {
        PlanMatch(c.match);
      }
    }
    return std::move(plan_);
  }

 private:
  void Add(Step s) { plan_.steps.push_back(std::move(s)); }

  // Emits filters whose slots are all bound (all remaining ones when `force`).
  void PlaceFilters(std::vector<const Expr*> conj, bool force) {
    for (const Expr* c : conj) pending_.push_back(c);
    std::vector<const Expr*> keep;
    for (const Expr* c : pending_) {
      std::set<int> slots;
      CollectSlots(*c, &slots);
      bool ready = force || std::all_of(slots.begin(), slots.end(), [&](int s) { return bound_.count(s) > 0; });
      if (ready) {
        Step s;
        s.kind = StepKind::kFilter;
        s.expr = c;
        Add(std::move(s));
      } else {
        keep.push_back(c);
      }
    }
    pending_ = std::move(keep);
  }

  NodeCheck CheckFor(const NodePattern& n, const PropEntry* skip) {
    NodeCheck c;
    c.labels = n.label_ids;
    for (TypeId t : n.label_ids) c.label_mask |= uint64_t{1} << t.v;
    for (const auto& p : n.props)
      if (&p != skip) c.props.push_back(&p);
    auto it = type_sets_.find(n.slot);
    if (it != type_sets_.end()) {
      c.has_type_set = true;
      c.type_set = it->second;
    }
    return c;
  }

  // Node types that can start an edge of `r`'s types in its direction (the
  // schema's endpoint lists, enforced by GraphBuilder): an edge scan skips
  // every other node without reading its adjacency.
  uint64_t EdgeEndTypes(const RelPattern& r) {
    const Schema& schema = snap_.schema();
    uint64_t mask = 0;
    auto add_all = [&](const std::vector<TypeId>& types) {
      if (types.empty()) mask = ~uint64_t{0};
      for (TypeId t : types)
        for (TypeId d : schema.Descendants(t)) mask |= uint64_t{1} << d.v;
    };
    for (EdgeTypeId e : r.type_ids) {
      const EdgeTypeDef& def = schema.edge_type(e);
      if (r.dir != Direction::kIn) add_all(def.from);
      if (r.dir != Direction::kOut) add_all(def.to);
    }
    return mask;
  }

  // "x.type = 'T'" and "x.type IN ['T', …]" on a node variable of this clause
  // become a set of allowed types checked where x is bound (no filter step).
  // Returns the conjuncts that remain filters.
  std::vector<const Expr*> TakeTypeTests(std::vector<const Expr*> conj, const MatchClause& m) {
    std::set<int> clause_nodes;
    for (const auto& p : m.patterns)
      for (const auto& n : p.nodes)
        if (!bound_.count(n.slot)) clause_nodes.insert(n.slot);
    std::vector<const Expr*> keep;
    for (const Expr* c : conj) {
      const Expr* prop = nullptr;
      std::vector<std::string> names;
      if (c->kind == ExprKind::kBinary && (c->op == BinOp::kEq || c->op == BinOp::kIn)) {
        const Expr& l = *c->args[0];
        const Expr& r = *c->args[1];
        if (l.kind == ExprKind::kProperty && l.name == "type" && l.args[0]->kind == ExprKind::kVar &&
            l.args[0]->var_kind == VarKind::kNode && clause_nodes.count(l.args[0]->slot) && r.kind == ExprKind::kLiteral) {
          if (c->op == BinOp::kEq && r.literal.kind() == Value::Kind::kString) names = {r.literal.as_string()};
          if (c->op == BinOp::kIn && r.literal.kind() == Value::Kind::kList) names = r.literal.as_list();
          if (!names.empty()) prop = &l;
        }
      }
      if (!prop) {
        keep.push_back(c);
        continue;
      }
      uint64_t set = 0;
      for (const auto& name : names)
        if (auto t = snap_.schema().FindNodeType(name)) set |= uint64_t{1} << t->v;
      int slot = prop->args[0]->slot;
      auto [it, fresh] = type_sets_.emplace(slot, set);
      if (!fresh) it->second &= set;  // two tests on one variable: both hold
    }
    return keep;
  }

  // Cost of starting at node pattern n (lower is better), and how.
  double AnchorCost(const NodePattern& n, const std::vector<const Expr*>& where, Step* scan) {
    scan->kind = StepKind::kScan;
    scan->slot = n.slot;
    if (bound_.count(n.slot)) {
      scan->source = ScanSource::kBound;
      scan->check = CheckFor(n, nullptr);
      return 0;
    }
    for (const char* key : {"id", "name"}) {
      for (const auto& p : n.props) {
        if (p.key == key && IsConstant(*p.value)) {
          scan->source = key[0] == 'i' ? ScanSource::kKey : ScanSource::kName;
          scan->lookup = p.value.get();
          scan->check = CheckFor(n, &p);
          return key[0] == 'i' ? 1 : 2;
        }
      }
      for (const Expr* c : where) {
        if (const Expr* v = EqualityOn(*c, n.slot, key)) {
          scan->source = key[0] == 'i' ? ScanSource::kKey : ScanSource::kName;
          scan->lookup = v;  // the WHERE conjunct stays as a filter (exact equality)
          scan->check = CheckFor(n, nullptr);
          return key[0] == 'i' ? 1.5 : 2.5;
        }
      }
    }
    scan->check = CheckFor(n, nullptr);
    if (!n.label_ids.empty()) {
      scan->source = ScanSource::kLabel;
      // Prefer the most specific label (the one with fewest descendants).
      TypeId best = n.label_ids[0];
      for (TypeId t : n.label_ids)
        if (snap_.schema().Descendants(t).size() < snap_.schema().Descendants(best).size()) best = t;
      scan->label = best;
      auto& labels = scan->check.labels;  // the scan itself guarantees this label
      labels.erase(std::remove(labels.begin(), labels.end(), best), labels.end());
      scan->check.label_mask = 0;
      for (TypeId t : labels) scan->check.label_mask |= uint64_t{1} << t.v;
      double share = static_cast<double>(snap_.schema().Descendants(best).size()) /
                     std::max(1, snap_.schema().num_node_types());
      return 10 + share * snap_.num_nodes();
    }
    scan->source = ScanSource::kAll;
    return 10 + 2.0 * snap_.num_nodes();
  }

  Step ExpandStep(const PathPattern& p, size_t rel, bool backwards, const MatchClause& m,
                  const std::vector<int>& clause_expands) {
    const RelPattern& r = p.rels[rel];
    const NodePattern& from = backwards ? p.nodes[rel + 1] : p.nodes[rel];
    const NodePattern& to = backwards ? p.nodes[rel] : p.nodes[rel + 1];
    Step s;
    s.kind = p.mode == PathMode::kAll ? StepKind::kExpand : StepKind::kShortest;
    s.from_slot = from.slot;
    s.slot = to.slot;
    s.to_bound = bound_.count(to.slot) > 0;
    s.check = CheckFor(to, nullptr);
    s.dir = backwards ? Flip(r.dir) : r.dir;
    if (r.type_ids.empty()) s.types.set();
    for (auto t : r.type_ids) s.types.set(t.v);
    s.var_length = r.var_length;
    s.min_hops = r.var_length ? r.min_hops : 1;
    s.max_hops = r.max_resolved;
    for (const auto& pe : r.props) s.rel_props.push_back(&pe);
    if (!r.var.empty()) {
      s.rel_slot = r.slot;
      s.rel_is_list = r.var_length;
    }
    s.all_shortest = p.mode == PathMode::kAllShortest;
    s.unique_against = clause_expands;
    if (s.kind == StepKind::kExpand && r.var_length && r.var.empty() && p.var.empty() && info_.set_semantics &&
        r.min_hops <= 1 && r.props.empty()) {
      bool alone = true;
      for (const auto& pp : m.patterns)
        for (const auto& rr : pp.rels)
          if (&rr != &r && TypesOverlap(rr, r)) alone = false;
      if (alone) {
        s.reach = true;
        s.unique_against.clear();
      }
    }
    return s;
  }

  void PlanMatch(const MatchClause& m) {
    int begin = -1;
    std::set<int> before = bound_;
    if (m.optional) {
      Step s;
      s.kind = StepKind::kOptionalBegin;
      begin = static_cast<int>(plan_.steps.size());
      Add(std::move(s));
    }
    std::vector<const Expr*> where = TakeTypeTests(Conjuncts(m.where.get()), m);
    const std::vector<const Expr*> where_all = where;
    std::vector<const Expr*> outer_pending = std::move(pending_);
    pending_.clear();
    PlaceFilters({}, false);
    std::vector<int> clause_expands;
    std::vector<bool> done(m.patterns.size(), false);
    for (size_t round = 0; round < m.patterns.size(); ++round) {
      // The cheapest start over all remaining patterns.
      double best = 1e300;
      size_t best_p = 0, best_n = 0;
      Step best_scan;
      for (size_t pi = 0; pi < m.patterns.size(); ++pi) {
        if (done[pi]) continue;
        const PathPattern& p = m.patterns[pi];
        for (size_t ni = 0; ni < p.nodes.size(); ++ni) {
          Step scan;
          double cost = AnchorCost(p.nodes[ni], where_all, &scan);
          if (cost < best) {
            best = cost;
            best_p = pi;
            best_n = ni;
            best_scan = std::move(scan);
          }
        }
      }
      done[best_p] = true;
      const PathPattern& p = m.patterns[best_p];
      std::vector<PathPart> parts(p.rels.size());
      if (p.mode != PathMode::kAll) {
        // shortestPath: bind both ends, then search between them.
        size_t other = best_n == 0 ? 1 : 0;
        Add(std::move(best_scan));
        bound_.insert(p.nodes[best_n].slot);
        PlaceFilters(where, false);
        where.clear();
        Step scan2;
        AnchorCost(p.nodes[other], {}, &scan2);
        Add(std::move(scan2));
        bound_.insert(p.nodes[other].slot);
        PlaceFilters({}, false);
        Step s = ExpandStep(p, 0, best_n == 1, m, clause_expands);
        s.to_bound = true;
        s.check = NodeCheck{};
        parts[0] = PathPart{static_cast<int>(plan_.steps.size()), best_n == 1};
        clause_expands.push_back(static_cast<int>(plan_.steps.size()));
        Add(std::move(s));
      } else {
        size_t right = best_n, left = best_n;  // expand rels [right, end) rightwards, [0, left) leftwards
        size_t scan_rel = p.rels.size();
        if (best_scan.source == ScanSource::kAll) {
          for (size_t r = 0; r < p.rels.size() && scan_rel == p.rels.size(); ++r)
            if (!p.rels[r].var_length && !p.rels[r].type_ids.empty()) scan_rel = r;
        }
        if (scan_rel < p.rels.size()) {
          Step s = ExpandStep(p, scan_rel, false, m, clause_expands);
          s.kind = StepKind::kEdgeScan;
          s.from_check = CheckFor(p.nodes[scan_rel], nullptr);
          s.scan_types = EdgeEndTypes(p.rels[scan_rel]);
          parts[scan_rel] = PathPart{static_cast<int>(plan_.steps.size()), false};
          clause_expands.push_back(static_cast<int>(plan_.steps.size()));
          Add(std::move(s));
          bound_.insert(p.nodes[scan_rel].slot);
          bound_.insert(p.nodes[scan_rel + 1].slot);
          if (!p.rels[scan_rel].var.empty()) bound_.insert(p.rels[scan_rel].slot);
          right = scan_rel + 1;
          left = scan_rel;
        } else {
          Add(std::move(best_scan));
          bound_.insert(p.nodes[best_n].slot);
        }
        PlaceFilters(where, false);
        where.clear();
        for (size_t r = right; r < p.rels.size(); ++r) {  // rightwards
          Step s = ExpandStep(p, r, false, m, clause_expands);
          parts[r] = PathPart{static_cast<int>(plan_.steps.size()), false};
          clause_expands.push_back(static_cast<int>(plan_.steps.size()));
          Add(std::move(s));
          bound_.insert(p.nodes[r + 1].slot);
          if (!p.rels[r].var.empty()) bound_.insert(p.rels[r].slot);
          PlaceFilters({}, false);
        }
        for (size_t r = left; r-- > 0;) {  // leftwards
          Step s = ExpandStep(p, r, true, m, clause_expands);
          parts[r] = PathPart{static_cast<int>(plan_.steps.size()), true};
          clause_expands.push_back(static_cast<int>(plan_.steps.size()));
          Add(std::move(s));
          bound_.insert(p.nodes[r].slot);
          if (!p.rels[r].var.empty()) bound_.insert(p.rels[r].slot);
          PlaceFilters({}, false);
        }
      }
      for (const auto& r : p.rels)
        if (!r.var.empty()) bound_.insert(r.slot);
      if (p.slot >= 0) {
        Step s;
        s.kind = StepKind::kBuildPath;
        s.path_slot = p.slot;
        s.start_slot = p.nodes[0].slot;
        s.parts = std::move(parts);
        Add(std::move(s));
        bound_.insert(p.slot);
        PlaceFilters({}, false);
      }
    }
    PlaceFilters({}, true);
    pending_ = std::move(outer_pending);
    if (m.optional) {
      Step s;
      s.kind = StepKind::kOptionalEnd;
      s.partner = begin;
      int end = static_cast<int>(plan_.steps.size());
      for (int slot : bound_)
        if (!before.count(slot)) plan_.steps[begin].null_slots.push_back(slot);
      plan_.steps[begin].partner = end;
      Add(std::move(s));
    }
  }

  const Query& q_;
  const BindInfo& info_;
  const Snapshot& snap_;
  Plan plan_;
  std::set<int> bound_;
  std::vector<const Expr*> pending_;
  std::map<int, uint64_t> type_sets_;  // node slot → allowed types (TakeTypeTests)
};

std::string SlotName(const Query& q, int slot) {
  if (slot < 0) return "-";
  const std::string& n = q.slot_names[slot];
  return n.empty() ? "_" + std::to_string(slot) : n;
}

}  // namespace

Plan MakePlan(const Query& q, const BindInfo& info, const Snapshot& snap) { return Planner(q, info, snap).Run(); }

std::string Plan::Explain(const Query& q, const Schema& schema) const {
  std::string out;
  auto check_text = [&](const NodeCheck& c) {
    std::string t;
    for (TypeId l : c.labels) t += " :" + schema.node_type(l).name;
    if (c.has_type_set) {
      std::string types;
      for (int i = 0; i < schema.num_node_types(); ++i)
        if ((c.type_set >> i) & 1) types += (types.empty() ? "" : "|") + schema.node_type(TypeId(i)).name;
      t += " type in " + (types.empty() ? std::string("(none)") : types);
    }
    for (const PropEntry* p : c.props) t += " {" + p->key + "}";
    return t.empty() ? t : " check" + t;
  };
  for (const Step& s : steps) {
    switch (s.kind) {
      case StepKind::kScan: {
        static const char* kSrc[] = {"bound", "all", "label", "key", "name"};
        out += "scan " + SlotName(q, s.slot) + " by " + kSrc[static_cast<int>(s.source)];
        if (s.source == ScanSource::kLabel) out += " :" + schema.node_type(s.label).name;
        out += check_text(s.check);
        break;
      }
      case StepKind::kEdgeScan:
      case StepKind::kExpand:
      case StepKind::kShortest: {
        out += s.kind == StepKind::kEdgeScan ? "edge-scan "
               : s.kind == StepKind::kExpand ? "expand "
                                             : (s.all_shortest ? "all-shortest " : "shortest ");
        out += SlotName(q, s.from_slot);
        out += s.dir == Direction::kOut ? " -> " : s.dir == Direction::kIn ? " <- " : " -- ";
        out += SlotName(q, s.slot);
        if (!s.types.all()) {
          std::string t;
          for (int i = 0; i < schema.num_edge_types(); ++i)
            if (s.types.test(i)) t += (t.empty() ? "" : "|") + schema.edge_type(EdgeTypeId(i)).name;
          out += " [" + t + "]";
        }
        if (s.var_length) out += " *" + std::to_string(s.min_hops) + ".." + std::to_string(s.max_hops);
        if (s.reach) out += " reach";
        if (s.to_bound) out += " to-bound";
        if (s.kind == StepKind::kEdgeScan && !check_text(s.from_check).empty()) out += " from" + check_text(s.from_check);
        out += check_text(s.check);
        break;
      }
      case StepKind::kFilter: out += "filter " + DumpExpr(*s.expr); break;
      case StepKind::kBuildPath: out += "path " + SlotName(q, s.path_slot); break;
      case StepKind::kCall: out += "call " + s.call->proc; break;
      case StepKind::kOptionalBegin: out += "optional-begin"; break;
      case StepKind::kOptionalEnd: out += "optional-end"; break;
    }
    out += "\n";
  }
  return out;
}

}  // namespace pkg::query
