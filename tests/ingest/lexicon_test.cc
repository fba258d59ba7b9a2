// Tests for ingest/lexicon.h and canonical_name.h against the shipped
// lexicons: matching, bare abbreviations by region, canonical keys.
#include <catch2/catch.hpp>

#include <string>

#include "ingest/canonical_name.h"
#include "ingest/lexicon.h"

using namespace pkg::ingest;

namespace {

const Lexicon& Shipped() {
  static std::shared_ptr<const Lexicon> lex = [] {
    auto r = Lexicon::LoadDir(std::string(PKG_TEST_DIR) + "/../data/lexicon");
    REQUIRE(r.ok());
    return *r;
  }();
  return *lex;
}

}  // namespace

TEST_CASE("Lexicon matches leftmost-longest names", "[ingest][lexicon]") {
  struct Case {
    std::string text;
    std::string first_type, first_name;
  };
  const Case cases[] = {
      {"工业和信息化部印发", "Agency", "工业和信息化部"},
      {"工信部印发", "Agency", "工业和信息化部"},
      {"上海市经济和信息化委员会发布", "Agency", "上海市经济和信息化委员会"},
      {"上海市经信委发布", "Agency", "上海市经济和信息化委员会"},
      {"推进新型工业化", "Goal", "新型工业化"},
      {"浦东新区", "Region", "浦东新区"},
      {"广州市黄埔区", "Region", "黄埔区"},
      {"香港特别行政区", "Region", "香港"},
      {"专精特新“小巨人”企业", "TargetGroup", "专精特新“小巨人”企业"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto hits = Shipped().Match(c.text);
    REQUIRE_FALSE(hits.empty());
    const LexEntry& x = Shipped().entries()[hits.front().entry];
    CHECK(x.type == c.first_type);
    CHECK(x.name == c.first_name);
  }
  CHECK(Shipped().Match("东方红").empty());  // an ambiguous short region name alone
}

TEST_CASE("Bare agency abbreviations resolve to the document's region", "[ingest][lexicon]") {
  struct Case {
    std::string surface, region, name;
  };
  const Case cases[] = {
      {"市经信委", "上海", "上海市经济和信息化委员会"},
      {"市发展改革委", "杭州", "杭州市发展和改革委员会"},
      {"区政府", "浦东新区", "上海市浦东新区人民政府"},
      {"市政府", "浦东新区", "上海市人民政府"},  // walks up to the city
      {"省工信厅", "浙江", "浙江省工业和信息化厅"},
  };
  for (const auto& c : cases) {
    INFO(c.surface << " in " << c.region);
    auto hits = Shipped().Match(c.surface);
    REQUIRE(hits.size() == 1);
    REQUIRE_FALSE(hits[0].bare_level.empty());
    int inst = Shipped().Resolve(hits[0].entry, c.region, hits[0].bare_level);
    REQUIRE(inst >= 0);
    CHECK(Shipped().entries()[inst].name == c.name);
  }
}

TEST_CASE("CanonicalForm folds the variants that name one item", "[ingest][canonical]") {
  struct Case {
    std::string type, name, region, form;
  };
  const Case cases[] = {
      {"Initiative", "上海市智能工厂领航计划", "上海", "智能工厂领航计划"},
      {"Initiative", "智能工厂领航计划", "上海", "智能工厂领航计划"},
      {"Initiative", "AI+制造行动计划", "", "ai+制造行动"},
      {"Initiative", "“AI+制造”行动", "", "ai+制造行动"},
      {"Fund", "产业转型升级二期基金", "", "产业转型升级二期基金"},
      {"Fund", "产业转型升级一期基金", "", "产业转型升级一期基金"},  // phases stay distinct
      {"Fund", "某某产业投资基金", "", "某某产业基金"},
      {"Agency", "工信部", "", "工业和信息化部"},
      {"Region", "上海市", "", "上海"},
      {"Industry", "產業", "", "产业"},
  };
  for (const auto& c : cases) {
    INFO(c.type << " " << c.name);
    CHECK(CanonicalForm(c.type, c.name, c.region, &Shipped()) == c.form);
  }
  CHECK(DocumentKey("abc") == DocumentKey("abc"));
  CHECK(DocumentKey("abc") != DocumentKey("abd"));
  CHECK(DocumentKey("").rfind("doc:", 0) == 0);
  CHECK(DocumentKey("x").size() == 20);
}
