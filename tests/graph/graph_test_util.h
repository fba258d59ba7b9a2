// Helpers shared by graph tests: the real schema and small statement fixtures.
#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "graph/graph_builder.h"
#include "graph/schema.h"
#include "graph/statement_reader.h"

namespace pkg::testing {

inline std::shared_ptr<const Schema> TestSchema() {
  static auto schema = [] {
    auto s = Schema::Load(Schema::DefaultPath());
    REQUIRE(s.ok());
    return *s;
  }();
  return schema;
}

// Builds a snapshot from JSONL text; REQUIREs that it is valid.
inline SnapshotPtr BuildFromJsonl(const std::string& text) {
  GraphBuilder b(TestSchema());
  std::vector<std::string> errors;
  ReadStatements(text, *TestSchema(), "fixture.jsonl", [&](Statement&& st) {
    Status s = std::holds_alternative<NodeStatement>(st) ? b.AddNode(std::get<NodeStatement>(std::move(st)))
                                                         : b.AddEdge(std::get<EdgeStatement>(std::move(st)));
    REQUIRE(s.ok());
  }, errors);
  INFO((errors.empty() ? std::string() : errors[0]));
  REQUIRE(errors.empty());
  auto snap = b.Build();
  INFO(snap.status().message());
  REQUIRE(snap.ok());
  return *snap;
}

// A small policy graph: a fund supporting an initiative that supports a goal.
inline const char* kSmallGraph = R"(
{"kind":"node","id":"goal:新型工业化","type":"Goal","name":"新型工业化","aliases":["推进新型工业化"]}
{"kind":"node","id":"ini:ai","type":"Initiative","name":"“AI+制造”行动","name_en":"AI+manufacturing","aliases":["人工智能+制造","AI+制造"]}
{"kind":"node","id":"fund:xd","type":"Fund","name":"先导产业母基金","aliases":["三大先导产业母基金"],"props":{"size":{"value":1000,"unit":"亿元","cny":1e11},"instrument":"finance"},"source":{"document":"doc:1","span":[10,40],"sentence":3,"rule":"fund.set_up","quote":"设立先导产业母基金"}}
{"kind":"node","id":"ind:ic","type":"Industry","name":"集成电路","aliases":["集成電路"]}
{"kind":"node","id":"agency:sh","type":"Agency","name":"上海市经济和信息化委员会","aliases":["市经信委"]}
{"kind":"node","id":"doc:1","type":"Document","name":"强化高端产业引领功能","props":{"date":"2025-12-29"}}
{"kind":"node","id":"plat:1","type":"Platform","name":"制造业创新中心","props":{"level":["national","municipal"],"count":14}}
{"kind":"edge","type":"SUPPORTS","from":"ini:ai","to":"goal:新型工业化"}
{"kind":"edge","type":"FUNDS","from":"fund:xd","to":"ind:ic","source":{"document":"doc:1","span":[10,40],"sentence":3,"rule":"fund.invests","quote":"投向集成电路"}}
{"kind":"edge","type":"FUNDS","from":"fund:xd","to":"ind:ic","source":{"document":"doc:1","span":[50,70],"sentence":4,"rule":"fund.invests","quote":"重点投资集成电路"}}
{"kind":"edge","type":"SUPPORTS","from":"fund:xd","to":"ini:ai"}
{"kind":"edge","type":"PART_OF","from":"plat:1","to":"ini:ai"}
{"kind":"edge","type":"RESPONSIBLE","from":"agency:sh","to":"ini:ai"}
{"kind":"edge","type":"MENTIONS","from":"doc:1","to":"fund:xd"}
{"kind":"edge","type":"ISSUED","from":"agency:sh","to":"doc:1"}
)";

}  // namespace pkg::testing
