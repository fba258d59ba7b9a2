// Aho–Corasick automaton; see aho_corasick.h. The trie is built with per-node
// edge vectors, then failure links are computed breadth-first and the edges
// are flattened into one sorted array.
#include "ingest/aho_corasick.h"

#include <algorithm>
#include <cassert>
#include <deque>

namespace pkg::ingest {

int32_t AhoCorasick::Add(std::string_view pattern) {
  assert(!built_);
  if (pattern.empty()) return -1;
  uint32_t s = 0;
  for (unsigned char b : pattern) {
    auto& es = build_edges_[s];
    auto it = std::find_if(es.begin(), es.end(), [b](const Edge& e) { return e.byte == b; });
    if (it != es.end()) {
      s = it->to;
      continue;
    }
    uint32_t t = static_cast<uint32_t>(states_.size());
    states_.push_back(State{});
    build_edges_.emplace_back();
    build_edges_[s].push_back(Edge{b, t});
    s = t;
  }
  if (states_[s].output < 0) {
    states_[s].output = static_cast<int32_t>(lengths_.size());
    lengths_.push_back(static_cast<uint32_t>(pattern.size()));
  }
  return states_[s].output;
}

int32_t AhoCorasick::Child(uint32_t s, uint8_t b) const {
  if (s == 0) return root_[b] ? static_cast<int32_t>(root_[b]) : -1;
  const State& st = states_[s];
  auto first = edges_.begin() + st.edges, last = first + st.num_edges;
  auto it = std::lower_bound(first, last, b, [](const Edge& e, uint8_t x) { return e.byte < x; });
  return it != last && it->byte == b ? static_cast<int32_t>(it->to) : -1;
}

uint32_t AhoCorasick::Next(uint32_t s, uint8_t b) const {
  if (s < dense_row_.size() && dense_row_[s] >= 0) return dense_[static_cast<size_t>(dense_row_[s]) * 256 + b];
  for (;;) {
    int32_t c = Child(s, b);
    if (c >= 0) return static_cast<uint32_t>(c);
    if (s == 0) return 0;
    s = static_cast<uint32_t>(states_[s].fail);
  }
}

void AhoCorasick::Build() {
  assert(!built_);
  // Flatten edges, sorted by byte.
  for (size_t s = 0; s < states_.size(); ++s) {
    auto& es = build_edges_[s];
    std::sort(es.begin(), es.end(), [](const Edge& a, const Edge& b) { return a.byte < b.byte; });
    states_[s].edges = static_cast<uint32_t>(edges_.size());
    states_[s].num_edges = static_cast<uint32_t>(es.size());
    edges_.insert(edges_.end(), es.begin(), es.end());
  }
  root_.assign(256, 0);
  for (const Edge& e : build_edges_[0]) root_[e.byte] = e.to;
  build_edges_.clear();
  build_edges_.shrink_to_fit();
  // Breadth-first failure links.
  std::deque<uint32_t> queue;
  for (const Edge& e : std::vector<Edge>(edges_.begin() + states_[0].edges,
                                         edges_.begin() + states_[0].edges + states_[0].num_edges)) {
    states_[e.to].fail = 0;
    queue.push_back(e.to);
  }
  while (!queue.empty()) {
    uint32_t s = queue.front();
    queue.pop_front();
    for (uint32_t k = 0; k < states_[s].num_edges; ++k) {
      const Edge e = edges_[states_[s].edges + k];
      uint32_t f = static_cast<uint32_t>(states_[s].fail);
      int32_t target;
      for (;;) {
        target = Child(f, e.byte);
        if (target >= 0 || f == 0) break;
        f = static_cast<uint32_t>(states_[f].fail);
      }
      uint32_t fail = target >= 0 && static_cast<uint32_t>(target) != e.to ? static_cast<uint32_t>(target) : 0;
      states_[e.to].fail = static_cast<int32_t>(fail);
      states_[e.to].dict = states_[fail].output >= 0 ? static_cast<int32_t>(fail) : states_[fail].dict;
      queue.push_back(e.to);
    }
  }
  // Dense rows for depth 1 and 2 (computed with the sparse walk, before they exist).
  std::vector<uint8_t> depth(states_.size(), 0);
  std::vector<uint32_t> order;
  for (uint32_t s = 0; s < states_.size(); ++s) {
    for (uint32_t k = 0; k < states_[s].num_edges; ++k) {
      uint32_t t = edges_[states_[s].edges + k].to;
      depth[t] = static_cast<uint8_t>(std::min(3, depth[s] + 1));
    }
  }
  std::vector<int32_t> rows(states_.size(), -1);
  std::vector<uint32_t> table;
  for (uint32_t s = 1; s < states_.size(); ++s) {
    if (depth[s] < 1 || depth[s] > 2) continue;
    rows[s] = static_cast<int32_t>(table.size() / 256);
    for (int b = 0; b < 256; ++b) table.push_back(Next(s, static_cast<uint8_t>(b)));
  }
  dense_row_ = std::move(rows);
  dense_ = std::move(table);
  built_ = true;
}

std::vector<AhoCorasick::Match> AhoCorasick::FindAll(std::string_view text) const {
  std::vector<Match> out;
  if (!built_) return out;
  uint32_t s = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    s = Next(s, static_cast<uint8_t>(text[i]));
    const uint32_t end = static_cast<uint32_t>(i + 1);
    int32_t o = states_[s].output >= 0 ? static_cast<int32_t>(s) : states_[s].dict;
    while (o >= 0) {
      uint32_t p = static_cast<uint32_t>(states_[o].output);
      out.push_back(Match{end - lengths_[p], end, p});
      o = states_[o].dict;
    }
  }
  return out;
}

}  // namespace pkg::ingest
