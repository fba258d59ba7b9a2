// Graph searches (see traversal.h). Every loop is iterative; the arrays are
// sized num_nodes on first use and stamped with a generation number.
#include "query/traversal.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>

namespace pkg::query {

Budget::Budget(std::chrono::milliseconds budget, const std::atomic<bool>* cancel)
    : deadline_(std::chrono::steady_clock::now() + budget), budget_(budget), cancel_(cancel) {}

bool Budget::Check() {
  if (!ok_) return false;
  if (cancel_ && cancel_->load(std::memory_order_relaxed)) {
    ok_ = false;
    status_ = Status::Deadline("query cancelled");
  } else if (std::chrono::steady_clock::now() > deadline_) {
    ok_ = false;
    status_ = Status::Deadline("time budget exceeded (" + std::to_string(budget_.count()) +
                               " ms); narrow the pattern, lower the hop limit or add LIMIT");
  }
  return ok_;
}

namespace {
constexpr size_t kParallelFrontier = 32768;  // frontier size worth a second thread

Direction Flip(Direction d) {
  return d == Direction::kOut ? Direction::kIn : d == Direction::kIn ? Direction::kOut : Direction::kBoth;
}
uint32_t Other(const Snapshot& s, EdgeId e, uint32_t n) {
  uint32_t src = s.source(e).v;
  return src == n ? s.target(e).v : src;
}
}  // namespace

namespace {
struct Scratch {
  uint32_t gen = 0;
  std::vector<uint32_t> stamp, parent, branch, stamp_b, parent_b;
  std::vector<uint8_t> dist, dist_b;
  std::vector<uint64_t> bits;
};
constexpr size_t kPooledScratch = 4;  // per thread
thread_local std::vector<std::unique_ptr<Scratch>> scratch_pool;
}  // namespace

Traversal::Traversal(const Snapshot& snap) : snap_(snap) {
  if (scratch_pool.empty()) return;
  std::unique_ptr<Scratch> sc = std::move(scratch_pool.back());
  scratch_pool.pop_back();
  gen_ = sc->gen;
  stamp_.swap(sc->stamp);
  parent_.swap(sc->parent);
  branch_.swap(sc->branch);
  stamp_b_.swap(sc->stamp_b);
  parent_b_.swap(sc->parent_b);
  dist_.swap(sc->dist);
  dist_b_.swap(sc->dist_b);
  bits_.swap(sc->bits);  // all zero: every search clears what it set
}

Traversal::~Traversal() {
  if (scratch_pool.size() >= kPooledScratch) return;
  auto sc = std::make_unique<Scratch>();
  sc->gen = gen_;
  sc->stamp.swap(stamp_);
  sc->parent.swap(parent_);
  sc->branch.swap(branch_);
  sc->stamp_b.swap(stamp_b_);
  sc->parent_b.swap(parent_b_);
  sc->dist.swap(dist_);
  sc->dist_b.swap(dist_b_);
  sc->bits.swap(bits_);
  scratch_pool.push_back(std::move(sc));
}

template <class Fn>
void Traversal::ForEach(uint32_t n, const EdgeFilter& f, Fn&& fn) const {
  if (f.dir != Direction::kIn) {
    for (Adjacent a : snap_.out(NodeId(n)))
      if (f.types.test(a.type.v)) fn(a);
  }
  if (f.dir != Direction::kOut) {
    for (Adjacent a : snap_.in(NodeId(n))) {
      if (!f.types.test(a.type.v)) continue;
      if (f.dir == Direction::kBoth && a.node.v == n) continue;  // self-loop seen as out-edge
      fn(a);
    }
  }
}

void Traversal::Reset() {
  if (stamp_.size() != snap_.num_nodes()) {
    stamp_.assign(snap_.num_nodes(), 0);
    dist_.assign(snap_.num_nodes(), 0);
    parent_.assign(snap_.num_nodes(), 0);
    gen_ = 0;
  }
  if (++gen_ == 0) {  // wrapped: clear once every 4 billion searches
    std::fill(stamp_.begin(), stamp_.end(), 0);
    gen_ = 1;
  }
}

bool Traversal::ReachDirected(NodeId start, const EdgeFilter& f, int min_hops, int max_hops, Budget& budget,
                              std::vector<uint32_t>* out) {
  // A visited bitset (num_nodes / 8 bytes) stays in cache where 4-byte stamps
  // would not; it is cleared through the reached list afterwards. Levels with
  // a large frontier are split over two threads (atomic fetch_or on the
  // bitset; each thread appends to its own list).
  if (bits_.size() != snap_.num_nodes() / 64 + 1) bits_.assign(snap_.num_nodes() / 64 + 1, 0);
  const uint32_t s = start.v;
  out->clear();
  out->push_back(s);  // the queue: s, then each level in order
  bits_[s >> 6] |= uint64_t{1} << (s & 63);
  bool cycle = false;
  // Expands queue[begin, end) into `next`; returns whether s was reached again.
  auto expand = [&](const std::vector<uint32_t>& queue, size_t begin, size_t end, std::vector<uint32_t>& next,
                    bool atomic) {
    bool again = false;
    for (size_t i = begin; i < end; ++i) {
      ForEach(queue[i], f, [&](Adjacent a) {
        uint32_t v = a.node.v;
        uint64_t bit = uint64_t{1} << (v & 63);
        uint64_t& word = bits_[v >> 6];
        bool was;
        if (atomic) {
          std::atomic_ref<uint64_t> w(word);
          was = (w.load(std::memory_order_relaxed) & bit) || (w.fetch_or(bit, std::memory_order_relaxed) & bit);
        } else {
          was = word & bit;
          word |= bit;
        }
        if (was) {
          again |= v == s;  // closed walk of length <= max: contains a cycle through s
          return;
        }
        next.push_back(v);
      });
    }
    return again;
  };
  size_t level_begin = 0;
  std::vector<uint32_t> side;
  for (int d = 0; d < max_hops; ++d) {
    size_t level_end = out->size();
    if (level_begin == level_end || !budget.Check()) break;
    size_t n = level_end - level_begin;
    if (n >= kParallelFrontier) {
      size_t mid = level_begin + n / 2;
      side.clear();
      bool again_side = false;
      std::vector<uint32_t> mine;
      std::thread worker([&] { again_side = expand(*out, mid, level_end, side, true); });
      cycle |= expand(*out, level_begin, mid, mine, true);
      worker.join();
      cycle |= again_side;
      out->insert(out->end(), mine.begin(), mine.end());
      out->insert(out->end(), side.begin(), side.end());
    } else {
      // `out` grows while it is read: expand from a copy-free index range.
      std::vector<uint32_t> next;
      cycle |= expand(*out, level_begin, level_end, next, false);
      out->insert(out->end(), next.begin(), next.end());
    }
    level_begin = level_end;
  }
  for (uint32_t n : *out) bits_[n >> 6] = 0;
  if (!(min_hops == 0 || cycle)) out->erase(out->begin());
  return budget.Check();
}

bool Traversal::Reach(NodeId start, const EdgeFilter& f, int min_hops, int max_hops, Budget& budget,
                      std::vector<uint32_t>* out) {
  if (f.dir != Direction::kBoth) return ReachDirected(start, f, min_hops, max_hops, budget, out);
  Reset();
  bool undirected = true;
  if (undirected && branch_.size() != snap_.num_nodes()) branch_.assign(snap_.num_nodes(), 0);
  out->clear();
  const uint32_t s = start.v;
  Mark(s, 0);
  parent_[s] = EdgeId::kInvalid;
  if (min_hops == 0) out->push_back(s);
  bool cycle = false;
  std::vector<uint32_t> frontier{s}, next;
  for (int d = 0; d < max_hops && !frontier.empty(); ++d) {
    next.clear();
    for (uint32_t u : frontier) {
      if (!budget.Tick()) return false;
      ForEach(u, f, [&](Adjacent a) {
        uint32_t v = a.node.v;
        if (!Seen(v)) {
          Mark(v, static_cast<uint8_t>(d + 1));
          parent_[v] = a.edge.v;
          if (undirected) branch_[v] = u == s ? v : branch_[u];
          next.push_back(v);
          out->push_back(v);
          return;
        }
        if (cycle) return;
        if (!undirected) {
          if (v == s) cycle = true;  // closed walk of length d+1 <= max: contains a cycle through s
          return;
        }
        // Undirected: a non-tree edge closes a trail through s when it joins two
        // different branches of the BFS tree (or returns to s by another edge).
        if (a.edge.v == parent_[u] || a.edge.v == parent_[v]) return;
        if (u == s && v == s) cycle = true;  // self-loop
        else if (v == s || u == s) cycle = dist_[u] + dist_[v] + 1 <= max_hops;
        else if (branch_[u] != branch_[v]) cycle = dist_[u] + dist_[v] + 1 <= max_hops;
      });
    }
    frontier.swap(next);
  }
  if (cycle && min_hops >= 1) out->push_back(s);
  return budget.Check();
}

bool Traversal::Bfs(NodeId start, const EdgeFilter& f, int max_hops, Budget& budget, std::vector<uint32_t>* order) {
  Reset();
  order->clear();
  Mark(start.v, 0);
  parent_[start.v] = EdgeId::kInvalid;
  order->push_back(start.v);
  size_t level_begin = 0;
  for (int d = 0; d < max_hops; ++d) {
    size_t level_end = order->size();
    if (level_begin == level_end) break;
    for (size_t i = level_begin; i < level_end; ++i) {
      if (!budget.Tick()) return false;
      uint32_t u = (*order)[i];
      ForEach(u, f, [&](Adjacent a) {
        if (Seen(a.node.v)) return;
        Mark(a.node.v, static_cast<uint8_t>(d + 1));
        parent_[a.node.v] = a.edge.v;
        order->push_back(a.node.v);
      });
    }
    level_begin = level_end;
  }
  return budget.Check();
}

bool Traversal::Shortest(NodeId a, NodeId b, const EdgeFilter& f, int min_hops, int max_hops, Budget& budget,
                         std::vector<EdgeId>* edges, bool* found) {
  edges->clear();
  *found = false;
  if (a == b) {
    *found = min_hops == 0;
    return true;
  }
  Reset();
  if (stamp_b_.size() != snap_.num_nodes()) {
    stamp_b_.assign(snap_.num_nodes(), 0);
    dist_b_.assign(snap_.num_nodes(), 0);
    parent_b_.assign(snap_.num_nodes(), 0);
  }
  if (gen_ == 1) std::fill(stamp_b_.begin(), stamp_b_.end(), 0);
  EdgeFilter fb{f.types, Flip(f.dir)};
  Mark(a.v, 0);
  stamp_b_[b.v] = gen_;
  dist_b_[b.v] = 0;
  std::vector<uint32_t> fa{a.v}, fbq{b.v}, next;
  int da = 0, db = 0;
  uint32_t meet = kNone32;
  int best = max_hops + 1;
  while (!fa.empty() && !fbq.empty() && da + db < max_hops && meet == kNone32) {
    bool forward = fa.size() <= fbq.size();
    next.clear();
    auto& frontier = forward ? fa : fbq;
    for (uint32_t u : frontier) {
      if (!budget.Tick()) return false;
      ForEach(u, forward ? f : fb, [&](Adjacent adj) {
        uint32_t v = adj.node.v;
        if (forward) {
          if (Seen(v)) return;
          Mark(v, static_cast<uint8_t>(da + 1));
          parent_[v] = adj.edge.v;
          if (stamp_b_[v] == gen_ && da + 1 + dist_b_[v] < best) {
            best = da + 1 + dist_b_[v];
            meet = v;
          }
        } else {
          if (stamp_b_[v] == gen_) return;
          stamp_b_[v] = gen_;
          dist_b_[v] = static_cast<uint8_t>(db + 1);
          parent_b_[v] = adj.edge.v;
          if (Seen(v) && db + 1 + dist_[v] < best) {
            best = db + 1 + dist_[v];
            meet = v;
          }
        }
        next.push_back(v);
      });
    }
    frontier.swap(next);
    (forward ? da : db) += 1;
  }
  if (meet == kNone32 || best > max_hops) return budget.Check();
  // Walk back to a on side A, then on to b on side B.
  for (uint32_t n = meet; n != a.v;) {
    EdgeId e(parent_[n]);
    edges->push_back(e);
    n = Other(snap_, e, n);
  }
  std::reverse(edges->begin(), edges->end());
  for (uint32_t n = meet; n != b.v;) {
    EdgeId e(parent_b_[n]);
    edges->push_back(e);
    n = Other(snap_, e, n);
  }
  *found = true;
  return budget.Check();
}

bool Traversal::AllShortest(NodeId a, NodeId b, const EdgeFilter& f, int min_hops, int max_hops, size_t limit,
                            Budget& budget, std::vector<std::vector<EdgeId>>* paths) {
  paths->clear();
  if (a == b) {
    if (min_hops == 0) paths->push_back({});
    return true;
  }
  Reset();
  Mark(a.v, 0);
  std::vector<uint32_t> frontier{a.v}, next;
  for (int d = 0; d < max_hops && !frontier.empty() && !Seen(b.v); ++d) {
    next.clear();
    for (uint32_t u : frontier) {
      if (!budget.Tick()) return false;
      ForEach(u, f, [&](Adjacent adj) {
        if (Seen(adj.node.v)) return;
        Mark(adj.node.v, static_cast<uint8_t>(d + 1));
        next.push_back(adj.node.v);
      });
    }
    frontier.swap(next);
  }
  if (!Seen(b.v)) return budget.Check();
  // Enumerate backwards from b over edges that step down one level.
  EdgeFilter back{f.types, Flip(f.dir)};
  struct Frame {
    uint32_t node;
    std::vector<Adjacent> options;
    size_t i = 0;
  };
  std::vector<Frame> stack;
  std::vector<EdgeId> path;
  auto push = [&](uint32_t n) {
    Frame fr{n, {}, 0};
    ForEach(n, back, [&](Adjacent adj) {
      if (Seen(adj.node.v) && dist_[adj.node.v] + 1 == dist_[n]) fr.options.push_back(adj);
    });
    stack.push_back(std::move(fr));
  };
  push(b.v);
  while (!stack.empty() && paths->size() < limit) {
    if (!budget.Tick()) return false;
    Frame& top = stack.back();
    if (top.node == a.v) {
      paths->emplace_back(path.rbegin(), path.rend());
      stack.pop_back();
      if (!path.empty()) path.pop_back();
      continue;
    }
    if (top.i == top.options.size()) {
      stack.pop_back();
      if (!path.empty()) path.pop_back();
      continue;
    }
    Adjacent adj = top.options[top.i++];
    path.push_back(adj.edge);
    push(adj.node.v);
  }
  return budget.Check();
}

}  // namespace pkg::query
