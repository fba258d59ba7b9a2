// Executor semantics on the small fixture graph (tests/query/fixture.h):
// labels and supertypes, name matching through aliases, trails (an edge at
// most once per path), reach mode, OPTIONAL MATCH, three-valued logic and
// nulls, ordering, aggregates, paths, shortest paths, the supporters
// procedure with evidence. One table: query → expected rows (cells joined
// by " | ", nulls shown empty).
#include "tests/query/fixture.h"

namespace pkg {
namespace {

using testing::Rows;

struct Case {
  std::string query;
  std::vector<std::string> rows;
};

TEST_CASE("executor: query table over the small graph") {
  auto snap = testing::SmallGraph();
  const std::vector<Case> cases = {
      // Labels include supertypes; several labels must all hold.
      {"MATCH (m:Measure) RETURN m.name ORDER BY m.name",
       {"AI+制造行动", "先导产业母基金", "制造业创新中心", "智能工厂领航计划"}},
      {"MATCH (m:Measure:Fund) RETURN m.name", {"先导产业母基金"}},
      // {name: …} matches names, aliases, English names, normalised forms.
      {"MATCH (n {name:'AI+manufacturing'}) RETURN n.id", {"ini:ai"}},
      {"MATCH (n {name:'人工智能+制造'}) RETURN n.id", {"ini:ai"}},
      {"MATCH (n {name:'ＡＩ＋制造行动'}) RETURN n.id", {"ini:ai"}},
      {"MATCH (n {name:'ai+制造行动'}) RETURN n.id", {"ini:ai"}},
      {"MATCH (n {name:'“五个中心”'}) RETURN n.id", {"goal:五个中心"}},
      {"MATCH (n {name:'市经信委'}) RETURN n.name", {"上海市经济和信息化委员会"}},
      // WHERE n.name = … is exact equality, as in Neo4j.
      {"MATCH (n) WHERE n.name = 'AI+manufacturing' RETURN count(*)", {"0"}},
      {"MATCH (n) WHERE n.name = 'AI+制造行动' RETURN n.id", {"ini:ai"}},
      // Trails: the goal cycle gives every measure a second, longer trail.
      {"MATCH (m:Measure)-[:SUPPORTS|PART_OF|FUNDS|IMPLEMENTS*]->(t {name:'新型工业化'}) "
       "RETURN m.name, count(*) AS trails ORDER BY m.name",
       {"AI+制造行动 | 2", "先导产业母基金 | 2", "制造业创新中心 | 2", "智能工厂领航计划 | 2"}},
      {"MATCH (g:Goal {name:'新型工业化'})-[:SUPPORTS*1..4]->(x) RETURN x.name ORDER BY x.name",
       {"五个中心", "新型工业化"}},
      // Reach mode (DISTINCT) agrees: the start is reached back through the cycle…
      {"MATCH (g:Goal {name:'新型工业化'})-[:SUPPORTS*1..4]->(x) RETURN DISTINCT x.name ORDER BY x.name",
       {"五个中心", "新型工业化"}},
      // … but not within one hop.
      {"MATCH (g:Goal {name:'新型工业化'})-[:SUPPORTS*1..1]->(x) RETURN DISTINCT x.name", {"五个中心"}},
      // Undirected: the two opposite edges form a closed trail of length 2.
      {"MATCH (g {name:'五个中心'})-[*1..2]-(x) RETURN DISTINCT x.name ORDER BY x.name",
       {"五个中心", "先导产业母基金", "新型工业化", "高效融合的新型工业化"}},
      {"MATCH (g {name:'五个中心'})-[*1..2]-(x) RETURN count(DISTINCT x)", {"4"}},
      {"MATCH (a {id:'ini:ai'})-[*0..1]->(b) RETURN b.name ORDER BY b.name",
       {"AI+制造行动", "高效融合的新型工业化"}},
      // Direction and relationship types.
      {"MATCH (a {id:'ini:ai'})<-[r]-(b) RETURN type(r), b.name ORDER BY b.name",
       {"RESPONSIBLE | 上海市经济和信息化委员会", "SUPPORTS | 制造业创新中心", "MENTIONS | 强化高端产业引领功能",
        "SUPPORTS | 智能工厂领航计划"}},
      {"MATCH (f {id:'fund:lead'})-[r]->(x) RETURN labels(f), type(r), x.name ORDER BY type(r)",
       {"[Fund, Measure] | FUNDS | 人工智能", "[Fund, Measure] | SUPPORTS | 新型工业化"}},
      // Type tests (checked at the node) keep their meaning: the node's own type, not its labels.
      {"MATCH (m) WHERE m.type IN ['Fund', 'Platform', 'Nope'] RETURN m.name ORDER BY m.name",
       {"先导产业母基金", "制造业创新中心"}},
      {"MATCH (m) WHERE m.type = 'Measure' RETURN count(*)", {"0"}},
      {"MATCH (m)-[:SUPPORTS]->(x) WHERE x.type = 'Goal' AND m.type = 'Fund' RETURN m.name, x.name",
       {"先导产业母基金 | 新型工业化"}},
      // Unanchored typed patterns start with an edge scan.
      {"MATCH (f)-[:FUNDS]->(i) RETURN i.name, count(*) AS c ORDER BY c DESC LIMIT 10", {"人工智能 | 1"}},
      {"MATCH (a)-[:FUNDS]-(b) RETURN a.name, b.name ORDER BY a.name",
       {"人工智能 | 先导产业母基金", "先导产业母基金 | 人工智能"}},
      {"MATCH (a)-[:SUPPORTS|FUNDS]->(b) RETURN count(*)", {"7"}},
      {"MATCH (a:Fund)<-[:SUPPORTS|FUNDS]-(b) RETURN count(*)", {"0"}},
      {"MATCH (a)<-[:FUNDS]-(b:Fund) RETURN a.name, b.name", {"人工智能 | 先导产业母基金"}},
      // An edge is used once per MATCH, across its patterns; not across MATCH clauses.
      {"MATCH (a)-[r1:SUPPORTS]->(b), (c)-[r2:SUPPORTS]->(d) RETURN count(*)", {"30"}},
      {"MATCH (a)-[r1:SUPPORTS]->(b) MATCH (c)-[r2:SUPPORTS]->(d) RETURN count(*)", {"36"}},
      {"MATCH (a)-[:SUPPORTS]->(b)-[:SUPPORTS]->(a) RETURN a.name ORDER BY a.name", {"五个中心", "新型工业化"}},
      // OPTIONAL MATCH keeps rows with nulls; count(x) skips them.
      {"MATCH (m:Measure) OPTIONAL MATCH (m)-[:FUNDS]->(i) RETURN m.name, i.name ORDER BY m.name",
       {"AI+制造行动 | ", "先导产业母基金 | 人工智能", "制造业创新中心 | ", "智能工厂领航计划 | "}},
      {"MATCH (m:Measure) OPTIONAL MATCH (m)-[:FUNDS]->(i) RETURN count(i), count(*)", {"1 | 4"}},
      // Three-valued logic: a missing property compares as null, NOT null is null.
      {"MATCH (n) WHERE n.count > 10 RETURN n.name", {"制造业创新中心"}},
      {"MATCH (n:Measure) WHERE NOT n.count > 10 RETURN n.name", {}},
      {"MATCH (n:Goal) WHERE n.name_en IS NULL RETURN n.name ORDER BY n.name", {"五个中心", "高效融合的新型工业化"}},
      {"RETURN 1 IN [2, null], 1 IN [1, null], null IN [], 'a' IN ['a', 'b']", {" | true | false | true"}},
      {"MATCH (n) WHERE '市经信委' IN n.aliases RETURN n.name", {"上海市经济和信息化委员会"}},
      // Ordering: null last ascending, first descending.
      {"MATCH (n:Measure) RETURN n.name, n.count ORDER BY n.count DESC, n.name",
       {"AI+制造行动 | ", "先导产业母基金 | ", "智能工厂领航计划 | ", "制造业创新中心 | 20"}},
      {"MATCH (n:Measure) RETURN n.name, n.count ORDER BY n.count, n.name",
       {"制造业创新中心 | 20", "AI+制造行动 | ", "先导产业母基金 | ", "智能工厂领航计划 | "}},
      {"MATCH (m:Measure) RETURN m.name ORDER BY m.name SKIP 1 LIMIT 2", {"先导产业母基金", "制造业创新中心"}},
      {"MATCH (m:Measure)-[:SUPPORTS]->(x) RETURN DISTINCT labels(x) AS l ORDER BY l",
       {"[Goal]", "[Initiative, Measure]"}},
      // Aggregates.
      {"MATCH (m:Measure) RETURN count(*), min(m.name), max(m.name), collect(m.count), sum(m.count), avg(m.count)",
       {"4 | AI+制造行动 | 智能工厂领航计划 | [20] | 20 | 20"}},
      // Over no value (as in Neo4j): count 0, sum 0, avg/min/max null, collect [].
      {"MATCH (m:Measure) WHERE m.name = 'none' RETURN count(*), sum(m.count), collect(m.name)", {"0 | 0 | []"}},
      {"MATCH (m:Measure) WHERE m.name = 'none' RETURN avg(m.count), min(m.count), max(m.count)", {" |  | "}},
      {"MATCH (m:Measure) WHERE m.count IS NULL RETURN sum(m.count), avg(m.count)", {"0 | "}},
      // String predicates, arithmetic, amounts, parameters.
      {"MATCH (n) WHERE n.name STARTS WITH 'AI' OR n.name ENDS WITH '基金' RETURN n.name ORDER BY n.name",
       {"AI+制造行动", "先导产业母基金"}},
      {"MATCH (n) WHERE n.name CONTAINS '工业化' RETURN count(*)", {"2"}},
      {"RETURN 1 + 2 * 3, 7 / 2, 7.0 / 2, 7 % 3, 'a' + 'b', -(3)", {"7 | 3 | 3.5 | 1 | ab | -3"}},
      {"MATCH (f:Fund) WHERE f.size > 5e10 RETURN f.size.unit, f.size.value", {"亿元 | 1000"}},
      // Paths, in pattern order even when planned from the right.
      {"MATCH p = (f {name:'智能工厂领航计划'})-[:SUPPORTS*]->(g:Goal {name:'高效融合的新型工业化'}) "
       "RETURN length(p), nodes(p)",
       {"2 | [智能工厂领航计划, AI+制造行动, 高效融合的新型工业化]"}},
      {"MATCH p = (m)-[:SUPPORTS]->(t {id:'ini:ai'}) RETURN p ORDER BY m.name",
       {"制造业创新中心 -[:SUPPORTS]-> AI+制造行动", "智能工厂领航计划 -[:SUPPORTS]-> AI+制造行动"}},
      {"MATCH p = (a {id:'ini:factory'})-[:SUPPORTS]->(b)-[:SUPPORTS]->(c) RETURN relationships(p)",
       {"[(智能工厂领航计划)-[:SUPPORTS]->(AI+制造行动), (AI+制造行动)-[:SUPPORTS]->(高效融合的新型工业化)]"}},
      // Shortest paths; Kuzu's "* SHORTEST" is the same thing.
      {"MATCH p = shortestPath((a {name:'智能工厂领航计划'})-[*]->(b {name:'五个中心'})) RETURN p",
       {"智能工厂领航计划 -[:SUPPORTS]-> AI+制造行动 -[:SUPPORTS]-> 高效融合的新型工业化 -[:PART_OF]-> 新型工业化 "
        "-[:SUPPORTS]-> 五个中心"}},
      {"MATCH p = (a {name:'智能工厂领航计划'})-[* SHORTEST 1..10]-(b {name:'五个中心'}) RETURN length(p)", {"4"}},
      {"MATCH p = allShortestPaths((a {name:'智能工厂领航计划'})-[*]-(b {name:'五个中心'})) RETURN count(*)",
       {"2"}},
      {"MATCH p = shortestPath((a {name:'人工智能'})-[*..3]->(b {name:'五个中心'})) RETURN p", {}},
      // The supporters procedure, with each edge's evidence.
      {"CALL supporters('AI+制造') YIELD measure, hops, evidence RETURN measure.name, hops, evidence "
       "ORDER BY measure.name",
       {"制造业创新中心 | 1 | []", "智能工厂领航计划 | 1 | [实施智能工厂领航计划,推进AI+制造行动 (强化高端产业引领功能)]"}},
      {"MATCH (t:Goal {name:'新型工业化'}) CALL supporters(t) YIELD measure RETURN count(measure)", {"4"}},
  };
  for (const auto& c : cases) {
    INFO(c.query);
    CHECK(Rows(*snap, c.query) == c.rows);
  }
  // ORDER BY keeps a bounded heap: the same answers with LIMIT, SKIP and max_rows.
  QueryOptions two;
  two.max_rows = 2;
  auto r = RunQuery(*snap, "MATCH (n) RETURN n.name ORDER BY n.name DESC", two);
  REQUIRE(r.ok());
  CHECK(r->truncated);
  REQUIRE(r->rows.size() == 2);
  CHECK(r->rows[0][0].ToDisplay(*snap) == "高效融合的新型工业化");
  CHECK(r->rows[1][0].ToDisplay(*snap) == "智能工厂领航计划");  // code point order: 高 > 智 > 新
  CHECK(Rows(*snap, "MATCH (n) RETURN n.name ORDER BY n.name DESC SKIP 1 LIMIT 2") ==
        std::vector<std::string>{"智能工厂领航计划", "新型工业化"});
  CHECK(Rows(*snap, "MATCH (n:Measure) RETURN n.count AS c ORDER BY c LIMIT 3") ==
        std::vector<std::string>{"20", "", ""});
  QueryOptions with_param;
  with_param.params = {{"n", Value("市经信委")}};
  CHECK(Rows(*snap, "MATCH (n {name: $n}) RETURN n.id", with_param) == std::vector<std::string>{"agency:sheitc"});
}

// Reach mode (breadth-first, DISTINCT) must give the same endpoints as
// enumerating every trail and de-duplicating, for every start and pattern.
TEST_CASE("executor: reach mode agrees with trail enumeration on the gold graph") {
  auto g = testing::SeedGoldGraph(true);
  const char* patterns[] = {"-[*1..3]->", "<-[*1..3]-", "-[*1..3]-", "-[:SUPPORTS|PART_OF*0..4]->",
                            "<-[:SUPPORTS|PART_OF|FUNDS*1..5]-"};
  for (uint32_t n = 0; n < g.snap->num_nodes(); n += 7) {
    std::string key(g.snap->key(NodeId(n)));
    for (const char* pat : patterns) {
      std::string base = "MATCH (a {id: $k})" + std::string(pat) + "(b) RETURN ";
      QueryOptions opts;
      opts.params = {{"k", Value(key)}};
      auto reach = Rows(*g.snap, base + "DISTINCT b.id AS id ORDER BY id", opts);
      auto trails = Rows(*g.snap, base + "b.id AS id ORDER BY id", opts);
      trails.erase(std::unique(trails.begin(), trails.end()), trails.end());
      INFO(key << " " << pat);
      CHECK(reach == trails);
    }
  }
}

TEST_CASE("executor: counted edge scans agree with the row pipeline on the gold graph") {
  // `WHERE true` keeps the plan a row pipeline (a filter step), so each pair
  // compares the counted edge scan (count_scan.h) with rows counted one by one.
  auto g = testing::SeedGoldGraph(true);
  const char* queries[] = {
      "MATCH (a)-[:SUPPORTS]->(b) %s RETURN b.id AS k, count(*) AS c ORDER BY k",
      "MATCH (a)-[:SUPPORTS]->(b) %s RETURN a.id AS k, count(*) AS c ORDER BY k",
      "MATCH (a)<-[:SUPPORTS|PART_OF]-(b) %s RETURN a.name AS k, count(*) AS c, count(*) + 1 AS d ORDER BY k",
      "MATCH (a)-[:SUPPORTS|PART_OF|MENTIONS]-(b) %s RETURN b.id AS k, labels(b) AS l, count(*) AS c ORDER BY k",
      "MATCH (a)-[:MENTIONS]-(b) %s RETURN count(*) AS c",
      "MATCH (a)-[:FUNDS]->(b) %s RETURN count(*) AS c",
      "MATCH (a)-[:SUPPORTS]->(b) %s RETURN b.type AS k, count(*) AS c ORDER BY c DESC, k LIMIT 2",
  };
  for (const char* q : queries) {
    char fused[512], rows[512];
    std::snprintf(fused, sizeof fused, q, "");
    std::snprintf(rows, sizeof rows, q, "WHERE true");
    INFO(fused);
    auto a = Rows(*g.snap, fused);
    CHECK(!a.empty());
    CHECK(a == Rows(*g.snap, rows));
  }
  // The plan really is a single edge scan (what count_scan.h requires).
  auto plan = Rows(*g.snap, "EXPLAIN MATCH (a)-[:SUPPORTS]->(b) RETURN b.id, count(*)");
  REQUIRE(plan.size() == 1);
  CHECK(plan[0].rfind("edge-scan", 0) == 0);
}

}  // namespace
}  // namespace pkg
