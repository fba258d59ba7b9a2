// Scalar functions of the query language (labels, type, id, nodes,
// relationships, length, size, head, last, coalesce, toLower, toUpper,
// toString, toInteger, toFloat, abs, startNode, endNode). Aggregates live in
// projection.cc. A function given null, or a value of the wrong kind,
// returns null (as in Neo4j); integer overflow sets ctx.error.
// The binder (binder.cc) holds the list of names and arities.
// Tested through tests/query/executor_test.cc and eval_test.cc.
#pragma once

#include "query/ast.h"
#include "query/eval.h"

namespace pkg::query {

// REQUIRES: e.kind == kCall, not an aggregate, arity checked by the binder.
Cell CallFunction(const Expr& e, EvalContext& ctx);

}  // namespace pkg::query
