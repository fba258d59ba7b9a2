// Golden error messages with carets (display columns; Chinese is 2 wide),
// from every stage: lexer, parser, binder, runtime limits.
#include "tests/query/fixture.h"

namespace pkg {
namespace {

struct Golden {
  std::string query;
  std::string message;
  std::string caret;  // "" when the error has no position
};

TEST_CASE("error messages point at the query") {
  auto snap = testing::SmallGraph();
  const Golden cases[] = {
      {"MATCH (n:Fnud) RETURN n", "unknown label 'Fnud' for node pattern; did you mean 'Fund'? at line 1, column 10",
       "LINE 1: MATCH (n:Fnud) RETURN n\n                 ^"},
      {"MATCH (n:基金) RETURN n", "unknown label '基金' for node pattern; did you mean 'Fund'? at line 1, column 10",
       "LINE 1: MATCH (n:基金) RETURN n\n                 ^"},
      {"MATCH (n {name:'人工智能'})-[:SUPORTS]->(m) RETURN m",
       "unknown relationship type 'SUPORTS' for relationship pattern; did you mean 'SUPPORTS'? at line 1, column 31",
       "LINE 1: MATCH (n {name:'人工智能'})-[:SUPORTS]->(m) RETURN m\n                                      ^"},
      {"MATCH (n:Goal {name:'新型工业化'}) RETURN n.nmae",
       "unknown property 'nmae'; did you mean 'name'? at line 1, column 45",
       "LINE 1: MATCH (n:Goal {name:'新型工业化'}) RETURN n.nmae\n" + std::string(52, ' ') + "^"},
      {"MATCH (n:Goal {name:'新型工业化'}) RETURN x", "variable 'x' is not defined at line 1, column 43",
       "LINE 1: MATCH (n:Goal {name:'新型工业化'}) RETURN x\n" + std::string(50, ' ') + "^"},
      {"MATCH (n:举措 {name:'人工智能'})-[r]-(x RETURN x",
       "expected ')' for node pattern, got 'RETURN' at line 1, column 41",
       "LINE 1: MATCH (n:举措 {name:'人工智能'})-[r]-(x RETURN x\n                                                ^"},
      {"MATCH (n)\nWHERE n.name = '未闭合\nRETURN n", "unterminated string: expected closing ' at line 2, column 16",
       "LINE 2: WHERE n.name = '未闭合\n                       ^"},
      {"MATCH (n) RETURN n LIMIT", "expected an expression for expression, got end of query at line 1, column 25",
       "LINE 1: MATCH (n) RETURN n LIMIT\n                                ^"},
      {"MATCH (a)-[*1..40]->(b) RETURN b",
       "hop limit 40 exceeds the maximum of 30 for variable-length relationship at line 1, column 12",
       "LINE 1: MATCH (a)-[*1..40]->(b) RETURN b\n                   ^"},
      {"MATCH (a)<-[:SUPPORTS]->(b) RETURN b",
       "a relationship cannot point both ways; use -[...]- for either direction at line 1, column 10",
       "LINE 1: MATCH (a)<-[:SUPPORTS]->(b) RETURN b\n                 ^"},
      {"CREATE (n:Goal) RETURN n",
       "CREATE is not supported: queries are read-only (MATCH, OPTIONAL MATCH, CALL, RETURN) at line 1, column 1",
       "LINE 1: CREATE (n:Goal) RETURN n\n        ^"},
      {"MATCH (n) RETURN n.name, n.name", "column name 'n.name' used twice; add AS <name> at line 1, column 26",
       "LINE 1: MATCH (n) RETURN n.name, n.name\n                                 ^"},
      {"MATCH (n) WHERE count(n) > 1 RETURN n", "aggregate count() is only allowed in RETURN at line 1, column 17",
       "LINE 1: MATCH (n) WHERE count(n) > 1 RETURN n\n                        ^"},
      {"MATCH (n) RETURN n.name = $who", "parameter $who was not given (use --param who=VALUE) at line 1, column 27",
       "LINE 1: MATCH (n) RETURN n.name = $who\n                                  ^"},
      {"CALL helpers('x') RETURN 1", "unknown procedure 'helpers'; the known procedure is supporters(target) at line 1, column 1",
       "LINE 1: CALL helpers('x') RETURN 1\n        ^"},
      {"MATCH (n) RETURN n # 1", "unexpected character '#' at line 1, column 20",
       "LINE 1: MATCH (n) RETURN n # 1\n                           ^"},
      {"RETURN 1 / 0", "division by zero", ""},
      {"CALL supporters('不存在的目标') YIELD measure RETURN measure",
       "supporters: no node has the id, name or alias '不存在的目标'", ""},
  };
  for (const auto& c : cases) {
    INFO(c.query);
    QueryError err;
    auto r = RunQuery(*snap, c.query, QueryOptions{}, &err);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message() == c.message);
    CHECK(err.caret == c.caret);
  }
}

TEST_CASE("limits end queries cleanly") {
  auto snap = testing::SmallGraph();
  QueryOptions opts;
  opts.max_hops = 31;
  auto r = RunQuery(*snap, "MATCH (n) RETURN n", opts);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "max_hops 31 is outside 0..30");

  QueryOptions zero;
  zero.time_budget = std::chrono::milliseconds(0);
  // Every node pair over every path: enough work to cross a zero budget.
  auto slow = RunQuery(*snap, "MATCH (a)-[*0..30]-(b), (c), (d), (e) RETURN count(*)", zero);
  REQUIRE_FALSE(slow.ok());
  CHECK(slow.status().code() == StatusCode::kDeadlineExceeded);
  CHECK(slow.status().message().rfind("time budget exceeded (0 ms)", 0) == 0);

  std::atomic<bool> cancel{true};
  QueryOptions cancelled;
  cancelled.cancel = &cancel;
  auto c = RunQuery(*snap, "MATCH (a)-[*0..30]-(b), (c), (d), (e) RETURN count(*)", cancelled);
  REQUIRE_FALSE(c.ok());
  CHECK(c.status().message() == "query cancelled");

  std::string chain = "RETURN 1";
  while (chain.size() + 2 < kMaxQueryBytes) chain += "+1";
  auto deep = RunQuery(*snap, chain, QueryOptions{});
  REQUIRE_FALSE(deep.ok());
  CHECK(deep.status().message().rfind("expression nested too deeply (more than 200 levels)", 0) == 0);

  QueryOptions few;
  few.max_rows = 3;
  auto t = RunQuery(*snap, "MATCH (n) RETURN n.name", few);
  REQUIRE(t.ok());
  CHECK(t->rows.size() == 3);
  CHECK(t->truncated);
  auto l = RunQuery(*snap, "MATCH (n) RETURN n.name LIMIT 3", QueryOptions{});
  REQUIRE(l.ok());
  CHECK(l->rows.size() == 3);
  CHECK_FALSE(l->truncated);
}

}  // namespace
}  // namespace pkg
