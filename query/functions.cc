// Scalar functions (see functions.h).
#include "query/functions.h"

#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "query/value_ops.h"

namespace pkg::query {

namespace {
size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

Cell CallFunction(const Expr& e, EvalContext& ctx) {
  const std::string& f = e.name;
  const Snapshot& snap = *ctx.snap;
  if (f == "coalesce") {
    for (const auto& a : e.args) {
      Cell c = Eval(*a, ctx);
      if (!c.is_null()) return c;
    }
    return Null();
  }
  Cell x = Eval(*e.args[0], ctx);
  if (x.is_null()) return Null();
  auto kind = x.kind();
  if (f == "labels" && kind == Cell::Kind::kNode) {
    Cell::List out;
    for (TypeId t : snap.schema().Labels(snap.type(x.node()))) out.push_back(Cell(Value(snap.schema().node_type(t).name)));
    return Cell::MakeList(std::move(out));
  }
  if (f == "type" && kind == Cell::Kind::kEdge) return Cell(Value(snap.schema().edge_type(snap.edge_type(x.edge())).name));
  if (f == "id") {
    if (kind == Cell::Kind::kNode) return Cell(Value(std::string(snap.key(x.node()))));
    if (kind == Cell::Kind::kEdge) return Cell(Value("e" + std::to_string(x.edge().v)));
    return Null();
  }
  if (f == "startnode" && kind == Cell::Kind::kEdge) return Cell::Node(snap.source(x.edge()));
  if (f == "endnode" && kind == Cell::Kind::kEdge) return Cell::Node(snap.target(x.edge()));
  if (f == "nodes" && kind == Cell::Kind::kPath) {
    Cell::List out;
    for (NodeId n : x.path().nodes) out.push_back(Cell::Node(n));
    return Cell::MakeList(std::move(out));
  }
  if ((f == "relationships" || f == "rels") && kind == Cell::Kind::kPath) {
    Cell::List out;
    for (EdgeId r : x.path().edges) out.push_back(Cell::Edge(r));
    return Cell::MakeList(std::move(out));
  }
  if ((f == "relationships" || f == "rels") && kind == Cell::Kind::kList) return x;
  if (f == "length") {
    if (kind == Cell::Kind::kPath) return Cell(Value(static_cast<int64_t>(x.path().edges.size())));
    if (IsListLike(x)) return Cell(Value(static_cast<int64_t>(ListSize(x))));
    if (IsValue(x, Value::Kind::kString)) return Cell(Value(static_cast<int64_t>(CodePoints(Str(x)))));
    return Null();
  }
  if (f == "size") {
    if (IsListLike(x)) return Cell(Value(static_cast<int64_t>(ListSize(x))));
    if (IsValue(x, Value::Kind::kString)) return Cell(Value(static_cast<int64_t>(CodePoints(Str(x)))));
    return Null();
  }
  if ((f == "head" || f == "last") && IsListLike(x)) {
    size_t n = ListSize(x);
    if (n == 0) return Null();
    return ListAt(x, f == "head" ? 0 : n - 1);
  }
  if ((f == "tolower" || f == "toupper") && IsValue(x, Value::Kind::kString)) {
    std::string s = Str(x);
    for (char& c : s) c = static_cast<char>(f == "tolower" ? std::tolower(static_cast<unsigned char>(c))
                                                         : std::toupper(static_cast<unsigned char>(c)));
    return Cell(Value(std::move(s)));
  }
  if (f == "tostring") return Cell(Value(x.ToDisplay(snap)));
  if (f == "tointeger") {
    if (IsNumeric(x)) return Cell(Value(static_cast<int64_t>(Num(x))));
    if (IsValue(x, Value::Kind::kString)) {
      char* end = nullptr;
      const std::string& s = Str(x);
      long long v = std::strtoll(s.c_str(), &end, 10);
      return (end && *end == 0 && !s.empty()) ? Cell(Value(static_cast<int64_t>(v))) : Null();
    }
    return Null();
  }
  if (f == "tofloat") {
    if (IsNumeric(x)) return Cell(Value(Num(x)));
    if (IsValue(x, Value::Kind::kString)) {
      char* end = nullptr;
      const std::string& s = Str(x);
      double v = std::strtod(s.c_str(), &end);
      return (end && *end == 0 && !s.empty()) ? Cell(Value(v)) : Null();
    }
    return Null();
  }
  if (f == "abs" && IsNumeric(x)) {
    if (IsInt(x)) {
      int64_t v = x.value().as_int();
      if (v == INT64_MIN) {
        ctx.error = Status::Invalid("integer overflow");
        return Null();
      }
      return Cell(Value(v < 0 ? -v : v));
    }
    return Cell(Value(std::fabs(Num(x))));
  }
  return Null();
}

}  // namespace pkg::query
