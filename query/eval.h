// Expression evaluation over one row of bindings, and the value semantics the
// executor shares: three-valued logic, Neo4j-style equality and ordering,
// grouping keys.
//
// Semantics (openCypher / Neo4j): null propagates through comparisons and
// arithmetic; AND/OR/XOR/NOT are three-valued; a WHERE keeps a row only when
// the predicate is true; x IN list is null when x is null or the list holds a
// null and no match; comparing values of different kinds with < is null,
// with = is false. Integers and reals compare numerically; an amount
// compares by its normalised CNY. ORDER BY uses a total order over kinds
// (nodes, relationships, lists, paths, strings, booleans, numbers) with null
// last ascending and first descending.
//
// Runtime failures (division by zero, integer overflow) set ctx.error and
// yield null; the executor then stops the query with that error.
// Recursion follows the expression tree, whose depth the binder capped at
// kMaxExprDepth.
// Tested in tests/query/eval_test.cc.
#pragma once

#include <string>
#include <vector>

#include "graph/snapshot.h"
#include "query/ast.h"
#include "query/engine.h"

namespace pkg::query {

struct EvalContext {
  const Snapshot* snap = nullptr;
  const std::vector<Cell>* row = nullptr;        // slots
  const std::vector<Value>* params = nullptr;    // BindInfo::params
  const std::vector<Cell>* columns = nullptr;    // projected row (ORDER BY aliases)
  const std::vector<Cell>* aggregates = nullptr; // final aggregate values by Expr::agg
  Status error;
};

enum class Tri { kFalse, kTrue, kNull };

Cell Eval(const Expr& e, EvalContext& ctx);
// WHERE semantics: true only when the expression is boolean true.
bool EvalPredicate(const Expr& e, EvalContext& ctx);

Tri CellEquals(const Cell& a, const Cell& b);
// Total order for ORDER BY; nulls sort after everything.
int CompareForOrder(const Cell& a, const Cell& b);
// Appends a byte key such that equal keys ⇔ equal cells for DISTINCT and
// grouping (1 and 1.0 are the same key; null has its own key).
void AppendKey(const Cell& c, std::string* key);
// A property of a node or edge cell, or a field of an amount; null otherwise.
Cell PropertyOf(const Cell& base, const std::string& key, const Snapshot& snap);

}  // namespace pkg::query
