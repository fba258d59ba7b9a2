// Executor: runs a Plan over a Snapshot and feeds each complete row of
// bindings to the Projection.
//
// The plan's steps form one backtracking pipeline driven by a loop over a
// step index (no recursion): each step either produces its next binding
// (advance to the following step) or is exhausted (go back one). Pattern
// expansion is depth-first with an explicit stack of adjacency cursors and
// enumerates trails (no edge twice in one MATCH, as openCypher requires);
// reach-mode steps run one breadth-first search and produce each endpoint
// once; shortest-path steps use traversal.h. OPTIONAL MATCH produces one row
// with nulls when its steps find nothing.
//
// Limits: the time budget and cancellation are checked inside every loop;
// evaluation errors end the query with their status.
// Tested in tests/query/executor_test.cc and engine_test.cc.
#pragma once

#include "graph/snapshot.h"
#include "query/binder.h"
#include "query/engine.h"
#include "query/planner.h"
#include "query/projection.h"

namespace pkg::query {

Status Execute(const Snapshot& snap, const Query& q, const BindInfo& info, const Plan& plan,
               const QueryOptions& opts, Projection* projection);

}  // namespace pkg::query
