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

TEST_CASE("A rate over a group measures the launched pilot, else the jurisdiction", "[ingest][relate]") {
  const char* workplan = "湖南省2025年制造业数字化转型工作要点\n\n一、工作目标\n\n2025年,全省规模以上工业企业数字化转型覆盖率达到65%,"
                         "关键工序数控化率达到62%。\n";
  const char* notice = "关于开展中小企业数字化转型城市试点工作的通知\n\n组织开展中小企业数字化转型城市试点工作。"
                       "试点城市规模以上工业中小企业数字化改造覆盖率达到70%。\n";
  CheckEdges({
      {workplan, "MEASURES", "规模以上工业企业数字化转型覆盖率", "湖南"},
      {workplan, "MEASURES", "规模以上工业企业数字化转型覆盖率", "规模以上工业企业", false},
      {notice, "MEASURES", "规模以上工业中小企业数字化改造覆盖率", "中小企业数字化转型城市试点"},
      {notice, "MEASURES", "规模以上工业中小企业数字化改造覆盖率", "中小企业", false},
  });
}

TEST_CASE("A rate with no subject, over a launched pilot's places, measures the pilot", "[ingest][relate]") {
  const char* notice = "关于开展农机装备智能化升级试点工作的通知\n\n组织开展农机装备智能化升级试点工作。到2027年,试点地区主要农作物"
                       "耕种收综合机械化率达到90%以上。申报主体为县级人民政府,农作物耕种收综合机械化率不低于75%。\n";
  CheckEdges({
      {notice, "MEASURES", "主要农作物耕种收综合机械化率", "农机装备智能化升级试点"},
      // An applicant's threshold is no figure of the pilot.
      {notice, "MEASURES", "农作物耕种收综合机械化率", "农机装备智能化升级试点", false},
  });
}

TEST_CASE("A performance-target table's indicators measure the fund the document allocates", "[ingest][relate]") {
  const char* text = "关于下达2026年省制造业高质量发展专项资金的通知\n\n现下达2026年省制造业高质量发展专项资金38600万元,"
                     "用于支持首台(套)重大技术装备推广应用。\n\n区域绩效目标表\n一级指标 二级指标 三级指标 指标值\n"
                     "产出指标 数量指标 首台(套)重大技术装备投保项目数量 ≥45个\n效益指标 经济效益指标 带动企业技术改造投资 ≥150亿元\n";
  CheckEdges({
      {text, "MEASURES", "首台(套)重大技术装备投保项目数量", "省制造业高质量发展专项资金"},
      {text, "MEASURES", "带动企业技术改造投资", "省制造业高质量发展专项资金"},
      // Not the weak words inside their names.
      {text, "MEASURES", "首台(套)重大技术装备投保项目数量", "首台(套)", false},
      {text, "MEASURES", "带动企业技术改造投资", "企业", false},
  });
}

TEST_CASE("A stated aim with no subject of its own measures the jurisdiction", "[ingest][relate]") {
  const char* text = "绍兴市某讲话\n发布日期:2025-03-07\n\n今年的总体要求是稳中求进。主要目标是:规上工业增加值增长7.5%以上,"
                     "制造业投资增长10%以上。\n";
  CheckEdges({
      {text, "MEASURES", "规上工业增加值增长", "绍兴"},
      {text, "MEASURES", "制造业投资增长", "绍兴"},
  });
}
