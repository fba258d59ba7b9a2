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

TEST_CASE("An action of this time carries out the citation for the measure named before", "[ingest][relate]") {
  const char* release = "政府向创新及科技基金注资100亿元\n\n立法会财务委员会今日批准政府向创新及科技基金(创科基金)注资100亿元的拨款建议。"
                        "创新科技及工业局发言人表示,是次注资旨在落实《行政长官2025年施政报告》的相关措施。\n";
  CheckEdges({
      {release, "IMPLEMENTS", "创科基金", "行政长官2025年施政报告"},
  });
}

TEST_CASE("A headline's agency is no issuer when a source line names the publisher", "[ingest][relate]") {
  const char* text = "省政府召开常务会议 研究部署推进新型工业化等工作\n来源:湖南省人民政府办公厅 发布时间:2026-03-18\n\n"
                     "3月18日,省长主持召开省政府常务会议。\n";
  pkg::testing::CheckEdges({
      {text, "ISSUED", "湖南省人民政府办公厅", "省政府召开常务会议研究部署推进新型工业化等工作"},
      {text, "ISSUED", "湖南省人民政府", "省政府召开常务会议研究部署推进新型工业化等工作", false},
  });
}

TEST_CASE("A title that names its body before a colon is that body's, whatever the source line says", "[ingest][relate]") {
  const char* text = "上海市经济和信息化委员会:强化高端产业引领功能\n来源:高新院 日期:2025-12-29\n\n推进新型工业化。\n";
  pkg::testing::CheckEdges({
      {text, "ISSUED", "上海市经济和信息化委员会", "上海市经济和信息化委员会:强化高端产业引领功能"},
  });
}
