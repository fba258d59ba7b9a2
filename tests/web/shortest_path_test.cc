// Tests web/server/shortest_path.h on small built graphs: lengths, direction
// ignored, hop limits, the visit cap.
#include "web/server/shortest_path.h"

#include <catch2/catch.hpp>

#include "graph/graph_builder.h"

namespace pkg {
namespace {

// A chain g0 -PART_OF-> g1 -> ... -> g7 plus a shortcut g0 -> g5 and a
// detached goal "lonely".
SnapshotPtr Chain() {
  auto schema = Schema::Load(Schema::DefaultPath());
  REQUIRE(schema.ok());
  GraphBuilder b(*schema);
  for (int i = 0; i < 8; ++i) {
    NodeStatement n;
    n.id = "g" + std::to_string(i);
    n.type = "Goal";
    n.name = n.id;
    REQUIRE(b.AddNode(n).ok());
  }
  NodeStatement lonely;
  lonely.id = "lonely";
  lonely.type = "Goal";
  lonely.name = "lonely";
  REQUIRE(b.AddNode(lonely).ok());
  auto edge = [&](const std::string& a, const std::string& c) {
    EdgeStatement e;
    e.type = "PART_OF";
    e.from = a;
    e.to = c;
    REQUIRE(b.AddEdge(e).ok());
  };
  for (int i = 0; i + 1 < 8; ++i) edge("g" + std::to_string(i), "g" + std::to_string(i + 1));
  edge("g0", "g5");
  auto snap = b.Build();
  REQUIRE(snap.ok());
  return *snap;
}

TEST_CASE("shortest undirected paths within a hop limit", "[web][paths]") {
  SnapshotPtr snap = Chain();
  auto id = [&](const char* k) { return *snap->FindByKey(k); };
  struct Case {
    const char* from;
    const char* to;
    int max;
    int length;  // -1: no path
  };
  const Case cases[] = {
      {"g0", "g1", 6, 1}, {"g1", "g0", 6, 1},  // direction does not matter
      {"g0", "g5", 6, 1}, {"g0", "g7", 6, 3},  // via the shortcut
      {"g1", "g7", 6, 4}, {"g1", "g7", 3, -1}, {"g3", "g3", 1, 0},
      {"g0", "lonely", 10, -1},
  };
  for (const Case& c : cases) {
    INFO(c.from << " → " << c.to << " max " << c.max);
    auto r = ShortestPath(*snap, id(c.from), id(c.to), c.max);
    REQUIRE(r.ok());
    if (c.length < 0) {
      CHECK_FALSE(r->has_value());
      continue;
    }
    REQUIRE(r->has_value());
    const PathValue& p = **r;
    CHECK(static_cast<int>(p.edges.size()) == c.length);
    REQUIRE(p.nodes.size() == p.edges.size() + 1);
    CHECK(p.nodes.front() == id(c.from));
    CHECK(p.nodes.back() == id(c.to));
    for (size_t i = 0; i < p.edges.size(); ++i) {
      NodeId a = snap->source(p.edges[i]), b = snap->target(p.edges[i]);
      bool joins = (a == p.nodes[i] && b == p.nodes[i + 1]) || (b == p.nodes[i] && a == p.nodes[i + 1]);
      CHECK(joins);
    }
  }
}

TEST_CASE("the visit cap stops a runaway search", "[web][paths]") {
  SnapshotPtr snap = Chain();
  auto r = ShortestPath(*snap, *snap->FindByKey("g1"), *snap->FindByKey("lonely"), 10, 3);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace pkg
