// Tests store/curation_apply.h: merges re-key nodes and edges (with chains and
// ignored cycles), curated links are added with "curated" provenance, deleted
// links and split merges have no effect.
#include "store/curation_apply.h"

#include <catch2/catch.hpp>

namespace pkg {
namespace {

NodeStatement Node(std::string id, std::string type, std::string name) {
  NodeStatement n;
  n.id = std::move(id);
  n.type = std::move(type);
  n.name = std::move(name);
  return n;
}

EdgeStatement Edge(std::string from, std::string type, std::string to) {
  EdgeStatement e;
  e.from = std::move(from);
  e.type = std::move(type);
  e.to = std::move(to);
  return e;
}

MergeDecision Merge(int64_t id, std::string keep, std::vector<std::string> merged,
                    int64_t split_by = 0) {
  MergeDecision m;
  m.id = id;
  m.keep = std::move(keep);
  m.merged = std::move(merged);
  m.merged_names.assign(m.merged.size(), "");
  m.split_by = split_by;
  return m;
}

std::vector<NodeStatement> BaseNodes() {
  return {Node("fund:a", "Fund", "先导产业母基金"), Node("fund:b", "Fund", "三大先导产业母基金"),
          Node("initiative:b2", "Initiative", "母基金计划"),
          Node("industry:x", "Industry", "集成电路")};
}

std::vector<EdgeStatement> BaseEdges() {
  return {Edge("fund:a", "FUNDS", "industry:x"), Edge("fund:b", "FUNDS", "industry:x"),
          Edge("fund:a", "PART_OF", "fund:b")};
}

TEST_CASE("merges re-key nodes, keep the kept name and drop self-loops", "[store][curation]") {
  auto nodes = BaseNodes();
  auto edges = BaseEdges();
  Curation c;
  c.merges.push_back(Merge(1, "fund:a", {"fund:b"}));
  auto report = ApplyCuration(c, nodes, edges);
  CHECK(report.merged_into.at("fund:b") == "fund:a");
  CHECK(nodes[1].id == "fund:a");
  CHECK(nodes[1].name == "先导产业母基金");
  CHECK(nodes[1].aliases == std::vector<std::string>{"三大先导产业母基金"});
  REQUIRE(edges.size() == 2);  // the PART_OF between the two became a self-loop
  CHECK(edges[0].from == "fund:a");
  CHECK(edges[1].from == "fund:a");
  // The kept node records what it absorbed.
  REQUIRE(nodes.size() == 5);
  CHECK(nodes.back().id == "fund:a");
  const Value* from = FindProperty(nodes.back().props, "merged_from");
  REQUIRE(from);
  CHECK(from->as_list() == StringList{"fund:b"});
}

TEST_CASE("a merged node takes the kept node's type", "[store][curation]") {
  auto nodes = BaseNodes();
  auto edges = BaseEdges();
  Curation c;
  c.merges.push_back(Merge(1, "fund:a", {"initiative:b2"}));
  ApplyCuration(c, nodes, edges);
  CHECK(nodes[2].id == "fund:a");
  CHECK(nodes[2].type == "Fund");
}

TEST_CASE("merge chains resolve and reverse merges are ignored", "[store][curation]") {
  struct Case {
    const char* what;
    std::vector<MergeDecision> merges;
    std::vector<std::pair<std::string, std::string>> expect;  // key → resolved
    size_t warnings;
  };
  const Case cases[] = {
      {"chain b→a then a→x", {Merge(1, "fund:a", {"fund:b"}), Merge(2, "industry:x", {"fund:a"})},
       {{"fund:b", "industry:x"}, {"fund:a", "industry:x"}}, 0},
      {"reverse merge ignored", {Merge(1, "fund:a", {"fund:b"}), Merge(2, "fund:b", {"fund:a"})},
       {{"fund:b", "fund:a"}}, 1},
      {"split merge has no effect", {Merge(1, "fund:a", {"fund:b"}, /*split_by=*/2)}, {}, 0},
      {"self merge ignored", {Merge(1, "fund:a", {"fund:a"})}, {}, 1},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    auto nodes = BaseNodes();
    auto edges = BaseEdges();
    Curation cur;
    cur.merges = c.merges;
    auto report = ApplyCuration(cur, nodes, edges);
    CHECK(report.merged_into.size() == c.expect.size());
    for (const auto& [k, v] : c.expect) CHECK(report.merged_into.at(k) == v);
    CHECK(report.warnings.size() == c.warnings);
  }
}

TEST_CASE("curated links become edges unless deleted", "[store][curation]") {
  auto nodes = BaseNodes();
  auto edges = BaseEdges();
  Curation c;
  c.links.push_back(CuratedLink{7, "fund:b", "industry:x", "SUPPORTS", "人工核对", 0, false});
  c.links.push_back(CuratedLink{8, "fund:a", "industry:x", "RELATED_TO", "", 0, true});
  c.merges.push_back(Merge(3, "fund:a", {"fund:b"}));
  auto report = ApplyCuration(c, nodes, edges);
  REQUIRE(edges.size() == 3);
  const EdgeStatement& e = edges.back();
  CHECK(e.from == "fund:a");  // the link follows the merge
  CHECK(e.type == "SUPPORTS");
  REQUIRE(e.sources.size() == 1);
  CHECK(e.sources[0].rule == "curated");
  CHECK(e.sources[0].quote == "人工核对");
  REQUIRE(FindProperty(e.props, "curated"));
  CHECK(FindProperty(e.props, "curated")->as_bool());
  CHECK(FindProperty(e.props, "reason")->as_string() == "人工核对");
  CHECK(report.link_edges.at(LinkEdgeKey("fund:a", "SUPPORTS", "industry:x")) == 7);
  CHECK(report.link_edges.size() == 1);
}

}  // namespace
}  // namespace pkg

namespace pkg {
namespace {

TEST_CASE("the kept node's English name wins over a merged node's", "[store][curation]") {
  NodeStatement keep = Node("ind:ai", "Industry", "人工智能");
  keep.name_en = "artificial intelligence";
  NodeStatement merged = Node("ind:robot", "Industry", "人形机器人");
  merged.name_en = "humanoid robots";
  std::vector<NodeStatement> nodes = {keep, merged};
  std::vector<EdgeStatement> edges;
  Curation c;
  c.merges.push_back(Merge(1, "ind:ai", {"ind:robot"}));
  ApplyCuration(c, nodes, edges);
  REQUIRE(nodes[1].id == "ind:ai");
  CHECK(nodes[1].name_en.empty());
  CHECK(std::find(nodes[1].aliases.begin(), nodes[1].aliases.end(), "humanoid robots") != nodes[1].aliases.end());
}

}  // namespace
}  // namespace pkg
