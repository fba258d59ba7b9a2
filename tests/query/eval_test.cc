// Value semantics of query/eval.h: equality, ordering and grouping keys, and
// expressions evaluated through RETURN (null propagation, three-valued
// logic, numbers, strings, lists, functions).
#include "query/eval.h"
#include "tests/query/fixture.h"

namespace pkg::query {
namespace {

Cell I(int64_t v) { return Cell(Value(v)); }
Cell D(double v) { return Cell(Value(v)); }
Cell S(const char* v) { return Cell(Value(v)); }
Cell L(std::vector<Cell> v) { return Cell::MakeList(std::move(v)); }

TEST_CASE("eval: equality, order and keys") {
  CHECK(CellEquals(I(1), D(1.0)) == Tri::kTrue);
  CHECK(CellEquals(I(1), S("1")) == Tri::kFalse);
  CHECK(CellEquals(Cell(), I(1)) == Tri::kNull);
  CHECK(CellEquals(L({I(1), Cell()}), L({I(1), I(2)})) == Tri::kNull);
  CHECK(CellEquals(L({I(1), Cell()}), L({I(2), Cell()})) == Tri::kFalse);
  CHECK(CellEquals(Cell(Value(StringList{"a", "b"})), L({S("a"), S("b")})) == Tri::kTrue);
  CHECK(CellEquals(Cell(Value(Amount{1000, "亿元", 1e11})), D(1e11)) == Tri::kTrue);
  CHECK(CellEquals(Cell::Node(NodeId(3)), Cell::Node(NodeId(3))) == Tri::kTrue);
  CHECK(CellEquals(Cell::Node(NodeId(3)), Cell::Edge(EdgeId(3))) == Tri::kFalse);

  // Kinds order: node < edge < list < path < string < bool < number < null.
  std::vector<Cell> order = {Cell::Node(NodeId(1)), Cell::Edge(EdgeId(0)), L({}), Cell::Path(PathValue{{NodeId(0)}, {}}),
                             S("a"), Cell(Value(false)), I(-5), Cell()};
  for (size_t i = 0; i + 1 < order.size(); ++i) {
    INFO(i);
    CHECK(CompareForOrder(order[i], order[i + 1]) < 0);
    CHECK(CompareForOrder(order[i + 1], order[i]) > 0);
  }
  CHECK(CompareForOrder(I(2), D(1.5)) > 0);
  CHECK(CompareForOrder(S("五"), S("新")) < 0);  // code point order
  CHECK(CompareForOrder(L({I(1)}), L({I(1), I(0)})) < 0);

  auto key = [](const Cell& c) {
    std::string k;
    AppendKey(c, &k);
    return k;
  };
  CHECK(key(I(1)) == key(D(1.0)));
  CHECK(key(I(1)) != key(S("1")));
  CHECK(key(Cell()) != key(S("")));
  CHECK(key(L({S("a"), S("b")})) == key(Cell(Value(StringList{"a", "b"}))));
  CHECK(key(L({S("ab")})) != key(L({S("a"), S("b")})));
}

TEST_CASE("eval: expressions through RETURN") {
  auto snap = testing::SmallGraph();
  struct Case {
    const char* expr;
    const char* shown;
  } cases[] = {
      {"null = null", ""},
      {"null <> 1", ""},
      {"1 < 'a'", ""},
      {"1 = 'a'", "false"},
      {"true AND null", ""},
      {"false AND null", "false"},
      {"true OR null", "true"},
      {"false OR null", ""},
      {"NOT null", ""},
      {"true XOR false", "true"},
      {"null IS NULL", "true"},
      {"2 IN [1, 2, 3]", "true"},
      {"[1, 2] = [1, 2]", "true"},
      {"[1] + [2, 'x']", "[1, 2, x]"},
      {"1 + null", ""},
      {"2 * 3.5", "7"},
      {"7 / 2.0", "3.5"},
      {"-7 % 3", "-1"},
      {"'中' + '文'", "中文"},
      {"'政策文件' STARTS WITH '政策'", "true"},
      {"'政策文件' ENDS WITH null", ""},
      {"'政策文件' CONTAINS '策文'", "true"},
      {"size('新型工业化')", "5"},
      {"length([1, 2, 3])", "3"},
      {"coalesce(null, null, 'x')", "x"},
      {"toUpper('ai+制造')", "AI+制造"},
      {"toInteger('42') + toFloat('0.5')", "42.5"},
      {"toInteger('x')", ""},
      {"abs(-3)", "3"},
      {"head([3, 4])", "3"},
      {"last([])", ""},
      {"toString(12)", "12"},
  };
  for (const auto& c : cases) {
    INFO(c.expr);
    auto rows = testing::Rows(*snap, std::string("RETURN ") + c.expr + " AS v");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0] == c.shown);
  }
  auto overflow = RunQuery(*snap, "RETURN 9223372036854775807 + 1", QueryOptions{});
  REQUIRE_FALSE(overflow.ok());
  CHECK(overflow.status().message() == "integer overflow");
}

}  // namespace
}  // namespace pkg::query
