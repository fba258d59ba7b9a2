// Citations (ingest/relate_citations.cc), end to end on short texts: one row a
// pattern, with the edges it must not give. (More cases: tests/ingest/extractor_test.cc.)
#include "tests/ingest/extract_fixture.h"

using pkg::testing::CheckEdges;

TEST_CASE("A programme named in the purpose clause does not cite; the document's measure does", "[ingest][relate]") {
  const char* notice = "关于2025年度某省专精特新中小企业拟认定名单的公示\n\n为深入实施优质中小企业梯度培育工程,根据《优质中小企业梯度培育管理暂行办法》,"
                       "拟认定某某科技有限公司为专精特新中小企业,现予以公示。\n";
  CheckEdges({
      {notice, "IMPLEMENTS", "关于2025年度某省专精特新中小企业拟认定名单的公示", "优质中小企业梯度培育管理暂行办法"},
      {notice, "IMPLEMENTS", "优质中小企业梯度培育工程", "优质中小企业梯度培育管理暂行办法", false},
  });
}
