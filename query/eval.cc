// Expression evaluation and value semantics (see eval.h).
#include "query/eval.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "base/text.h"
#include "query/functions.h"
#include "query/value_ops.h"

namespace pkg::query {

namespace {

Cell Bool(bool b) { return Cell(Value(b)); }
Cell FromTri(Tri t) { return t == Tri::kNull ? Null() : Bool(t == Tri::kTrue); }

int TypeRank(const Cell& c) {
  switch (c.kind()) {
    case Cell::Kind::kNode: return 1;
    case Cell::Kind::kEdge: return 2;
    case Cell::Kind::kList: return 3;
    case Cell::Kind::kPath: return 4;
    case Cell::Kind::kValue: break;
  }
  switch (c.value().kind()) {
    case Value::Kind::kList: return 3;
    case Value::Kind::kString: return 5;
    case Value::Kind::kBool: return 6;
    case Value::Kind::kInt:
    case Value::Kind::kDouble:
    case Value::Kind::kAmount: return 7;
    case Value::Kind::kNull: return 8;
  }
  return 8;
}

template <class T>
int Cmp(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

// <, <=, >, >= : null unless both numbers, both strings or both booleans.
Tri Less(const Cell& a, const Cell& b, bool or_equal) {
  int c;
  if (IsNumeric(a) && IsNumeric(b)) {
    if (IsInt(a) && IsInt(b)) c = Cmp(a.value().as_int(), b.value().as_int());
    else {
      double x = Num(a), y = Num(b);
      if (std::isnan(x) || std::isnan(y)) return Tri::kFalse;
      c = Cmp(x, y);
    }
  } else if (IsValue(a, Value::Kind::kString) && IsValue(b, Value::Kind::kString)) {
    c = a.value().as_string().compare(b.value().as_string());
  } else if (IsValue(a, Value::Kind::kBool) && IsValue(b, Value::Kind::kBool)) {
    c = Cmp(a.value().as_bool(), b.value().as_bool());
  } else {
    return Tri::kNull;
  }
  return (c < 0 || (or_equal && c == 0)) ? Tri::kTrue : Tri::kFalse;
}

Tri Not(Tri t) { return t == Tri::kNull ? t : (t == Tri::kTrue ? Tri::kFalse : Tri::kTrue); }

Tri ToTri(const Cell& c) {
  if (IsValue(c, Value::Kind::kBool)) return c.value().as_bool() ? Tri::kTrue : Tri::kFalse;
  return Tri::kNull;
}

Cell Arith(BinOp op, const Cell& a, const Cell& b, EvalContext& ctx) {
  if (a.is_null() || b.is_null()) return Null();
  if (op == BinOp::kAdd && IsValue(a, Value::Kind::kString) && IsValue(b, Value::Kind::kString))
    return Cell(Value(Str(a) + Str(b)));
  if (op == BinOp::kAdd && IsListLike(a) && IsListLike(b)) {
    Cell::List out;
    for (size_t i = 0; i < ListSize(a); ++i) out.push_back(ListAt(a, i));
    for (size_t i = 0; i < ListSize(b); ++i) out.push_back(ListAt(b, i));
    return Cell::MakeList(std::move(out));
  }
  if (!IsNumeric(a) || !IsNumeric(b)) {
    ctx.error = Status::Invalid(std::string("cannot apply '") + BinOpName(op) + "' to these values");
    return Null();
  }
  if (IsInt(a) && IsInt(b)) {
    int64_t x = a.value().as_int(), y = b.value().as_int(), r = 0;
    bool overflow = false;
    switch (op) {
      case BinOp::kAdd: overflow = __builtin_add_overflow(x, y, &r); break;
      case BinOp::kSub: overflow = __builtin_sub_overflow(x, y, &r); break;
      case BinOp::kMul: overflow = __builtin_mul_overflow(x, y, &r); break;
      case BinOp::kDiv:
      case BinOp::kMod:
        if (y == 0) {
          ctx.error = Status::Invalid("division by zero");
          return Null();
        }
        if (x == INT64_MIN && y == -1) {
          overflow = true;
          break;
        }
        r = op == BinOp::kDiv ? x / y : x % y;
        break;
      default: break;
    }
    if (overflow) {
      ctx.error = Status::Invalid("integer overflow");
      return Null();
    }
    return Cell(Value(r));
  }
  double x = Num(a), y = Num(b), r = 0;
  switch (op) {
    case BinOp::kAdd: r = x + y; break;
    case BinOp::kSub: r = x - y; break;
    case BinOp::kMul: r = x * y; break;
    case BinOp::kDiv: r = x / y; break;
    case BinOp::kMod: r = std::fmod(x, y); break;
    default: break;
  }
  return Cell(Value(r));
}

Tri In(const Cell& x, const Cell& list) {
  if (list.is_null()) return Tri::kNull;
  if (!IsListLike(list)) return Tri::kNull;
  if (IsValue(list, Value::Kind::kList) && IsValue(x, Value::Kind::kString)) {  // strings in strings: no copies
    const StringList& l = list.value().as_list();
    return std::find(l.begin(), l.end(), x.value().as_string()) != l.end() ? Tri::kTrue : Tri::kFalse;
  }
  size_t n = ListSize(list);
  if (n == 0) return Tri::kFalse;
  if (x.is_null()) return Tri::kNull;
  bool saw_null = false;
  for (size_t i = 0; i < n; ++i) {
    Tri t = CellEquals(x, ListAt(list, i));
    if (t == Tri::kTrue) return Tri::kTrue;
    if (t == Tri::kNull) saw_null = true;
  }
  return saw_null ? Tri::kNull : Tri::kFalse;
}

Cell StringPredicate(BinOp op, const Cell& a, const Cell& b) {
  if (!IsValue(a, Value::Kind::kString) || !IsValue(b, Value::Kind::kString)) return Null();
  const std::string& s = a.value().as_string();
  const std::string& t = b.value().as_string();
  switch (op) {
    case BinOp::kStartsWith: return Bool(s.compare(0, t.size(), t) == 0 && s.size() >= t.size());
    case BinOp::kEndsWith: return Bool(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0);
    default: return Bool(s.find(t) != std::string::npos);
  }
}

}  // namespace

Tri CellEquals(const Cell& a, const Cell& b) {
  if (a.is_null() || b.is_null()) return Tri::kNull;
  if (IsNumeric(a) && IsNumeric(b)) {
    if (IsInt(a) && IsInt(b)) return a.value().as_int() == b.value().as_int() ? Tri::kTrue : Tri::kFalse;
    return Num(a) == Num(b) ? Tri::kTrue : Tri::kFalse;
  }
  if (IsListLike(a) && IsListLike(b)) {
    size_t n = ListSize(a);
    if (n != ListSize(b)) return Tri::kFalse;
    bool saw_null = false;
    for (size_t i = 0; i < n; ++i) {
      Tri t = CellEquals(ListAt(a, i), ListAt(b, i));
      if (t == Tri::kFalse) return t;
      if (t == Tri::kNull) saw_null = true;
    }
    return saw_null ? Tri::kNull : Tri::kTrue;
  }
  if (a.kind() != b.kind()) return Tri::kFalse;
  switch (a.kind()) {
    case Cell::Kind::kNode: return a.node() == b.node() ? Tri::kTrue : Tri::kFalse;
    case Cell::Kind::kEdge: return a.edge() == b.edge() ? Tri::kTrue : Tri::kFalse;
    case Cell::Kind::kPath: return a.path() == b.path() ? Tri::kTrue : Tri::kFalse;
    default: break;
  }
  if (a.value().kind() != b.value().kind()) return Tri::kFalse;
  return a.value() == b.value() ? Tri::kTrue : Tri::kFalse;
}

int CompareForOrder(const Cell& a, const Cell& b) {
  int ra = TypeRank(a), rb = TypeRank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 1: return Cmp(a.node().v, b.node().v);
    case 2: return Cmp(a.edge().v, b.edge().v);
    case 3: {
      size_t n = ListSize(a), m = ListSize(b);
      for (size_t i = 0; i < n && i < m; ++i) {
        int c = CompareForOrder(ListAt(a, i), ListAt(b, i));
        if (c) return c;
      }
      return Cmp(n, m);
    }
    case 4: {
      const PathValue &p = a.path(), &q = b.path();
      if (p.nodes.size() != q.nodes.size()) return Cmp(p.nodes.size(), q.nodes.size());
      for (size_t i = 0; i < p.nodes.size(); ++i)
        if (p.nodes[i] != q.nodes[i]) return Cmp(p.nodes[i].v, q.nodes[i].v);
      for (size_t i = 0; i < p.edges.size(); ++i)
        if (p.edges[i] != q.edges[i]) return Cmp(p.edges[i].v, q.edges[i].v);
      return 0;
    }
    case 5: {
      int c = a.value().as_string().compare(b.value().as_string());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case 6: return Cmp(a.value().as_bool(), b.value().as_bool());
    case 7: {
      if (IsInt(a) && IsInt(b)) return Cmp(a.value().as_int(), b.value().as_int());
      double x = Num(a), y = Num(b);
      if (std::isnan(x) || std::isnan(y)) return Cmp(std::isnan(x), std::isnan(y));  // NaN last
      return Cmp(x, y);
    }
    default: return 0;
  }
}

void AppendKey(const Cell& c, std::string* key) {
  auto put32 = [&](uint32_t v) { key->append(reinterpret_cast<const char*>(&v), 4); };
  auto put64 = [&](uint64_t v) { key->append(reinterpret_cast<const char*>(&v), 8); };
  switch (c.kind()) {
    case Cell::Kind::kNode: *key += 'n'; put32(c.node().v); return;
    case Cell::Kind::kEdge: *key += 'e'; put32(c.edge().v); return;
    case Cell::Kind::kPath:
      *key += 'p';
      put32(static_cast<uint32_t>(c.path().nodes.size()));
      for (NodeId n : c.path().nodes) put32(n.v);
      for (EdgeId e : c.path().edges) put32(e.v);
      return;
    case Cell::Kind::kList:
    case Cell::Kind::kValue:
      break;
  }
  if (IsListLike(c)) {
    *key += 'l';
    size_t n = ListSize(c);
    put32(static_cast<uint32_t>(n));
    for (size_t i = 0; i < n; ++i) AppendKey(ListAt(c, i), key);
    return;
  }
  const Value& v = c.value();
  switch (v.kind()) {
    case Value::Kind::kNull: *key += 'z'; return;
    case Value::Kind::kBool: *key += v.as_bool() ? 'T' : 'F'; return;
    case Value::Kind::kString:
      *key += 's';
      put32(static_cast<uint32_t>(v.as_string().size()));
      *key += v.as_string();
      return;
    default: {
      // Numbers: integral values share the integer key so 1 = 1.0 group together.
      if (v.kind() == Value::Kind::kInt) {
        *key += 'i';
        put64(static_cast<uint64_t>(v.as_int()));
        return;
      }
      double d = Num(c);
      if (d == std::trunc(d) && std::fabs(d) < 9.2e18) {
        *key += 'i';
        put64(static_cast<uint64_t>(static_cast<int64_t>(d)));
        return;
      }
      *key += 'd';
      uint64_t bits;
      std::memcpy(&bits, &d, 8);
      put64(bits);
      return;
    }
  }
}

Cell PropertyOf(const Cell& base, const std::string& key, const Snapshot& snap) {
  switch (base.kind()) {
    case Cell::Kind::kNode: return Cell(snap.property(base.node(), key));
    case Cell::Kind::kEdge: {
      const Value* v = FindProperty(snap.edge_properties(base.edge()), key);
      return v ? Cell(*v) : Null();
    }
    case Cell::Kind::kValue:
      if (base.value().kind() == Value::Kind::kAmount) {
        const Amount& a = base.value().as_amount();
        if (key == "value") return Cell(Value(a.value));
        if (key == "unit") return Cell(Value(a.unit));
        if (key == "cny") return Cell(Value(a.cny));
      }
      return Null();
    default: return Null();
  }
}

Cell Eval(const Expr& e, EvalContext& ctx) {
  switch (e.kind) {
    case ExprKind::kLiteral: return Cell(e.literal);
    case ExprKind::kParam: return Cell((*ctx.params)[e.param]);
    case ExprKind::kVar:
      if (e.column >= 0 && ctx.columns) return (*ctx.columns)[e.column];
      return (*ctx.row)[e.slot];
    case ExprKind::kProperty: return PropertyOf(Eval(*e.args[0], ctx), e.name, *ctx.snap);
    case ExprKind::kList: {
      Cell::List out;
      out.reserve(e.args.size());
      for (const auto& a : e.args) out.push_back(Eval(*a, ctx));
      return Cell::MakeList(std::move(out));
    }
    case ExprKind::kNot: return FromTri(Not(ToTri(Eval(*e.args[0], ctx))));
    case ExprKind::kNeg: {
      Cell x = Eval(*e.args[0], ctx);
      if (x.is_null()) return x;
      return Arith(BinOp::kSub, Cell(Value(int64_t{0})), x, ctx);
    }
    case ExprKind::kIsNull: return Bool(Eval(*e.args[0], ctx).is_null());
    case ExprKind::kIsNotNull: return Bool(!Eval(*e.args[0], ctx).is_null());
    case ExprKind::kCall:
      if (e.agg >= 0) return ctx.aggregates ? (*ctx.aggregates)[e.agg] : Null();
      return CallFunction(e, ctx);
    case ExprKind::kBinary: break;
  }
  // Binary operators; AND / OR short-circuit on a decided left side.
  if (e.op == BinOp::kAnd || e.op == BinOp::kOr) {
    Tri a = ToTri(Eval(*e.args[0], ctx));
    if (e.op == BinOp::kAnd && a == Tri::kFalse) return Bool(false);
    if (e.op == BinOp::kOr && a == Tri::kTrue) return Bool(true);
    Tri b = ToTri(Eval(*e.args[1], ctx));
    if (e.op == BinOp::kAnd) {
      if (b == Tri::kFalse) return Bool(false);
      return (a == Tri::kTrue && b == Tri::kTrue) ? Bool(true) : Null();
    }
    if (b == Tri::kTrue) return Bool(true);
    return (a == Tri::kFalse && b == Tri::kFalse) ? Bool(false) : Null();
  }
  Cell a = Eval(*e.args[0], ctx);
  Cell b = Eval(*e.args[1], ctx);
  switch (e.op) {
    case BinOp::kXor: {
      Tri x = ToTri(a), y = ToTri(b);
      if (x == Tri::kNull || y == Tri::kNull) return Null();
      return Bool(x != y);
    }
    case BinOp::kEq: return FromTri(CellEquals(a, b));
    case BinOp::kNe: return FromTri(Not(CellEquals(a, b)));
    case BinOp::kLt: return FromTri(Less(a, b, false));
    case BinOp::kLe: return FromTri(Less(a, b, true));
    case BinOp::kGt: return FromTri(Less(b, a, false));
    case BinOp::kGe: return FromTri(Less(b, a, true));
    case BinOp::kIn: return FromTri(In(a, b));
    case BinOp::kStartsWith:
    case BinOp::kEndsWith:
    case BinOp::kContains: return StringPredicate(e.op, a, b);
    default: return Arith(e.op, a, b, ctx);
  }
}

bool EvalPredicate(const Expr& e, EvalContext& ctx) {
  Cell c = Eval(e, ctx);
  return IsValue(c, Value::Kind::kBool) && c.value().as_bool();
}

}  // namespace pkg::query
