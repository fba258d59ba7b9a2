// Projection: the RETURN clause. Consumes the rows the executor finds and
// produces the QueryResult: expressions and aliases, DISTINCT, grouping with
// aggregates (count, collect, min, max, sum, avg, with or without DISTINCT),
// ORDER BY, SKIP, LIMIT and the max_rows cap.
//
// Without ORDER BY and aggregation it stops the executor as soon as enough
// rows exist (Consume returns false); with ORDER BY it keeps only the best
// SKIP + LIMIT (at most max_rows + 1) rows in a heap. count(DISTINCT n) over nodes uses a
// bitset sized num_nodes instead of a hash set (the "which measures support
// X" count over ~700,000 measures), and no row is materialised when only
// aggregates are returned.
//
// Tested through tests/query/engine_test.cc (aggregation, ordering, nulls).
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "query/ast.h"
#include "query/binder.h"
#include "query/engine.h"
#include "query/eval.h"

namespace pkg::query {

class Projection {
 public:
  Projection(const Snapshot& snap, const Query& q, const BindInfo& info, const QueryOptions& opts);
  ~Projection();

  // Takes the row in ctx.row. Returns false when no more rows are needed.
  // Errors of evaluation are left in ctx.error.
  bool Consume(EvalContext& ctx);
  // Builds the final rows. REQUIRES: called once, after the last Consume.
  Status Finish(EvalContext& ctx, QueryResult* out);

  // For the counted edge scan (count_scan.h): true when the RETURN groups
  // rows and every aggregate is count(*), with no DISTINCT and no group
  // keeping a representative row, so `weight` equal rows can be consumed at
  // once. key_node_slot() is then the one node variable the grouping keys
  // read (-1: no keys, or keys reading anything else).
  bool CountsOnly() const;
  bool has_keys() const { return !key_items_.empty(); }
  int key_node_slot() const { return key_node_slot_; }
  // Like Consume for `weight` copies of the row in ctx.row. REQUIRES: CountsOnly().
  bool ConsumeCounted(EvalContext& ctx, int64_t weight);

 private:
  struct Acc;
  struct Group;
  struct OutRow {
    std::vector<Cell> cells;
    std::vector<Cell> sort_keys;
    uint64_t seq = 0;  // arrival order
  };
  bool RowLess(const OutRow& a, const OutRow& b) const;
  bool ConsumePlain(EvalContext& ctx);
  bool ConsumeAggregate(EvalContext& ctx);
  Group* FindGroup(EvalContext& ctx);  // nullptr with ctx.error set
  void Accumulate(Group& g, EvalContext& ctx);
  Group& NewGroup(std::vector<Cell> keys, const std::vector<Cell>& row);
  void SortKeys(OutRow& r, EvalContext& ctx, const std::vector<Cell>* aggs);

  const Snapshot& snap_;
  const Query& q_;
  const BindInfo& info_;
  const QueryOptions& opts_;
  enum class AggKind { kCount, kCollect, kMin, kMax, kSum, kAvg };
  struct AggInfo {
    AggKind kind;
    const Expr* node_var;  // DISTINCT decided by this node variable's identity
  };
  std::vector<AggInfo> aggs_;  // parallel to Query::aggregates
  std::vector<int> key_items_;  // RETURN items without aggregates
  bool need_row_copy_ = false;  // groups keep a representative row
  std::vector<OutRow> rows_;
  std::unordered_map<std::string, size_t> seen_;  // DISTINCT keys or group keys → index
  std::vector<std::unique_ptr<Group>> groups_;
  // When every grouping key reads one node variable only (i.name, labels(i)),
  // groups are found by node id: key_node_slot_ is that variable's slot and
  // node_group_[n] the group of node n (kNoGroup until seen).
  static constexpr uint32_t kNoGroup = 0xFFFFFFFFu;
  int key_node_slot_ = -1;
  std::vector<uint32_t> node_group_;
  std::string key_;
  size_t stop_after_ = SIZE_MAX;
  uint64_t seq_ = 0;
};

}  // namespace pkg::query
