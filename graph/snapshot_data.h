// SnapshotData: the arrays behind a Snapshot. Internal to graph/: the builder
// fills it, snapshot_file.cc writes and reads it, snapshot.cc serves it.
//
// Nodes are rows 0..N-1 in columns (type, key, name, extra). Rarely-present
// attributes (English name, aliases, properties, provenance) live in
// `node_extras`, reached through node_extra[n] (kNone when absent); edges
// likewise. The CSR graph holds both directions: out-edges of n are forward
// positions [rowstart[n], rowstart[n+1]), and a forward position is the EdgeId.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "graph/key_index.h"
#include "graph/schema.h"
#include "graph/statement.h"
#include "graph/string_column.h"
#include "graph/value.h"

namespace pkg {

using CsrGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, boost::no_property,
                                                    boost::no_property, uint32_t, uint32_t>;

inline constexpr uint32_t kNone = 0xFFFFFFFFu;

struct NodeExtra {
  std::string name_en;
  std::vector<std::string> aliases;
  PropertyMap props;
  std::vector<Provenance> provenance;
};

struct EdgeExtra {
  PropertyMap props;
  std::vector<Provenance> provenance;
};

// Name look-up: every normalised name, alias and English name with its node,
// sorted by (hash, node) for exact look-up. Built eagerly (and stored in
// snapshot files).
struct NameIndex {
  std::vector<uint64_t> hashes;  // sorted
  std::vector<uint32_t> nodes;   // parallel to hashes
};

// Prefix search over normalised names and pinyin: rows of `text`, sorted in
// `order`. Built lazily on the first Search (it is only needed by people
// typing into a search box) and never stored.
struct SearchIndex {
  StringColumn text;
  std::vector<uint32_t> node;   // row → node
  std::vector<uint8_t> what;    // row → 0 name, 1 alias/English, 2 pinyin
  std::vector<uint32_t> order;  // rows sorted by text
  // Substring look-up: rows containing each character bigram (by a 32-bit
  // hash of the bigram), as a sorted key array with offsets into gram_rows.
  std::vector<uint32_t> gram_keys;
  std::vector<uint32_t> gram_offsets;  // gram_keys.size() + 1
  std::vector<uint32_t> gram_rows;
};

struct SnapshotData {
  std::shared_ptr<const Schema> schema;
  uint64_t version = 0;
  // nodes
  std::vector<uint8_t> node_type;
  StringColumn keys;
  StringColumn names;
  std::vector<uint32_t> node_extra;  // kNone or index into node_extras
  std::vector<NodeExtra> node_extras;
  KeyIndex key_index;
  // Keys of nodes merged into others (linking, curation) → the node they
  // became, sorted by key; FindByKey falls back to it.
  std::vector<std::pair<std::string, uint32_t>> merged_keys;
  NameIndex name_index;
  mutable std::once_flag search_once;
  mutable SearchIndex search_index;
  // edges
  CsrGraph graph;
  std::vector<uint8_t> edge_type;    // by EdgeId
  std::vector<uint32_t> edge_source; // by EdgeId
  std::vector<uint32_t> edge_extra;  // kNone or index into edge_extras
  std::vector<EdgeExtra> edge_extras;
  // Derived on construction (Snapshot::Snapshot), never stored: edge types by
  // backward position (so in() walks need no random access into edge_type),
  // and every edge grouped by type, ascending EdgeId within a type: edges of
  // type t are type_edges[type_offsets[t] .. type_offsets[t+1]).
  std::vector<uint8_t> in_edge_type;
  std::vector<uint32_t> type_offsets;
  std::vector<EdgeId> type_edges;
};

// Builds name_index from names/extras. Defined in name_index.cc.
void BuildNameIndex(SnapshotData& d);
// Builds search_index from names/extras. Defined in name_index.cc.
void BuildSearchIndex(const SnapshotData& d, SearchIndex& out);

}  // namespace pkg
