// FUNDS (ingest/relate_funds.cc), end to end on short texts: one row a
// pattern, with the edges it must not give.
#include "tests/ingest/extract_fixture.h"

using pkg::testing::CheckEdges;

TEST_CASE("A fund a budget is arranged through funds it", "[ingest][relate]") {
  const char* via = "某市专项资金管理办法\n\n第二条 本办法所称人才发展专项资金,是指市财政通过市产业发展专项资金安排,"
                    "用于支持人才引进的资金。\n";
  const char* from = "某市专项资金管理办法\n\n第三条 设立人才发展专项资金,所需资金从市产业发展专项资金中列支。\n";
  CheckEdges({
      {via, "FUNDS", "市产业发展专项资金", "人才发展专项资金"},
      {from, "FUNDS", "市产业发展专项资金", "人才发展专项资金"},
      // The arranged budget does not fund the larger fund.
      {via, "FUNDS", "人才发展专项资金", "市产业发展专项资金", false},
      // Two funds in one sentence with no such preposition and verb: no edge between them.
      {"某市专项资金管理办法\n\n第三条 人才发展专项资金和市产业发展专项资金分别管理。\n", "FUNDS", "市产业发展专项资金",
       "人才发展专项资金", false},
  });
}

TEST_CASE("A fund whose heading lists directions funds the measures each direction's body names", "[ingest][relate]") {
  const char* text = "某部专项资金管理办法\n\n第七条 试点专项资金重点支持以下方向:\n\n"
                     "(一)支持智能化改造。引导企业建设一批数字化车间和智能工厂。\n\n"
                     "(二)支持公共服务能力建设。支持试点城市建设技术改造公共服务平台。\n";
  CheckEdges({
      {text, "FUNDS", "试点专项资金", "数字化车间"},
      {text, "FUNDS", "试点专项资金", "智能工厂"},
      {text, "FUNDS", "试点专项资金", "技术改造公共服务平台"},
  });
}

TEST_CASE("A fund named after a sector as an industry funds it; a field in its name does not", "[ingest][relate]") {
  CheckEdges({
      {"某省方案\n\n设立生物医药产业投资基金,推动产业发展。\n", "FUNDS", "生物医药产业投资基金", "生物医药"},
      // 制造业 / 中小企业 name what the budget is for in general.
      {"某市要点\n\n9.强化资金支持。统筹市级制造业高质量发展专项资金不少于10亿元用于数字化改造。\n", "FUNDS",
       "制造业高质量发展专项资金", "制造业", false},
      {"某部通知\n\n(一)中央财政通过中小企业发展专项资金对试点城市给予定额奖补。\n", "FUNDS", "中小企业发展专项资金",
       "中小企业", false},
  });
}

TEST_CASE("What a fund set up by another invests in is the new fund's alone", "[ingest][relate]") {
  const char* sets_up = "某省意见\n\n(五)加大金融支持力度。发挥湖北省长江产业投资基金引导作用,联合社会资本设立总规模200亿元的"
                        "湖北省制造业高质量发展基金,重点投向集成电路和生物医药。\n";
  const char* through = "某部专项资金管理办法\n\n第一条 为规范制造业新型技术改造城市试点专项资金(以下简称试点资金)管理,制定本办法。\n\n"
                        "第二条 本办法所称试点资金,是指中央财政通过产业基础再造和制造业高质量发展专项资金安排,"
                        "用于支持集成电路产业发展的资金。\n";
  CheckEdges({
      {sets_up, "FUNDS", "湖北省制造业高质量发展基金", "集成电路"},
      {sets_up, "FUNDS", "湖北省长江产业投资基金", "湖北省制造业高质量发展基金"},
      {sets_up, "FUNDS", "湖北省长江产业投资基金", "集成电路", false},
      // A budget's source (通过X安排) leaves the verb to the budget defined before it.
      {through, "FUNDS", "制造业新型技术改造城市试点专项资金", "集成电路"},
  });
}

TEST_CASE("A fund's invest verb is neither a word inside a name nor past another fund", "[ingest][relate]") {
  const char* listed = "北京市未来产业实施方案解读\n\n四是发挥北京市人工智能产业投资基金、北京市信息产业发展投资基金和北京市未来产业"
                       "天使投资基金的引导作用,其中未来产业天使投资基金规模100亿元,投向种子期、初创期未来产业企业。\n";
  const char* later = "宁波市2025年数字经济发展工作要点\n\n9.强化资金支持。统筹市级制造业高质量发展专项资金不少于10亿元用于数字化改造,"
                      "发挥宁波市数字经济产业基金作用,基金规模30亿元,重点投向集成电路、工业软件和人工智能。\n";
  CheckEdges({
      {listed, "FUNDS", "北京市未来产业天使投资基金", "未来产业企业"},
      // 投资 inside 北京市信息产业发展投资基金 is no verb of the first fund; the last fund listed invests.
      {listed, "FUNDS", "北京市人工智能产业投资基金", "未来产业企业", false},
      {later, "FUNDS", "宁波市数字经济产业基金", "集成电路"},
      {later, "FUNDS", "制造业高质量发展专项资金", "集成电路", false},
  });
}

TEST_CASE("Each fund listed before the verb that sets up a new one funds it", "[ingest][relate]") {
  const char* plan = "某市行动计划\n\n(五)强化金融和人才支撑。发挥杭州市科创基金、杭州市创新基金作用,设立规模50亿元的杭州市具身智能产业基金,"
                     "引导社会资本投向具身智能机器人产业。(责任单位:市财政局、杭州金投集团)\n";
  CheckEdges({
      {plan, "FUNDS", "杭州市创新基金", "具身智能产业基金"},
      {plan, "FUNDS", "杭州市科创基金", "具身智能产业基金"},
      // The label's bodies answer for the new fund, not the ones it is set up from.
      {plan, "RESPONSIBLE", "杭州市财政局", "杭州市科创基金", false},
  });
}

TEST_CASE("A budget the measures draw on funds the document's measure and is no part of it", "[ingest][relate]") {
  const char* text = "重庆市支持智能网联新能源汽车零部件产业发展若干政策措施\n\n一、对首次进入整车企业供应商体系的零部件企业,"
                     "给予一次性奖励50万元。所需资金从市级工业和信息化专项资金中列支。\n";
  CheckEdges({
      {text, "FUNDS", "市级工业和信息化专项资金", "重庆市支持智能网联新能源汽车零部件产业发展若干政策措施"},
      {text, "PART_OF", "市级工业和信息化专项资金", "重庆市支持智能网联新能源汽车零部件产业发展若干政策措施", false},
  });
}

TEST_CASE("A fund's listed object that shortens an earlier measure's name funds that measure", "[ingest][relate]") {
  const char* text = "某省发布会\n\n一是实施“智改数转”诊断服务行动,每年为3000家以上规上工业企业提供免费诊断服务。"
                     "二是建设省级数字化转型公共服务平台,面向中小企业推广解决方案。\n"
                     "省级财政设立制造业数字化转型专项资金,重点支持“智改数转”诊断服务、数字化改造示范项目和公共服务平台建设。\n";
  CheckEdges({
      // It opens the name before a head word; it ends the name after a qualifier.
      {text, "FUNDS", "制造业数字化转型专项资金", "智改数转诊断服务行动"},
      {text, "FUNDS", "制造业数字化转型专项资金", "数字化转型公共服务平台"},
      // A name it opens before more than a head word is another measure.
      {"某市方案\n\n实施数字化改造示范项目推广工作计划。设立制造业数字化转型专项资金,重点支持数字化改造示范项目。\n",
       "FUNDS", "制造业数字化转型专项资金", "数字化改造示范项目推广工作计划", false},
  });
}

TEST_CASE("A fund an item's heading names finances what the item's 用于 sentences name", "[ingest][relate]") {
  const char* budget = "芜湖市经济和信息化局2025年部门预算说明\n\n三、项目支出预算情况\n"
                       "(二)芜湖市中小企业发展专项资金6500万元。主要用于中小企业公共服务平台建设和小微企业融资担保降费奖补。\n"
                       "(四)工业互联网和数字经济发展资金1200万元。主要用于“皖企登云”工程。\n";
  CheckEdges({
      {budget, "FUNDS", "中小企业发展专项资金", "中小企业公共服务平台"},
      {budget, "FUNDS", "工业互联网和数字经济发展资金", "皖企登云工程"},
      // Not across items: each fund pays for its own item's uses.
      {budget, "FUNDS", "中小企业发展专项资金", "皖企登云工程", false},
  });
}

TEST_CASE("A sentence opening with the bare head 基金 continues the previous sentence's fund", "[ingest][relate]") {
  const char* text = "省政府召开常务会议\n\n会议研究了设立湖南省新兴产业发展基金有关事项。基金总规模200亿元,"
                     "采取“母基金+子基金”方式运作,重点投向人工智能、新材料等新兴产业。\n";
  CheckEdges({
      {text, "FUNDS", "湖南省新兴产业发展基金", "人工智能"},
      {text, "FUNDS", "湖南省新兴产业发展基金", "新材料"},
      // A quoted pattern of operation before 方式 names no fund.
      {text, "FUNDS", "母基金+子基金", "人工智能", false},
      // Without a fund in the sentence before, the bare head refers to nothing.
      {"某市要闻\n\n会议听取了工作汇报。基金重点投向人工智能、新材料等领域。\n", "FUNDS", "基金", "人工智能", false},
  });
}
