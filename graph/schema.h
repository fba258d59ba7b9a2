// Schema: the ontology (data/schema.json) loaded as data.
//
// Node types form a tree; a node of type T carries T and every ancestor as
// labels (a Fund is also a Measure). Edge types list allowed endpoint types.
// Properties have a kind that the statement reader checks values against.
// Nothing in the engine names a domain type in C++ code except through
// Schema look-ups, so adding a type is a change to data/schema.json only.
//
// Thread safety: immutable after Load; share freely.
// Tested in tests/graph/schema_test.cc.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "graph/ids.h"

namespace pkg {

enum class PropertyKind { kString, kNumber, kBool, kAmount, kDate, kPeriod, kList, kEnum };

struct NodeTypeDef {
  std::string name;  // "Fund"
  std::string zh;    // "基金"
  std::string en;    // "Fund"
  std::string description;
  TypeId parent;     // invalid for roots
  bool abstract = false;
};

struct EdgeTypeDef {
  std::string name;  // "SUPPORTS"
  std::string zh, en, description;
  std::vector<TypeId> from, to;  // empty = any type
  // When non-empty, only these (from, to) pairs are allowed (PART_OF).
  std::vector<std::pair<TypeId, TypeId>> pairs;
};

struct PropertyDef {
  std::string name;
  PropertyKind kind = PropertyKind::kString;
  std::vector<std::string> values;  // allowed values for kEnum
  std::string zh;
};

struct InstrumentDef {
  std::string name, side, zh;
};

class Schema {
 public:
  // Reads and checks a schema file. Errors name the file and the entry.
  static Result<std::shared_ptr<const Schema>> Load(const std::string& path);
  static Result<std::shared_ptr<const Schema>> Parse(std::string_view json, const std::string& origin);

  // Default location: $POLICYKG_DATA/schema.json, else <source dir>/data/schema.json.
  static std::string DefaultPath();

  int num_node_types() const { return static_cast<int>(node_types_.size()); }
  int num_edge_types() const { return static_cast<int>(edge_types_.size()); }
  const NodeTypeDef& node_type(TypeId t) const { return node_types_[t.v]; }
  const EdgeTypeDef& edge_type(EdgeTypeId t) const { return edge_types_[t.v]; }
  const std::vector<NodeTypeDef>& node_types() const { return node_types_; }
  const std::vector<EdgeTypeDef>& edge_types() const { return edge_types_; }
  const std::vector<PropertyDef>& properties() const { return properties_; }
  const std::vector<InstrumentDef>& instruments() const { return instruments_; }

  // Look-ups by exact name; nullopt when unknown.
  std::optional<TypeId> FindNodeType(std::string_view name) const;
  std::optional<EdgeTypeId> FindEdgeType(std::string_view name) const;
  const PropertyDef* FindProperty(std::string_view name) const;

  // The closest known name for a "did you mean" hint ("" when nothing is close).
  std::string SuggestNodeType(std::string_view name) const;
  std::string SuggestEdgeType(std::string_view name) const;
  std::string SuggestProperty(std::string_view name) const;

  // True when `t` is `ancestor` or descends from it.
  bool IsA(TypeId t, TypeId ancestor) const { return (label_bits_[t.v] >> ancestor.v) & 1u; }
  // Bit i set when the type carries label i (itself and its ancestors).
  uint64_t LabelBits(TypeId t) const { return label_bits_[t.v]; }
  // The type and its ancestors, most specific first.
  std::vector<TypeId> Labels(TypeId t) const;
  // The type and its descendants.
  std::vector<TypeId> Descendants(TypeId t) const;

  // True when an edge of type `e` may join a node of type `from` to one of type `to`.
  bool EdgeAllowed(EdgeTypeId e, TypeId from, TypeId to) const;

  // Edge types over which "which measures support X" walks (SUPPORTS, PART_OF, FUNDS, IMPLEMENTS).
  const std::vector<EdgeTypeId>& contributing_edges() const { return contributing_; }

 private:
  std::vector<NodeTypeDef> node_types_;
  std::vector<EdgeTypeDef> edge_types_;
  std::vector<PropertyDef> properties_;
  std::vector<InstrumentDef> instruments_;
  std::vector<uint64_t> label_bits_;
  std::vector<EdgeTypeId> contributing_;
};

}  // namespace pkg
