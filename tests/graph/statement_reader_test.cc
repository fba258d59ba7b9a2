// Tests for graph/statement_reader.h and statement_writer.h: a table of bad
// lines with the message each must produce, and write → read round trips.
#include "graph/statement_reader.h"

#include "graph/statement_writer.h"
#include "graph_test_util.h"

namespace pkg {
namespace {

TEST_CASE("bad statement lines give file:line:column messages", "[statements]") {
  auto schema = testing::TestSchema();
  struct Case { std::string line; std::string message; };
  const std::vector<Case> cases = {
      {R"({"kind":"node","id":"a","type":"Fnud","name":"x"})", "f.jsonl:7:25: key \"type\": unknown node type \"Fnud\" (did you mean \"Fund\"?)"},
      {R"({"kind":"node","id":"a","type":"Measure","name":"x"})", "\"Measure\" is abstract"},
      {R"({"kind":"node","type":"Fund","name":"x"})", "f.jsonl:7:1: missing key \"id\""},
      {R"({"kind":"node","id":"","type":"Fund","name":"x"})", "key \"id\": expected a non-empty string (got \"\")"},
      {R"({"kind":"node","id":"a","type":"Fund","name":7})", "key \"name\": expected a non-empty string (got a number)"},
      {R"({"kind":"node","id":"a","type":"Fund","name":"x","aliases":"y"})", "key \"aliases\": expected a list of strings"},
      {R"({"kind":"node","id":"a","type":"Fund","name":"x","aliases":[1]})", "an item is a number"},
      {R"({"kind":"node","id":"a","type":"Fund","name":"x","props":{"sise":1}})", "key \"sise\": unknown property (did you mean \"size\"?)"},
      {R"({"kind":"node","id":"a","type":"Fund","name":"x","props":{"size":"big"}})", "key \"size\": expected an amount object"},
      {R"({"kind":"node","id":"a","type":"Fund","name":"x","props":{"size":{"value":"1"}}})", "expected a number in \"value\""},
      {R"({"kind":"node","id":"a","type":"Platform","name":"x","props":{"count":"12"}})", "key \"count\": expected a finite number (got \"12\")"},
      {R"({"kind":"node","id":"a","type":"Platform","name":"x","props":{"count":1e999}})", "number too big to be stored"},
      {R"({"kind":"node","id":"a","type":"Document","name":"x","props":{"date":"29/12/2025"}})", "expected a date YYYY, YYYY-MM or YYYY-MM-DD"},
      {R"({"kind":"node","id":"a","type":"Fund","name":"x","props":{"instrument":"money"}})", "expected one of talent, information"},
      {R"({"kind":"node","id":"a","type":"Fund","name":"x","source":{"span":[5,2]}})", "key \"span\": expected two offsets"},
      {R"({"kind":"edge","type":"FUNDZ","from":"a","to":"b"})", "unknown edge type \"FUNDZ\" (did you mean \"FUNDS\"?)"},
      {R"({"kind":"edge","type":"FUNDS","from":"a"})", "missing key \"to\""},
      {R"({"kind":"query","target":"x"})", "\"query\" lines are gold-file answers"},
      {R"({"kind":"nod"})", "expected \"node\" or \"edge\" (got \"nod\")"},
      {R"([1,2])", "expected a JSON object (got a list)"},
      {R"({"kind":"node",)", "f.jsonl:7:"},
      {R"({"kind":"node","id":"a","type":"Fund","name":"x"} trailing)", "unexpected text after the JSON value"},
      {"{\"kind\":\"node\",\"id\":\"a\xff\",\"type\":\"Fund\",\"name\":\"x\"}", "invalid UTF-8"},
      {std::string(40, '[') + std::string(40, ']'), "nesting deeper than 32 levels"},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    auto r = ParseStatementLine(c.line, *schema, "f.jsonl", 7);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(), Catch::Contains(c.message));
    CHECK_THAT(r.status().message(), Catch::StartsWith("f.jsonl:7:"));
  }
}

TEST_CASE("a deeply nested line does not overflow the stack", "[statements]") {
  std::string deep = std::string(1000000, '[') + std::string(1000000, ']');
  auto r = ParseStatementLine(deep, *testing::TestSchema(), "deep.jsonl", 1);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.status().message(), Catch::Contains("nesting deeper"));
}

TEST_CASE("huge integers do not overflow: numbers are converted by us", "[statements]") {
  std::string line = R"({"kind":"node","id":"a","type":"Platform","name":"x","props":{"count":)" +
                     std::string(400, '9') + "}}";
  auto r = ParseStatementLine(line, *testing::TestSchema(), "n.jsonl", 1);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.status().message(), Catch::Contains("number too big"));
  auto ok = ParseStatementLine(R"({"kind":"node","id":"a","type":"Platform","name":"x","props":{"count":99999999999999999999}})",
                               *testing::TestSchema(), "n.jsonl", 1);
  REQUIRE(ok.ok());
  CHECK(FindProperty(std::get<NodeStatement>(*ok).props, "count")->number() == Approx(1e20));
}

TEST_CASE("statements round-trip through the writer", "[statements]") {
  auto schema = testing::TestSchema();
  NodeStatement n;
  n.id = "fund:先导产业母基金";
  n.type = "Fund";
  n.name = "先导产业母基金";
  n.name_en = "Leading Industries Fund";
  n.aliases = {"三大先导产业母基金", "“先导”基金"};
  SetProperty(n.props, "size", Amount{1000, "亿元", 1e11});
  SetProperty(n.props, "instrument", "finance");
  n.sources.push_back({"doc:1", 3, 90, 2, "fund.set_up", "设立“三大先导产业母基金”,总规模1000亿元"});
  auto r = ParseStatementLine(NodeStatementToJson(n), *schema, "rt", 1);
  REQUIRE(r.ok());
  const auto& back = std::get<NodeStatement>(*r);
  CHECK(back.id == n.id);
  CHECK(back.name_en == n.name_en);
  CHECK(back.aliases == n.aliases);
  CHECK(back.props == n.props);
  CHECK(back.sources == n.sources);

  EdgeStatement e{"FUNDS", "fund:x", "industry:集成电路", {{"confidence", 0.75}}, {{"doc:1", 1, 2, -1, "r", "q"}}};
  auto re = ParseStatementLine(EdgeStatementToJson(e), *schema, "rt", 2);
  REQUIRE(re.ok());
  const auto& eb = std::get<EdgeStatement>(*re);
  CHECK(eb.from == e.from);
  CHECK(eb.to == e.to);
  CHECK(eb.props == e.props);
  CHECK(eb.sources == e.sources);
}

TEST_CASE("ReadStatements skips blanks and comments, caps errors", "[statements]") {
  std::string text = "\xEF\xBB\xBF// comment\n\n{\"kind\":\"node\",\"id\":\"a\",\"type\":\"Goal\",\"name\":\"x\"}\r\n";
  for (int i = 0; i < 60; ++i) text += "{bad\n";
  std::vector<Statement> got;
  std::vector<std::string> errors;
  ReadStatements(text, *testing::TestSchema(), "t.jsonl", [&](Statement&& s) { got.push_back(std::move(s)); }, errors);
  CHECK(got.size() == 1);
  REQUIRE(errors.size() == 51);
  CHECK_THAT(errors[0], Catch::StartsWith("t.jsonl:4:"));
  CHECK_THAT(errors.back(), Catch::Contains("and 10 more errors"));
}

}  // namespace
}  // namespace pkg
