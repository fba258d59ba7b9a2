// Incremental linking (Linker::IndexSnapshot, Linker::LinkNew); see linker.h.
#include <algorithm>
#include <unordered_set>

#include "graph/key_index.h"
#include "link/link_keys.h"
#include "link/linker.h"

namespace pkg {

using link_keys::Bigrams;
using link_keys::DocNumberKey;
using link_keys::GramHash;
using link_keys::NamesOf;
using link_keys::SimilarityCandidate;

std::shared_ptr<const LinkIndex> Linker::IndexSnapshot(SnapshotPtr snap, const LinkOptions& opts) const {
  auto idx = std::make_shared<LinkIndex>();
  const Snapshot& g = *snap;
  const Schema& s = *schema_;
  auto measure = s.FindNodeType("Measure");
  size_t linkable = 0;
  for (uint32_t i = 0; i < g.num_nodes(); ++i) linkable += Linkable(g.type(NodeId(i)));
  idx->similarity = linkable <= opts.similarity_limit;
  for (uint32_t i = 0; i < g.num_nodes(); ++i) {
    NodeId n(i);
    TypeId t = g.type(n);
    if (!Linkable(t)) continue;
    ForEachKey(t, NamesOf(g.name(n), g.aliases(n), g.name_en(n)),
               [&](uint64_t h, uint16_t, Kind, uint64_t) { idx->keys.push_back({h, i}); });
    if (measure && s.IsA(t, *measure)) {
      Value num = g.property(n, "doc_number");
      if (num.kind() == Value::Kind::kString && !num.as_string().empty()) {
        idx->numbers.push_back({HashBytes(DocNumberKey(num.as_string())) | 1, i});
      }
    }
    if (idx->similarity) {
      NameKey k = rules_->Key(g.name(n));
      if (SimilarityCandidate(k)) {
        for (const auto& gram : Bigrams(k.key)) idx->grams.push_back({GramHash(t, gram), i});
      }
    }
  }
  for (auto* v : {&idx->keys, &idx->numbers, &idx->grams}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end(), [](const auto& a, const auto& b) { return a.h == b.h && a.node == b.node; }),
             v->end());
    v->shrink_to_fit();
  }
  idx->snap = std::move(snap);
  return idx;
}

Result<LinkReport> Linker::LinkNew(GraphBuilder& b, const std::vector<std::string>& new_keys,
                                   const LinkIndex& index, const LinkOptions& opts) const {
  auto measure = schema_->FindNodeType("Measure");
  std::vector<size_t> rows;
  std::unordered_set<size_t> seen;
  std::unordered_set<size_t> established;  // rows of the indexed snapshot's nodes
  auto add_row = [&](size_t r) {
    if (seen.insert(r).second) rows.push_back(r);
  };
  auto add_indexed = [&](const std::vector<LinkIndex::Entry>& v, uint64_t h, size_t cap) {
    auto lo = std::lower_bound(v.begin(), v.end(), LinkIndex::Entry{h, 0});
    auto hi = lo;
    while (hi != v.end() && hi->h == h) ++hi;
    if (static_cast<size_t>(hi - lo) > cap) return;
    for (auto it = lo; it != hi; ++it) {
      auto r = b.FindRow(index.snap->key(NodeId(it->node)));
      if (r && Linkable(b.node(*r).type)) {
        add_row(*r);
        established.insert(*r);
      }
    }
  };
  for (const std::string& key : new_keys) {
    auto r = b.FindRow(key);
    if (!r) continue;
    auto v = b.node(*r);
    if (!Linkable(v.type)) continue;
    add_row(*r);
    // A new statement of a node the snapshot already has (same key) is that node.
    if (index.snap->FindByKey(v.key)) established.insert(*r);
    ForEachKey(v.type, NamesOf(v.name, *v.aliases, v.name_en),
               [&](uint64_t h, uint16_t, Kind, uint64_t) { add_indexed(index.keys, h, SIZE_MAX); });
    if (measure && schema_->IsA(v.type, *measure)) {
      const Value* num = FindProperty(*v.props, "doc_number");
      if (num && num->kind() == Value::Kind::kString && !num->as_string().empty()) {
        add_indexed(index.numbers, HashBytes(DocNumberKey(num->as_string())) | 1, SIZE_MAX);
      }
    }
    if (index.similarity) {
      NameKey k = rules_->Key(v.name);
      if (SimilarityCandidate(k)) {
        for (const auto& gram : Bigrams(k.key)) add_indexed(index.grams, GramHash(v.type, gram), 64);
      }
    }
  }
  LinkOptions o = opts;
  o.similarity_limit = index.similarity ? rows.size() : 0;
  return LinkRows(b, std::move(rows), o, established);
}

std::vector<NodeId> Linker::Denoted(const LinkIndex& index, TypeId type, std::string_view name) const {
  std::vector<NodeId> out;
  if (!Linkable(type)) return out;
  ForEachKey(type, {name}, [&](uint64_t h, uint16_t, Kind, uint64_t) {
    auto lo = std::lower_bound(index.keys.begin(), index.keys.end(), LinkIndex::Entry{h, 0});
    for (auto it = lo; it != index.keys.end() && it->h == h; ++it) {
      if (index.snap->type(NodeId(it->node)) == type) out.push_back(NodeId(it->node));
    }
  });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace pkg
