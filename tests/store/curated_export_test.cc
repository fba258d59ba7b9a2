// Tests store/curated_export.h: what `policykg export --curated` prints.
#include "store/curated_export.h"

#include <algorithm>

#include "store/curation_apply.h"

#include <catch2/catch.hpp>

namespace pkg {
namespace {

Curation Sample() {
  Curation c;
  c.links.push_back(CuratedLink{1, "fund:a", "industry:x", "FUNDS", "核对原文", 0, false});
  c.links.push_back(CuratedLink{2, "fund:a", "industry:y", "FUNDS", "", 0, true});
  MergeDecision m;
  m.id = 3;
  m.keep = "fund:a";
  m.keep_type = "Fund";
  m.keep_name = "先导产业母基金";
  m.merged = {"fund:b", "fund:c"};
  m.merged_names = {"三大先导产业母基金", "先导产业母基金"};
  m.reason = "同一基金";
  c.merges.push_back(m);
  MergeDecision undone = m;
  undone.id = 4;
  undone.split_by = 5;
  c.merges.push_back(undone);
  return c;
}

TEST_CASE("only decisions in force are exported", "[store][export]") {
  auto st = CuratedStatements(Sample());
  REQUIRE(st.size() == 2);
  const auto& n = std::get<NodeStatement>(st[0]);
  CHECK(n.id == "fund:a");
  CHECK(n.type == "Fund");
  CHECK(n.aliases == std::vector<std::string>{"三大先导产业母基金"});  // own name not an alias
  REQUIRE(n.sources.size() == 1);
  CHECK(n.sources[0].rule == "curated");
  CHECK(n.sources[0].quote == "merge:3 of fund:b, fund:c: 同一基金");
  const auto& e = std::get<EdgeStatement>(st[1]);
  CHECK(e.to == "industry:x");
  CHECK(e.sources[0].quote == "核对原文");
}

TEST_CASE("the JSONL form has one statement per line", "[store][export]") {
  std::string text = CuratedStatementsJsonl(Sample());
  size_t lines = 0;
  for (char ch : text) lines += ch == '\n';
  CHECK(lines == 2);
  CHECK(text.find("\"kind\":\"node\"") != std::string::npos);
  CHECK(text.find("\"kind\":\"edge\"") != std::string::npos);
  CHECK(text.find("\"curated\"") != std::string::npos);
  CHECK(CuratedStatementsJsonl(Curation{}).empty());
}

}  // namespace
}  // namespace pkg

namespace pkg {
namespace {

TEST_CASE("a split of linker merges is exported with the keys it keeps apart", "[store][export]") {
  Curation c = Sample();
  SplitDecision s;
  s.id = 6;
  s.node = "fund:sh";
  s.node_type = "Fund";
  s.node_name = "上海市先导产业母基金";
  s.reason = "另一只基金";
  s.apart = {{"fund:sh", "fund:a"}};
  c.splits.push_back(s);
  c.splits.push_back(SplitDecision{5, 4, "", "", 0, {}, "", ""});  // undid merge:4: not exported itself
  std::string text = CuratedStatementsJsonl(c);
  CHECK_THAT(text, Catch::Contains("\"id\":\"fund:sh\""));
  CHECK_THAT(text, Catch::Contains("split:6: not the same item as fund:a: 另一只基金"));
  CHECK(CuratedStatements(c).size() == CuratedStatements(Sample()).size() + 1);
  // Both kinds of split are cannot-link pairs for the linker.
  auto pairs = CannotLinkPairs(c);
  CHECK(std::find(pairs.begin(), pairs.end(), std::make_pair(std::string("fund:sh"), std::string("fund:a"))) !=
        pairs.end());
  CHECK(std::find(pairs.begin(), pairs.end(), std::make_pair(std::string("fund:a"), std::string("fund:b"))) !=
        pairs.end());
}

}  // namespace
}  // namespace pkg
