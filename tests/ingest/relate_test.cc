// Tests for ingest/relate.h helpers that must agree with the data: the
// measure types IsMeasure names are exactly the Measure subtypes of the
// shipped schema.
#include <catch2/catch.hpp>

#include <string>

#include "graph/schema.h"
#include "ingest/relate.h"

TEST_CASE("IsMeasure names exactly the schema's Measure subtypes", "[ingest][relate]") {
  auto schema = pkg::Schema::Load(std::string(PKG_TEST_DIR) + "/../data/schema.json");
  REQUIRE(schema.ok());
  auto measure = (*schema)->FindNodeType("Measure");
  REQUIRE(measure);
  int measures = 0;
  for (int t = 0; t < (*schema)->num_node_types(); ++t) {
    const auto& def = (*schema)->node_types()[static_cast<size_t>(t)];
    const pkg::TypeId id = *(*schema)->FindNodeType(def.name);
    const bool want = !def.abstract && (*schema)->IsA(id, *measure);
    INFO(def.name);
    CHECK(pkg::ingest::IsMeasure(def.name) == want);
    measures += want;
  }
  CHECK(measures == 5);
  CHECK_FALSE(pkg::ingest::IsMeasure(""));
  CHECK_FALSE(pkg::ingest::IsMeasure("Funds"));
}
