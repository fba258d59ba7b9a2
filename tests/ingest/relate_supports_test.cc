// SUPPORTS from phrases (ingest/relate_supports.cc), end to end on short
// texts: one row a pattern, with the edges it must not give.
#include "tests/ingest/extract_fixture.h"

using pkg::testing::CheckEdges;

TEST_CASE("A verb of support governs the whole list after it", "[ingest][relate]") {
  const char* list = "某区若干措施\n\n本措施重点支持创新药、高端医疗器械、细胞与基因治疗、合成生物等领域。\n";
  CheckEdges({
      {list, "SUPPORTS", "某区若干措施", "创新药"},
      // Far down the list, past a verb inside a name (创新 of 创新药) and a 与 inside an item.
      {list, "SUPPORTS", "某区若干措施", "合成生物"},
      {"某市报告\n\n实施先进制造业集群培育工程,做强光伏、电子信息、航空航天等产业集群。\n", "SUPPORTS", "先进制造业集群培育工程", "航空航天"},
      // A coverb between the verb and the list: the list is where, not what.
      {"某园区新闻\n\n园区将发布应用场景清单,推动人工智能在生物医药、纳米技术应用、高端装备制造等主导产业中深度应用。\n",
       "SUPPORTS", "应用场景清单", "高端装备", false},
      // An item that only starts with a sector (生物医药原料) is no sector of the list.
      {"某市新闻\n\n建设生物制造产业园,推进生物基材料、食品营养、生物医药原料等产品规模化生产。\n", "SUPPORTS", "生物制造产业园",
       "生物医药", false},
      // The parts of a domain (未来信息领域重点发展A、B、C) are no sectors the plan supports.
      {"某市方案\n\n其中,未来信息领域重点发展通用人工智能、6G、元宇宙、量子信息和光电子。\n", "SUPPORTS", "某市方案", "元宇宙", false},
      {"某市方案\n\n其中,未来信息领域重点发展通用人工智能、6G、元宇宙、量子信息和光电子。\n", "SUPPORTS", "某市方案", "通用人工智能",
       false},
  });
}

TEST_CASE("A target sentence's vision is a goal the document's measure supports", "[ingest][relate]") {
  const char* opinion = "某省关于促进低空经济高质量发展的实施意见\n\n到2030年,低空经济成为全省战略性新兴产业的重要增长极,建成全国低空经济发展高地。\n";
  CheckEdges({
      {opinion, "SUPPORTS", "某省关于促进低空经济高质量发展的实施意见", "全国低空经济发展高地"},
      // Not outside a target sentence, nor for what ends in no goal head (增长极).
      {"某省关于促进低空经济高质量发展的实施意见\n\n近年来,全省建成全国低空经济发展高地。\n", "SUPPORTS",
       "某省关于促进低空经济高质量发展的实施意见", "全国低空经济发展高地", false},
      {opinion, "SUPPORTS", "某省关于促进低空经济高质量发展的实施意见", "全省战略性新兴产业的重要增长极", false},
  });
}

TEST_CASE("A heading naming a known goal in a frame states the goal its measures support", "[ingest][relate]") {
  CheckEdges({
      // 以X为骨干的 cut before 以 is dropped; a known goal ending in a measure's head word (体系) is still a goal.
      {"某市政府工作报告\n\n三、重点工作\n\n(二)构建以先进制造业为骨干的现代化产业体系。实施先进制造业集群培育工程。\n", "SUPPORTS",
       "先进制造业集群培育工程", "现代化产业体系"},
      // A 具有…的 modifier marks a vision: 中心 ends the goal, not a platform.
      {"某市政府工作报告\n\n三、重点工作\n\n(一)加快建设具有全国影响力的科技创新中心。实施“三项改革”扩面提质行动。\n", "SUPPORTS",
       "三项改革扩面提质行动", "科技创新中心"},
  });
}

TEST_CASE("A cited plan titled for a sector's innovation cluster supports the sector", "[ingest][relate]") {
  CheckEdges({
      {"园区人工智能产业迎来新一轮政策支持\n\n园区正式发布《苏州工业园区人工智能产业创新集群三年行动计划》。\n", "SUPPORTS",
       "苏州工业园区人工智能产业创新集群三年行动计划", "人工智能"},
  });
}

TEST_CASE("Sectors that are the subject of a building verb are supported by its object", "[ingest][relate]") {
  const char* plan = "某省工作要点\n\n支持龙头企业建设跨行业跨领域工业互联网平台,推动工程机械、轨道交通装备、航空动力等优势产业建设行业级平台。\n";
  CheckEdges({
      {plan, "SUPPORTS", "行业级平台", "工程机械"},
      {plan, "SUPPORTS", "行业级平台", "航空动力"},
      // Not the measure of the previous clause, before 推动.
      {plan, "SUPPORTS", "跨行业跨领域工业互联网平台", "工程机械", false},
      // A sector with no verb after it keeps the measure before it.
      {"某市报告\n\n实施先进制造业集群培育工程,做强光伏、电子信息、航空航天等产业集群。\n", "SUPPORTS", "先进制造业集群培育工程", "光伏"},
  });
}

TEST_CASE("An action of this time states the purpose of the measure named before", "[ingest][relate]") {
  const char* release = "政府向创新及科技基金注资100亿元\n\n立法会财务委员会今日批准政府向创新及科技基金(创科基金)注资100亿元的拨款建议。"
                        "创新科技及工业局发言人表示,是次注资旨在推动香港新型工业化,巩固香港作为「国际创新科技中心」的地位。\n";
  CheckEdges({
      {release, "SUPPORTS", "创科基金", "新型工业化"},
      {release, "SUPPORTS", "创科基金", "国际创新科技中心"},
      // Without 是次 the clause names no measure's purpose.
      {"政府向创新及科技基金注资100亿元\n\n立法会财务委员会今日批准政府向创新及科技基金(创科基金)注资100亿元的拨款建议。"
       "创新科技及工业局发言人表示,注资旨在推动香港新型工业化。\n",
       "SUPPORTS", "创科基金", "新型工业化", false},
  });
}

TEST_CASE("The document supports a heading's sector, not each part the list under it names", "[ingest][relate]") {
  const char* plan = "河南省制造业绿色低碳转型实施方案\n\n二、重点任务\n\n(二)壮大绿色低碳装备产业。以郑州、洛阳为重点,"
                     "大力发展新能源装备、节能环保装备、储能电池等产业。\n";
  CheckEdges({
      {plan, "SUPPORTS", "河南省制造业绿色低碳转型实施方案", "绿色低碳装备产业"},
      {plan, "PART_OF", "新能源装备", "绿色低碳装备产业"},
      {plan, "SUPPORTS", "河南省制造业绿色低碳转型实施方案", "新能源装备", false},
      // With no sector in the heading, the list is what the document supports.
      {"某区若干措施\n\n本措施重点支持创新药、高端医疗器械、细胞与基因治疗、合成生物等领域。\n", "SUPPORTS", "某区若干措施", "创新药"},
  });
}

TEST_CASE("A cited title the text carries out promotes nothing in it", "[ingest][relate]") {
  const char* text = "合肥市包河区关于加快新能源汽车零部件产业发展的若干措施\n\n为深入落实《合肥市新能源汽车产业集群建设行动方案》,"
                     "抢抓新能源汽车产业发展机遇,制定本措施。\n\n据悉,《杭州市具身智能机器人产业发展行动计划》正式发布。\n";
  CheckEdges({
      {text, "SUPPORTS", "合肥市新能源汽车产业集群建设行动方案", "新能源汽车", false},
      // A title cited otherwise still supports the sector it promotes.
      {text, "SUPPORTS", "杭州市具身智能机器人产业发展行动计划", "具身智能"},
  });
}

TEST_CASE("A 一是 item opened inside a paragraph ends with the paragraph", "[ingest][relate]") {
  const char* text = "某省新闻发布会\n\n行动方案部署了两个方面重点任务。一是实施数字化诊断行动。"
                     "二是建设省级数字化转型公共服务平台,着力推进制造业数字化转型。\n王某(省发展改革委):\n"
                     "省发展改革委将实施大规模设备更新行动。\n";
  CheckEdges({
      {text, "SUPPORTS", "数字化转型公共服务平台", "制造业数字化转型"},
      // The next speaker's paragraph is no part of the item.
      {text, "SUPPORTS", "大规模设备更新", "制造业数字化转型", false},
  });
}

TEST_CASE("X,是Y的关键举措: the subject serves the goals between 是 and the serve_as word", "[ingest][relate]") {
  const char* topic = "福建省制造业数字化转型三年行动方案\n\n推进制造业数字化转型,是加快推进新型工业化、建设现代化产业体系的关键举措。\n";
  CheckEdges({
      // A verb phrase restating the topic: the document's own measure.
      {topic, "SUPPORTS", "福建省制造业数字化转型三年行动方案", "新型工业化"},
      {topic, "SUPPORTS", "福建省制造业数字化转型三年行动方案", "现代化产业体系"},
      // Not a clause that does not end in such a word.
      {"福建省制造业数字化转型三年行动方案\n\n推进制造业数字化转型,是加快推进新型工业化的必然要求和根本目的所在。\n", "SUPPORTS",
       "福建省制造业数字化转型三年行动方案", "新型工业化", false},
  });
}

TEST_CASE("打造 a list of sectors closed by its count: the measure supports each", "[ingest][relate]") {
  const char* text = "某市讲话\n\n深入实施“415X”先进制造业集群培育工程,重点打造集成电路、现代纺织、生物医药、高端装备四大产业集群。\n";
  CheckEdges({
      {text, "SUPPORTS", "415X先进制造业集群培育工程", "集成电路"},
      {text, "SUPPORTS", "415X先进制造业集群培育工程", "高端装备"},
  });
}
