// Tests for graph/schema.h: the ontology loads as data, the hierarchy and
// endpoint rules hold, and bad schema files are refused with clear messages.
#include "graph/schema.h"

#include "graph_test_util.h"

namespace pkg {
namespace {

TEST_CASE("the ontology schema loads with its hierarchy", "[schema]") {
  auto s = testing::TestSchema();
  REQUIRE(s->num_node_types() == 16);
  REQUIRE(s->num_edge_types() == 12);
  auto fund = *s->FindNodeType("Fund");
  auto measure = *s->FindNodeType("Measure");
  auto agency = *s->FindNodeType("Agency");
  auto actor = *s->FindNodeType("Actor");
  CHECK(s->IsA(fund, measure));
  CHECK(s->IsA(fund, fund));
  CHECK_FALSE(s->IsA(measure, fund));
  CHECK(s->IsA(agency, actor));
  CHECK_FALSE(s->IsA(agency, measure));
  CHECK(s->Labels(fund).size() == 2);
  CHECK(s->Descendants(measure).size() == 6);
  CHECK(s->node_type(fund).zh == "基金");
  CHECK(s->contributing_edges().size() == 4);
  CHECK(s->instruments().size() == 16);
}

TEST_CASE("edge endpoint rules follow the ontology", "[schema]") {
  auto s = testing::TestSchema();
  auto T = [&](const char* n) { return *s->FindNodeType(n); };
  auto E = [&](const char* n) { return *s->FindEdgeType(n); };
  struct Case { const char* edge; const char* from; const char* to; bool ok; };
  const Case cases[] = {
      {"FUNDS", "Fund", "Industry", true},       {"FUNDS", "Initiative", "Industry", false},
      {"SUPPORTS", "Pilot", "Goal", true},       {"SUPPORTS", "Industry", "Goal", false},
      {"PART_OF", "Industry", "Industry", true}, {"PART_OF", "Industry", "Goal", false},
      {"PART_OF", "Goal", "Goal", true},         {"PART_OF", "Fund", "Initiative", true},
      {"RESPONSIBLE", "Agency", "Policy", true}, {"RESPONSIBLE", "Region", "Policy", false},
      {"MENTIONS", "Document", "Region", true},  {"MENTIONS", "Agency", "Region", false},
      {"RELATED_TO", "Region", "Goal", true},    {"ISSUED", "Enterprise", "Document", true},
  };
  for (const auto& c : cases) {
    INFO(c.edge << " " << c.from << " -> " << c.to);
    CHECK(s->EdgeAllowed(E(c.edge), T(c.from), T(c.to)) == c.ok);
  }
}

TEST_CASE("did-you-mean suggestions", "[schema]") {
  auto s = testing::TestSchema();
  CHECK(s->SuggestNodeType("Fnud") == "Fund");
  CHECK(s->SuggestNodeType("fund") == "Fund");
  CHECK(s->SuggestEdgeType("SUPPORT") == "SUPPORTS");
  CHECK(s->SuggestEdgeType("XYZXYZXYZ").empty());
  CHECK(s->SuggestProperty("sise") == "size");
}

TEST_CASE("bad schema files are refused with a message", "[schema]") {
  struct Case { const char* json; const char* message; };
  const Case cases[] = {
      {"", "empty input"},
      {"[]", "expected an object with \"node_types\""},
      {R"({"node_types":[{"name":"A","parent":"B"}],"edge_types":[{"name":"E","from":["A"],"to":["A"]}]})", "unknown parent B"},
      {R"({"node_types":[{"name":"A","parent":"A"}],"edge_types":[{"name":"E","from":["A"],"to":["A"]}]})", "parent cycle"},
      {R"({"node_types":[{"name":"A"},{"name":"A"}],"edge_types":[{"name":"E","from":["A"],"to":["A"]}]})", "defined twice"},
      {R"({"node_types":[{"name":"A"}],"edge_types":[{"name":"E","from":["Z"],"to":["A"]}]})", "unknown node type Z"},
      {R"({"node_types":[{"name":"A"}],"edge_types":[{"name":"E","from":["A"],"to":["A"]}],"properties":[{"name":"p","kind":"blob"}]})", "known kind"},
  };
  for (const auto& c : cases) {
    auto r = Schema::Parse(c.json, "bad.json");
    INFO(c.json);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(), Catch::Contains(c.message));
    CHECK_THAT(r.status().message(), Catch::StartsWith("bad.json"));
  }
}

}  // namespace
}  // namespace pkg
