// GraphBuilder: the mutable side. Takes statements, checks them against the
// schema, merges duplicates, and builds an immutable Snapshot.
//
// Merging: a node statement whose id is already known merges into that node
// (aliases and provenance are unioned; a later non-empty name_en or property
// wins; a different type is an error). An edge with the same (from, type, to)
// as an earlier one merges into it with the union of provenance.
// Edges may name nodes that appear later; Build() reports edges whose
// endpoints never appeared.
//
// Thread safety: not thread-safe; one writer.
// Tested in tests/graph/graph_builder_test.cc.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "graph/schema.h"
#include "graph/snapshot.h"
#include "graph/statement.h"

namespace pkg {

struct BuilderState;

class GraphBuilder {
 public:
  explicit GraphBuilder(std::shared_ptr<const Schema> schema);
  ~GraphBuilder();
  GraphBuilder(GraphBuilder&&) noexcept;
  GraphBuilder& operator=(GraphBuilder&&) noexcept;

  // Adds or merges a node. Fails (and changes nothing) on an unknown or
  // abstract type, a type conflicting with an earlier statement of the same
  // id, or a property whose value does not fit its schema kind.
  Status AddNode(NodeStatement node);
  // Adds or merges an edge. Fails on an unknown edge type. Endpoint checks
  // (existence, allowed types) happen in Build(), when all nodes are known.
  Status AddEdge(EdgeStatement edge);

  // Copies every node and edge of an existing snapshot (to extend it), and
  // its merged-away keys (they keep finding the node they became).
  void AddSnapshot(const Snapshot& snap);

  const std::shared_ptr<const Schema>& schema_ptr() const { return schema_; }
  // Rows of nodes seen so far, placeholders (keys named only by edges) and
  // merged-away rows included; see node().
  size_t num_nodes() const;
  size_t num_edges() const;

  // A read-only view of one node row, for linking passes (link/linker.h).
  // Views are invalidated by any later Add or Merge call.
  struct NodeView {
    std::string_view key;
    TypeId type;              // invalid for placeholders and merged-away rows
    std::string_view name;
    std::string_view name_en;
    const std::vector<std::string>* aliases;  // never null
    const PropertyMap* props;                 // never null
    size_t provenance = 0;                    // number of provenance entries
    const std::vector<Provenance>* sources;   // the entries themselves; never null
  };
  // REQUIRES: row < num_nodes().
  NodeView node(size_t row) const;
  // Row of a key (following merges), or nullopt.
  std::optional<size_t> FindRow(std::string_view key) const;

  // Merges node `drop` into node `keep`: drop's name and aliases become
  // aliases of keep, its English name fills keep's when empty, its
  // properties fill keep's missing ones, its provenance is appended; keep
  // records "merged_from" (drop's key) and "merge_reason" (`reason`). Edges
  // of drop move to keep at Build (self-loops made by the merge are dropped),
  // and later statements naming drop's key reach keep.
  // Fails when either key is unknown or a placeholder, or they are the same node.
  Status MergeNodes(std::string_view keep, std::string_view drop, const std::string& reason);

  struct BuildOptions {
    // Drop invalid edges (unknown endpoint, disallowed endpoint types) and
    // report them in `dropped` instead of failing.
    bool skip_invalid = false;
    std::vector<std::string>* dropped = nullptr;
    uint64_t version = 0;
  };
  // Builds the snapshot. The builder stays usable.
  Result<SnapshotPtr> Build(const BuildOptions& opts) const;
  Result<SnapshotPtr> Build() const { return Build(BuildOptions{}); }
  // Like Build, but consumes the builder's contents instead of copying them
  // (halves peak memory on large loads). The builder is empty afterwards.
  Result<SnapshotPtr> Finish(const BuildOptions& opts) &&;
  Result<SnapshotPtr> Finish() && { return std::move(*this).Finish(BuildOptions{}); }

 private:
  std::shared_ptr<const Schema> schema_;
  std::unique_ptr<BuilderState> s_;
};

}  // namespace pkg
