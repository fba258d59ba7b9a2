// Binder: checks a parsed query against the schema and annotates it.
//
// Interface: Bind(schema, opts, &query, &info, &error). It resolves labels and
// relationship types to schema ids (unknown names get "did you mean …", also
// for Chinese type names: (n:基金) suggests Fund), checks property names
// against the schema (node columns id, name, name_en, aliases, type are always
// known; amounts have .value, .unit, .cny), gives every variable a row slot
// with a kind (node, relationship, relationship list, path, value), checks
// that variables are defined before use and not used as two kinds, resolves
// $parameters, checks function names and arity, collects aggregates (only in
// RETURN and ORDER BY), resolves ORDER BY aliases, applies the hop limits
// (default opts.max_hops; above kMaxHopsHardLimit is an error), and measures
// expression depth (kMaxExprDepth) so evaluation recursion stays bounded.
//
// It does not choose an evaluation order (planner.h) or touch graph data.
// Tested in tests/query/binder_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "graph/schema.h"
#include "query/ast.h"
#include "query/engine.h"
#include "query/position.h"

namespace pkg::query {

inline constexpr int kMaxExprDepth = 200;

struct BindInfo {
  bool aggregating = false;
  // The output depends only on the set of distinct variable bindings, not on
  // how many times each is found (RETURN DISTINCT, or only count(DISTINCT),
  // collect(DISTINCT), min, max aggregates). Lets the planner use
  // breadth-first reachability instead of enumerating every trail.
  bool set_semantics = false;
  std::vector<Value> params;  // by Expr::param
  int64_t skip = 0;
  int64_t limit = -1;  // -1: none
};

bool Bind(const Schema& schema, const QueryOptions& opts, Query* q, BindInfo* info, PosError* error);

// True for count, collect, min, max, sum, avg.
bool IsAggregateFunction(const std::string& name);

}  // namespace pkg::query
