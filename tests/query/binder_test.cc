// Binder errors and annotations: names checked against the schema, variable
// kinds, scopes, parameters, aggregates, hop limits.
#include "query/binder.h"
#include "query/parser.h"
#include "tests/query/fixture.h"

namespace pkg::query {
namespace {

// The binder's message for `text`, or "ok".
std::string BindMessage(const std::string& text, const QueryOptions& opts = {}) {
  Query q;
  PosError e;
  if (!Parse(text, &q, &e)) return "parse error: " + e.status.message();
  BindInfo info;
  if (!Bind(*testing::TestSchema(), opts, &q, &info, &e)) return e.status.message();
  return "ok";
}

TEST_CASE("binder: errors") {
  struct Case {
    const char* query;
    const char* message;
  } cases[] = {
      {"MATCH (n:Measure) RETURN n", "ok"},
      {"MATCH (n:measure) RETURN n", "unknown label 'measure' for node pattern; did you mean 'Measure'?"},
      {"MATCH (n:政策) RETURN n", "unknown label '政策' for node pattern; did you mean 'Policy'?"},
      {"MATCH (n:Xyzzy) RETURN n", "unknown label 'Xyzzy' for node pattern"},
      {"MATCH ()-[:FUND]->() RETURN 1", "unknown relationship type 'FUND' for relationship pattern; did you mean 'FUNDS'?"},
      {"MATCH ()-[:资助]->() RETURN 1", "unknown relationship type '资助' for relationship pattern; did you mean 'FUNDS'?"},
      {"MATCH (n {nam: 'x'}) RETURN n", "unknown property 'nam'; did you mean 'name'?"},
      {"MATCH (n) RETURN n.size.cnyy", "unknown field 'cnyy'; amounts have .value, .unit and .cny"},
      {"MATCH (n)-[r]->(m) RETURN r.type", "unknown property 'type'"},
      {"MATCH p = (n)-->(m) RETURN p.name", "a path has no properties; use nodes(), relationships() or length()"},
      {"MATCH (n)-[n]->(m) RETURN n", "variable 'n' is already a node, cannot use it as a relationship"},
      {"MATCH (a)-[r]->(b), (c)-[r]->(d) RETURN r", "variable 'r' is already defined"},
      {"MATCH (a) RETURN b", "variable 'b' is not defined"},
      {"MATCH (a) WHERE x.name = 'y' RETURN a", "variable 'x' is not defined"},
      {"MATCH (a) RETURN a.name AS n ORDER BY n", "ok"},
      {"MATCH (a) WHERE n = 1 RETURN a.name AS n", "column alias 'n' can only be used in ORDER BY"},
      {"MATCH (a) RETURN DISTINCT a.name ORDER BY a.count", "ORDER BY after RETURN DISTINCT must name a returned column"},
      {"MATCH (a) RETURN count(count(a))", "aggregate count() cannot be nested in another aggregate"},
      {"MATCH (a) RETURN frobnicate(a)", "unknown function 'frobnicate'"},
      {"MATCH (a) RETURN labels(a, a)", "expected 1 argument(s) for labels()"},
      {"MATCH (a) RETURN labels(*)", "'*' is only allowed in count(*)"},
      {"MATCH (a) RETURN labels(DISTINCT a)", "DISTINCT is only allowed in aggregate functions"},
      {"MATCH (a) RETURN a LIMIT -1", "expected a non-negative integer for LIMIT"},
      {"MATCH (a) RETURN a SKIP 'x'", "expected a non-negative integer for SKIP"},
      {"MATCH (a)-[*31]->(b) RETURN b", "hop limit 31 exceeds the maximum of 30 for variable-length relationship"},
      {"MATCH (a)-[*..30]->(b) RETURN b", "ok"},
      {"MATCH p = shortestPath((a)-[*2..5]-(b)) RETURN p", "expected a minimum of 0 or 1 hops for shortestPath"},
      {"CALL supporters() RETURN 1", "expected one argument (a name, a node id or a node) for supporters"},
      {"CALL supporters('x') YIELD nothing RETURN 1",
       "unknown column 'nothing' for YIELD; supporters yields measure, path, hops, evidence"},
      {"RETURN *", "RETURN * with no named variables"},
      // Found by the fuzzer: a variable beside an aggregate must be a grouping key.
      {"MATCH (m) RETURN m.name <> count(*)",
       "variable 'm' must be a returned grouping key (RETURN m, …) to be used beside an aggregate"},
      {"MATCH (m) RETURN count(*) ORDER BY m.name",
       "variable 'm' must be a returned grouping key (RETURN m, …) to be used beside an aggregate"},
      {"MATCH (m) RETURN m.name, count(*) ORDER BY m.name", "ok"},
      {"MATCH (m) RETURN m.name, m.name + count(*) AS x", "ok"},
      {"MATCH (m) RETURN m, size(m.name) + count(*) AS x ORDER BY m.count", "ok"},
  };
  for (const auto& c : cases) {
    INFO(c.query);
    CHECK(BindMessage(c.query) == c.message);
  }
}

TEST_CASE("binder: annotations") {
  Query q;
  PosError e;
  REQUIRE(Parse("MATCH (m:Fund)-[r:FUNDS*1..3]->(i) WHERE i.name IN ['a', 'b'] RETURN DISTINCT m, $p", &q, &e));
  BindInfo info;
  QueryOptions opts;
  opts.params = {{"p", Value(int64_t{7})}};
  REQUIRE(Bind(*testing::TestSchema(), opts, &q, &info, &e));
  CHECK(q.slot_kinds[0] == VarKind::kNode);
  CHECK(q.slot_kinds[q.clauses[0].match.patterns[0].rels[0].slot] == VarKind::kEdgeList);
  CHECK(q.clauses[0].match.patterns[0].nodes[0].label_ids.size() == 1);
  CHECK(q.clauses[0].match.patterns[0].rels[0].max_resolved == 3);
  CHECK(info.set_semantics);
  REQUIRE(info.params.size() == 1);
  CHECK(info.params[0] == Value(int64_t{7}));
  // The string list folded into one constant.
  CHECK(DumpExpr(*q.clauses[0].match.where) == "(in (prop name (var i)) a、b)");
  // Default hop limit applies to "*".
  Query q2;
  REQUIRE(Parse("MATCH (a)-[*]->(b) RETURN count(*)", &q2, &e));
  BindInfo info2;
  REQUIRE(Bind(*testing::TestSchema(), QueryOptions{}, &q2, &info2, &e));
  CHECK(q2.clauses[0].match.patterns[0].rels[0].max_resolved == 10);
  CHECK_FALSE(info2.set_semantics);
}

}  // namespace
}  // namespace pkg::query
