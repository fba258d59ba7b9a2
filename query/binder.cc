// Binder (see binder.h): names → schema ids and row slots, with
// "did you mean" hints. Expression walks recurse only after the expression's
// depth has been measured iteratively and found within kMaxExprDepth.
#include "query/binder.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace pkg::query {

namespace {

struct FunctionDef {
  const char* name;
  int min_args, max_args;
  bool aggregate;
};
constexpr FunctionDef kFunctions[] = {
    {"count", 1, 1, true},     {"collect", 1, 1, true},  {"min", 1, 1, true},
    {"max", 1, 1, true},       {"sum", 1, 1, true},      {"avg", 1, 1, true},
    {"labels", 1, 1, false},   {"type", 1, 1, false},    {"id", 1, 1, false},
    {"nodes", 1, 1, false},    {"relationships", 1, 1, false}, {"rels", 1, 1, false},
    {"length", 1, 1, false},   {"size", 1, 1, false},    {"coalesce", 1, 32, false},
    {"tolower", 1, 1, false},  {"toupper", 1, 1, false}, {"tostring", 1, 1, false},
    {"tointeger", 1, 1, false}, {"tofloat", 1, 1, false}, {"abs", 1, 1, false},
    {"startnode", 1, 1, false}, {"endnode", 1, 1, false}, {"head", 1, 1, false},
    {"last", 1, 1, false},
};

const FunctionDef* FindFunction(const std::string& name) {
  for (const auto& f : kFunctions)
    if (name == f.name) return &f;
  return nullptr;
}

const char* KindName(VarKind k) {
  switch (k) {
    case VarKind::kNode: return "a node";
    case VarKind::kEdge: return "a relationship";
    case VarKind::kEdgeList: return "a relationship list";
    case VarKind::kPath: return "a path";
    case VarKind::kValue: return "a value";
    default: return "unknown";
  }
}

constexpr const char* kNodeColumns[] = {"id", "name", "name_en", "aliases", "type"};
constexpr const char* kAmountFields[] = {"value", "unit", "cny"};

// Iterative depth of an expression tree.
int ExprDepth(const Expr& root) {
  int best = 0;
  std::vector<std::pair<const Expr*, int>> stack{{&root, 1}};
  while (!stack.empty()) {
    auto [e, d] = stack.back();
    stack.pop_back();
    best = std::max(best, d);
    if (best > kMaxExprDepth) return best;
    for (const auto& a : e->args) stack.push_back({a.get(), d + 1});
  }
  return best;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

class Binder {
 public:
  Binder(const Schema& schema, const QueryOptions& opts, Query* q, BindInfo* info)
      : schema_(schema), opts_(opts), q_(q), info_(info) {}

  bool Run() {
    if (opts_.max_hops < 0 || opts_.max_hops > kMaxHopsHardLimit) {
      err_.status = Status::Invalid("max_hops " + std::to_string(opts_.max_hops) + " is outside 0.." +
                                    std::to_string(kMaxHopsHardLimit));
      err_.positioned = false;
      return false;
    }
    for (auto& c : q_->clauses) {
      if (c.kind == ReadingClause::kMatch ? !BindMatch(c.match) : !BindCall(c.call)) return false;
    }
    return BindReturn(q_->ret);
  }
  const PosError& error() const { return err_; }

 private:
  bool Fail(std::string msg, size_t offset) {
    err_.status = Status::Invalid(std::move(msg));
    err_.offset = offset;
    return false;
  }

  int NewSlot(const std::string& name, VarKind kind) {
    q_->slot_names.push_back(name);
    q_->slot_kinds.push_back(kind);
    return q_->num_slots++;
  }

  // Declares a named variable of `kind`, or returns the existing slot when it
  // is already a variable of the same kind (node variables may repeat).
  bool Declare(const std::string& name, VarKind kind, size_t offset, bool may_repeat, int* slot) {
    if (name.empty()) {
      *slot = NewSlot("", kind);
      return true;
    }
    auto it = vars_.find(name);
    if (it == vars_.end()) {
      *slot = NewSlot(name, kind);
      vars_[name] = *slot;
      return true;
    }
    VarKind have = q_->slot_kinds[it->second];
    if (have != kind)
      return Fail("variable '" + name + "' is already " + KindName(have) + ", cannot use it as " + KindName(kind),
                  offset);
    if (!may_repeat) return Fail("variable '" + name + "' is already defined", offset);
    *slot = it->second;
    return true;
  }

  bool CheckLabel(const std::string& label, size_t offset, TypeId* out) {
    if (auto t = schema_.FindNodeType(label)) {
      *out = *t;
      return true;
    }
    std::string hint;
    for (const auto& t : schema_.node_types())
      if (label == t.zh || Lower(label) == Lower(t.en) || Lower(label) == Lower(t.name)) hint = t.name;
    if (hint.empty()) hint = schema_.SuggestNodeType(label);
    return Fail("unknown label '" + label + "' for node pattern" + (hint.empty() ? "" : "; did you mean '" + hint + "'?"),
                offset);
  }

  bool CheckEdgeType(const std::string& type, size_t offset, EdgeTypeId* out) {
    if (auto t = schema_.FindEdgeType(type)) {
      *out = *t;
      return true;
    }
    std::string hint;
    for (const auto& t : schema_.edge_types())
      if (type == t.zh || Lower(type) == Lower(t.en) || Lower(type) == Lower(t.name)) hint = t.name;
    if (hint.empty()) hint = schema_.SuggestEdgeType(type);
    return Fail("unknown relationship type '" + type + "' for relationship pattern" +
                    (hint.empty() ? "" : "; did you mean '" + hint + "'?"),
                offset);
  }

  bool CheckProperty(const std::string& key, size_t offset, bool on_node) {
    if (schema_.FindProperty(key)) return true;
    if (on_node)
      for (const char* c : kNodeColumns)
        if (key == c) return true;
    std::string hint = schema_.SuggestProperty(key);
    return Fail("unknown property '" + key + "'" + (hint.empty() ? "" : "; did you mean '" + hint + "'?"), offset);
  }

  bool BindProps(std::vector<PropEntry>& props, bool on_node) {
    for (auto& p : props) {
      if (!CheckProperty(p.key, p.offset, on_node) || !BindExpr(p.value, false)) return false;
    }
    return true;
  }

  bool BindHops(RelPattern& r) {
    if (!r.var_length) {
      r.max_resolved = 1;
      return true;
    }
    if (r.max_hops > kMaxHopsHardLimit || r.min_hops > kMaxHopsHardLimit) {
      int shown = std::max(r.max_hops, r.min_hops);
      return Fail("hop limit " + std::to_string(shown) + " exceeds the maximum of " +
                      std::to_string(kMaxHopsHardLimit) + " for variable-length relationship",
                  r.range_offset);
    }
    r.max_resolved = r.max_hops >= 0 ? r.max_hops : std::max(r.min_hops, opts_.max_hops);
    return true;
  }

  bool BindMatch(MatchClause& m) {
    // Declare every variable of the clause first: WHERE and property maps see them all.
    for (auto& p : m.patterns) {
      for (auto& n : p.nodes) {
        if (!Declare(n.var, VarKind::kNode, n.offset, true, &n.slot)) return false;
        for (size_t i = 0; i < n.labels.size(); ++i) {
          TypeId t;
          if (!CheckLabel(n.labels[i], n.label_offsets[i], &t)) return false;
          n.label_ids.push_back(t);
        }
      }
      for (auto& r : p.rels) {
        if (!Declare(r.var, r.var_length ? VarKind::kEdgeList : VarKind::kEdge, r.offset, false, &r.slot))
          return false;
        for (size_t i = 0; i < r.types.size(); ++i) {
          EdgeTypeId t;
          if (!CheckEdgeType(r.types[i], r.type_offsets[i], &t)) return false;
          r.type_ids.push_back(t);
        }
        if (!BindHops(r)) return false;
      }
      if (p.mode != PathMode::kAll) {
        RelPattern& r = p.rels[0];
        if (r.var_length && r.min_hops > 1)
          return Fail("expected a minimum of 0 or 1 hops for shortestPath", r.range_offset);
      }
      if (!p.var.empty() && !Declare(p.var, VarKind::kPath, p.offset, false, &p.slot)) return false;
    }
    for (auto& p : m.patterns) {
      for (auto& n : p.nodes)
        if (!BindProps(n.props, true)) return false;
      for (auto& r : p.rels)
        if (!BindProps(r.props, false)) return false;
    }
    return !m.where || BindExpr(m.where, false);
  }

  bool BindCall(CallClause& c) {
    if (c.proc != "supporters")
      return Fail("unknown procedure '" + c.proc + "'; the known procedure is supporters(target)", c.offset);
    if (c.args.size() != 1)
      return Fail("expected one argument (a name, a node id or a node) for supporters", c.offset);
    if (!BindExpr(c.args[0], false)) return false;
    static const std::pair<const char*, VarKind> kYields[] = {
        {"measure", VarKind::kNode}, {"path", VarKind::kPath}, {"hops", VarKind::kValue}, {"evidence", VarKind::kValue}};
    if (c.yields.empty()) {
      for (const auto& [name, kind] : kYields) c.yields.push_back(YieldItem{name, name, c.offset, -1});
    }
    for (auto& y : c.yields) {
      const std::pair<const char*, VarKind>* def = nullptr;
      for (const auto& k : kYields)
        if (y.name == k.first) def = &k;
      if (!def) return Fail("unknown column '" + y.name + "' for YIELD; supporters yields measure, path, hops, evidence", y.offset);
      if (!Declare(y.alias, def->second, y.offset, false, &y.slot)) return false;
    }
    return !c.where || BindExpr(c.where, false);
  }

  bool BindReturn(ReturnClause& r) {
    if (r.star) {
      for (const auto& [name, slot] : vars_) {
        (void)slot;
        ReturnItem item;
        item.expr = std::make_unique<Expr>();
        item.expr->kind = ExprKind::kVar;
        item.expr->name = name;
        item.expr->offset = r.offset;
        item.alias = name;
        r.items.push_back(std::move(item));
      }
      if (r.items.empty()) return Fail("RETURN * with no named variables", r.offset);
    }
    std::set<std::string> seen;
    for (auto& it : r.items) {
      if (!BindExpr(it.expr, true)) return false;
      if (!seen.insert(it.alias).second) return Fail("column name '" + it.alias + "' used twice; add AS <name>", it.offset);
    }
    info_->aggregating = !q_->aggregates.empty();
    std::set<std::string> keys;  // grouping keys, as dumps
    if (info_->aggregating) {
      for (auto& it : r.items)
        if (!HasAggregate(*it.expr)) keys.insert(DumpExpr(*it.expr));
      for (auto& it : r.items)
        if (HasAggregate(*it.expr) && !OnlyKeys(*it.expr, keys)) return false;
    }
    for (auto& s : r.order) {
      // An alias, or the same text as a returned item, names that column.
      if (s.expr->kind == ExprKind::kVar) {
        for (size_t i = 0; i < r.items.size(); ++i)
          if (r.items[i].alias == s.expr->name) s.column = static_cast<int>(i);
      }
      if (s.column < 0) {
        std::string dump = DumpExpr(*s.expr);
        for (size_t i = 0; i < r.items.size(); ++i)
          if (DumpExpr(*r.items[i].expr) == dump) s.column = static_cast<int>(i);
      }
      if (s.column >= 0) continue;
      if (r.distinct) return Fail("ORDER BY after RETURN DISTINCT must name a returned column", s.expr->offset);
      if (!BindExpr(s.expr, false)) return false;
      if (info_->aggregating && !OnlyKeys(*s.expr, keys)) return false;
    }
    for (ExprPtr* e : {&r.skip, &r.limit}) {
      if (!*e) continue;
      if (!BindExpr(*e, false)) return false;
      const Expr& x = **e;
      Value v = x.kind == ExprKind::kLiteral ? x.literal : x.kind == ExprKind::kParam ? info_->params[x.param] : Value();
      if (v.kind() != Value::Kind::kInt || v.as_int() < 0)
        return Fail(std::string("expected a non-negative integer for ") + (e == &r.skip ? "SKIP" : "LIMIT"), x.offset);
      (e == &r.skip ? info_->skip : info_->limit) = v.as_int();
    }
    bool set_semantics = r.distinct && q_->aggregates.empty();
    if (!q_->aggregates.empty()) {
      set_semantics = true;
      for (const Expr* a : q_->aggregates) {
        bool ok = a->name == "min" || a->name == "max" || (a->distinct && a->name != "sum" && a->name != "avg");
        if (!ok) set_semantics = false;
      }
    }
    info_->set_semantics = set_semantics;
    return true;
  }

  // With aggregation, variables may be read outside an aggregate only inside a
  // grouping key (as in Neo4j): RETURN m.name, count(*) * 2 is fine,
  // RETURN m.name <> count(*) alone is not. REQUIRES: depth already checked.
  bool OnlyKeys(const Expr& e, const std::set<std::string>& keys) {
    if (e.agg >= 0 || e.column >= 0) return true;
    if (!keys.empty() && keys.count(DumpExpr(e))) return true;
    if (e.kind == ExprKind::kVar)
      return Fail("variable '" + e.name + "' must be a returned grouping key (RETURN " + e.name +
                      ", …) to be used beside an aggregate",
                  e.offset);
    for (const auto& a : e.args)
      if (!OnlyKeys(*a, keys)) return false;
    return true;
  }

  bool BindExpr(ExprPtr& e, bool allow_aggregate) {
    if (ExprDepth(*e) > kMaxExprDepth)
      return Fail("expression nested too deeply (more than " + std::to_string(kMaxExprDepth) + " levels)", e->offset);
    return BindExprRec(*e, allow_aggregate, false);
  }

  // REQUIRES: depth checked by BindExpr, so this recursion is bounded.
  bool BindExprRec(Expr& e, bool allow_aggregate, bool in_aggregate) {
    switch (e.kind) {
      case ExprKind::kVar: {
        auto it = vars_.find(e.name);
        if (it == vars_.end()) {
          for (const auto& item : q_->ret.items)
            if (item.has_alias && item.alias == e.name && !in_aggregate)
              return Fail("column alias '" + e.name + "' can only be used in ORDER BY", e.offset);
          return Fail("variable '" + e.name + "' is not defined", e.offset);
        }
        e.slot = it->second;
        e.var_kind = q_->slot_kinds[e.slot];
        return true;
      }
      case ExprKind::kParam: {
        for (size_t i = 0; i < opts_.params.size(); ++i) {
          if (opts_.params[i].first == e.name) {
            e.param = static_cast<int>(info_->params.size());
            info_->params.push_back(opts_.params[i].second);
            return true;
          }
        }
        return Fail("parameter $" + e.name + " was not given (use --param " + e.name + "=VALUE)", e.offset);
      }
      case ExprKind::kProperty: {
        Expr& base = *e.args[0];
        if (!BindExprRec(base, allow_aggregate, in_aggregate)) return false;
        if (base.kind == ExprKind::kProperty) {
          for (const char* f : kAmountFields)
            if (e.name == f) return true;
          return Fail("unknown field '" + e.name + "'; amounts have .value, .unit and .cny", e.offset);
        }
        if (base.kind == ExprKind::kVar && (base.var_kind == VarKind::kPath || base.var_kind == VarKind::kEdgeList))
          return Fail("a " + std::string(base.var_kind == VarKind::kPath ? "path" : "relationship list") +
                          " has no properties; use nodes(), relationships() or length()",
                      e.offset);
        return CheckProperty(e.name, e.offset, base.var_kind != VarKind::kEdge);
      }
      case ExprKind::kCall: {
        const FunctionDef* f = FindFunction(e.name);
        if (!f) return Fail("unknown function '" + e.name + "'", e.offset);
        int n = static_cast<int>(e.args.size());
        if (e.star) {
          if (e.name != "count") return Fail("'*' is only allowed in count(*)", e.offset);
        } else if (n < f->min_args || n > f->max_args) {
          return Fail("expected " + std::to_string(f->min_args) + " argument(s) for " + e.name + "()", e.offset);
        }
        if (e.distinct && !f->aggregate) return Fail("DISTINCT is only allowed in aggregate functions", e.offset);
        if (f->aggregate) {
          if (!allow_aggregate) return Fail("aggregate " + e.name + "() is only allowed in RETURN", e.offset);
          if (in_aggregate) return Fail("aggregate " + e.name + "() cannot be nested in another aggregate", e.offset);
          e.agg = static_cast<int>(q_->aggregates.size());
          q_->aggregates.push_back(&e);
          for (auto& a : e.args)
            if (!BindExprRec(*a, allow_aggregate, true)) return false;
          return true;
        }
        break;
      }
      default:
        break;
    }
    for (auto& a : e.args)
      if (!BindExprRec(*a, allow_aggregate, in_aggregate)) return false;
    if (e.kind == ExprKind::kList && !e.args.empty()) {
      // A list of string literals folds into one constant (WHERE m.type IN ['A', 'B']).
      StringList items;
      for (const auto& a : e.args) {
        if (a->kind != ExprKind::kLiteral || a->literal.kind() != Value::Kind::kString) return true;
        items.push_back(a->literal.as_string());
      }
      e.kind = ExprKind::kLiteral;
      e.literal = Value(std::move(items));
      e.args.clear();
    }
    return true;
  }

  const Schema& schema_;
  const QueryOptions& opts_;
  Query* q_;
  BindInfo* info_;
  PosError err_;
  std::map<std::string, int> vars_;
};

}  // namespace

bool IsAggregateFunction(const std::string& name) {
  const FunctionDef* f = FindFunction(name);
  return f && f->aggregate;
}

bool Bind(const Schema& schema, const QueryOptions& opts, Query* q, BindInfo* info, PosError* error) {
  Binder b(schema, opts, q, info);
  if (b.Run()) return true;
  *error = b.error();
  return false;
}

}  // namespace pkg::query
