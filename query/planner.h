// Planner: a bound query → a flat list of steps the executor runs as one
// backtracking pipeline (no recursion).
//
// For each MATCH it picks, pattern by pattern, the most selective node to
// start from: an already bound variable, then {id: …} or WHERE n.id = …
// (Snapshot::FindByKey), then {name: …} or WHERE n.name = … (the name index),
// then a label scan, then all nodes. From the start it expands along the
// pattern in both directions, flipping each relationship's direction when it
// walks a pattern right to left, so (m)-[*1..5]->(t {id:'x'}) walks in-edges
// from t. WHERE is split into AND-ed conjuncts, each placed right after the
// step that binds its last variable. shortestPath binds both ends first and
// then searches between them. A pattern with no selective node but a typed
// single-hop relationship starts with an edge scan (kEdgeScan: the snapshot's
// per-type edge lists, Snapshot::EdgesOfType) instead of a node scan followed
// by expansion. OPTIONAL MATCH is bracketed by kOptionalBegin/kOptionalEnd so
// the executor can emit one null row.
//
// A variable-length relationship with no variable, outside a named path,
// with a minimum of 0 or 1 hops, in a query whose answer depends only on the
// set of bindings (BindInfo::set_semantics) is planned in reach mode:
// breadth-first search with a visited bitset, each endpoint once, instead of
// enumerating every trail.
//
// Tested in tests/query/planner_test.cc (through Plan::Explain).
#pragma once

#include <bitset>
#include <string>
#include <vector>

#include "graph/snapshot.h"
#include "query/ast.h"
#include "query/binder.h"

namespace pkg::query {

enum class StepKind { kScan, kEdgeScan, kExpand, kShortest, kFilter, kBuildPath, kCall, kOptionalBegin, kOptionalEnd };
enum class ScanSource { kBound, kAll, kLabel, kKey, kName };

// Constraints on a node bound by a step: every label, and each property map
// entry ({name: …} matches through the name index, {id: …} the key).
struct NodeCheck {
  std::vector<TypeId> labels;
  uint64_t label_mask = 0;  // bit t set for each label t (Schema::LabelBits order)
  bool has_type_set = false;  // the node's own type must be in type_set
  uint64_t type_set = 0;      // (from WHERE n.type = … / IN […])
  std::vector<const PropEntry*> props;
};

struct PathPart {
  int step = -1;          // the expand or shortest step that bound this relationship
  bool reversed = false;  // the step walked it right to left
};

struct Step {
  StepKind kind = StepKind::kFilter;
  // kScan: bind `slot` from `source`; kExpand: `from_slot` → `slot`.
  int slot = -1;
  ScanSource source = ScanSource::kAll;
  TypeId label;                   // kLabel
  const Expr* lookup = nullptr;   // kKey, kName: the value looked up
  NodeCheck check;
  NodeCheck from_check;           // kEdgeScan: constraints on the from node
  bool to_bound = false;          // kExpand/kShortest: `slot` is already bound; check equality
  // kExpand / kShortest
  int from_slot = -1;
  int rel_slot = -1;              // -1: the edges are not stored in the row
  bool rel_is_list = false;       // store a list of edges (variable length)
  Direction dir = Direction::kOut;  // relative to the walk from from_slot
  std::bitset<256> types;         // allowed edge types
  bool var_length = false;
  int min_hops = 1, max_hops = 1;
  bool reach = false;             // breadth-first, each endpoint once
  std::vector<const PropEntry*> rel_props;
  std::vector<int> unique_against;  // earlier expand steps of the same MATCH
  bool all_shortest = false;      // kShortest
  uint64_t scan_types = ~uint64_t{0};  // kEdgeScan: node types that can start such an edge
  // kFilter
  const Expr* expr = nullptr;
  // kBuildPath
  int path_slot = -1;
  int start_slot = -1;
  std::vector<PathPart> parts;
  // kCall
  const CallClause* call = nullptr;
  // kOptionalBegin / kOptionalEnd
  int partner = -1;               // index of the matching begin/end
  std::vector<int> null_slots;    // slots the optional clause binds
};

struct Plan {
  std::vector<Step> steps;
  // One line per step, e.g. "expand t <- m [SUPPORTS|PART_OF] *1..5 reach check :Measure".
  std::string Explain(const Query& q, const Schema& schema) const;
};

Plan MakePlan(const Query& q, const BindInfo& info, const Snapshot& snap);

}  // namespace pkg::query
