// Strong ids: NodeId, EdgeId, TypeId, EdgeTypeId.
//
// Dense integer handles into one Snapshot (NodeId, EdgeId) or one Schema
// (TypeId, EdgeTypeId). They are not stable across snapshots: a node's stable
// identity is its string key (Snapshot::key). Boost.Graph descriptors never
// leave graph/; these are what callers hold.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>

namespace pkg {

template <class Tag, class Rep>
struct StrongId {
  using rep = Rep;
  static constexpr Rep kInvalid = std::numeric_limits<Rep>::max();
  Rep v = kInvalid;
  constexpr StrongId() = default;
  constexpr explicit StrongId(Rep x) : v(x) {}
  constexpr bool valid() const { return v != kInvalid; }
  friend constexpr bool operator==(StrongId a, StrongId b) { return a.v == b.v; }
  friend constexpr bool operator!=(StrongId a, StrongId b) { return a.v != b.v; }
  friend constexpr bool operator<(StrongId a, StrongId b) { return a.v < b.v; }
};

struct NodeTag {};
struct EdgeTag {};
struct TypeTag {};
struct EdgeTypeTag {};

using NodeId = StrongId<NodeTag, uint32_t>;
using EdgeId = StrongId<EdgeTag, uint32_t>;
using TypeId = StrongId<TypeTag, uint8_t>;
using EdgeTypeId = StrongId<EdgeTypeTag, uint8_t>;

}  // namespace pkg

template <class Tag, class Rep>
struct std::hash<pkg::StrongId<Tag, Rep>> {
  size_t operator()(pkg::StrongId<Tag, Rep> id) const noexcept { return std::hash<Rep>()(id.v); }
};
