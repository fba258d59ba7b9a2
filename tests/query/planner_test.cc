// Planner choices, through EXPLAIN (Plan::Explain): the anchor, the walk
// direction, reach mode, filter placement, edge scans, shortest paths.
#include "tests/query/fixture.h"

namespace pkg {
namespace {

std::string Explain(const Snapshot& snap, const std::string& q) {
  auto rows = testing::Rows(snap, "EXPLAIN " + q);
  std::string out;
  for (const auto& r : rows) out += r + "\n";
  return out;
}

TEST_CASE("planner: anchors, directions and modes") {
  auto snap = testing::SmallGraph();
  struct Case {
    const char* query;
    const char* plan;
  } cases[] = {
      // Start at the id look-up on the right and walk in-edges.
      {"MATCH (m:Measure)-[:SUPPORTS|PART_OF*1..5]->(t {id:'goal:新型工业化'}) RETURN count(DISTINCT m)",
       "scan t by key\nexpand t <- m [SUPPORTS|PART_OF] *1..5 reach check :Measure\n"},
      // count(*) needs every trail: no reach mode.
      {"MATCH (m:Measure)-[:SUPPORTS|PART_OF*1..5]->(t {id:'goal:新型工业化'}) RETURN count(*)",
       "scan t by key\nexpand t <- m [SUPPORTS|PART_OF] *1..5 check :Measure\n"},
      // A name look-up beats a label scan; WHERE equality on name is used too.
      {"MATCH (a:Goal)-[r]->(b {name:'五个中心'}) RETURN a",
       "scan b by name\nexpand b <- a check :Goal\n"},
      {"MATCH (n) WHERE n.name = '五个中心' AND n.count > 1 RETURN n",
       "scan n by name\nfilter (= (prop name (var n)) '五个中心')\nfilter (> (prop count (var n)) 1)\n"},
      // Filters run as soon as their variables are bound.
      {"MATCH (a {id:'ini:ai'})-[:SUPPORTS]->(b)-[:PART_OF]->(c) WHERE a.count IS NULL AND b.name <> 'x' RETURN c",
       "scan a by key\nfilter (is-null (prop count (var a)))\nexpand a -> b [SUPPORTS]\n"
       "filter (<> (prop name (var b)) 'x')\nexpand b -> c [PART_OF]\n"},
      // No selective node: label scan, or an edge scan over a typed relationship.
      {"MATCH (f:Fund)-[:FUNDS]->(i) RETURN i", "scan f by label :Fund\nexpand f -> i [FUNDS]\n"},
      {"MATCH (f)-[:FUNDS]->(i) RETURN i", "edge-scan f -> i [FUNDS]\n"},
      // shortestPath binds both ends, then searches.
      {"MATCH p = shortestPath((a {id:'ini:ai'})-[*..6]-(b {id:'goal:五个中心'})) RETURN p",
       "scan a by key\nscan b by key\nshortest a -- b *1..6 to-bound\npath p\n"},
      // Tests of a node's own type become part of its check.
      {"MATCH (m)-[:SUPPORTS*1..3]->(t {id:'ini:ai'}) WHERE m.type IN ['Initiative', 'Platform'] RETURN count(DISTINCT m)",
       "scan t by key\nexpand t <- m [SUPPORTS] *1..3 reach check type in Initiative|Platform\n"},
      {"MATCH (m) WHERE m.type = 'Fund' RETURN m", "scan m by all check type in Fund\n"},
      // OPTIONAL MATCH is bracketed.
      {"MATCH (m:Initiative) OPTIONAL MATCH (m)-[:FUNDS]->(i) RETURN m, i",
       "scan m by label :Initiative\noptional-begin\nscan m by bound\nexpand m -> i [FUNDS]\noptional-end\n"},
  };
  for (const auto& c : cases) {
    INFO(c.query);
    CHECK(Explain(*snap, c.query) == c.plan);
  }
}

}  // namespace
}  // namespace pkg
