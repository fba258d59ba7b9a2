// MEASURES (ingest/relate_indicators.cc), end to end on short texts: one row a
// pattern, with the edges it must not give. (Older cases: tests/ingest/extractor_test.cc.)
#include "tests/ingest/extract_fixture.h"

using pkg::testing::CheckEdges;

TEST_CASE("A share's subject is what stands before 占, not the whole after it", "[ingest][relate]") {
  const char* report = "某市统计公报\n\n全市规模以上工业增加值增长8.2%。其中,高新技术产业增加值增长9.4%,占规模以上工业增加值的比重为67.2%。\n";
  CheckEdges({
      {report, "MEASURES", "高新技术产业增加值占规模以上工业增加值比重", "高新技术产业"},
      {report, "MEASURES", "高新技术产业增加值占规模以上工业增加值比重", "工业", false},
  });
}
