// Snapshot accessors; see snapshot.h. The arrays are in snapshot_data.h.
#include "graph/snapshot.h"

#include <algorithm>

#include "base/text.h"
#include "graph/snapshot_data.h"

namespace pkg {
namespace {
const std::vector<std::string> kNoStrings;
const PropertyMap kNoProps;
const std::vector<Provenance> kNoProvenance;
}  // namespace

Snapshot::Snapshot(std::unique_ptr<SnapshotData> data) : d_(std::move(data)) {
  SnapshotData& d = *d_;
  const auto& b = d.graph.m_backward;
  d.in_edge_type.resize(b.m_column.size());
  for (size_t i = 0; i < b.m_column.size(); ++i) d.in_edge_type[i] = d.edge_type[b.m_edge_properties[i]];
  // Counting sort of edge ids by type (stable, so ascending within a type).
  d.type_offsets.assign(257, 0);
  for (uint8_t t : d.edge_type) ++d.type_offsets[t + 1];
  for (size_t t = 1; t < d.type_offsets.size(); ++t) d.type_offsets[t] += d.type_offsets[t - 1];
  d.type_edges.resize(d.edge_type.size());
  std::vector<uint32_t> next(d.type_offsets.begin(), d.type_offsets.end() - 1);
  for (uint32_t e = 0; e < d.edge_type.size(); ++e) d.type_edges[next[d.edge_type[e]]++] = EdgeId(e);
  node_type_ = d.node_type.data();
  edge_source_ = d.edge_source.data();
  edge_target_ = d.graph.m_forward.m_column.data();
  edge_type_ = d.edge_type.data();
}
Snapshot::~Snapshot() = default;

const Schema& Snapshot::schema() const { return *d_->schema; }
std::shared_ptr<const Schema> Snapshot::schema_ptr() const { return d_->schema; }
uint32_t Snapshot::num_nodes() const { return static_cast<uint32_t>(d_->node_type.size()); }
uint32_t Snapshot::num_edges() const { return static_cast<uint32_t>(d_->edge_type.size()); }
uint64_t Snapshot::version() const { return d_->version; }

std::string_view Snapshot::key(NodeId n) const { return d_->keys[n.v]; }
std::string_view Snapshot::name(NodeId n) const { return d_->names[n.v]; }

std::string_view Snapshot::name_en(NodeId n) const {
  uint32_t x = d_->node_extra[n.v];
  return x == kNone ? std::string_view() : std::string_view(d_->node_extras[x].name_en);
}
const std::vector<std::string>& Snapshot::aliases(NodeId n) const {
  uint32_t x = d_->node_extra[n.v];
  return x == kNone ? kNoStrings : d_->node_extras[x].aliases;
}
const PropertyMap& Snapshot::properties(NodeId n) const {
  uint32_t x = d_->node_extra[n.v];
  return x == kNone ? kNoProps : d_->node_extras[x].props;
}
const std::vector<Provenance>& Snapshot::provenance(NodeId n) const {
  uint32_t x = d_->node_extra[n.v];
  return x == kNone ? kNoProvenance : d_->node_extras[x].provenance;
}

Value Snapshot::property(NodeId n, std::string_view prop) const {
  if (prop == "name") return Value(std::string(name(n)));
  if (prop == "id") return Value(std::string(key(n)));
  if (prop == "type") return Value(schema().node_type(type(n)).name);
  if (prop == "name_en") return name_en(n).empty() ? Value() : Value(std::string(name_en(n)));
  if (prop == "aliases") return aliases(n).empty() ? Value() : Value(aliases(n));
  const Value* v = FindProperty(properties(n), prop);
  return v ? *v : Value();
}

AdjacencyRange Snapshot::out(NodeId n) const {
  const auto& f = d_->graph.m_forward;
  return AdjacencyRange(f.m_column.data(), nullptr, d_->edge_type.data(), f.m_rowstart[n.v], f.m_rowstart[n.v + 1]);
}

AdjacencyRange Snapshot::in(NodeId n) const {
  const auto& b = d_->graph.m_backward;
  return AdjacencyRange(b.m_column.data(), b.m_edge_properties.data(), d_->in_edge_type.data(), b.m_rowstart[n.v],
                        b.m_rowstart[n.v + 1]);
}

std::span<const EdgeId> Snapshot::EdgesOfType(EdgeTypeId t) const {
  return std::span<const EdgeId>(d_->type_edges.data() + d_->type_offsets[t.v],
                                 d_->type_offsets[t.v + 1] - d_->type_offsets[t.v]);
}


const PropertyMap& Snapshot::edge_properties(EdgeId e) const {
  uint32_t x = d_->edge_extra[e.v];
  return x == kNone ? kNoProps : d_->edge_extras[x].props;
}
const std::vector<Provenance>& Snapshot::edge_provenance(EdgeId e) const {
  uint32_t x = d_->edge_extra[e.v];
  return x == kNone ? kNoProvenance : d_->edge_extras[x].provenance;
}

std::optional<NodeId> Snapshot::FindByKey(std::string_view key) const {
  uint32_t r = d_->key_index.Find(d_->keys, key);
  if (r != KeyIndex::kEmpty) return NodeId(r);
  auto it = std::lower_bound(d_->merged_keys.begin(), d_->merged_keys.end(), key,
                             [](const auto& e, std::string_view k) { return e.first < k; });
  if (it != d_->merged_keys.end() && it->first == key) return NodeId(it->second);
  return std::nullopt;
}

std::vector<NodeId> Snapshot::NodesWithLabel(TypeId label) const {
  std::vector<NodeId> out;
  uint64_t want = uint64_t{1} << label.v;
  for (uint32_t i = 0; i < num_nodes(); ++i) {
    if (schema().LabelBits(TypeId(d_->node_type[i])) & want) out.push_back(NodeId(i));
  }
  return out;
}

}  // namespace pkg
