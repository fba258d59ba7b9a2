// Test fixtures for tests/query: small graphs built with GraphBuilder.
//
// SmallGraph(): a dozen nodes of every kind the executor tests need (types
// with supertypes, aliases, an English name, an amount, a list property,
// provenance on an edge, a cycle, parallel paths).
// SeedGoldGraph(): the gold annotation of the development article
// (../shared/corpus/dev/seed.gold.jsonl) converted to statements, each node's
// id = its name, optional edges left out unless asked for; also returns the gold "query" answers by target.
#pragma once

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "base/json.h"
#include "graph/graph_builder.h"
#include "graph/schema.h"
#include "query/engine.h"

namespace pkg::testing {

inline std::shared_ptr<const Schema> TestSchema() {
  static std::shared_ptr<const Schema> schema = [] {
    auto s = Schema::Load(std::string(PKG_TEST_DIR) + "/../data/schema.json");
    REQUIRE(s.ok());
    return *s;
  }();
  return schema;
}

inline NodeStatement N(std::string id, std::string type, std::string name, std::vector<std::string> aliases = {},
                       PropertyMap props = {}, std::string name_en = {}) {
  NodeStatement n;
  n.id = std::move(id);
  n.type = std::move(type);
  n.name = std::move(name);
  n.aliases = std::move(aliases);
  n.props = std::move(props);
  n.name_en = std::move(name_en);
  return n;
}

inline EdgeStatement E(std::string type, std::string from, std::string to, std::string quote = {}) {
  EdgeStatement e;
  e.type = std::move(type);
  e.from = std::move(from);
  e.to = std::move(to);
  if (!quote.empty()) {
    Provenance p;
    p.document = "doc1";
    p.quote = std::move(quote);
    p.rule = "test";
    e.sources.push_back(p);
  }
  return e;
}

inline SnapshotPtr Build(const std::vector<NodeStatement>& nodes, const std::vector<EdgeStatement>& edges) {
  GraphBuilder b(TestSchema());
  for (const auto& n : nodes) REQUIRE(b.AddNode(n).ok());
  for (const auto& e : edges) REQUIRE(b.AddEdge(e).ok());
  auto snap = b.Build();
  if (!snap.ok()) FAIL(snap.status().message());
  return *snap;
}

//   智能工厂领航计划 -SUPPORTS-> AI+制造行动 -SUPPORTS-> 高效融合的新型工业化 -PART_OF-> 新型工业化
//   制造业创新中心 -SUPPORTS-> AI+制造行动;  先导产业母基金 -FUNDS-> 人工智能, -SUPPORTS-> 新型工业化
//   新型工业化 -SUPPORTS-> 五个中心 -SUPPORTS-> 新型工业化 (a cycle of goals)
//   上海市经济和信息化委员会 -RESPONSIBLE-> AI+制造行动;  doc1 -MENTIONS-> AI+制造行动
inline SnapshotPtr SmallGraph() {
  Amount size{1000, "亿元", 1.0e11};
  return Build(
      {N("goal:新型工业化", "Goal", "新型工业化", {"推进新型工业化"}, {}, "new industrialization"),
       N("goal:高效融合", "Goal", "高效融合的新型工业化"),
       N("goal:五个中心", "Goal", "五个中心", {"“五个中心”"}),
       N("ini:ai", "Initiative", "AI+制造行动", {"人工智能+制造", "AI+制造"}, {}, "AI+manufacturing"),
       N("ini:factory", "Initiative", "智能工厂领航计划"),
       N("fund:lead", "Fund", "先导产业母基金", {"三大先导产业母基金"}, {{"size", Value(size)}}),
       N("plat:center", "Platform", "制造业创新中心", {}, {{"count", Value(int64_t{20})}, {"level", Value(StringList{"national", "municipal"})}}),
       N("ind:ai", "Industry", "人工智能"),
       N("agency:sheitc", "Agency", "上海市经济和信息化委员会", {"市经信委"}),
       N("doc1", "Document", "强化高端产业引领功能")},
      {E("SUPPORTS", "ini:factory", "ini:ai", "实施智能工厂领航计划,推进AI+制造行动"),
       E("SUPPORTS", "ini:ai", "goal:高效融合"), E("PART_OF", "goal:高效融合", "goal:新型工业化"),
       E("SUPPORTS", "plat:center", "ini:ai"), E("FUNDS", "fund:lead", "ind:ai"),
       E("SUPPORTS", "fund:lead", "goal:新型工业化"), E("SUPPORTS", "goal:新型工业化", "goal:五个中心"),
       E("SUPPORTS", "goal:五个中心", "goal:新型工业化"), E("RESPONSIBLE", "agency:sheitc", "ini:ai"),
       E("MENTIONS", "doc1", "ini:ai")});
}

struct GoldGraph {
  SnapshotPtr snap;
  std::map<std::string, std::vector<std::string>> answers;  // target → measures
};

// `with_optional`: also load the items the gold marks optional (its answers
// are computed without them).
inline GoldGraph SeedGoldGraph(bool with_optional = false) {
  std::ifstream in(std::string(PKG_SHARED_DIR) + "/corpus/dev/seed.gold.jsonl");
  REQUIRE(in.good());
  std::vector<NodeStatement> nodes;
  std::vector<EdgeStatement> edges;
  GoldGraph g;
  std::string line;
  auto str = [](const rapidjson::Value& o, const char* k) {
    auto it = o.FindMember(k);
    return it != o.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString()) : std::string();
  };
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    rapidjson::Document d;
    REQUIRE_FALSE(ParseJson(line, d).has_value());
    std::string kind = str(d, "kind");
    bool optional = d.HasMember("optional") && d["optional"].IsBool() && d["optional"].GetBool();
    if (optional && !with_optional && kind == "edge") continue;
    if (kind == "node") {
      NodeStatement n = N(str(d, "name"), str(d, "type"), str(d, "name"));
      if (d.HasMember("aliases"))
        for (const auto& a : d["aliases"].GetArray()) n.aliases.push_back(a.GetString());
      nodes.push_back(std::move(n));
    } else if (kind == "edge") {
      edges.push_back(E(str(d, "type"), str(d, "from"), str(d, "to")));
    } else if (kind == "query") {
      auto& answers = g.answers[str(d, "target")];
      for (const auto& a : d["answers"].GetArray()) answers.push_back(a.GetString());
    }
  }
  g.snap = Build(nodes, edges);
  return g;
}

// Runs a query that must succeed; returns its rows as display text joined by " | ".
inline std::vector<std::string> Rows(const Snapshot& snap, const std::string& q, QueryOptions opts = {}) {
  QueryError err;
  auto r = RunQuery(snap, q, opts, &err);
  if (!r.ok()) FAIL(q << "\n" << r.status().message() << "\n" << err.caret);
  std::vector<std::string> out;
  for (const auto& row : r->rows) {
    std::string s;
    for (size_t i = 0; i < row.size(); ++i) s += (i ? " | " : "") + row[i].ToDisplay(snap);
    out.push_back(s);
  }
  return out;
}

}  // namespace pkg::testing
