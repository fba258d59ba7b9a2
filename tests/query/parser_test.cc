// Parser tables: query text → DumpQuery S-expression (query/ast.h).
#include <catch2/catch.hpp>

#include "query/parser.h"

namespace pkg::query {
namespace {

std::string DumpOf(const std::string& text) {
  Query q;
  PosError e;
  if (!Parse(text, &q, &e)) return "ERROR " + e.status.message() + " @" + std::to_string(e.offset);
  return DumpQuery(q);
}

struct Case {
  const char* text;
  const char* dump;
};

TEST_CASE("parser: patterns") {
  const Case cases[] = {
      {"MATCH (n) RETURN n", "(query (match (path (node n))) (return (item (var n))))"},
      {"MATCH (m:Measure:Fund {name: 'x'}) RETURN m",
       "(query (match (path (node m :Measure :Fund {name 'x'}))) (return (item (var m))))"},
      {"MATCH (a)-->(b) RETURN a", "(query (match (path (node a) (rel >) (node b))) (return (item (var a))))"},
      {"MATCH (a)<--(b) RETURN a", "(query (match (path (node a) (rel <) (node b))) (return (item (var a))))"},
      {"MATCH (a)--(b) RETURN a", "(query (match (path (node a) (rel -) (node b))) (return (item (var a))))"},
      {"MATCH (a)-[r:SUPPORTS|PART_OF]->(b) RETURN r",
       "(query (match (path (node a) (rel > r :SUPPORTS|PART_OF) (node b))) (return (item (var r))))"},
      {"MATCH (a)-[:SUPPORTS|:FUNDS]-(b) RETURN a",
       "(query (match (path (node a) (rel - :SUPPORTS|FUNDS) (node b))) (return (item (var a))))"},
      {"MATCH (a)-[*]->(b) RETURN a", "(query (match (path (node a) (rel > *1..) (node b))) (return (item (var a))))"},
      {"MATCH (a)-[*2]->(b) RETURN a", "(query (match (path (node a) (rel > *2..2) (node b))) (return (item (var a))))"},
      {"MATCH (a)-[*1..4]->(b) RETURN a",
       "(query (match (path (node a) (rel > *1..4) (node b))) (return (item (var a))))"},
      {"MATCH (a)-[*..6]-(b) RETURN a", "(query (match (path (node a) (rel - *1..6) (node b))) (return (item (var a))))"},
      {"MATCH (a)-[*0..2]->(b) RETURN a",
       "(query (match (path (node a) (rel > *0..2) (node b))) (return (item (var a))))"},
      {"MATCH (a)-[:SUPPORTS*3..]->(b) RETURN a",
       "(query (match (path (node a) (rel > :SUPPORTS *3..) (node b))) (return (item (var a))))"},
      {"MATCH p = (a)-[*..6]-(b) RETURN p",
       "(query (match (path p = (node a) (rel - *1..6) (node b))) (return (item (var p))))"},
      {"MATCH p = shortestPath((a {id:'x'})-[*..10]-(b {id:'y'})) RETURN length(p)",
       "(query (match (path p = shortest (node a {id 'x'}) (rel - *1..10) (node b {id 'y'}))) "
       "(return (item (length (var p)))))"},
      {"MATCH p = allShortestPaths((a)-[*]-(b)) RETURN p",
       "(query (match (path p = all-shortest (node a) (rel - *1..) (node b))) (return (item (var p))))"},
      {"MATCH p = (a:Goal)-[* SHORTEST 1..10]-(b:Goal) RETURN length(p)",
       "(query (match (path p = shortest (node a :Goal) (rel - *1..10) (node b :Goal))) "
       "(return (item (length (var p)))))"},
      {"MATCH (a), (b)-->(c) RETURN a",
       "(query (match (path (node a)) (path (node b) (rel >) (node c))) (return (item (var a))))"},
      {"MATCH (节点:Goal) RETURN 节点.name", "(query (match (path (node 节点 :Goal))) (return (item (prop name (var 节点)))))"},
      {"MATCH (`my var`) RETURN `my var`", "(query (match (path (node my var))) (return (item (var my var))))"},
      {"MATCH (a) OPTIONAL MATCH (a)-->(b) RETURN a, b",
       "(query (match (path (node a))) (optional-match (path (node a) (rel >) (node b))) "
       "(return (item (var a)) (item (var b))))"},
      {"CALL supporters('AI+制造') YIELD measure, path AS p RETURN measure",
       "(query (call supporters 'AI+制造' (yield measure path as p)) (return (item (var measure))))"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(DumpOf(c.text) == c.dump);
  }
}

TEST_CASE("parser: expressions and precedence") {
  const Case cases[] = {
      {"RETURN 1 + 2 * 3", "(query (return (item (+ 1 (* 2 3)))))"},
      {"RETURN (1 + 2) * 3", "(query (return (item (* (+ 1 2) 3))))"},
      {"RETURN a OR b AND NOT c", "(query (return (item (or (var a) (and (var b) (not (var c)))))))"},
      {"RETURN a XOR b OR c", "(query (return (item (or (xor (var a) (var b)) (var c)))))"},
      {"RETURN a = 1 AND b <> 2", "(query (return (item (and (= (var a) 1) (<> (var b) 2)))))"},
      {"RETURN a != 1", "(query (return (item (<> (var a) 1))))"},
      {"RETURN x IN [1, 'a', null, true]", "(query (return (item (in (var x) (list 1 'a' null true)))))"},
      {"RETURN n.name STARTS WITH 'AI' OR n.name ENDS WITH '行动' OR n.name CONTAINS '制造'",
       "(query (return (item (or (or (starts-with (prop name (var n)) 'AI') (ends-with (prop name (var n)) '行动')) "
       "(contains (prop name (var n)) '制造')))))"},
      {"RETURN n.x IS NULL, n.y IS NOT NULL",
       "(query (return (item (is-null (prop x (var n)))) (item (is-not-null (prop y (var n))))))"},
      {"RETURN count(*), count(DISTINCT m), collect(m.name) AS names",
       "(query (return (item (count *)) (item (count distinct (var m))) (item (collect (prop name (var m))) as names)))"},
      {"RETURN f.size.cny, $p, 1.5e3, 'a\\'b\\u4e2d'",
       "(query (return (item (prop cny (prop size (var f)))) (item $p) (item 1500) (item 'a'b中')))"},
      {"RETURN DISTINCT a ORDER BY a DESC, b SKIP 2 LIMIT 10",
       "(query (return distinct (item (var a)) (order (var a) desc (var b) asc) (skip 2) (limit 10)))"},
      {"MATCH (n) RETURN *", "(query (match (path (node n))) (return *))"},
      {"match (n) where n.name = 'x' return n;",
       "(query (match (path (node n)) (where (= (prop name (var n)) 'x'))) (return (item (var n))))"},
      {"MATCH (n) // comment\n /* block */ RETURN n", "(query (match (path (node n))) (return (item (var n))))"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(DumpOf(c.text) == c.dump);
  }
  CHECK(DumpOf("RETURN -5") == "(query (return (item -5)))");
  CHECK(DumpOf("RETURN -x.y") == "(query (return (item (neg (prop y (var x))))))");
}

TEST_CASE("parser: nesting and size limits") {
  std::string deep = "RETURN " + std::string(200, '(') + "1" + std::string(200, ')');
  CHECK(DumpOf(deep).rfind("ERROR query nested too deeply", 0) == 0);
  std::string nots = "RETURN ";
  for (int i = 0; i < 500; ++i) nots += "NOT ";
  CHECK(DumpOf(nots + "true").rfind("ERROR query nested too deeply", 0) == 0);
  std::string lists = "RETURN " + std::string(100, '[') + std::string(100, ']');
  CHECK(DumpOf(lists).rfind("ERROR query nested too deeply", 0) == 0);
  std::string ok = "RETURN " + std::string(20, '(') + "1" + std::string(20, ')');
  CHECK(DumpOf(ok) == "(query (return (item 1)))");
  CHECK(DumpOf(std::string(kMaxQueryBytes + 1, ' ')).rfind("ERROR query too long", 0) == 0);
  // A long flat chain parses without recursion, is freed without recursion,
  // and is refused by the binder for its depth (error_test.cc).
  std::string chain = "RETURN 1";
  while (chain.size() + 2 < kMaxQueryBytes) chain += "+1";
  CHECK(DumpOf(chain).rfind("(query (return (item (+ (+ (+", 0) == 0);
}

}  // namespace
}  // namespace pkg::query
