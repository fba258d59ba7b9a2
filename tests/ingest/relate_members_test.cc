// PART_OF from phrases (ingest/relate_members.cc) and the counted groups they
// attach to (ingest/recognize_lists.cc, ingest/recognize_short_names.cc),
// end to end on short texts: one row a pattern.
#include "tests/ingest/extract_fixture.h"

using pkg::testing::CheckEdges;
using pkg::testing::EdgeCase;
using pkg::testing::Extract;
using pkg::testing::HasNode;

TEST_CASE("Counted groups collect their listed sectors", "[ingest][relate]") {
  CheckEdges({
      // The group followed by its clause's verb, the last (known) member right before the count.
      {"某县新闻\n\n聚焦新能源电池、高端装备制造、纺织服装三大主导产业开展精准招商。\n", "PART_OF", "新能源电池", "三大主导产业"},
      {"某县新闻\n\n聚焦新能源电池、高端装备制造、纺织服装三大主导产业开展精准招商。\n", "PART_OF", "纺织", "三大主导产业"},
      {"某县新闻\n\n培育集成电路、生物医药、人工智能三大先导产业,建设产业园。\n", "PART_OF", "人工智能", "三大先导产业"},
  });
  SECTION("a count and a bare scope word (六大领域) names no group; the members stay") {
    auto st = Extract("某市方案\n\n在未来信息、未来健康、未来制造六大领域培育细分产业。\n");
    CHECK_FALSE(HasNode(st, "Industry", "六大领域"));
    CHECK(HasNode(st, "Industry", "未来信息"));
  }
  SECTION("the group's name without its count, elsewhere in the text, is the group") {
    auto st = Extract("某县新闻\n\n基金重点投向新能源电池、纺织服装等主导产业。聚焦新能源电池、高端装备制造、纺织服装三大主导产业开展精准招商。\n");
    CHECK(HasNode(st, "Industry", "三大主导产业"));
    CHECK_FALSE(HasNode(st, "Industry", "主导产业"));
  }
}

TEST_CASE("The programme an item's heading names collects the measures of its body", "[ingest][relate]") {
  const char* programme =
      "某市工作要点\n\n一、重点任务\n\n4.实施“智造甬军”培育工程。新增未来工厂5家、智能工厂100家。设立技术改造专项资金,支持企业改造。\n";
  CheckEdges({
      {programme, "PART_OF", "未来工厂", "智造甬军培育工程"},
      {programme, "PART_OF", "智能工厂", "智造甬军培育工程"},
      // Not the document's measure as well: the programme is the part of it.
      {programme, "PART_OF", "未来工厂", "某市工作要点", false},
      {programme, "PART_OF", "智造甬军培育工程", "某市工作要点"},
      // A fund named there finances the programme and stays a part of the document.
      {programme, "FUNDS", "技术改造专项资金", "智造甬军培育工程"},
      {programme, "PART_OF", "技术改造专项资金", "某市工作要点"},
      // A heading naming a system (体系, a Policy) is no programme with parts.
      {"某省实施方案\n\n一、重点任务\n\n(三)构建绿色制造体系。开展绿色工厂梯度培育,建设绿色工业园区。\n", "PART_OF", "绿色工业园区",
       "绿色制造体系", false},
      // A long first sentence is no heading: "第六条 …应当实施X行动,引导企业建设Y" (one sentence).
      {"某市条例\n\n第六条 市、县(市、区)人民政府应当实施智能工厂梯度培育行动,引导企业建设数字化车间、智能工厂和未来工厂,并对新认定的省级未来工厂给予奖励。建设工业互联网平台。\n",
       "PART_OF", "工业互联网平台", "智能工厂梯度培育行动", false},
  });
}

TEST_CASE("A programme instituted at the head of a sentence collects the measures of its kind after it", "[ingest][relate]") {
  const char* action = "某市条例\n\n第六条 市、县人民政府应当实施智能工厂梯度培育行动,引导企业建设数字化车间、智能工厂和未来工厂。\n";
  const char* verification = "某市方案\n\n三是开展“概念验证+中试熟化”行动,建设概念验证中心20家、中试平台30个。\n";
  CheckEdges({
      {action, "PART_OF", "智能工厂", "智能工厂梯度培育行动"},
      {action, "PART_OF", "智能工厂", "某市条例", false},
      {verification, "PART_OF", "概念验证中心", "概念验证+中试熟化行动"},
      // A measure of another kind joined in the same sentence stays the document's.
      {"某省意见\n\n实施“万企上云”工程,建设工业互联网标识解析国家顶级节点,打造一批智能工厂和数字化车间。\n", "PART_OF", "智能工厂",
       "万企上云工程", false},
  });
}

TEST_CASE("Sectors listed before a counted category are its parts", "[ingest][relate]") {
  const char* counted = "某省意见\n\n聚焦新一代信息技术(光电子信息)、汽车制造、现代化工及能源、大健康、现代农产品加工等5个万亿级支柱产业,实施产业链链长制。\n";
  CheckEdges({
      // A count between 等 and the category ("等5个万亿级支柱产业").
      {counted, "PART_OF", "汽车制造", "万亿级支柱产业"},
      {counted, "PART_OF", "现代农产品加工", "万亿级支柱产业"},
      // A member with a bracketed alias before its 、.
      {counted, "PART_OF", "新一代信息技术", "万亿级支柱产业"},
      // A conjunction inside one member joins no two.
      {counted, "PART_OF", "现代化工及能源", "万亿级支柱产业"},
  });
}

TEST_CASE("The sectors a plan's headings name are parts of the industry its title names", "[ingest][relate]") {
  const char* plan = "山东省海洋装备产业高质量发展行动方案\n\n一、重点任务\n\n(一)突破高技术船舶。推进大型邮轮研制。\n\n"
                     "(二)发展海上风电装备。建设海上风电装备产业园。\n";
  CheckEdges({
      {plan, "PART_OF", "高技术船舶", "海洋装备"},
      {plan, "PART_OF", "海上风电装备", "海洋装备"},
      // A title naming a field of change, not an industry, collects none.
      {"某省制造业数字化转型工作要点\n\n一、重点任务\n\n(一)发展新兴数字产业。建设人工智能创新应用先导区。\n", "PART_OF", "新兴数字产业",
       "制造业", false},
  });
}

TEST_CASE("A sector the text groups takes no lexicon group over that nearer parent", "[ingest][relate]") {
  CheckEdges({
      {"某市方案\n\n推动人形机器人发展,推动机器人产业发展。\n", "PART_OF", "人形机器人", "机器人"},
      {"某市方案\n\n重点发展人形机器人、智能传感器等未来制造产业,推动机器人产业发展。\n", "PART_OF", "人形机器人", "机器人", false},
  });
}

TEST_CASE("A sub-item's heading sector is part of its parent heading's sector", "[ingest][relate]") {
  const char* plan = "某市数字经济工作要点\n\n一、重点任务\n\n(一)做强数字产业集群\n\n1.壮大集成电路产业。推进重大项目建设。\n\n"
                     "2.发展工业软件产业。建设开源社区。\n";
  CheckEdges({
      {plan, "PART_OF", "集成电路", "数字产业集群"},  // (集成电路产业 is the lexicon's 集成电路)
      {plan, "PART_OF", "工业软件", "数字产业集群"},  // (the lexicon's 工业软件 too)
  });
}

TEST_CASE("A speaker who goes on to cite the plan reports it too", "[ingest][relate]") {
  const char* news = "园区人工智能产业迎来新一轮政策支持\n\n3月17日,园区正式发布《苏州工业园区人工智能产业创新集群三年行动计划》。"
                     "园区科技创新局负责人介绍,《苏州工业园区人工智能产业创新集群三年行动计划》围绕算力、算法部署了十二项重点任务。"
                     "其中,园区将实施“智算领航”工程,建设苏州工业园区智能计算中心二期。\n";
  CheckEdges({
      {news, "PART_OF", "智算领航工程", "苏州工业园区人工智能产业创新集群三年行动计划"},
      {news, "PART_OF", "苏州工业园区智能计算中心二期", "苏州工业园区人工智能产业创新集群三年行动计划"},
  });
}

TEST_CASE("A member the lexicon knows inside a field's list is the field's part too", "[ingest][relate]") {
  const char* text = "北京市未来产业实施方案解读\n\n《实施方案》聚焦六大领域。其中,未来信息领域重点发展通用人工智能、6G、元宇宙、"
                     "量子信息和光电子;未来健康领域重点发展基因技术、合成生物。\n";
  CheckEdges({
      {text, "PART_OF", "6G", "未来信息"},
      {text, "PART_OF", "元宇宙", "未来信息"},
      {text, "PART_OF", "量子科技", "未来信息"},  // 量子信息 is the lexicon's 量子科技
      // Not across the semicolon into the next field's list.
      {text, "PART_OF", "合成生物", "未来信息", false},
  });
}

TEST_CASE("A ranking phrase after 等 names no category of the list", "[ingest][relate]") {
  CheckEdges({
      {"某省工作要点\n\n推动工程机械、轨道交通装备、航空动力等优势产业建设行业级平台。\n", "PART_OF", "工程机械", "优势产业", false},
      {"某省工作要点\n\n推动工程机械、轨道交通装备等重点产业加快发展。\n", "PART_OF", "工程机械", "重点产业", false},
      // A category with a kind of its own still is one.
      {"某市条例\n\n鼓励电气、鞋服、汽车零部件、泵阀等传统优势产业开展智能化技术改造。\n", "PART_OF", "电气", "传统优势产业"},
  });
}

TEST_CASE("A programme leading its item before a colon holds what the item builds", "[ingest][relate]") {
  const char* plan = "某省制造业数字化转型规划\n\n专栏2 重点产业链数字化改造工程\n1.电子信息产业链数字化改造工程:建设20个电子信息行业数字化转型促进中心。\n"
                     "3.航空产业链数字化改造工程:支持龙头企业建设数字化协同研制平台。\n";
  CheckEdges({
      {plan, "PART_OF", "电子信息行业数字化转型促进中心", "电子信息产业链数字化改造工程"},
      {plan, "PART_OF", "数字化协同研制平台", "航空产业链数字化改造工程"},
      // Not the next item's programme.
      {plan, "PART_OF", "电子信息行业数字化转型促进中心", "航空产业链数字化改造工程", false},
  });
}

TEST_CASE("A report on a plan goes on through paragraphs opening on a topic frame", "[ingest][relate]") {
  const char* news = "园区人工智能产业迎来新一轮政策支持\n\n3月17日,园区正式发布《苏州工业园区人工智能产业创新集群三年行动计划》。"
                     "《苏州工业园区人工智能产业创新集群三年行动计划》提出,建设苏州工业园区智能计算中心二期。\n\n"
                     "在人才方面,园区将实施“领军人才”计划。\n\n园区还举办了人工智能大会,启动“算力券”计划。\n";
  CheckEdges({
      {news, "PART_OF", "领军人才计划", "苏州工业园区人工智能产业创新集群三年行动计划"},
      // A paragraph with no topic frame ends the report.
      {news, "PART_OF", "算力券计划", "苏州工业园区人工智能产业创新集群三年行动计划", false},
  });
}

TEST_CASE("A box's numbered programmes are parts of the programme its title names", "[ingest][relate]") {
  const char* box =
      "某省制造业数字化转型规划\n\n第一节 推进产业链数字化改造\n\n围绕重点产业链实施数字化改造。\n\n"
      "专栏2 重点产业链数字化改造工程\n1.电子信息产业链数字化改造工程:建设20个行业数字化转型促进中心。\n"
      "2.航空产业链数字化改造工程:支持建设数字化协同研制平台。\n\n第二节 夯实基础\n\n设立省数字化转型专项资金。\n";
  CheckEdges({
      {box, "PART_OF", "电子信息产业链数字化改造工程", "重点产业链数字化改造工程"},
      {box, "PART_OF", "航空产业链数字化改造工程", "重点产业链数字化改造工程"},
      // What a line's programme builds stays its part.
      {box, "PART_OF", "数字化协同研制平台", "航空产业链数字化改造工程"},
  });
  SECTION("the box's title is no goal") {
    auto st = Extract("某省规划\n\n专栏1 “十五五”制造业数字化转型主要指标\n指标名称 | 2025年 | 2030年\n");
    CHECK_FALSE(HasNode(st, "Goal", "十五五制造业数字化转型主要指标"));
  }
  // A numbered line of another kind (a platform under a 工程) is not taken into it.
  CheckEdges({
      {"某市方案\n\n(一)实施智能制造工程\n1.数字化转型促进行动:每年新增智能工厂10家。\n", "PART_OF", "数字化转型促进行动",
       "智能制造工程", false},
  });
}

TEST_CASE("A cited plan opening a sentence reports what follows its speech verb", "[ingest][relate]") {
  const char* news = "厦门新型储能产业迎来新一轮政策支持\n\n8月20日,厦门市人民政府办公厅印发《厦门市加快新型储能产业高质量发展行动方案》(以下简称《方案》)。\n\n"
                     "市工信局相关负责人介绍,全市新型储能产业产值约1280亿元。\n\n"
                     "《方案》从强链补链、创新引领、场景应用三个方面部署了十项重点任务。在创新平台方面,厦门将建设新型储能技术创新中心。\n\n"
                     "《方案》的出台引起关注。园区还举办了储能大会,启动“储能券”计划。\n";
  CheckEdges({
      {news, "PART_OF", "新型储能技术创新中心", "厦门市加快新型储能产业高质量发展行动方案"},
      // A cited plan opening a sentence with no speech verb in its clause reports nothing.
      {news, "PART_OF", "储能券计划", "厦门市加快新型储能产业高质量发展行动方案", false},
  });
}

TEST_CASE("An item a subsidy's condition says was approved before is no part of the text's measure", "[ingest][relate]") {
  const char* rules = "某市集成电路产业发展专项资金管理办法\n\n第十条 平台建设奖励。对新获批建设的国家级制造业创新中心,给予最高2000万元"
                      "一次性奖励。支持企业建设集成电路公共服务平台。\n";
  CheckEdges({
      {rules, "PART_OF", "国家级制造业创新中心", "某市集成电路产业发展专项资金管理办法", false},
      // One the text itself builds still is.
      {rules, "PART_OF", "集成电路公共服务平台", "某市集成电路产业发展专项资金管理办法"},
  });
}

TEST_CASE("A fund a reported plan sets up another from is no part of the plan", "[ingest][relate]") {
  const char* news = "天津生物制造产业迎来新一轮政策支持\n\n近日,天津市印发《天津市生物制造产业高质量发展行动方案》(以下简称《方案》)。\n\n"
                     "在金融支持方面,《方案》明确,天津市海河产业基金将联合社会资本设立规模50亿元的天津市生物制造产业基金,"
                     "重点投资合成生物领域。\n";
  CheckEdges({
      {news, "PART_OF", "生物制造产业基金", "天津市生物制造产业高质量发展行动方案"},
      {news, "PART_OF", "天津市海河产业基金", "天津市生物制造产业高质量发展行动方案", false},
      {news, "FUNDS", "天津市海河产业基金", "生物制造产业基金"},
  });
}

TEST_CASE("A lexicon group holds a member only when the member's paragraph names it", "[ingest][relate]") {
  const char* text = "某省专项资金管理办法\n\n第一条 为推动战略性新兴产业发展,制定本办法。\n\n"
                     "第二条 支持航空航天、新材料等领域企业发展。三大先导产业引领提升。生物医药全链条创新发展。\n";
  CheckEdges({
      // In the paragraph, a sentence apart.
      {text, "PART_OF", "生物医药", "三大先导产业"},
      // The category named only in another paragraph.
      {text, "PART_OF", "新材料", "战略性新兴产业", false},
  });
}

TEST_CASE("In a speech, the measures of a point whose heading names a programme are its parts", "[ingest][relate]") {
  const char* speech = "在全市工业大会上的讲话\n\n一、抓好重点工作\n第一,全面推进“智改数转网联”。每年培育省级智能工厂10家、数字化车间50个。\n"
                       "第二,强化要素保障。建立市领导联系重点企业制度。\n";
  CheckEdges({
      {speech, "PART_OF", "省级智能工厂", "智改数转网联"},
      {speech, "PART_OF", "数字化车间", "智改数转网联"},
      // Another point's measure is no part of it.
      {speech, "PART_OF", "市领导联系重点企业制度", "智改数转网联", false},
  });
}

TEST_CASE("In a text with no measure of its own, a sentence launching a programme holds the measures of its later clauses",
          "[ingest][relate]") {
  const char* news = "省政府召开常务会议\n来源:湖南省人民政府办公厅\n\n会议要求,要大力实施“智赋万企”行动,推动企业数字化改造,"
                     "到2028年,全省建成省级以上智能工厂300家、数字化车间1000个。\n";
  CheckEdges({
      {news, "PART_OF", "数字化车间", "智赋万企行动"},
      {news, "PART_OF", "智能工厂", "智赋万企行动"},
      // In a plan the item's measures are the plan's parts, side by side with the programme.
      {"某省关于推进制造业数字化转型的实施意见\n\n(三)推进数字化转型。深入实施“万企上云”工程,建设一批数字化车间。\n",
       "PART_OF", "数字化车间", "万企上云工程", false},
  });
}

TEST_CASE("A report whose lead has a body issue the rule it cites goes through it section by section", "[ingest][relate]") {
  const char* post = "原创 某某发布 某某发布 2026年05月20日 08:02 山东\n\n重磅!西海岸新区出台十条措施\n\n"
                     "近日,青岛西海岸新区管委会印发《青岛西海岸新区支持人工智能产业高质量发展的若干措施》,推出十条硬核举措。\n\n"
                     "01 强化算力供给\n支持建设智能算力中心,对新建项目给予补助。\n\n"
                     "02 完善服务保障\n建设人工智能公共服务平台。\n";
  const std::string rule = "青岛西海岸新区支持人工智能产业高质量发展的若干措施";
  CheckEdges({
      {post, "PART_OF", "智能算力中心", rule.c_str()},
      {post, "PART_OF", "人工智能公共服务平台", rule.c_str()},
      {post, "ISSUED", "青岛西海岸新区管委会", rule.c_str()},
  });
  // The headline of a post is no measure of its own.
  CHECK_FALSE(HasNode(Extract(post), "Policy", "重磅!西海岸新区出台十条措施"));
}

TEST_CASE("A list opening its clause names sectors before a modified category, whatever the predicate", "[ingest][recognize]") {
  const auto st = Extract("某省要闻\n\n今年以来,全省工业经济开局平稳。工程机械、轨道交通装备、先进储能材料等优势产业保持较快增长。\n");
  CHECK(HasNode(st, "Industry", "工程机械"));
  CHECK(HasNode(st, "Industry", "先进储能材料"));
  // "等产业生态" is no category: 语料 is no sector.
  CHECK_FALSE(HasNode(Extract("某市要闻\n\n人工智能全领域布局,算力、语料等产业生态支撑作用显著。\n"), "Industry", "语料"));
}
