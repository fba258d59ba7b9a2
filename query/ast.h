// Abstract syntax tree of one query, produced by parser.h, checked and
// annotated by binder.h (the `slot`, `agg`, id fields), read by the planner
// and executor. Every node keeps the byte offset of its first token so that
// errors found after parsing still point at the query.
//
// DumpQuery prints the tree as one S-expression line, the form the parser
// tests compare against (tests/query/parser_test.cc).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "graph/ids.h"
#include "graph/value.h"

namespace pkg::query {

enum class ExprKind {
  kLiteral,   // value
  kParam,     // $name
  kVar,       // name
  kProperty,  // args[0].name
  kList,      // [args...]
  kNot,       // NOT args[0]
  kNeg,       // -args[0]
  kBinary,    // args[0] op args[1]
  kIsNull,    // args[0] IS NULL
  kIsNotNull, // args[0] IS NOT NULL
  kCall,      // name(args...) or name(DISTINCT args...), count(*) has star
};

enum class BinOp {
  kOr, kXor, kAnd, kEq, kNe, kLt, kLe, kGt, kGe, kIn, kStartsWith, kEndsWith, kContains,
  kAdd, kSub, kMul, kDiv, kMod,
};
const char* BinOpName(BinOp op);

enum class VarKind { kUnknown, kNode, kEdge, kEdgeList, kPath, kValue };

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  size_t offset = 0;
  Value literal;            // kLiteral
  std::string name;         // kParam, kVar, kProperty (the key), kCall (function, lower case)
  BinOp op = BinOp::kEq;    // kBinary
  bool distinct = false;    // kCall
  bool star = false;        // kCall count(*)
  std::vector<std::unique_ptr<Expr>> args;
  // ---- set by the binder
  int slot = -1;            // kVar: row slot
  VarKind var_kind = VarKind::kUnknown;
  int agg = -1;             // kCall of an aggregate: index into the aggregate list
  int param = -1;           // kParam: index into QueryOptions::params
  int column = -1;          // kVar naming a RETURN alias (ORDER BY): output column

  Expr() = default;
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;
  // Iterative: a long chain such as 1+1+…+1 (a 64 KiB query) must not
  // recurse once per level when it is freed.
  ~Expr();
};

// True when `root` contains an aggregate call (Expr::agg >= 0, set by the
// binder). Walks with an explicit stack (user input sets the depth).
inline bool HasAggregate(const Expr& root) {
  std::vector<const Expr*> stack{&root};
  while (!stack.empty()) {
    const Expr* e = stack.back();
    stack.pop_back();
    if (e->agg >= 0) return true;
    for (const auto& a : e->args) stack.push_back(a.get());
  }
  return false;
}
using ExprPtr = std::unique_ptr<Expr>;

struct PropEntry {
  std::string key;
  size_t offset = 0;
  ExprPtr value;
};

struct NodePattern {
  size_t offset = 0;
  std::string var;  // "" when anonymous
  std::vector<std::string> labels;
  std::vector<size_t> label_offsets;
  std::vector<PropEntry> props;
  // ---- set by the binder
  int slot = -1;
  std::vector<TypeId> label_ids;
};

enum class Direction { kOut, kIn, kBoth };  // (a)-->(b), (a)<--(b), (a)--(b)

struct RelPattern {
  size_t offset = 0;
  std::string var;
  std::vector<std::string> types;
  std::vector<size_t> type_offsets;
  Direction dir = Direction::kBoth;
  bool var_length = false;
  int min_hops = 1;       // var_length only
  int max_hops = -1;      // -1: not given
  size_t range_offset = 0;
  bool shortest = false;  // Kuzu's "* SHORTEST a..b": the path is a shortestPath
  std::vector<PropEntry> props;
  // ---- set by the binder
  int slot = -1;
  std::vector<EdgeTypeId> type_ids;  // empty: any type
  int max_resolved = 1;              // max_hops after defaults
};

enum class PathMode { kAll, kShortest, kAllShortest };

struct PathPattern {
  size_t offset = 0;
  std::string var;  // p = (...)
  PathMode mode = PathMode::kAll;
  std::vector<NodePattern> nodes;  // nodes.size() == rels.size() + 1
  std::vector<RelPattern> rels;
  int slot = -1;  // binder: path slot
};

struct MatchClause {
  size_t offset = 0;
  bool optional = false;
  std::vector<PathPattern> patterns;
  ExprPtr where;
};

struct YieldItem {
  std::string name, alias;
  size_t offset = 0;
  int slot = -1;
};

struct CallClause {
  size_t offset = 0;
  std::string proc;  // lower case
  std::vector<ExprPtr> args;
  std::vector<YieldItem> yields;
  ExprPtr where;
};

struct ReadingClause {
  enum Kind { kMatch, kCall } kind = kMatch;
  MatchClause match;
  CallClause call;
};

struct ReturnItem {
  ExprPtr expr;
  std::string alias;  // AS alias, or the item text as written
  bool has_alias = false;
  size_t offset = 0;
};

struct SortItem {
  ExprPtr expr;
  bool desc = false;
  int column = -1;  // binder: the RETURN column this sorts by, when it names one
};

struct ReturnClause {
  size_t offset = 0;
  bool distinct = false;
  bool star = false;  // RETURN *
  std::vector<ReturnItem> items;
  std::vector<SortItem> order;
  ExprPtr skip, limit;
};

struct Query {
  bool explain = false;  // EXPLAIN: return the plan instead of running it
  std::vector<ReadingClause> clauses;
  ReturnClause ret;
  // ---- set by the binder
  int num_slots = 0;
  std::vector<std::string> slot_names;
  std::vector<VarKind> slot_kinds;
  std::vector<Expr*> aggregates;
};

// One-line S-expression of the tree, e.g.
// (query (match (path (node n :Measure) (rel > :SUPPORTS *1..5) (node t {id 'x'}))) (return (item (count distinct (var m)))))
std::string DumpQuery(const Query& q);
std::string DumpExpr(const Expr& e);

}  // namespace pkg::query
