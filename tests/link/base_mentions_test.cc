// Tests for link/base_mentions.h: an upload's places that name the items of a
// served graph, with the served graph's regions.
#include "link/base_mentions.h"

#include <catch2/catch.hpp>

namespace pkg {
namespace {

std::shared_ptr<const Schema> TestSchema() {
  static auto s = *Schema::Load(Schema::DefaultPath());
  return s;
}

std::shared_ptr<const KeyRules> Rules() {
  static auto r = *KeyRules::Load(PKG_SOURCE_DATA_DIR);
  return r;
}

NodeStatement Node(const std::string& id, const std::string& type, const std::string& name,
                   const std::string& doc = "", const std::string& region = "") {
  NodeStatement n{id, type, name};
  if (!region.empty()) SetProperty(n.props, "region", region);
  if (!doc.empty()) n.sources.push_back(Provenance{doc, 0, 3, 0, "test", ""});
  return n;
}

NormalizedDocument Text(const std::string& t) {
  NormalizedDocument d{t, {}};
  for (uint32_t i = 0; i <= t.size(); ++i) d.orig.push_back(i);
  return d;
}

// "key@begin" for every MENTIONS edge's place.
std::vector<std::string> Mentions(const std::vector<Statement>& st) {
  std::vector<std::string> out;
  for (const auto& s : st) {
    if (const auto* e = std::get_if<EdgeStatement>(&s); e && e->type == "MENTIONS") {
      out.push_back(e->to + "@" + std::to_string(e->sources.at(0).begin));
    }
  }
  return out;
}

TEST_CASE("an upload mentions the served items it names, in their region", "[link][base]") {
  GraphBuilder b(TestSchema());
  REQUIRE(b.AddNode(Node("doc:cd", "Document", "成都通知", "", "成都")).ok());
  REQUIRE(b.AddNode(Node("doc:sh1", "Document", "上海通知", "", "上海")).ok());
  REQUIRE(b.AddNode(Node("doc:js", "Document", "江苏通知", "", "江苏")).ok());
  NodeStatement nat = Node("Fund:国家制造业转型升级基金", "Fund", "国家制造业转型升级基金", "doc:sh1");
  nat.sources.push_back(Provenance{"doc:js", 0, 3, 0, "test", ""});
  nat.aliases = {"制造业转型升级基金"};
  REQUIRE(b.AddNode(nat).ok());
  REQUIRE(b.AddNode(Node("Fund:工业和信息化专项资金", "Fund", "工业和信息化专项资金", "doc:cd")).ok());
  REQUIRE(b.AddNode(Node("Agency:上海市经济和信息化委员会", "Agency", "上海市经济和信息化委员会", "doc:sh1")).ok());
  // A kind of platform found in two regions' documents: not one item.
  NodeStatement kind = Node("Platform:工业互联网平台", "Platform", "工业互联网平台", "doc:sh1");
  kind.sources.push_back(Provenance{"doc:js", 0, 3, 0, "test", ""});
  REQUIRE(b.AddNode(kind).ok());
  auto snap = b.Build();
  REQUIRE(snap.ok());
  auto names = BaseNames::Build(*snap, Rules());

  CorpusDocument doc{"up.txt", "doc:up", {}, {}};
  const std::string t = "周报:制造业转型升级基金参与融资;奖励从市工业和信息化专项资金列支;上海市经济和信息化委员会表示;建设工业互联网平台。";
  // A general item (documents of two regions) anywhere; a regional one only at home; no agencies.
  auto st = names->MentionsIn(doc, Text(t), "常州");
  CHECK(Mentions(st) == std::vector<std::string>{"Fund:国家制造业转型升级基金@" + std::to_string(t.find("制造业转型升级基金"))});
  st = names->MentionsIn(doc, Text(t), "成都");
  CHECK(Mentions(st).size() == 2);
  // The written form that is an alias already is not added again; provenance carries the sentence.
  const auto& node = std::get<NodeStatement>(st.at(0));
  CHECK(node.aliases.empty());
  CHECK(node.sources.at(0).rule == "link.corpus_mention");
  CHECK(node.sources.at(0).quote.find("参与融资") != std::string::npos);
  // Inside the extractor's own span of an item: skipped.
  size_t at = t.find("制造业转型升级基金");
  CorpusDocument covered{"up.txt", "doc:up", {{at - 3, at + 40}}, {}};
  CHECK(Mentions(names->MentionsIn(covered, Text(t), "常州")).empty());
}

TEST_CASE("with the base's link index, names are read by canonical key", "[link][base]") {
  GraphBuilder b(TestSchema());
  REQUIRE(b.AddNode(Node("doc:sh", "Document", "上海通知", "", "上海")).ok());
  REQUIRE(b.AddNode(Node("Fund:先导产业母基金", "Fund", "三大先导产业母基金", "doc:sh")).ok());
  REQUIRE(b.AddNode(Node("Platform:上海市制造业创新中心", "Platform", "上海市制造业创新中心", "doc:sh")).ok());
  REQUIRE(b.AddNode(Node("Fund:产业转型升级二期基金", "Fund", "产业转型升级二期基金", "doc:sh")).ok());
  auto snap = b.Build();
  REQUIRE(snap.ok());
  auto linker = Linker::Create(TestSchema(), PKG_SOURCE_DATA_DIR);
  REQUIRE(linker.ok());
  auto index = (*linker)->IndexSnapshot(*snap);
  auto names = BaseNames::Build(*snap, Rules());
  CorpusDocument doc{"up.txt", "doc:up", {}, {}};
  const std::string t = "上海市先导产业母基金与产业转型升级基金二期联合投资;北京市制造业创新中心揭牌;产业转型升级一期基金退出。";
  auto st = names->MentionsIn(doc, Text(t), "", 4, linker->get(), index.get());
  CHECK(Mentions(st) == std::vector<std::string>{"Fund:先导产业母基金@0",
                                                 "Fund:产业转型升级二期基金@" + std::to_string(t.find("产业转型升级基金二期"))});
  // Without the index, exact names only: neither form is one.
  CHECK(Mentions(names->MentionsIn(doc, Text(t), "")).empty());
}

}  // namespace
}  // namespace pkg
