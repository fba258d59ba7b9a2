// Counted edge scan: see count_scan.h.
#include "query/count_scan.h"

#include <vector>

#include "query/eval.h"
#include "query/traversal.h"

namespace pkg::query {

namespace {
bool NoCheck(const NodeCheck& c) { return !c.label_mask && !c.has_type_set && c.props.empty(); }

// Count per end node: open addressing with linear probing (a std::unordered_map
// costs more than the rest of the scan per edge), ends kept in first-seen order.
class EndCounts {
 public:
  void Add(uint32_t node) {
    if ((ends_.size() + 1) * 2 > slots_.size()) Grow();
    size_t i = Slot(node);
    if (slots_[i] == kEmpty) {
      slots_[i] = static_cast<uint32_t>(ends_.size());
      ends_.emplace_back(node, 0);
    }
    ++ends_[slots_[i]].second;
  }
  const std::vector<std::pair<uint32_t, int64_t>>& ends() const { return ends_; }

 private:
  static constexpr uint32_t kEmpty = 0xFFFFFFFFu;
  size_t Slot(uint32_t node) const {
    size_t mask = slots_.size() - 1;
    size_t i = (node * 0x9E3779B1u) & mask;
    while (slots_[i] != kEmpty && ends_[slots_[i]].first != node) i = (i + 1) & mask;
    return i;
  }
  void Grow() {
    slots_.assign(slots_.empty() ? 1024 : slots_.size() * 2, kEmpty);
    for (uint32_t k = 0; k < ends_.size(); ++k) slots_[Slot(ends_[k].first)] = k;
  }
  std::vector<uint32_t> slots_;  // index into ends_, or kEmpty
  std::vector<std::pair<uint32_t, int64_t>> ends_;
};
}  // namespace

bool TryCountScan(const Snapshot& snap, const Query& q, const BindInfo& info, const Plan& plan,
                  const QueryOptions& opts, Projection* projection, Status* status) {
  if (plan.steps.size() != 1) return false;
  const Step& s = plan.steps[0];
  if (s.kind != StepKind::kEdgeScan || s.rel_slot >= 0 || s.to_bound || s.from_slot == s.slot ||
      !s.rel_props.empty() || !s.unique_against.empty() || !NoCheck(s.check) || !NoCheck(s.from_check))
    return false;
  if (!projection->CountsOnly()) return false;
  const int key = projection->key_node_slot();
  if (projection->has_keys() && key != s.slot && key != s.from_slot) return false;
  const bool key_is_to = key == s.slot;

  Budget budget(opts.time_budget, opts.cancel);
  EndCounts counts;
  int64_t total = 0;
  // No check of the start node's type (Step::scan_types): the edges of a type
  // list already join the types the schema allows, which GraphBuilder
  // enforces. So only the end that is counted is read from memory.
  for (size_t t = 0; t < s.types.size(); ++t) {
    if (!s.types.test(t)) continue;
    std::span<const EdgeId> list = snap.EdgesOfType(EdgeTypeId(static_cast<uint8_t>(t)));
    for (int phase = 0; phase < (s.dir == Direction::kBoth ? 2 : 1); ++phase) {
      const bool inward = s.dir == Direction::kIn || phase == 1;
      if (!projection->has_keys() && phase == 0) {
        total += static_cast<int64_t>(list.size());
        continue;
      }
      // The counted end is the edge's target when walking out to `to`, or in to `from`.
      const bool want_target = key_is_to != inward;
      for (size_t i = 0; i < list.size(); ++i) {
        if (!budget.Tick()) {
          *status = budget.status();
          return true;
        }
        if (i + 16 < list.size()) snap.Prefetch(list[i + 16], /*source=*/!want_target || phase == 1,
                                                /*target=*/want_target || phase == 1);
        EdgeId e = list[i];
        if (phase == 1 && snap.source(e) == snap.target(e)) continue;  // self-loop: once
        if (!projection->has_keys()) {
          ++total;
          continue;
        }
        counts.Add(want_target ? snap.target(e).v : snap.source(e).v);
      }
    }
  }
  std::vector<Cell> row(q.num_slots);
  EvalContext ctx;
  ctx.snap = &snap;
  ctx.row = &row;
  ctx.params = &info.params;
  if (!projection->has_keys()) {
    if (total > 0) projection->ConsumeCounted(ctx, total);
  } else {
    for (const auto& [end, count] : counts.ends()) {
      row[key] = Cell::Node(NodeId(end));
      if (!projection->ConsumeCounted(ctx, count)) break;
    }
  }
  *status = ctx.error;
  return true;
}

}  // namespace pkg::query
