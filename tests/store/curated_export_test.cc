// Tests store/curated_export.h: what `policykg export --curated` prints.
#include "store/curated_export.h"

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
