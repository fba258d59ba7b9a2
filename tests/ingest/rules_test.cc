// Tests for ingest/rules.h: parsing rule files, errors naming file and line,
// and longest-match look-ups.
#include <catch2/catch.hpp>

#include <string>

#include "ingest/rules.h"

using namespace pkg::ingest;

TEST_CASE("RuleSet parses rule lines and reports bad ones by line", "[ingest][rules]") {
  struct Case {
    const char* what;
    std::string text;
    bool ok;
    const char* message;
  };
  const Case cases[] = {
      {"good", "# comment\n\nitem.fund\thead\tFund\t基金|母基金\n", true, ""},
      {"three fields", "a\tb\tc\n", false, "test.tsv:1: expected 4 tab-separated fields"},
      {"error on line 3", "# c\nx\thead\tFund\t基金\ny\thead\n", false, "test.tsv:3:"},
      {"empty id", "\thead\tFund\t基金\n", false, "empty rule id"},
      {"bad utf-8", "x\thead\tFund\t\xFF\n", false, "not valid UTF-8"},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    RuleSet rs;
    pkg::Status s = rs.AddText(c.text, "test.tsv");
    CHECK(s.ok() == c.ok);
    if (!c.ok) CHECK(s.message().find(c.message) != std::string::npos);
  }
}

TEST_CASE("WordSet finds the longest word at a position", "[ingest][rules]") {
  RuleSet rs;
  REQUIRE(rs.AddText("h.fund\thead\tFund\t基金|母基金\nh.plan\thead\tInitiative\t计划|行动计划\n", "t").ok());
  const WordSet& heads = rs.Words("head");
  std::string text = "先导产业母基金和行动计划";
  size_t len = 0;
  const Rule* r = heads.PrefixAt(text, 12, &len);
  REQUIRE(r);
  CHECK(r->id == "h.fund");
  CHECK(len == 9);  // 母基金, not 母
  r = heads.SuffixAt(text, text.size(), &len);
  REQUIRE(r);
  CHECK(r->arg == "Initiative");
  CHECK(len == 12);  // 行动计划
  CHECK(heads.Find(text, 0, &len) == 12);
  CHECK(rs.Words("head", "Fund").Contains("母基金"));
  CHECK_FALSE(rs.Words("head", "Fund").Contains("计划"));
  CHECK(rs.OfKind("head").size() == 2);
  CHECK(rs.OfKind("nothing").empty());
}

TEST_CASE("WordSet matches whole characters: mixed scripts, cut text, positions inside a character", "[ingest][rules]") {
  RuleSet rs;
  REQUIRE(rs.AddText("w.a\tk\t\tAI|AI+|5G网络|网|网络\nw.b\tk\tx\t€区|𠀀字\n", "t").ok());
  const WordSet& w = rs.Words("k");
  struct Case {
    const char* what;
    std::string text;
    size_t pos;        // PrefixAt here
    size_t prefix;     // expected length, 0 for none
    size_t end;        // SuffixAt here
    size_t suffix;     // expected length, 0 for none
  };
  const std::string net = "网络";  // 6 bytes
  const Case cases[] = {
      {"ascii, longest", "AI+产业", 0, 3, 3, 3},
      {"mixed word", "建5G网络", 3, 2 + 6, 3 + 8, 8},
      {"inside a character", "建5G网络", 1, 0, 2, 0},
      {"cut last character", "5G网络" + net.substr(0, 2), 2, 6, 8, 8},
      {"shorter word in a cut text", std::string("网") + net.substr(3, 2), 0, 3, 3, 3},
      {"two- and four-byte characters", "€区𠀀字", 0, 6, 13, 7},
      {"end inside a character", "€区𠀀字", 6, 7, 12, 0},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    size_t len = 0;
    const Rule* r = w.PrefixAt(c.text, c.pos, &len);
    CHECK((r ? len : 0) == c.prefix);
    len = 0;
    r = w.SuffixAt(c.text, c.end, &len);
    CHECK((r ? len : 0) == c.suffix);
  }
  std::vector<size_t> lens;
  std::string t = "网络化";
  w.ForEachPrefixAt(t, 0, [&](const Rule* r, size_t n) {
    CHECK(r->id == "w.a");
    lens.push_back(n);
  });
  CHECK(lens == std::vector<size_t>{3, 6});  // shortest first
  size_t len = 0;
  const Rule* r = nullptr;
  CHECK(w.Find("发展AI和5G网络", 0, &len, &r) == 6);
  CHECK(len == 2);
  CHECK(w.Find("发展AI和5G网络", 7, &len, &r) == 11);
  CHECK(len == 8);
  CHECK(w.Contains("5G网络"));
  CHECK_FALSE(w.Contains("5G网"));
  CHECK_FALSE(w.Contains(""));
}

TEST_CASE("The shipped rule files load", "[ingest][rules]") {
  auto rs = RuleSet::LoadDir(std::string(PKG_TEST_DIR) + "/../data/rules");
  REQUIRE(rs.ok());
  // Every kind the code names (rule_kinds.h) has rules: a misspelt kind would
  // silently read as an empty word set.
  for (size_t k = 0; k < static_cast<size_t>(RuleKind::kCount); ++k) {
    const auto kind = static_cast<RuleKind>(k);
    INFO(RuleKindName(kind));
    CHECK_FALSE((*rs)->OfKind(RuleKindName(kind)).empty());
    CHECK(&(*rs)->Words(kind) == &(*rs)->Words(RuleKindName(kind)));
  }
  CHECK_FALSE(RuleSet::LoadDir("/nonexistent").ok());
}

TEST_CASE("Words by kind and arg answer the same by enum and by name", "[ingest][rules]") {
  RuleSet rules;
  REQUIRE(rules.AddText("strip.object\tstrip\tobject\t一批|多个|本\n"
                        "strip.inner\tstrip\tinner\t从|通过\n"
                        "comparator.have\tcomparator\thave\t拥有|共有\n",
                        "test")
              .ok());
  for (const char* arg : {"object", "inner"}) {
    INFO(arg);
    CHECK(&rules.Words(RuleKind::strip, arg) == &rules.Words("strip", arg));
  }
  CHECK(rules.Words(RuleKind::strip, "none").empty());
  size_t len = 0;
  CHECK(rules.Words(RuleKind::strip, "object").PrefixAt("一批平台", 0, &len) != nullptr);
  CHECK(rules.Words(RuleKind::strip, "inner").PrefixAt("一批平台", 0, &len) == nullptr);
  CHECK(rules.Words(RuleKind::comparator, "have").PrefixAt("共有企业", 0, &len) != nullptr);
  CHECK(rules.Words(RuleKind::comparator, "exact").empty());
}
