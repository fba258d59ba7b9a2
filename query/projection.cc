// Projection (see projection.h).
#include "query/projection.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_set>

namespace pkg::query {

namespace {
constexpr size_t kMaxCollectedRows = 5'000'000;  // rows held for ORDER BY / DISTINCT
constexpr size_t kBitsetGroups = 64;             // groups that get a node bitset


bool ReadsVariables(const Expr& root) {
  std::vector<const Expr*> stack{&root};
  while (!stack.empty()) {
    const Expr* e = stack.back();
    stack.pop_back();
    if (e->agg >= 0) continue;  // aggregate arguments are consumed per row
    if (e->kind == ExprKind::kVar && e->column < 0) return true;
    for (const auto& a : e->args) stack.push_back(a.get());
  }
  return false;
}
}  // namespace

struct Projection::Acc {
  int64_t count = 0;
  bool all_int = true;
  int64_t isum = 0;
  double dsum = 0;
  bool overflow = false;
  Cell best;  // min / max
  std::vector<Cell> items;  // collect
  std::unordered_set<std::string> distinct;
  std::vector<uint64_t> node_bits;  // DISTINCT over nodes, when allocated
  std::unordered_set<uint32_t> node_set;
};

namespace {
// The node variable whose identity decides DISTINCT for this aggregate
// argument: `n` itself, or `n.id` (keys are unique per node), else nullptr.
const Expr* DistinctNodeVar(const Expr& a) {
  if (!a.distinct || a.args.empty()) return nullptr;
  const Expr* x = a.args[0].get();
  if (x->kind == ExprKind::kProperty && x->name == "id") x = x->args[0].get();
  return x->kind == ExprKind::kVar && x->var_kind == VarKind::kNode && x->column < 0 ? x : nullptr;
}
}  // namespace

struct Projection::Group {
  std::vector<Cell> keys;  // values of key_items_
  std::vector<Cell> row;   // representative row, when need_row_copy_
  std::vector<Acc> accs;
};

Projection::Projection(const Snapshot& snap, const Query& q, const BindInfo& info, const QueryOptions& opts)
    : snap_(snap), q_(q), info_(info), opts_(opts) {
  const ReturnClause& r = q.ret;
  for (size_t i = 0; i < r.items.size(); ++i) {
    if (!HasAggregate(*r.items[i].expr)) key_items_.push_back(static_cast<int>(i));
    else if (ReadsVariables(*r.items[i].expr)) need_row_copy_ = true;
  }
  for (const auto& s : r.order)
    if (s.column < 0) need_row_copy_ = true;
  if (!info.aggregating && r.order.empty()) {
    size_t want = opts.max_rows == SIZE_MAX ? SIZE_MAX : opts.max_rows + 1;
    if (info.limit >= 0) want = std::min<size_t>(want, static_cast<size_t>(info.limit));
    stop_after_ = want == SIZE_MAX ? SIZE_MAX : want + static_cast<size_t>(info.skip);
  }
  for (const Expr* a : q.aggregates) {
    AggKind k = a->name == "count"     ? AggKind::kCount
                : a->name == "collect" ? AggKind::kCollect
                : a->name == "min"     ? AggKind::kMin
                : a->name == "max"     ? AggKind::kMax
                : a->name == "sum"     ? AggKind::kSum
                                       : AggKind::kAvg;
    aggs_.push_back(AggInfo{k, DistinctNodeVar(*a)});
  }
  if (info.aggregating && key_items_.empty()) NewGroup({}, std::vector<Cell>(q.num_slots));  // all-null row
  if (info.aggregating && !key_items_.empty()) {
    std::set<int> slots;
    bool only_vars = true;
    for (int i : key_items_) {
      std::vector<const Expr*> stack{r.items[i].expr.get()};
      while (!stack.empty()) {
        const Expr* e = stack.back();
        stack.pop_back();
        if (e->kind == ExprKind::kVar) {
          slots.insert(e->slot);
          if (e->var_kind != VarKind::kNode) only_vars = false;
        }
        for (const auto& a : e->args) stack.push_back(a.get());
      }
    }
    if (slots.size() == 1 && only_vars) key_node_slot_ = *slots.begin();
  }
}

Projection::~Projection() = default;

bool Projection::Consume(EvalContext& ctx) {
  return info_.aggregating ? ConsumeAggregate(ctx) : ConsumePlain(ctx);
}

void Projection::SortKeys(OutRow& r, EvalContext& ctx, const std::vector<Cell>* aggs) {
  const auto& order = q_.ret.order;
  if (order.empty()) return;
  r.sort_keys.reserve(order.size());
  auto saved_cols = ctx.columns;
  auto saved_aggs = ctx.aggregates;
  ctx.columns = &r.cells;
  ctx.aggregates = aggs;
  for (const auto& s : order) r.sort_keys.push_back(s.column >= 0 ? r.cells[s.column] : Eval(*s.expr, ctx));
  ctx.columns = saved_cols;
  ctx.aggregates = saved_aggs;
}

// ORDER BY, then arrival order (so the sort is stable).
bool Projection::RowLess(const OutRow& a, const OutRow& b) const {
  const auto& order = q_.ret.order;
  for (size_t i = 0; i < order.size(); ++i) {
    int c = CompareForOrder(a.sort_keys[i], b.sort_keys[i]);
    if (c) return order[i].desc ? c > 0 : c < 0;
  }
  return a.seq < b.seq;
}

bool Projection::ConsumePlain(EvalContext& ctx) {
  OutRow r;
  r.cells.reserve(q_.ret.items.size());
  for (const auto& it : q_.ret.items) r.cells.push_back(Eval(*it.expr, ctx));
  if (q_.ret.distinct) {
    key_.clear();
    for (const Cell& c : r.cells) AppendKey(c, &key_);
    if (!seen_.emplace(key_, rows_.size()).second) return true;
  }
  SortKeys(r, ctx, nullptr);
  r.seq = seq_++;
  rows_.push_back(std::move(r));
  if (!q_.ret.order.empty()) {
    // ORDER BY: keep only the best skip + min(limit, max_rows + 1) rows, as a
    // heap with the worst on top.
    size_t keep = opts_.max_rows == SIZE_MAX ? SIZE_MAX : opts_.max_rows + 1;
    if (info_.limit >= 0) keep = std::min(keep, static_cast<size_t>(info_.limit));
    if (keep != SIZE_MAX) keep += static_cast<size_t>(info_.skip);
    auto less = [this](const OutRow& a, const OutRow& b) { return RowLess(a, b); };
    std::push_heap(rows_.begin(), rows_.end(), less);
    if (rows_.size() > keep) {
      std::pop_heap(rows_.begin(), rows_.end(), less);
      rows_.pop_back();
    }
  }
  if (rows_.size() > kMaxCollectedRows) {
    ctx.error = Status::Exhausted("more than " + std::to_string(kMaxCollectedRows) +
                                  " rows to sort or deduplicate; add LIMIT or a more selective pattern");
    return false;
  }
  return rows_.size() < stop_after_;
}

Projection::Group& Projection::NewGroup(std::vector<Cell> keys, const std::vector<Cell>& row) {
  auto g = std::make_unique<Group>();
  g->keys = std::move(keys);
  if (need_row_copy_) g->row = row;
  g->accs.resize(q_.aggregates.size());
  if (groups_.size() < kBitsetGroups) {
    for (size_t i = 0; i < q_.aggregates.size(); ++i) {
      if (aggs_[i].node_var) g->accs[i].node_bits.assign(snap_.num_nodes() / 64 + 1, 0);
    }
  }
  groups_.push_back(std::move(g));
  return *groups_.back();
}

Projection::Group* Projection::FindGroup(EvalContext& ctx) {
  if (key_items_.empty()) return groups_[0].get();
  uint32_t node = kNoGroup;
  if (key_node_slot_ >= 0) {
    const Cell& c = (*ctx.row)[key_node_slot_];
    if (c.kind() == Cell::Kind::kNode) {
      node = c.node().v;
      if (node_group_.empty()) node_group_.assign(snap_.num_nodes(), kNoGroup);
      if (node_group_[node] != kNoGroup) return groups_[node_group_[node]].get();
    }
  }
  std::vector<Cell> keys;
  keys.reserve(key_items_.size());
  key_.clear();
  for (int i : key_items_) {
    keys.push_back(Eval(*q_.ret.items[i].expr, ctx));
    AppendKey(keys.back(), &key_);
  }
  Group* g;
  auto [it, fresh] = seen_.emplace(key_, groups_.size());
  if (fresh) {
    g = &NewGroup(std::move(keys), *ctx.row);
    if (groups_.size() > kMaxCollectedRows) {
      ctx.error = Status::Exhausted("more than " + std::to_string(kMaxCollectedRows) + " groups");
      return nullptr;
    }
  } else {
    g = groups_[it->second].get();
  }
  if (node != kNoGroup) node_group_[node] = static_cast<uint32_t>(it->second);
  return g;
}

bool Projection::ConsumeAggregate(EvalContext& ctx) {
  Group* g = FindGroup(ctx);
  if (!g) return false;
  Accumulate(*g, ctx);
  return true;
}

bool Projection::CountsOnly() const {
  if (!info_.aggregating || q_.ret.distinct || need_row_copy_ || q_.aggregates.empty()) return false;
  for (const Expr* a : q_.aggregates)
    if (!a->star) return false;
  return true;
}

bool Projection::ConsumeCounted(EvalContext& ctx, int64_t weight) {
  Group* g = FindGroup(ctx);
  if (!g) return false;
  for (Acc& acc : g->accs) acc.count += weight;
  return true;
}

void Projection::Accumulate(Group& g, EvalContext& ctx) {
  for (size_t i = 0; i < q_.aggregates.size(); ++i) {
    const Expr& a = *q_.aggregates[i];
    Acc& acc = g.accs[i];
    const AggInfo& info = aggs_[i];
    if (a.star) {
      ++acc.count;
      continue;
    }
    if (const Expr* nv = info.node_var) {
      // DISTINCT decided by node identity, before evaluating the argument.
      const Cell& c = (*ctx.row)[nv->slot];
      if (c.kind() != Cell::Kind::kNode) continue;  // null
      uint32_t n = c.node().v;
      if (!acc.node_bits.empty()) {
        uint64_t bit = uint64_t{1} << (n & 63);
        if (acc.node_bits[n >> 6] & bit) continue;
        acc.node_bits[n >> 6] |= bit;
      } else if (!acc.node_set.insert(n).second) {
        continue;
      }
      if (info.kind == AggKind::kCount) {
        ++acc.count;
        continue;
      }
    }
    Cell v = Eval(*a.args[0], ctx);
    if (v.is_null()) continue;  // aggregates skip nulls
    if (a.distinct && !info.node_var) {
      if (v.kind() == Cell::Kind::kNode) {
        if (!acc.node_set.insert(v.node().v).second) continue;
      } else {
        key_.clear();
        AppendKey(v, &key_);
        if (!acc.distinct.insert(key_).second) continue;
      }
    }
    ++acc.count;
    const std::string& f = a.name;
    if (info.kind == AggKind::kCount) {
      continue;
    } else if (info.kind == AggKind::kCollect) {
      acc.items.push_back(std::move(v));
    } else if (info.kind == AggKind::kMin || info.kind == AggKind::kMax) {
      if (acc.best.is_null()) {
        acc.best = std::move(v);
      } else {
        int c = CompareForOrder(v, acc.best);
        if ((info.kind == AggKind::kMin && c < 0) || (info.kind == AggKind::kMax && c > 0)) acc.best = std::move(v);
      }
    } else {  // sum, avg
      if (v.kind() != Cell::Kind::kValue || !(v.value().is_number() || v.value().kind() == Value::Kind::kAmount)) {
        ctx.error = Status::Invalid(f + "() needs numbers, got '" + v.ToDisplay(snap_) + "'");
        return;
      }
      const Value& x = v.value();
      if (x.kind() == Value::Kind::kInt && acc.all_int && !acc.overflow) {
        if (__builtin_add_overflow(acc.isum, x.as_int(), &acc.isum)) acc.overflow = true;
      } else {
        acc.all_int = false;
      }
      acc.dsum += x.kind() == Value::Kind::kAmount ? x.as_amount().cny : x.number();
    }
  }
}

Status Projection::Finish(EvalContext& ctx, QueryResult* out) {
  for (const auto& it : q_.ret.items) out->columns.push_back(it.alias);
  if (info_.aggregating) {
    for (auto& g : groups_) {
      std::vector<Cell> aggs;
      aggs.reserve(q_.aggregates.size());
      for (size_t i = 0; i < q_.aggregates.size(); ++i) {
        const Expr& a = *q_.aggregates[i];
        Acc& acc = g->accs[i];
        const std::string& f = a.name;
        if (f == "count") aggs.emplace_back(Value(acc.count));
        else if (f == "collect") aggs.push_back(Cell::MakeList(std::move(acc.items)));
        else if (f == "min" || f == "max") aggs.push_back(acc.best);
        else if (f == "sum" && acc.count == 0) aggs.emplace_back(Value(int64_t{0}));  // as Neo4j: sum(null) = 0
        else if (acc.count == 0) aggs.emplace_back();
        else if (f == "sum") aggs.push_back(acc.all_int && !acc.overflow ? Cell(Value(acc.isum)) : Cell(Value(acc.dsum)));
        else aggs.emplace_back(Value(acc.dsum / static_cast<double>(acc.count)));  // avg
      }
      OutRow r;
      ctx.row = &g->row;
      ctx.aggregates = &aggs;
      size_t k = 0;
      for (size_t i = 0; i < q_.ret.items.size(); ++i) {
        if (k < key_items_.size() && key_items_[k] == static_cast<int>(i)) r.cells.push_back(g->keys[k++]);
        else r.cells.push_back(Eval(*q_.ret.items[i].expr, ctx));
      }
      SortKeys(r, ctx, &aggs);
      ctx.aggregates = nullptr;
      if (q_.ret.distinct) {
        key_.clear();
        for (const Cell& c : r.cells) AppendKey(c, &key_);
        if (!seen_.emplace("D" + key_, 0).second) continue;
      }
      r.seq = seq_++;
      rows_.push_back(std::move(r));
    }
  }
  if (!ctx.error.ok()) return ctx.error;
  const auto& order = q_.ret.order;
  if (!order.empty()) {
    std::sort(rows_.begin(), rows_.end(), [this](const OutRow& a, const OutRow& b) { return RowLess(a, b); });
  }
  size_t begin = std::min(rows_.size(), static_cast<size_t>(info_.skip));
  size_t end = rows_.size();
  if (info_.limit >= 0) end = std::min(end, begin + static_cast<size_t>(info_.limit));
  if (end - begin > opts_.max_rows) {
    end = begin + opts_.max_rows;
    out->truncated = true;
  }
  out->rows.reserve(end - begin);
  for (size_t i = begin; i < end; ++i) out->rows.push_back(std::move(rows_[i].cells));
  return Status::OK();
}

}  // namespace pkg::query
