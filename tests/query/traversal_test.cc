// Graph searches of query/traversal.h on hand-made graphs: reach with and
// without cycles (directed and undirected trail rules), BFS parents, shortest
// and all shortest paths, the budget.
#include "query/traversal.h"
#include "tests/query/fixture.h"

namespace pkg::query {
namespace {

using testing::E;
using testing::N;

// A chain a → b → c → d, plus a shortcut a → c, plus a back edge d → b.
SnapshotPtr Chain() {
  return testing::Build({N("a", "Goal", "a"), N("b", "Goal", "b"), N("c", "Goal", "c"), N("d", "Goal", "d"),
                         N("e", "Goal", "e")},
                        {E("SUPPORTS", "a", "b"), E("SUPPORTS", "b", "c"), E("SUPPORTS", "c", "d"),
                         E("PART_OF", "a", "c"), E("SUPPORTS", "d", "b")});
}

std::string Names(const Snapshot& s, std::vector<uint32_t> nodes) {
  std::sort(nodes.begin(), nodes.end());
  std::string out;
  for (uint32_t n : nodes) out += std::string(s.name(NodeId(n)));
  return out;
}

EdgeFilter All(Direction d) {
  EdgeFilter f;
  f.types.set();
  f.dir = d;
  return f;
}

TEST_CASE("traversal: reach") {
  auto s = Chain();
  Traversal t(*s);
  Budget budget(std::chrono::milliseconds(10000), nullptr);
  NodeId a = *s->FindByKey("a"), b = *s->FindByKey("b"), e = *s->FindByKey("e");
  std::vector<uint32_t> out;
  struct Case {
    NodeId start;
    Direction dir;
    int min, max;
    const char* want;
  } cases[] = {
      {a, Direction::kOut, 1, 1, "bc"},     {a, Direction::kOut, 1, 3, "bcd"},   {a, Direction::kOut, 0, 3, "abcd"},
      {b, Direction::kOut, 1, 2, "cd"},     {b, Direction::kOut, 1, 3, "bcd"},  // b → c → d → b closes at 3
      {a, Direction::kIn, 1, 5, ""},        {b, Direction::kIn, 1, 1, "ad"},     {e, Direction::kBoth, 0, 3, "e"},
      {e, Direction::kBoth, 1, 3, ""},      {a, Direction::kBoth, 1, 1, "bc"},
      {a, Direction::kBoth, 1, 2, "bcd"},   // the shortest closed trail a - b - c - a has 3 edges
      {a, Direction::kBoth, 1, 3, "abcd"},
  };
  for (const auto& c : cases) {
    INFO(s->name(c.start) << " dir " << static_cast<int>(c.dir) << " " << c.min << ".." << c.max);
    REQUIRE(t.Reach(c.start, All(c.dir), c.min, c.max, budget, &out));
    CHECK(Names(*s, out) == c.want);
  }
  // Undirected: a single edge back to the start is not a closed trail.
  auto pair = testing::Build({N("x", "Goal", "x"), N("y", "Goal", "y")}, {E("SUPPORTS", "x", "y")});
  Traversal tp(*pair);
  REQUIRE(tp.Reach(*pair->FindByKey("x"), All(Direction::kBoth), 1, 5, budget, &out));
  CHECK(Names(*pair, out) == "y");
  // Two parallel edges of different types are.
  auto twin = testing::Build({N("x", "Goal", "x"), N("y", "Goal", "y")},
                             {E("SUPPORTS", "x", "y"), E("PART_OF", "x", "y")});
  Traversal tt(*twin);
  REQUIRE(tt.Reach(*twin->FindByKey("x"), All(Direction::kBoth), 1, 2, budget, &out));
  CHECK(Names(*twin, out) == "xy");
}

TEST_CASE("traversal: shortest paths and BFS parents") {
  auto s = Chain();
  Traversal t(*s);
  Budget budget(std::chrono::milliseconds(10000), nullptr);
  NodeId a = *s->FindByKey("a"), d = *s->FindByKey("d"), e = *s->FindByKey("e");
  std::vector<EdgeId> edges;
  bool found = false;
  REQUIRE(t.Shortest(a, d, All(Direction::kOut), 1, 10, budget, &edges, &found));
  REQUIRE(found);
  CHECK(edges.size() == 2);  // a -PART_OF-> c -> d
  CHECK(s->source(edges[0]) == a);
  CHECK(s->target(edges[1]) == d);
  REQUIRE(t.Shortest(d, a, All(Direction::kOut), 1, 10, budget, &edges, &found));
  CHECK_FALSE(found);
  REQUIRE(t.Shortest(d, a, All(Direction::kBoth), 1, 10, budget, &edges, &found));
  CHECK(found);
  CHECK(edges.size() == 2);
  REQUIRE(t.Shortest(a, d, All(Direction::kOut), 1, 1, budget, &edges, &found));
  CHECK_FALSE(found);
  REQUIRE(t.Shortest(a, e, All(Direction::kBoth), 1, 10, budget, &edges, &found));
  CHECK_FALSE(found);
  REQUIRE(t.Shortest(a, a, All(Direction::kBoth), 0, 10, budget, &edges, &found));
  CHECK(found);
  CHECK(edges.empty());

  std::vector<std::vector<EdgeId>> paths;
  NodeId c = *s->FindByKey("c");
  REQUIRE(t.AllShortest(a, c, All(Direction::kBoth), 1, 10, 100, budget, &paths));
  CHECK(paths.size() == 1);  // the direct PART_OF edge
  REQUIRE(t.AllShortest(a, d, All(Direction::kBoth), 1, 10, 100, budget, &paths));
  CHECK(paths.size() == 2);  // a - c - d and a - b - d (against d → b)
  for (const auto& p : paths) CHECK(p.size() == 2);
  std::vector<uint32_t> order;
  REQUIRE(t.Bfs(d, All(Direction::kIn), 10, budget, &order));
  CHECK(Names(*s, order) == "abcd");
  CHECK(t.Dist(a) == 2);
  CHECK(t.Dist(e) == Traversal::kUnreached);
}

TEST_CASE("traversal: the budget stops a search") {
  auto s = Chain();
  Traversal t(*s);
  Budget budget(std::chrono::milliseconds(-1), nullptr);
  std::vector<uint32_t> out;
  CHECK_FALSE(t.Reach(*s->FindByKey("a"), All(Direction::kOut), 1, 5, budget, &out));
  CHECK(budget.status().code() == StatusCode::kDeadlineExceeded);
}

}  // namespace
}  // namespace pkg::query
