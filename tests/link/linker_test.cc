// Tests for link/linker.h: merges across documents and the traps that must
// stay apart (phases, similar titles, other regions, curated splits).
#include "link/linker.h"

#include <catch2/catch.hpp>

#include "graph/graph_builder.h"

namespace pkg {
namespace {

std::shared_ptr<const Schema> TestSchema() {
  static auto s = *Schema::Load(Schema::DefaultPath());
  return s;
}

std::unique_ptr<Linker> RealLinker() {
  auto l = Linker::Create(TestSchema(), PKG_SOURCE_DATA_DIR);
  INFO(l.status().message());
  REQUIRE(l.ok());
  return std::move(l).value();
}

// Builds a graph of (id, type, name) nodes, links it, and returns the snapshot.
SnapshotPtr LinkedGraph(const std::vector<NodeStatement>& nodes, LinkReport* report = nullptr,
                        const LinkOptions& opts = {}) {
  GraphBuilder b(TestSchema());
  for (const auto& n : nodes) REQUIRE(b.AddNode(n).ok());
  auto r = RealLinker()->Link(b, opts);
  REQUIRE(r.ok());
  if (report) *report = *r;
  auto snap = b.Build();
  REQUIRE(snap.ok());
  return *snap;
}

bool Same(const Snapshot& g, const char* a, const char* b) { return *g.FindByKey(a) == *g.FindByKey(b); }

TEST_CASE("mentions of one fund across documents become one node", "[link]") {
  LinkReport rep;
  auto g = LinkedGraph({
      {"f1", "Fund", "三大先导产业母基金"},
      {"f2", "Fund", "上海市先导产业母基金"},
      {"f3", "Fund", "先導產業母基金"},
      {"f4", "Fund", "“先导产业母基金”"},
      {"p2", "Fund", "产业转型升级二期基金"},
      {"p2b", "Fund", "产业转型升级基金二期"},
      {"p1", "Fund", "产业转型升级一期基金"},
      {"js", "Fund", "江苏省人工智能产业母基金"},
      {"nat", "Fund", "国家制造业转型升级基金"},
  }, &rep);
  CHECK(Same(*g, "f1", "f2"));
  CHECK(Same(*g, "f1", "f3"));
  CHECK(Same(*g, "f1", "f4"));
  CHECK(Same(*g, "p2", "p2b"));
  CHECK_FALSE(Same(*g, "p1", "p2"));
  CHECK_FALSE(Same(*g, "js", "f1"));
  CHECK_FALSE(Same(*g, "nat", "p2"));
  CHECK(g->num_nodes() == 5);
  CHECK(rep.merged == 4);
  NodeId f = *g->FindByKey("f1");
  CHECK(g->property(f, "merge_reason").as_list().size() == 3);
}

TEST_CASE("lexicon equivalences link names that share no characters", "[link]") {
  auto g = LinkedGraph({
      {"a", "Initiative", "“AI+制造”行动"},
      {"b", "Initiative", "“人工智能+制造”专项行动"},
      {"c", "Initiative", "AI+manufacturing campaign"},
      {"m1", "Pilot", "M0土地混合利用新模式"},
      {"m2", "Pilot", "新型产业用地(M0)"},
  });
  CHECK(Same(*g, "a", "b"));
  CHECK(Same(*g, "a", "c"));
  CHECK(Same(*g, "m1", "m2"));
}

TEST_CASE("similar titles of different policies stay apart; types never mix", "[link]") {
  auto g = LinkedGraph({
      {"nat", "Policy", "国务院关于推动人工智能赋能新型工业化的意见"},
      {"pd", "Policy", "浦东新区关于推动人工智能赋能新型工业化的若干措施"},
      {"js", "Policy", "江苏省人民政府关于推动人工智能赋能新型工业化的实施意见"},
      // Without its issuer the implementing opinion is within the similarity
      // threshold of the national one; the distinct word 实施 keeps it apart.
      {"js2", "Policy", "关于推动人工智能赋能新型工业化的实施意见"},
      {"g", "Goal", "新型工业化"},
      {"i", "Industry", "新型工业化"},
  });
  CHECK(g->num_nodes() == 6);
  CHECK_FALSE(Same(*g, "nat", "js2"));
}

TEST_CASE("a bare name used with two different regions stays apart", "[link]") {
  auto g = LinkedGraph({
      {"sh", "Platform", "上海市制造业创新中心"},
      {"bj", "Platform", "北京市制造业创新中心"},
      {"bare", "Platform", "制造业创新中心"},
  });
  CHECK(g->num_nodes() == 3);
}

TEST_CASE("a policy title cited without its issuer is the issuer's, unless two issuers' titles read so", "[link]") {
  auto one = LinkedGraph({
      {"full", "Policy", "工业和信息化部办公厅关于开展人工智能赋能制造业试点工作的通知"},
      {"bare", "Policy", "关于开展人工智能赋能制造业试点工作的通知"},
  });
  CHECK(one->num_nodes() == 1);
  auto two = LinkedGraph({
      {"a", "Policy", "上海市经济和信息化委员会关于开展2025年度工业领域数字化转型试点工作的通知"},
      {"b", "Policy", "北京市经济和信息化局关于开展2025年度工业领域数字化转型试点工作的通知"},
      {"bare", "Policy", "关于开展2025年度工业领域数字化转型试点工作的通知"},
  });
  CHECK(two->num_nodes() == 3);
  auto short_rest = LinkedGraph({  // too little left to be one policy's title
      {"full", "Policy", "某市人民政府关于印发实施意见的通知"},
      {"bare", "Policy", "关于印发实施意见的通知"},
  });
  CHECK(short_rest->num_nodes() == 2);
}

TEST_CASE("names relative to the reader's region link nothing across regions", "[link]") {
  auto node = [](const char* id, const char* name, std::vector<std::string> aliases) {
    NodeStatement n{id, "Agency", name};
    n.aliases = std::move(aliases);
    return n;
  };
  auto g = LinkedGraph({
      node("hb", "湖北省财政厅", {"省财政厅"}),
      node("js", "江苏省财政厅", {"省财政厅"}),
      node("sh", "上海市发展和改革委员会", {"上海市发展改革委", "市发展改革委"}),
      node("sz", "苏州市发展和改革委员会", {"市发展改革委"}),
      node("nat", "国家发展和改革委员会", {"发展改革委", "国家发改委"}),
      node("sh2", "上海市发展改革委", {}),
  });
  CHECK_FALSE(Same(*g, "hb", "js"));
  CHECK_FALSE(Same(*g, "sh", "sz"));
  CHECK_FALSE(Same(*g, "sh", "nat"));
  CHECK(Same(*g, "sh", "sh2"));
}

TEST_CASE("measures with one document number are one item", "[link]") {
  NodeStatement cite{"c", "Policy", "国发〔2025〕11号"};
  SetProperty(cite.props, "doc_number", "国发〔2025〕11号");
  NodeStatement own{"o", "Policy", "国务院关于推动人工智能赋能新型工业化的意见"};
  SetProperty(own.props, "doc_number", "国发[2025]11号");
  auto g = LinkedGraph({cite, own});
  CHECK(g->num_nodes() == 2 - 1);
}

TEST_CASE("curated splits are never merged again", "[link]") {
  LinkOptions opts;
  opts.cannot_link = {{"f1", "f2"}};
  auto g = LinkedGraph({{"f1", "Fund", "先导产业母基金"}, {"f2", "Fund", "三大先导产业母基金"}}, nullptr, opts);
  CHECK(g->num_nodes() == 2);
}

TEST_CASE("documents and indicators are never merged", "[link]") {
  auto g = LinkedGraph({
      {"d1", "Document", "关于某某的通知"}, {"d2", "Document", "关于某某的通知"},
      {"i1", "Indicator", "工业增加值增速"}, {"i2", "Indicator", "工业增加值增速"},
  });
  CHECK(g->num_nodes() == 4);
}

}  // namespace
}  // namespace pkg

namespace pkg {
namespace {

// A linked base snapshot, then new nodes linked against it through its index.
TEST_CASE("LinkNew links new nodes to an indexed base as Link would", "[link][incremental]") {
  auto linker = RealLinker();
  GraphBuilder base(TestSchema());
  for (const NodeStatement& n : std::vector<NodeStatement>{
           {"f1", "Fund", "先导产业母基金"},
           {"sh", "Fund", "上海市人工智能基金"},
           {"bj", "Fund", "北京市人工智能基金"},
           {"p1", "Fund", "产业转型升级一期基金"},
           {"ai", "Industry", "人工智能"},
           {"g1", "Goal", "新型工业化"},
           {"g2", "Goal", "制造强国"},
       }) {
    REQUIRE(base.AddNode(n).ok());
  }
  auto g = *base.Build();
  auto index = linker->IndexSnapshot(g);
  CHECK(index->keys.size() >= 5);

  const std::vector<NodeStatement> fresh = {
      {"n1", "Fund", "上海市先導產業母基金"},   // region prefix + Traditional → f1
      {"n2", "Fund", "人工智能基金"},           // bare name two regions prefix: ambiguous
      {"n3", "Fund", "产业转型升级二期基金"},   // another phase
      {"n4", "Industry", "Artificial Intelligence", "", {}, {}, {Provenance{"doc:x"}, Provenance{"doc:y"}}},
      {"n5", "Fund", "产业转型升级基金二期"},   // same as n3 (new against new)
      {"ai", "Industry", "人工智能"},           // a document restating a base node
  };
  auto build = [&](const LinkOptions& opts, LinkReport* rep) {
    GraphBuilder b(TestSchema());
    b.AddSnapshot(*g);
    std::vector<std::string> keys;
    for (const auto& n : fresh) {
      REQUIRE(b.AddNode(n).ok());
      keys.push_back(n.id);
    }
    auto r = linker->LinkNew(b, keys, *index, opts);
    REQUIRE(r.ok());
    *rep = *r;
    return *b.Build();
  };
  LinkReport rep;
  auto h = build({}, &rep);
  CHECK(Same(*h, "f1", "n1"));
  CHECK_FALSE(Same(*h, "n2", "sh"));
  CHECK_FALSE(Same(*h, "n2", "bj"));
  CHECK_FALSE(Same(*h, "n3", "p1"));
  CHECK(Same(*h, "n3", "n5"));
  CHECK(Same(*h, "ai", "n4"));
  CHECK(rep.merged == 3);
  // Only the new nodes and their candidates were looked at, not every base node.
  CHECK(rep.linkable < g->num_nodes() + fresh.size());
  NodeId f = *h->FindByKey("f1");
  CHECK(h->key(f) == "f1");
  // The base node stays the kept one even when the new node has more provenance.
  CHECK(h->key(*h->FindByKey("n4")) == "ai");
  CHECK_THAT(h->property(f, "merge_reason").as_list()[0], Catch::Contains("linker:"));

  // A curated split keeps the pair apart.
  LinkOptions opts;
  opts.cannot_link = {{"n1", "f1"}};
  auto k = build(opts, &rep);
  CHECK_FALSE(Same(*k, "f1", "n1"));
  CHECK(Same(*k, "ai", "n4"));
}

}  // namespace
}  // namespace pkg
