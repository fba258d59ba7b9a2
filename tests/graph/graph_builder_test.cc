// Tests for graph/graph_builder.h and snapshot.h: merging, checks, adjacency,
// labels, name look-up across scripts and widths.
#include "graph/graph_builder.h"

#include "graph_test_util.h"

namespace pkg {
namespace {

TEST_CASE("nodes and edges merge with their provenance", "[builder]") {
  auto g = testing::BuildFromJsonl(testing::kSmallGraph);
  CHECK(g->num_nodes() == 7);
  CHECK(g->num_edges() == 7);  // the two FUNDS statements are one edge
  NodeId fund = *g->FindByKey("fund:xd");
  NodeId ic = *g->FindByKey("ind:ic");
  int funds = 0;
  for (Adjacent a : g->out(fund)) {
    if (g->schema().edge_type(a.type).name == "FUNDS") {
      ++funds;
      CHECK(a.node == ic);
      CHECK(g->edge_provenance(a.edge).size() == 2);
      CHECK(g->source(a.edge) == fund);
      CHECK(g->target(a.edge) == ic);
    }
  }
  CHECK(funds == 1);
  bool seen_in = false;
  for (Adjacent a : g->in(ic)) seen_in = seen_in || a.node == fund;
  CHECK(seen_in);
  CHECK(g->property(fund, "size").as_amount().cny == Approx(1e11));
  CHECK(g->property(fund, "name").as_string() == "先导产业母基金");
  CHECK(g->property(fund, "nothing").is_null());
  CHECK(g->provenance(fund).size() == 1);
}

TEST_CASE("edges by type, and the types of in-edges, agree with the adjacency", "[builder][snapshot]") {
  auto g = testing::BuildFromJsonl(testing::kSmallGraph);
  const Schema& schema = g->schema();
  size_t listed = 0;
  for (int t = 0; t < schema.num_edge_types(); ++t) {
    EdgeTypeId type(static_cast<uint8_t>(t));
    auto edges = g->EdgesOfType(type);
    listed += edges.size();
    for (size_t i = 0; i < edges.size(); ++i) {
      CHECK(g->edge_type(edges[i]) == type);
      if (i > 0) CHECK(edges[i - 1] < edges[i]);
    }
  }
  CHECK(listed == g->num_edges());
  auto supports = g->EdgesOfType(*schema.FindEdgeType("SUPPORTS"));
  REQUIRE(supports.size() == 2);
  // Every in-edge carries the type of the edge it is (in() reads a separate
  // array by position).
  for (uint32_t n = 0; n < g->num_nodes(); ++n) {
    for (Adjacent a : g->in(NodeId(n))) {
      CHECK(a.type == g->edge_type(a.edge));
      CHECK(g->target(a.edge) == NodeId(n));
      CHECK(g->source(a.edge) == a.node);
    }
  }
}

TEST_CASE("labels include supertypes", "[builder]") {
  auto g = testing::BuildFromJsonl(testing::kSmallGraph);
  auto measure = *g->schema().FindNodeType("Measure");
  auto actor = *g->schema().FindNodeType("Actor");
  CHECK(g->HasLabel(*g->FindByKey("fund:xd"), measure));
  CHECK(g->HasLabel(*g->FindByKey("agency:sh"), actor));
  CHECK_FALSE(g->HasLabel(*g->FindByKey("goal:新型工业化"), measure));
  CHECK(g->NodesWithLabel(measure).size() == 3);
}

TEST_CASE("names are found through aliases, Traditional, full-width and case", "[builder][names]") {
  auto g = testing::BuildFromJsonl(testing::kSmallGraph);
  NodeId ai = *g->FindByKey("ini:ai");
  NodeId ic = *g->FindByKey("ind:ic");
  struct Case { const char* text; NodeId want; };
  const Case cases[] = {
      {"“AI+制造”行动", ai}, {"AI+制造行动", ai}, {"ＡＩ＋制造行动", ai}, {"ai+manufacturing", ai},
      {"AI+Manufacturing", ai}, {"人工智能+制造", ai}, {"「AI+制造」", ai}, {"集成电路", ic}, {"集成電路", ic},
      {" 集成 电路 ", ic},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto found = g->FindByName(c.text);
    REQUIRE(found.size() == 1);
    CHECK(found[0] == c.want);
  }
  CHECK(g->FindByName("不存在的名字").empty());
  CHECK(g->FindByName("").empty());
}

TEST_CASE("search ranks exact, prefix, pinyin and substring matches", "[builder][names]") {
  auto g = testing::BuildFromJsonl(testing::kSmallGraph);
  auto hits = g->Search("先导", 10);
  REQUIRE_FALSE(hits.empty());
  CHECK(g->key(hits[0]) == "fund:xd");
  auto py = g->Search("jicheng", 10);
  REQUIRE_FALSE(py.empty());
  CHECK(g->key(py[0]) == "ind:ic");
  auto sub = g->Search("母基金", 10);
  REQUIRE_FALSE(sub.empty());
  CHECK(g->key(sub[0]) == "fund:xd");
  CHECK(g->Search("AI+", 1).size() == 1);
}

TEST_CASE("invalid graphs are refused with every error listed", "[builder]") {
  auto schema = testing::TestSchema();
  GraphBuilder b(schema);
  REQUIRE(b.AddNode({"f", "Fund", "基金A"}).ok());
  REQUIRE(b.AddNode({"r", "Region", "上海"}).ok());
  REQUIRE(b.AddEdge({"FUNDS", "f", "missing"}).ok());
  REQUIRE(b.AddEdge({"FUNDS", "f", "r"}).ok());  // FUNDS may not target a Region
  REQUIRE(b.AddEdge({"APPLIES_IN", "f", "r"}).ok());
  auto bad = b.AddNode({"f", "Goal", "基金A"});
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.message(), Catch::Contains("is a Goal here but a Fund in an earlier statement"));
  auto snap = b.Build();
  REQUIRE_FALSE(snap.ok());
  CHECK_THAT(snap.status().message(), Catch::Contains("no node has id \"missing\""));
  CHECK_THAT(snap.status().message(), Catch::Contains("FUNDS may not join a Fund to a Region"));

  std::vector<std::string> dropped;
  GraphBuilder::BuildOptions opts;
  opts.skip_invalid = true;
  opts.dropped = &dropped;
  auto skipped = b.Build(opts);
  REQUIRE(skipped.ok());
  CHECK(dropped.size() == 2);
  CHECK((*skipped)->num_nodes() == 2);  // the placeholder for "missing" is gone
  CHECK((*skipped)->num_edges() == 1);
}

TEST_CASE("a node restated under another name keeps the first and gains an alias", "[builder]") {
  GraphBuilder b(testing::TestSchema());
  REQUIRE(b.AddNode({"i", "Industry", "集成电路产业"}).ok());
  REQUIRE(b.AddNode({"i", "Industry", "集成电路", "Integrated circuits"}).ok());
  auto g = *b.Build();
  NodeId n = *g->FindByKey("i");
  CHECK(g->name(n) == "集成电路产业");
  CHECK(g->name_en(n) == "Integrated circuits");
  REQUIRE(g->aliases(n).size() == 1);
  CHECK(g->aliases(n)[0] == "集成电路");
  CHECK(g->FindByName("集成电路").size() == 1);
}

}  // namespace
}  // namespace pkg

namespace pkg {
namespace {

TEST_CASE("MergeNodes folds one node into another, edges and keys follow", "[builder][merge]") {
  GraphBuilder b(testing::TestSchema());
  REQUIRE(b.AddNode({"fund:a", "Fund", "先导产业母基金"}).ok());
  REQUIRE(b.AddNode({"fund:b", "Fund", "三大先导产业母基金", "Leading Fund", {"先导母基金"}}).ok());
  REQUIRE(b.AddNode({"ind:ic", "Industry", "集成电路"}).ok());
  REQUIRE(b.AddEdge({"FUNDS", "fund:b", "ind:ic"}).ok());
  REQUIRE(b.AddEdge({"RELATED_TO", "fund:a", "fund:b"}).ok());
  REQUIRE(b.MergeNodes("fund:a", "fund:b", "same canonical key").ok());
  CHECK_FALSE(b.MergeNodes("fund:a", "fund:b", "again").ok());
  CHECK_FALSE(b.MergeNodes("fund:a", "fund:none", "x").ok());
  // A later statement about the merged key reaches the kept node.
  REQUIRE(b.AddNode({"fund:b", "Fund", "三大先导产业母基金", "", {"先导基金"}}).ok());
  REQUIRE(b.AddEdge({"SUPPORTS", "fund:b", "ind:ic"}).ok());
  auto g = *b.Build();
  CHECK(g->num_nodes() == 2);
  NodeId a = *g->FindByKey("fund:a");
  CHECK(*g->FindByKey("fund:b") == a);
  CHECK(g->name_en(a) == "Leading Fund");
  CHECK(g->FindByName("三大先导产业母基金") == std::vector<NodeId>{a});
  CHECK(g->FindByName("先导基金") == std::vector<NodeId>{a});
  CHECK(g->out(a).size() == 2);  // FUNDS and SUPPORTS; the RELATED_TO self-loop is gone
  CHECK(g->property(a, "merged_from").as_list() == StringList{"fund:b"});
  CHECK_THAT(g->property(a, "merge_reason").as_list()[0], Catch::Contains("same canonical key"));
}

TEST_CASE("AddSnapshot carries merged-away keys into the next build", "[builder][merge]") {
  GraphBuilder b(testing::TestSchema());
  REQUIRE(b.AddNode({"fund:a", "Fund", "先导产业母基金"}).ok());
  REQUIRE(b.AddNode({"fund:b", "Fund", "上海市先导产业母基金"}).ok());
  REQUIRE(b.MergeNodes("fund:a", "fund:b", "region prefix").ok());
  auto g = *b.Build();
  GraphBuilder next(testing::TestSchema());
  next.AddSnapshot(*g);
  REQUIRE(next.AddNode({"ind:ic", "Industry", "集成电路"}).ok());
  // A statement naming the merged key reaches the kept node.
  REQUIRE(next.AddEdge({"FUNDS", "fund:b", "ind:ic"}).ok());
  auto h = *next.Build();
  CHECK(h->num_nodes() == 2);
  NodeId a = *h->FindByKey("fund:a");
  CHECK(h->FindByKey("fund:b") == a);
  CHECK(h->out(a).size() == 1);
  CHECK(h->property(a, "merged_from").as_list() == StringList{"fund:b"});
}

}  // namespace
}  // namespace pkg

namespace pkg {
namespace {

TEST_CASE("substring search finds names through the bigram index", "[builder][names]") {
  auto g = testing::BuildFromJsonl(testing::kSmallGraph);
  struct Case { const char* q; const char* key; };
  const Case cases[] = {{"产业母基", "fund:xd"}, {"信息化委员", "agency:sh"}, {"创新中心", "plat:1"},
                        {"經濟和信息", "agency:sh"}, {"manufacturing", "ini:ai"}};
  for (const auto& c : cases) {
    INFO(c.q);
    auto hits = g->Search(c.q, 5);
    REQUIRE_FALSE(hits.empty());
    CHECK(g->key(hits[0]) == c.key);
  }
  CHECK(g->Search("不在图里的名字", 5).empty());
}

}  // namespace
}  // namespace pkg
