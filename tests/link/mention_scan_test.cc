// Tests for link/mention_scan.h: which stretches of a text name a known item,
// with the real linking rules and regions.
#include "link/mention_scan.h"

#include <catch2/catch.hpp>

namespace pkg {
namespace {

std::shared_ptr<const KeyRules> Rules() {
  static auto r = [] {
    auto x = KeyRules::Load(PKG_SOURCE_DATA_DIR);
    REQUIRE(x.ok());
    return *x;
  }();
  return r;
}

// "written=id" for every hit, in text order.
std::vector<std::string> Hits(const MentionScanner& sc, const std::string& text, const std::string& region = "") {
  std::vector<std::string> out;
  for (const auto& h : sc.Scan(text, region)) {
    out.push_back(text.substr(h.begin, h.end - h.begin) + "=" + sc.item(h.item).id);
  }
  return out;
}

using V = std::vector<std::string>;

TEST_CASE("names of known items are found in their written variants", "[link][scan]") {
  MentionScanner sc(Rules());
  // Found in documents of 上海 (浦东新区 is in 上海).
  CHECK(sc.AddItem("fund", "Fund", "三大先导产业母基金", {}, "", 3, {"上海市", "浦东新区"}) == 1);
  CHECK(sc.AddItem("p2", "Fund", "产业转型升级二期基金", {}, "Industrial Transformation and Upgrading Fund Phase II", 2,
                   {"上海"}) == 2);
  sc.AddItem("p1", "Fund", "产业转型升级一期基金", {}, "", 1, {"上海"});
  sc.AddItem("ai", "Initiative", "人工智能+制造行动", {"AI+制造行动"}, "", 1, {"上海"});
  // Found in documents of several regions, and not marked as one item: a kind of platform.
  sc.AddItem("kind", "Platform", "工业互联网平台", {}, "", 9, {"江西", "浙江", "广东"});
  sc.Finish();
  // Region prefix, bare name, tier word; the longest stretch wins.
  CHECK(Hits(sc, "联动上海市先导产业母基金,支持先导产业母基金投资。") ==
        V{"上海市先导产业母基金=fund", "先导产业母基金=fund"});
  // Phase moved, quotes and generic endings.
  CHECK(Hits(sc, "产业转型升级基金二期也会加大投资") == V{"产业转型升级基金二期=p2"});
  CHECK(Hits(sc, "产业转型升级一期基金已退出") == V{"产业转型升级一期基金=p1"});
  CHECK(Hits(sc, "深化“人工智能+制造”专项行动") == V{"“人工智能+制造”专项行动=ai"});
  // English on word boundaries, any case.
  CHECK(Hits(sc, "The industrial transformation and upgrading fund phase II will co-invest.") ==
        V{"industrial transformation and upgrading fund phase II=p2"});
  CHECK(Hits(sc, "XIndustrial Transformation and Upgrading Fund Phase IIX").empty());
  // Never across a clause mark; a generic short form is not a name.
  CHECK(Hits(sc, "先导产业,母基金").empty());
  CHECK(Hits(sc, "二期基金和引导基金").empty());
  CHECK(Hits(sc, "建设工业互联网平台").empty());
  CHECK(Hits(sc, "先导产业母基金投资", "浦东新区") == V{"先导产业母基金=fund"});
  CHECK(Hits(sc, "先导产业母基金投资", "江苏").empty());
}

TEST_CASE("a bare name used by two regions needs the document's region", "[link][scan]") {
  MentionScanner sc(Rules());
  sc.AddItem("sh", "Platform", "上海市制造业创新中心", {}, "", 1);
  sc.AddItem("bj", "Platform", "北京市制造业创新中心", {}, "", 5);
  sc.Finish();
  CHECK(Hits(sc, "建设制造业创新中心").empty());
  CHECK(Hits(sc, "建设制造业创新中心", "上海市") == V{"制造业创新中心=sh"});
  CHECK(Hits(sc, "北京市制造业创新中心") == V{"北京市制造业创新中心=bj"});
  CHECK(Hits(sc, "天津市制造业创新中心").empty());
}

TEST_CASE("an item found only in one region's documents is that region's", "[link][scan]") {
  MentionScanner sc(Rules());
  sc.AddItem("cd", "Fund", "工业和信息化专项资金", {}, "", 1, {"成都市"});
  // Agencies: 市工业和信息化局 in another city's text is that city's government.
  sc.AddItem("dg", "Agency", "东莞市工业和信息化局", {"市工业和信息化局"}, "", 1, {"东莞"}, /*region_relative=*/true);
  sc.AddItem("miit", "Agency", "工业和信息化部", {}, "Ministry of Industry and Information Technology", 3,
             {"上海", "江苏"}, true);
  sc.Finish();
  CHECK(Hits(sc, "奖励资金从市工业和信息化专项资金中列支", "常州市").empty());
  CHECK(Hits(sc, "奖励资金从市工业和信息化专项资金中列支", "成都市") == V{"工业和信息化专项资金=cd"});
  CHECK(Hits(sc, "成都市工业和信息化专项资金", "") == V{"成都市工业和信息化专项资金=cd"});
  CHECK(Hits(sc, "常州市工业和信息化专项资金", "").empty());
  CHECK(Hits(sc, "会同市工业和信息化局", "").empty());
  CHECK(Hits(sc, "东莞市工业和信息化局印发", "") == V{"东莞市工业和信息化局=dg"});
  // A general item (found in documents of several regions) is named anywhere.
  CHECK(Hits(sc, "guidance from the Ministry of Industry and Information Technology.", "广州") ==
        V{"Ministry of Industry and Information Technology=miit"});
}

TEST_CASE("candidates start only where a name may start, and their number is bounded", "[link][scan]") {
  std::unordered_set<uint64_t> anchors{AnchorOf("基金")};
  std::unordered_set<uint32_t> starters{StarterOf("先导")};
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "基金";
  text += "先导产业母基金";
  size_t tries = 0;
  auto count = [&](uint32_t, uint32_t) { ++tries; return kGoOn; };
  bool truncated = true;
  ScanNames(text, anchors, starters, 20, 5, count, kMaxNameTries, &truncated);
  CHECK_FALSE(truncated);
  CHECK(tries == 1);  // only the stretch starting at 先
  tries = 0;
  starters.insert(StarterOf("基金"));
  ScanNames(text, anchors, starters, 20, 5, count, 100, &truncated);
  CHECK(truncated);
  CHECK(tries == 100);
}

TEST_CASE("short and generic names are not looked for", "[link][scan]") {
  MentionScanner sc(Rules());
  CHECK(sc.AddItem("a", "Policy", "算力券", {}, "", 1) == 0);
  CHECK(sc.AddItem("b", "Fund", "引导基金", {"二期基金"}, "Fund", 1) == 0);
  sc.Finish();
  CHECK(sc.num_items() == 0);
  CHECK(Hits(sc, "发放算力券,设立引导基金").empty());
}

}  // namespace
}  // namespace pkg
