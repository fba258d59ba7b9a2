// Name look-up and prefix search over a snapshot; see snapshot.h
// (FindByName, Search) and snapshot_data.h (NameIndex, SearchIndex).
//
// Exact look-up compares 64-bit hashes of normalised names (NormalizeName):
// Traditional/Simplified, full-width, case and quotes do not matter. A hash
// collision between two different names is possible in principle (about
// 1e-7 for millions of names) and would return an extra node; FindByName
// re-checks candidates to rule that out.
#include <algorithm>
#include <thread>

#include "base/text.h"
#include "graph/key_index.h"
#include "graph/snapshot.h"
#include "graph/snapshot_data.h"

namespace pkg {
namespace {

template <class F>
void ForEachName(const SnapshotData& d, uint32_t n, F&& f) {
  f(d.names[n], 0);
  uint32_t x = d.node_extra[n];
  if (x == kNone) return;
  const NodeExtra& e = d.node_extras[x];
  if (!e.name_en.empty()) f(std::string_view(e.name_en), 1);
  for (const auto& a : e.aliases) f(std::string_view(a), 1);
}

}  // namespace

void BuildNameIndex(SnapshotData& d) {
  uint32_t n = static_cast<uint32_t>(d.node_type.size());
  std::vector<std::pair<uint64_t, uint32_t>> entries(n);
  // Names of the main column: normalise in two threads (the bulk of a load).
  auto work = [&](uint32_t begin, uint32_t end) {
    for (uint32_t i = begin; i < end; ++i) entries[i] = {HashBytes(NormalizeName(d.names[i])), i};
  };
  if (n > 100000) {
    std::thread t(work, 0, n / 2);
    work(n / 2, n);
    t.join();
  } else {
    work(0, n);
  }
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t x = d.node_extra[i];
    if (x == kNone) continue;
    const NodeExtra& e = d.node_extras[x];
    if (!e.name_en.empty()) entries.emplace_back(HashBytes(NormalizeName(e.name_en)), i);
    for (const auto& a : e.aliases) entries.emplace_back(HashBytes(NormalizeName(a)), i);
  }
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  d.name_index.hashes.resize(entries.size());
  d.name_index.nodes.resize(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    d.name_index.hashes[i] = entries[i].first;
    d.name_index.nodes[i] = entries[i].second;
  }
}

std::vector<NodeId> Snapshot::FindByName(std::string_view name) const {
  std::string norm = NormalizeName(name);
  std::vector<NodeId> out;
  if (norm.empty()) return out;
  const auto& idx = d_->name_index;
  uint64_t h = HashBytes(norm);
  auto [lo, hi] = std::equal_range(idx.hashes.begin(), idx.hashes.end(), h);
  for (auto it = lo; it != hi; ++it) {
    uint32_t node = idx.nodes[it - idx.hashes.begin()];
    bool same = false;
    ForEachName(*d_, node, [&](std::string_view s, int) { same = same || NormalizeName(s) == norm; });
    if (same) out.push_back(NodeId(node));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

// Byte offsets of the code points of `s`, plus s.size().
std::vector<uint32_t> CodePointStarts(std::string_view s) {
  std::vector<uint32_t> starts;
  for (uint32_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(static_cast<uint32_t>(s.size()));
  return starts;
}

uint32_t GramHash(std::string_view g) { return static_cast<uint32_t>(HashBytes(g) >> 17); }

}  // namespace

void BuildSearchIndex(const SnapshotData& d, SearchIndex& out) {
  uint32_t n = static_cast<uint32_t>(d.node_type.size());
  auto add = [&](std::string text, uint32_t node, uint8_t what) {
    if (text.empty()) return;
    out.text.push_back(text);
    out.node.push_back(node);
    out.what.push_back(what);
  };
  for (uint32_t i = 0; i < n; ++i) {
    ForEachName(d, i, [&](std::string_view s, int what) { add(NormalizeName(s), i, static_cast<uint8_t>(what)); });
    std::string py = ToPinyin(d.names[i]);
    if (!py.empty() && py != NormalizeName(d.names[i])) add(std::move(py), i, 2);
  }
  out.order.resize(out.text.size());
  for (uint32_t r = 0; r < out.order.size(); ++r) out.order[r] = r;
  std::sort(out.order.begin(), out.order.end(), [&](uint32_t a, uint32_t b) { return out.text[a] < out.text[b]; });
  // Bigram postings over names, aliases and English names (pinyin rows are
  // found by prefix only).
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (uint32_t r = 0; r < out.text.size(); ++r) {
    if (out.what[r] == 2) continue;
    std::string_view t = out.text[r];
    auto starts = CodePointStarts(t);
    for (size_t k = 0; k + 2 < starts.size(); ++k) {
      pairs.emplace_back(GramHash(t.substr(starts[k], starts[k + 2] - starts[k])), r);
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  out.gram_rows.reserve(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (i == 0 || pairs[i].first != pairs[i - 1].first) {
      out.gram_keys.push_back(pairs[i].first);
      out.gram_offsets.push_back(static_cast<uint32_t>(i));
    }
    out.gram_rows.push_back(pairs[i].second);
  }
  out.gram_offsets.push_back(static_cast<uint32_t>(pairs.size()));
}

void Snapshot::PrepareSearch() const {
  std::call_once(d_->search_once, [&] { BuildSearchIndex(*d_, d_->search_index); });
}

std::vector<NodeId> Snapshot::Search(std::string_view text, size_t limit) const {
  PrepareSearch();
  const SearchIndex& s = d_->search_index;
  std::string q = NormalizeName(text);
  std::vector<NodeId> out;
  if (q.empty() || limit == 0) return out;
  // Score: lower is better. exact name 0, exact alias 1, prefix 2 + length, substring 1000 + length.
  std::vector<std::pair<size_t, uint32_t>> scored;
  auto lo = std::lower_bound(s.order.begin(), s.order.end(), q,
                             [&](uint32_t r, const std::string& key) { return s.text[r] < key; });
  size_t prefix_hits = 0;
  for (auto it = lo; it != s.order.end() && prefix_hits < 4 * limit + 64; ++it, ++prefix_hits) {
    std::string_view t = s.text[*it];
    if (t.substr(0, q.size()) != q) break;
    size_t score = t.size() == q.size() ? s.what[*it] : 2 + t.size() + s.what[*it];
    scored.emplace_back(score, s.node[*it]);
  }
  // Substring matches when prefix matches are few: candidates are the rows
  // of the query's rarest bigram, each checked; at most kMaxChecks checks, so
  // a search costs microseconds to a few milliseconds whatever the graph size.
  constexpr size_t kMaxChecks = 20000;
  auto starts = CodePointStarts(q);
  if (scored.size() < limit && starts.size() >= 3) {
    const uint32_t* best_begin = nullptr;
    const uint32_t* best_end = nullptr;
    for (size_t k = 0; k + 2 < starts.size(); ++k) {
      uint32_t h = GramHash(std::string_view(q).substr(starts[k], starts[k + 2] - starts[k]));
      auto it = std::lower_bound(s.gram_keys.begin(), s.gram_keys.end(), h);
      if (it == s.gram_keys.end() || *it != h) { best_begin = best_end = nullptr; break; }
      size_t gi = static_cast<size_t>(it - s.gram_keys.begin());
      const uint32_t* b = s.gram_rows.data() + s.gram_offsets[gi];
      const uint32_t* e = s.gram_rows.data() + s.gram_offsets[gi + 1];
      if (!best_begin || e - b < best_end - best_begin) { best_begin = b; best_end = e; }
    }
    size_t checks = 0;
    for (const uint32_t* p = best_begin; p && p != best_end && checks < kMaxChecks; ++p, ++checks) {
      std::string_view t = s.text[*p];
      size_t pos = t.find(q);
      if (pos != std::string_view::npos && pos > 0) scored.emplace_back(1000 + t.size(), s.node[*p]);
    }
  } else if (scored.size() < limit && s.text.size() <= 200000) {
    // One-character queries: a scan is affordable on small graphs only.
    for (uint32_t r = 0; r < s.text.size(); ++r) {
      std::string_view t = s.text[r];
      size_t pos = t.find(q);
      if (pos != std::string_view::npos && pos > 0) scored.emplace_back(1000 + t.size(), s.node[r]);
    }
  }
  std::sort(scored.begin(), scored.end());
  for (const auto& [score, node] : scored) {
    NodeId id(node);
    if (std::find(out.begin(), out.end(), id) != out.end()) continue;
    out.push_back(id);
    if (out.size() >= limit) break;
  }
  return out;
}

}  // namespace pkg
