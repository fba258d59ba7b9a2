// Result formats: table alignment by display width, CSV quoting, JSON cells,
// --param value parsing.
#include "query/result_format.h"
#include "tests/query/fixture.h"

namespace pkg {
namespace {

TEST_CASE("result formats") {
  auto snap = testing::SmallGraph();
  auto r = RunQuery(*snap, "MATCH (n {id:'ini:ai'})<-[r:SUPPORTS]-(m) RETURN m.name AS 名称, m.count AS n, r ORDER BY 名称",
                    QueryOptions{});
  REQUIRE(r.ok());
  CHECK(FormatTable(*r, *snap) ==
        "名称             | n  | r\n"
        "-----------------+----+" + std::string(46, '-') + "\n"
        "制造业创新中心   | 20 | (制造业创新中心)-[:SUPPORTS]->(AI+制造行动)\n"
        "智能工厂领航计划 |    | (智能工厂领航计划)-[:SUPPORTS]->(AI+制造行动)\n"
        "(2 rows)\n");
  CHECK(FormatCsv(*r, *snap) ==
        "名称,n,r\n"
        "制造业创新中心,20,(制造业创新中心)-[:SUPPORTS]->(AI+制造行动)\n"
        "智能工厂领航计划,,(智能工厂领航计划)-[:SUPPORTS]->(AI+制造行动)\n");
  std::string json = FormatJson(*r, *snap);
  CHECK(json.rfind("{\"columns\":[\"名称\",\"n\",\"r\"],\"rows\":[[\"制造业创新中心\",20,{\"edge\":{\"id\":\"e", 0) == 0);
  CHECK(json.find("\"from\":\"ini:factory\",\"to\":\"ini:ai\",\"provenance\":[{\"document\":\"doc1\"") !=
        std::string::npos);
  CHECK(json.find("\"truncated\":false}") != std::string::npos);

  auto n = RunQuery(*snap, "MATCH (n {id:'fund:lead'}) RETURN n, n.size, n.aliases, 'a,\"b\"' AS q", QueryOptions{});
  REQUIRE(n.ok());
  CHECK(CellToJson(n->rows[0][0], *snap) ==
        "{\"node\":{\"id\":\"fund:lead\",\"type\":\"Fund\",\"labels\":[\"Fund\",\"Measure\"],\"name\":\"先导产业母基金\","
        "\"type_zh\":\"基金\"}}");
  CHECK(CellToJson(n->rows[0][1], *snap) == "{\"value\":1000,\"unit\":\"亿元\",\"cny\":100000000000}");
  CHECK(CellToJson(n->rows[0][2], *snap) == "[\"三大先导产业母基金\"]");
  CHECK(FormatCsv(*n, *snap).find(",\"a,\"\"b\"\"\"\n") != std::string::npos);

  auto p = RunQuery(*snap, "MATCH p = (a {id:'ini:factory'})-->(b) RETURN p", QueryOptions{});
  REQUIRE(p.ok());
  std::string pj = CellToJson(p->rows[0][0], *snap);
  CHECK(pj.rfind("{\"path\":{\"nodes\":[{\"id\":\"ini:factory\"", 0) == 0);
}

TEST_CASE("param values") {
  CHECK(ParseParamValue("12") == Value(int64_t{12}));
  CHECK(ParseParamValue("-3") == Value(int64_t{-3}));
  CHECK(ParseParamValue("2.5") == Value(2.5));
  CHECK(ParseParamValue("true") == Value(true));
  CHECK(ParseParamValue("null") == Value());
  CHECK(ParseParamValue("新型工业化") == Value("新型工业化"));
  CHECK(ParseParamValue("'12'") == Value("12"));
  CHECK(ParseParamValue("12abc") == Value("12abc"));
}

}  // namespace
}  // namespace pkg
