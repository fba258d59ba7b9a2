// Tests for link/canonical_key.h: keys of name variants, with the real rules.
#include "link/canonical_key.h"

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

TEST_CASE("variants of one item share a key; different items do not", "[link][key]") {
  auto r = Rules();
  struct Case { const char* a; const char* b; bool same; };
  const Case cases[] = {
      {"三大先导产业母基金", "先导产业母基金", true},
      {"先導產業母基金", "先导产业母基金", true},
      {"产业转型升级二期基金", "产业转型升级基金二期", true},
      {"产业转型升级一期基金", "产业转型升级二期基金", false},
      {"“人工智能+制造”专项行动", "人工智能+制造行动", true},
      {"智能工厂领航行动计划", "智能工厂领航行动", true},
      {"国家集成电路产业投资基金", "国家集成电路产业基金", true},
      {"江苏省人工智能产业母基金", "先导产业母基金", false},
      {"「AI+製造」行動", "AI+制造行动", true},
  };
  for (const auto& c : cases) {
    INFO(c.a << " vs " << c.b);
    CHECK((r->Key(c.a).key == r->Key(c.b).key) == c.same);
  }
}

TEST_CASE("a leading region is split off, phases are kept", "[link][key]") {
  auto r = Rules();
  NameKey k = r->Key("上海市先导产业母基金");
  CHECK(k.region == "上海");
  CHECK(k.key == r->Key("先导产业母基金").key);
  NameKey p = r->Key("浦东新区人工智能产业引导基金");
  CHECK(p.region == "浦东新区");
  CHECK(r->Key("产业转型升级二期基金").phase == "#2");
  CHECK(r->Key("上海市").region.empty());  // a region alone keeps its name
  CHECK(r->CanonicalRegion("上海市") == "上海");
}

TEST_CASE("bad rule files are refused", "[link][key]") {
  auto bad = KeyRules::Parse("suffix\n", "", "rules.tsv");
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.status().message(), Catch::StartsWith("rules.tsv:1:"));
  auto kind = KeyRules::Parse("affix\ta\tb\n", "", "rules.tsv");
  REQUIRE_FALSE(kind.ok());
  CHECK_THAT(kind.status().message(), Catch::Contains("unknown rule kind"));
}

}  // namespace
}  // namespace pkg
