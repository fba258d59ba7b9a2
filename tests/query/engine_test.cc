// End-to-end queries over the small fixture graph and the development
// article's gold graph (tests/query/fixture.h).
#include <algorithm>
#include <set>

#include "tests/query/fixture.h"

namespace pkg {
namespace {

using testing::Rows;

TEST_CASE("supporters of the development article's goals match the gold answers") {
  auto g = testing::SeedGoldGraph();
  for (const auto& [target, answers] : g.answers) {
    INFO(target);
    auto rows = Rows(*g.snap, "CALL supporters('" + target + "') YIELD measure RETURN measure.name");
    std::set<std::string> got(rows.begin(), rows.end());
    std::set<std::string> want(answers.begin(), answers.end());
    CHECK(got == want);
    // The same question in plain Cypher.
    auto cypher = Rows(*g.snap, "MATCH (m:Measure)-[:SUPPORTS|PART_OF|FUNDS|IMPLEMENTS*1..10]->(t {name: $t}) "
                                "RETURN DISTINCT m.name",
                       QueryOptions{{{"t", Value(target)}}});
    CHECK(std::set<std::string>(cypher.begin(), cypher.end()) == want);
  }
  CHECK(g.answers.at("新型工业化").size() == 26);
  // With the gold's optional edges too, every gold answer is still found.
  auto all = testing::SeedGoldGraph(true);
  auto rows = Rows(*all.snap, "CALL supporters('新型工业化') YIELD measure RETURN measure.name");
  for (const auto& a : g.answers.at("新型工业化")) CHECK(std::count(rows.begin(), rows.end(), a) == 1);
}

}  // namespace
}  // namespace pkg
