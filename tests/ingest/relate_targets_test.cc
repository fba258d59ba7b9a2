// TARGETS (ingest/relate_targets.cc), end to end on short texts: one row a
// pattern, with the edges it must not give.
#include "tests/ingest/extract_fixture.h"

using pkg::testing::CheckEdges;

TEST_CASE("An aimed list closed by its category aims at the category and its members", "[ingest][relate]") {
  const char* after = "某省规划\n\n围绕电子信息、有色金属、装备制造、新能源、航空、生物医药等重点产业链,实施“一链一策”数字化改造。\n";
  const char* before = "某市分工\n\n深化“链长制”,围绕新一代电子信息、高端装备制造、新材料、新能源等战略性产业集群开展精准招商。\n";
  CheckEdges({
      // The measure after the aimed phrase, however long the list.
      {after, "TARGETS", "一链一策", "重点产业链"},
      {after, "TARGETS", "一链一策", "有色金属"},
      // With no measure after it, the one named before.
      {before, "TARGETS", "链长制", "战略性产业集群"},
      {before, "TARGETS", "链长制", "新材料"},
      // A list with no aim word before it aims at nothing.
      {"某省规划\n\n电子信息、有色金属、装备制造、新能源、航空、生物医药等重点产业链加快发展,实施“一链一策”数字化改造。\n",
       "TARGETS", "一链一策", "重点产业链", false},
  });
}

TEST_CASE("A notice that launches a pilot aims through the pilot", "[ingest][relate]") {
  const char* notice = "关于开展中小企业数字化转型城市试点工作的通知\n\n为贯彻落实党中央决策部署,组织开展中小企业数字化转型城市试点工作。"
                       "聚焦制造业中小企业,以城市为载体,支持制造业中小企业加快数字化转型。\n";
  CheckEdges({
      {notice, "TARGETS", "中小企业数字化转型城市试点", "制造业中小企业"},
      {notice, "TARGETS", "关于开展中小企业数字化转型城市试点工作的通知", "制造业中小企业", false},
  });
}

TEST_CASE("A programme or pilot named after a group aims at it; a platform or fund so named does not", "[ingest][relate]") {
  const char* text = "某市工作方案\n\n开展中小企业数字化转型试点,推动中小企业上云。建设中小企业公共服务示范平台,推动中小企业上云。"
                     "用好中小企业发展专项资金,推动中小企业上云。\n";
  CheckEdges({
      {text, "TARGETS", "中小企业数字化转型试点", "中小企业"},
      {text, "TARGETS", "中小企业公共服务示范平台", "中小企业", false},
      {text, "TARGETS", "中小企业发展专项资金", "中小企业", false},
  });
}

TEST_CASE("An aiming verb reaches the group past a count", "[ingest][relate]") {
  CheckEdges({
      {"某省发布会\n\n一是实施“智改数转”诊断服务行动,每年为3000家以上规上工业企业提供免费诊断服务。\n", "TARGETS",
       "智改数转诊断服务行动", "规模以上工业企业"},
      // A count with no aiming verb before it aims at nothing.
      {"某省发布会\n\n一是实施“智改数转”诊断服务行动,每年3000家以上规上工业企业完成诊断。\n", "TARGETS",
       "智改数转诊断服务行动", "规模以上工业企业", false},
  });
}
