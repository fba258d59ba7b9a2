// RESPONSIBLE (ingest/relate_duties.cc), end to end on short texts: one row a
// pattern, with the edges it must not give.
#include "tests/ingest/extract_fixture.h"

using pkg::testing::CheckEdges;

TEST_CASE("The bodies that interpret or carry out 本办法 are responsible for the document's measure", "[ingest][relate]") {
  const char* rules = "合肥市促进产业发展若干措施\n\n一、支持企业发展。对企业给予奖励。\n\n"
                      "二、本措施由市发展改革委、市财政局负责解释。\n";
  const char* article = "合肥市产业发展专项资金管理办法\n\n第一条 为规范专项资金管理,制定本办法。\n\n"
                        "第十四条 本办法由市财政局会同市经济和信息化局负责解释。\n";
  CheckEdges({
      {rules, "RESPONSIBLE", "合肥市发展和改革委员会", "合肥市促进产业发展若干措施"},
      {rules, "RESPONSIBLE", "合肥市财政局", "合肥市促进产业发展若干措施"},
      // After an article marker and its space, each body joined by 会同.
      {article, "RESPONSIBLE", "合肥市财政局", "合肥市产业发展专项资金管理办法"},
      {article, "RESPONSIBLE", "合肥市经济和信息化局", "合肥市产业发展专项资金管理办法"},
      // A body named after the duty verb is not one of them.
      {"合肥市促进产业发展若干措施\n\n二、本措施由市财政局负责解释,市发展改革委配合。\n", "RESPONSIBLE",
       "合肥市发展和改革委员会", "合肥市促进产业发展若干措施", false},
  });
}

TEST_CASE("A label's bodies are responsible for the new fund, not the fund it is set up from", "[ingest][relate]") {
  const char* item = "某省意见\n\n(五)加大金融支持力度。发挥湖北省长江产业投资基金引导作用,联合社会资本设立总规模200亿元的"
                     "湖北省制造业高质量发展基金,重点投向集成电路。(牵头单位:湖北省财政厅、湖北省地方金融管理局)\n";
  CheckEdges({
      {item, "RESPONSIBLE", "湖北省财政厅", "湖北省制造业高质量发展基金"},
      {item, "RESPONSIBLE", "湖北省财政厅", "湖北省长江产业投资基金", false},
  });
}

TEST_CASE("A level's finance that sets up a fund stands for that level's finance department", "[ingest][relate]") {
  const char* set_up = "福建省新闻发布会\n\n福建省财政厅副厅长介绍有关情况。省级财政设立制造业数字化转型专项资金,2025年安排资金10亿元。\n";
  const char* passive = "苏州市未来产业天使投资基金管理办法\n\n第一条 为规范苏州市未来产业天使投资基金管理,制定本办法。\n"
                        "第二条 苏州市未来产业天使投资基金(以下简称天使基金)是由市级财政出资设立、按照市场化方式运作的政策性基金。\n"
                        "第四条 苏州市财政局履行出资人职责。\n";
  CheckEdges({
      {set_up, "RESPONSIBLE", "福建省财政厅", "制造业数字化转型专项资金"},
      // 由…出资设立: the fund named before.
      {passive, "RESPONSIBLE", "苏州市财政局", "未来产业天使投资基金"},
      // Another level's finance: the provincial department the text names is not it.
      {"福建省新闻发布会\n\n福建省财政厅副厅长介绍有关情况。市级财政设立制造业数字化转型专项资金,2025年安排资金10亿元。\n",
       "RESPONSIBLE", "福建省财政厅", "制造业数字化转型专项资金", false},
  });
}

TEST_CASE("由X会同Y负责 after a measure makes both bodies responsible for it", "[ingest][relate]") {
  const char* fund = "绍兴市某讲话\n\n设立总规模100亿元的绍兴市先进制造业产业基金,由市财政局会同市国资委负责组建运作。\n";
  CheckEdges({
      {fund, "RESPONSIBLE", "绍兴市财政局", "先进制造业产业基金"},
      {fund, "RESPONSIBLE", "绍兴市国有资产监督管理委员会", "先进制造业产业基金"},
      // X联合Y推出Z, X会同Y修订Z: the partner acts through the verb after it.
      {"苏州市某答复\n\n市地方金融管理局联合人民银行苏州市分行推出“数转贷”专项信贷产品。\n", "RESPONSIBLE",
       "中国人民银行苏州市分行", "数转贷"},
      {"苏州市某答复\n\n市地方金融管理局联合人民银行苏州市分行推出“数转贷”专项信贷产品。\n", "RESPONSIBLE",
       "苏州市地方金融管理局", "数转贷"},
      {"苏州市某答复\n\n二是由市工信局会同市财政局修订专项资金管理办法。\n", "RESPONSIBLE", "苏州市财政局", "专项资金管理办法"},
      // 配合 names no partner: the second body only helps.
      {"绍兴市某讲话\n\n建设工业互联网平台,市经信局负责,市财政局配合。\n", "RESPONSIBLE", "绍兴市财政局", "工业互联网平台",
       false},
  });
}

TEST_CASE("双方 after two actors makes both responsible for what they go on to build", "[ingest][relate]") {
  const char* news = "宿松县重大项目集中签约\n\n宿松经济开发区管理委员会同步与合肥工业大学签订产学研合作协议,"
                     "双方将共建宿松新能源电池产业技术研究院。\n";
  CheckEdges({
      {news, "RESPONSIBLE", "宿松经济开发区管理委员会", "宿松新能源电池产业技术研究院"},
      {news, "RESPONSIBLE", "合肥工业大学", "宿松新能源电池产业技术研究院"},
      // One actor is no pair.
      {"某县新闻\n\n合肥工业大学表示,双方将共建新能源电池产业技术研究院。\n", "RESPONSIBLE", "合肥工业大学",
       "新能源电池产业技术研究院", false},
  });
}
