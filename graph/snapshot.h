// Snapshot: an immutable policy graph that queries and the server read.
//
// Built by GraphBuilder (graph_builder.h) or opened from a snapshot file
// (snapshot_file.h). Storage is Boost's compressed_sparse_row_graph with both
// directions; adjacency is exposed as ranges of Adjacent {edge, node, type}
// over its arrays, so callers never see a Boost descriptor. Out-edges of a
// node are sorted by (edge type, target).
//
// Node identity: key(n) is the stable string key ("id" in statements);
// NodeId is a dense index valid only within this snapshot.
//
// Thread safety: immutable; any number of threads may read concurrently.
// Readers hold a std::shared_ptr<const Snapshot>; a writer builds the next
// snapshot and swaps the pointer (see graph/graph_store.h).
// Tested in tests/graph/snapshot_test.cc.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/ids.h"
#include "graph/schema.h"
#include "graph/statement.h"
#include "graph/value.h"

namespace pkg {

struct Adjacent {
  EdgeId edge;
  NodeId node;  // the other endpoint
  EdgeTypeId type;
};

// A range of adjacent edges; iterates in O(1) per edge with no allocation.
class AdjacencyRange {
 public:
  class iterator {
   public:
    using value_type = Adjacent;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    iterator(const AdjacencyRange* r, uint32_t i) : r_(r), i_(i) {}
    Adjacent operator*() const {
      uint32_t e = r_->edge_ids_ ? r_->edge_ids_[i_] : i_;
      return Adjacent{EdgeId(e), NodeId(r_->nodes_[i_]), EdgeTypeId(r_->types_[i_])};
    }
    iterator& operator++() { ++i_; return *this; }
    bool operator==(const iterator& o) const { return i_ == o.i_; }
    bool operator!=(const iterator& o) const { return i_ != o.i_; }
   private:
    const AdjacencyRange* r_ = nullptr;
    uint32_t i_ = 0;
  };

  AdjacencyRange(const uint32_t* nodes, const uint32_t* edge_ids, const uint8_t* types,
                 uint32_t begin, uint32_t end)
      : nodes_(nodes), edge_ids_(edge_ids), types_(types), begin_(begin), end_(end) {}
  iterator begin() const { return iterator(this, begin_); }
  iterator end() const { return iterator(this, end_); }
  uint32_t size() const { return end_ - begin_; }
  bool empty() const { return begin_ == end_; }

 private:
  const uint32_t* nodes_;      // other endpoint, indexed by position
  const uint32_t* edge_ids_;   // edge id by position; nullptr when position == edge id
  const uint8_t* types_;       // edge type, indexed by position
  uint32_t begin_, end_;
};

struct NodeRecord;  // defined in snapshot.cc / graph_builder.cc
struct SnapshotData;

class Snapshot {
 public:
  ~Snapshot();
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

  const Schema& schema() const;
  std::shared_ptr<const Schema> schema_ptr() const;
  uint32_t num_nodes() const;
  uint32_t num_edges() const;
  // Monotonic version, incremented by each rebuild in a GraphStore.
  uint64_t version() const;

  // ---- nodes. REQUIRES: n < num_nodes().
  TypeId type(NodeId n) const { return TypeId(node_type_[n.v]); }
  bool HasLabel(NodeId n, TypeId label) const { return schema().IsA(type(n), label); }
  std::string_view key(NodeId n) const;
  std::string_view name(NodeId n) const;
  std::string_view name_en(NodeId n) const;  // "" when none
  const std::vector<std::string>& aliases(NodeId n) const;
  const PropertyMap& properties(NodeId n) const;
  // The value of a property by name, or a null Value when absent. Knows the
  // columns ("id" = key, "name", "name_en", "aliases", "type") and every
  // stored property. Returns by value: safe to hold across calls.
  Value property(NodeId n, std::string_view prop) const;
  const std::vector<Provenance>& provenance(NodeId n) const;

  // ---- edges. REQUIRES: e < num_edges().
  AdjacencyRange out(NodeId n) const;
  AdjacencyRange in(NodeId n) const;
  NodeId source(EdgeId e) const { return NodeId(edge_source_[e.v]); }
  NodeId target(EdgeId e) const { return NodeId(edge_target_[e.v]); }
  EdgeTypeId edge_type(EdgeId e) const { return EdgeTypeId(edge_type_[e.v]); }
  // A hint that source(e) and/or target(e) are wanted soon (scans over
  // EdgesOfType call it a few edges ahead).
  void Prefetch(EdgeId e, bool source = true, bool target = true) const {
    if (source) __builtin_prefetch(edge_source_ + e.v);
    if (target) __builtin_prefetch(edge_target_ + e.v);
  }
  // Every edge of type `t`, ascending by EdgeId (so grouped by source node).
  std::span<const EdgeId> EdgesOfType(EdgeTypeId t) const;
  const PropertyMap& edge_properties(EdgeId e) const;
  // Every place the edge was stated (duplicates are merged into one edge).
  const std::vector<Provenance>& edge_provenance(EdgeId e) const;

  // ---- look-ups
  std::optional<NodeId> FindByKey(std::string_view key) const;
  // Nodes whose name, English name or an alias equals `name` after
  // NormalizeName (name_normalizer.h): Traditional/Simplified, full-width,
  // case and quotes do not matter. Ordered by NodeId.
  std::vector<NodeId> FindByName(std::string_view name) const;
  // Ranked prefix and substring matches over names, aliases, English names and
  // pinyin; at most `limit`.
  std::vector<NodeId> Search(std::string_view text, size_t limit) const;
  // Builds the search index now instead of on the first Search (a server
  // calls it in the background when it publishes a snapshot). Thread-safe;
  // later calls return at once.
  void PrepareSearch() const;
  // All nodes carrying `label` (their type or an ancestor), ordered by NodeId.
  std::vector<NodeId> NodesWithLabel(TypeId label) const;

  // Internal: used by GraphBuilder and snapshot_file.
  explicit Snapshot(std::unique_ptr<SnapshotData> data);
  const SnapshotData& data() const { return *d_; }

 private:
  std::unique_ptr<SnapshotData> d_;
  // The hottest columns of *d_, so their accessors inline (set once by the
  // constructor; the arrays never move).
  const uint8_t* node_type_ = nullptr;
  const uint32_t* edge_source_ = nullptr;
  const uint32_t* edge_target_ = nullptr;
  const uint8_t* edge_type_ = nullptr;
};

using SnapshotPtr = std::shared_ptr<const Snapshot>;

}  // namespace pkg
