// DumpQuery / DumpExpr: the AST as one S-expression line (see ast.h), and
// Expr's destructor. Both walk with an explicit stack, so a deep tree cannot
// overflow the C++ stack.
#include <string>
#include <utility>
#include <vector>

#include "query/ast.h"

namespace pkg::query {

Expr::~Expr() {
  std::vector<std::unique_ptr<Expr>> stack;
  for (auto& a : args) stack.push_back(std::move(a));
  while (!stack.empty()) {
    std::unique_ptr<Expr> e = std::move(stack.back());
    stack.pop_back();
    for (auto& a : e->args) stack.push_back(std::move(a));
    e->args.clear();
  }  // each node is freed with no children left
}

const char* BinOpName(BinOp op) {
  switch (op) {
    case BinOp::kOr: return "or";
    case BinOp::kXor: return "xor";
    case BinOp::kAnd: return "and";
    case BinOp::kEq: return "=";
    case BinOp::kNe: return "<>";
    case BinOp::kLt: return "<";
    case BinOp::kLe: return "<=";
    case BinOp::kGt: return ">";
    case BinOp::kGe: return ">=";
    case BinOp::kIn: return "in";
    case BinOp::kStartsWith: return "starts-with";
    case BinOp::kEndsWith: return "ends-with";
    case BinOp::kContains: return "contains";
    case BinOp::kAdd: return "+";
    case BinOp::kSub: return "-";
    case BinOp::kMul: return "*";
    case BinOp::kDiv: return "/";
    case BinOp::kMod: return "%";
  }
  return "?";
}

namespace {

std::string Literal(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull: return "null";
    case Value::Kind::kBool: return v.as_bool() ? "true" : "false";
    case Value::Kind::kString: return "'" + v.as_string() + "'";
    default: return v.ToDisplay();
  }
}

// Head of an expression node: "(prop name" etc.; children follow, then ")".
std::string Head(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kLiteral: return Literal(e.literal);
    case ExprKind::kParam: return "$" + e.name;
    case ExprKind::kVar: return "(var " + e.name + ")";
    case ExprKind::kProperty: return "(prop " + e.name;
    case ExprKind::kList: return "(list";
    case ExprKind::kNot: return "(not";
    case ExprKind::kNeg: return "(neg";
    case ExprKind::kBinary: return std::string("(") + BinOpName(e.op);
    case ExprKind::kIsNull: return "(is-null";
    case ExprKind::kIsNotNull: return "(is-not-null";
    case ExprKind::kCall:
      return "(" + e.name + (e.distinct ? " distinct" : "") + (e.star ? " *" : "");
  }
  return "(?";
}

bool IsLeaf(const Expr& e) {
  return e.kind == ExprKind::kLiteral || e.kind == ExprKind::kParam || e.kind == ExprKind::kVar;
}

void DumpExprTo(const Expr& root, std::string& out) {
  // Stack of (expr, next child index).
  std::vector<std::pair<const Expr*, size_t>> stack{{&root, 0}};
  out += Head(root);
  if (IsLeaf(root)) return;
  while (!stack.empty()) {
    auto& [e, i] = stack.back();
    if (i < e->args.size()) {
      const Expr* c = e->args[i++].get();
      out += ' ';
      out += Head(*c);
      if (!IsLeaf(*c)) stack.push_back({c, 0});
    } else {
      out += ')';
      stack.pop_back();
    }
  }
}

void DumpProps(const std::vector<PropEntry>& props, std::string& out) {
  if (props.empty()) return;
  out += " {";
  for (size_t i = 0; i < props.size(); ++i) {
    if (i) out += ", ";
    out += props[i].key + " ";
    DumpExprTo(*props[i].value, out);
  }
  out += "}";
}

void DumpNode(const NodePattern& n, std::string& out) {
  out += "(node";
  if (!n.var.empty()) out += " " + n.var;
  for (const auto& l : n.labels) out += " :" + l;
  DumpProps(n.props, out);
  out += ")";
}

void DumpRel(const RelPattern& r, std::string& out) {
  out += "(rel ";
  out += r.dir == Direction::kOut ? ">" : r.dir == Direction::kIn ? "<" : "-";
  if (!r.var.empty()) out += " " + r.var;
  for (size_t i = 0; i < r.types.size(); ++i) out += (i ? "|" : " :") + r.types[i];
  if (r.var_length) {
    out += " *" + std::to_string(r.min_hops) + "..";
    if (r.max_hops >= 0) out += std::to_string(r.max_hops);
  }
  DumpProps(r.props, out);
  out += ")";
}

void DumpPath(const PathPattern& p, std::string& out) {
  out += "(path";
  if (!p.var.empty()) out += " " + p.var + " =";
  if (p.mode == PathMode::kShortest) out += " shortest";
  if (p.mode == PathMode::kAllShortest) out += " all-shortest";
  for (size_t i = 0; i < p.nodes.size(); ++i) {
    out += ' ';
    DumpNode(p.nodes[i], out);
    if (i < p.rels.size()) {
      out += ' ';
      DumpRel(p.rels[i], out);
    }
  }
  out += ")";
}

}  // namespace

std::string DumpExpr(const Expr& e) {
  std::string out;
  DumpExprTo(e, out);
  return out;
}

std::string DumpQuery(const Query& q) {
  std::string out = q.explain ? "(explain-query" : "(query";
  for (const auto& c : q.clauses) {
    if (c.kind == ReadingClause::kMatch) {
      out += c.match.optional ? " (optional-match" : " (match";
      for (const auto& p : c.match.patterns) {
        out += ' ';
        DumpPath(p, out);
      }
      if (c.match.where) out += " (where " + DumpExpr(*c.match.where) + ")";
      out += ")";
    } else {
      out += " (call " + c.call.proc;
      for (const auto& a : c.call.args) out += " " + DumpExpr(*a);
      if (!c.call.yields.empty()) {
        out += " (yield";
        for (const auto& y : c.call.yields) out += " " + y.name + (y.alias != y.name ? " as " + y.alias : "");
        out += ")";
      }
      if (c.call.where) out += " (where " + DumpExpr(*c.call.where) + ")";
      out += ")";
    }
  }
  const ReturnClause& r = q.ret;
  out += r.distinct ? " (return distinct" : " (return";
  if (r.star) out += " *";
  for (const auto& it : r.items) {
    out += " (item " + DumpExpr(*it.expr);
    if (it.has_alias) out += " as " + it.alias;
    out += ")";
  }
  if (!r.order.empty()) {
    out += " (order";
    for (const auto& s : r.order) out += " " + DumpExpr(*s.expr) + (s.desc ? " desc" : " asc");
    out += ")";
  }
  if (r.skip) out += " (skip " + DumpExpr(*r.skip) + ")";
  if (r.limit) out += " (limit " + DumpExpr(*r.limit) + ")";
  out += "))";
  return out;
}

}  // namespace pkg::query
