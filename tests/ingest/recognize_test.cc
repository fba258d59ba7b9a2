// Tests for ingest/recognize.h and the recognisers of data/rules/items.tsv
// that session 8 added: each case is a sentence in the language of Chinese
// policy texts, run through the whole extractor, with the items it must (and
// must not) name. Tables of cases; one TEST_CASE per pattern.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "graph/schema.h"
#include "ingest/extractor.h"

using namespace pkg;

namespace {

const Extractor& TestExtractor() {
  static std::unique_ptr<Extractor> ex = [] {
    auto s = Schema::Load(std::string(PKG_TEST_DIR) + "/../data/schema.json");
    REQUIRE(s.ok());
    auto e = Extractor::Create(*s, std::string(PKG_TEST_DIR) + "/../data");
    REQUIRE(e.ok());
    return std::move(e).value();
  }();
  return *ex;
}

// The names of the nodes of `type` that the extractor gives for `text`.
std::vector<std::string> NodesOf(const std::string& text, const std::string& type) {
  std::vector<std::string> names;
  Status s = TestExtractor().Extract(DocumentInput{"test.txt", text, ""}, [&](Statement&& st) {
    if (auto* n = std::get_if<NodeStatement>(&st); n && n->type == type) names.push_back(n->name);
  });
  REQUIRE(s.ok());
  return names;
}

bool Has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

struct Case {
  const char* text;
  const char* type;
  const char* present;  // a node that must be there ("" for none)
  const char* absent;   // a node that must not be there ("" for none)
};

void Check(const Case& c) {
  INFO(c.text);
  auto names = NodesOf(c.text, c.type);
  if (*c.present) CHECK(Has(names, c.present));
  if (*c.absent) CHECK_FALSE(Has(names, c.absent));
}

}  // namespace

TEST_CASE("会同 between two bodies joins two agencies, not one name", "[ingest][recognize]") {
  const Case cases[] = {
      {"杭州市某行动计划\n\n市经信局会同市统计局建立产业统计监测制度。\n", "Agency", "杭州市统计局",
       "市经信局会同市统计局"},
      {"杭州市某行动计划\n\n市经信局会同市统计局建立产业统计监测制度。\n", "Agency", "杭州市经济和信息化局", ""},
      {"某省某办法\n\n省工信厅会同省财政厅委托第三方机构开展评审。\n", "Agency", "", "省工信厅会同省财政厅"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("适用 opening a scope clause (适用本条例, 适用本办法) names no policy", "[ingest][recognize]") {
  const Case cases[] = {
      {"某市智能制造促进条例\n\n第二条 本市行政区域内智能制造的推进、服务与保障等活动,适用本条例。\n", "Policy", "",
       "适用本条例"},
      {"某市专项资金管理办法\n\n第二条 专项资金的分配、使用和监督管理,适用本办法。\n", "Policy", "", "适用本办法"},
      {"某市专项资金管理办法\n\n第二条 专项资金的分配、使用和监督管理,适用本办法。\n", "Policy", "", "本办法"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("重点是 / 主要是 before a list stays out of the first item's name", "[ingest][recognize]") {
  const Case cases[] = {
      {"某市若干政策措施\n\n支持对象为零部件企业,重点是车规级芯片、汽车软件等领域。\n", "Industry", "车规级芯片",
       "重点是车规级芯片"},
      {"某市若干政策措施\n\n资金投向主要是工业软件、智能传感器等领域。\n", "Industry", "工业软件", "主要是工业软件"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a known sector at the tail of a longer list member names that member (工业机器人, not 机器人)",
          "[ingest][recognize]") {
  const Case cases[] = {
      {"某市条例\n\n支持开展工业软件、智能传感器、工业机器人等领域技术攻关。\n", "Industry", "工业机器人", "机器人"},
      {"某市方案\n\n开展深海探测装备、水下机器人等关键技术攻关。\n", "Industry", "水下机器人", "机器人"},
      {"某市方案\n\n围绕新一代电子信息、高端装备制造等战略性产业集群开展精准招商。\n", "Industry", "新一代电子信息",
       "电子信息"},
      // Not a list member: the known sector stands, no compound.
      {"某市方案\n\n对新认定的国家级智能制造示范工厂给予奖励。\n", "Industry", "", "国家级智能制造"},
      // A group or a verb no rule lists before the sector opens no compound.
      {"某市方案\n\n支持企业人工智能应用。\n", "Industry", "", "企业人工智能"},
      {"某市方案\n\n(二)夯实工业互联网和算力支撑\n", "Industry", "", "夯实工业互联网"},
      // Firms of a list stay firms.
      {"某省方案\n\n支持国鸿氢能、鸿基创能等企业做大做强。\n", "Industry", "", "国鸿氢能"},
      {"某省方案\n\n支持国鸿氢能、鸿基创能等企业做大做强。\n", "Enterprise", "国鸿氢能", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a host after 发挥 / 依托 keeps its region (发挥重庆产业投资母基金的引导作用)", "[ingest][recognize]") {
  const Case cases[] = {
      {"某市若干政策措施\n\n发挥重庆产业投资母基金的引导作用,设立汽车零部件子基金。\n", "Fund", "重庆产业投资母基金",
       "产业投资母基金"},
      {"某市若干政策措施\n\n发挥北京市人工智能产业投资基金、北京市信息产业发展投资基金的引导作用。\n", "Fund",
       "北京市人工智能产业投资基金", "人工智能产业投资基金"},
      // A subject with its own verb after a verb of support is still no part of the name.
      {"某市方案\n\n支持中国科学院天津工业生物技术研究所开展菌种创制等底层技术攻关。\n", "Initiative", "",
       "中国科学院天津工业生物技术研究所开展菌种创制"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("an administrative mode (审批模式, 供地模式, 监管模式) is a Policy, a new model tried is a Pilot", "[ingest][recognize]") {
  const Case cases[] = {
      {"某县新闻\n\n实行“拿地即开工”审批模式,为落户企业提供全生命周期服务。\n", "Policy", "拿地即开工审批模式", ""},
      {"某县新闻\n\n实行“拿地即开工”审批模式,为落户企业提供全生命周期服务。\n", "Pilot", "", "拿地即开工审批模式"},
      {"某区简介\n\n实行“标准地+承诺制”供地模式。\n", "Policy", "标准地+承诺制供地模式", ""},
      {"某市方案\n\n推广M0土地混合利用新模式。\n", "Pilot", "M0土地混合利用新模式", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("应当 / 可以 after a subject end its name: a fund named by its owner is read (市政府产业基金应当…)",
          "[ingest][recognize]") {
  const Case cases[] = {
      {"温州市智能制造促进条例\n\n第十三条 市政府产业基金应当加大对智能制造领域的投资。\n", "Fund", "市政府产业基金", ""},
      {"某市专项资金管理办法\n\n第八条 专项资金可以注资某市新动能产业投资基金。\n", "Fund", "某市新动能产业投资基金", ""},
      // A name holding the modal is a clause, not a name.
      {"某市条例\n\n第五条 市工业和信息化主管部门应当建立智能制造统计制度。\n", "Policy", "智能制造统计制度",
       "市工业和信息化主管部门应当建立智能制造统计制度"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a sector list closed by 等 and a category may be the subject of the verb after it", "[ingest][recognize]") {
  const Case cases[] = {
      {"某市条例\n\n第七条 鼓励电气、鞋服、汽车零部件、泵阀等传统优势产业开展智能化技术改造。\n", "Industry", "鞋服", ""},
      {"某市条例\n\n第七条 鼓励电气、鞋服、汽车零部件、泵阀等传统优势产业开展智能化技术改造。\n", "Industry", "泵阀", ""},
      // A scope (在…等领域) lists application fields, not sectors.
      {"某市方案\n\n在政务、金融、电力等领域开展量子通信应用。\n", "Industry", "", "金融"},
      // A verb between 等 and the sector word: no category.
      {"某市方案\n\n支持海淀、昌平、亦庄等区布局一批未来产业创新集聚区。\n", "Industry", "", "昌平"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a count may stand between 等 and a list's category (A、B等5个万亿级支柱产业)", "[ingest][recognize]") {
  const Case cases[] = {
      {"某省意见\n\n聚焦汽车制造、大健康、现代农产品加工等5个万亿级支柱产业,打造产业集群。\n", "Industry", "大健康", ""},
      {"某省意见\n\n聚焦汽车制造、大健康、现代农产品加工等5个万亿级支柱产业,打造产业集群。\n", "Industry", "现代农产品加工", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a count range before a name is no part of it (培育2至3个X平台, 3—5家)", "[ingest][recognize]") {
  const Case cases[] = {
      {"某省方案\n\n培育2至3个跨行业跨领域工业互联网平台。\n", "Platform", "跨行业跨领域工业互联网平台",
       "2至3个跨行业跨领域工业互联网平台"},
      {"某省方案\n\n建设三至五个省级制造业创新中心。\n", "Platform", "制造业创新中心", "三至五个省级制造业创新中心"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a government's press office is named in full (X省人民政府新闻办公室), also as X省政府新闻办", "[ingest][recognize]") {
  const Case cases[] = {
      {"福建省政府新闻办举行新闻发布会\n\n今天的新闻发布会到此结束。\n", "Agency", "福建省人民政府新闻办公室", "福建省人民政府"},
      {"某发布会\n\n来源:合肥市人民政府新闻办公室\n\n市政府新闻办举行发布会。\n", "Agency", "合肥市人民政府新闻办公室", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("X领域重点发展A和B: two members joined by 和 alone are parts of the field", "[ingest][recognize]") {
  const Case cases[] = {
      {"某市实施方案\n\n未来制造领域重点发展人形机器人和智能传感器;未来能源领域重点发展氢能和新型储能。\n", "Industry",
       "智能传感器", "人形机器人和智能传感器"},
      {"某市实施方案\n\n未来制造领域重点发展人形机器人和智能传感器;未来能源领域重点发展氢能和新型储能。\n", "Industry",
       "未来制造", ""},
      // A fixed compound holding 和 is one item.
      {"某市实施方案\n\n信息领域重点发展工业和信息化软件。\n", "Industry", "", "信息化软件"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("the nodes of the industrial-internet identifier system are platforms (二级节点, 国家顶级节点)", "[ingest][recognize]") {
  const Case cases[] = {
      {"某省规划\n\n加快建设工业互联网标识解析二级节点和“映山红”工业互联网平台。\n", "Platform", "工业互联网标识解析二级节点",
       "工业互联网标识解析二级节点和映山红工业互联网平台"},
      {"某省意见\n\n建设工业互联网标识解析国家顶级节点(武汉),打造一批智能工厂。\n", "Platform", "工业互联网标识解析国家顶级节点", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("建有 / 设有 govern an object like 建设 (开发区建有A、B和C)", "[ingest][recognize]") {
  const Case cases[] = {
      {"某开发区简介\n\n开发区建有光伏产业园和电子信息产业园。\n", "Platform", "电子信息产业园", "开发区建有光伏产业园"},
      {"某开发区简介\n\n园区设有新能源汽车产业园、电子信息产业园。\n", "Platform", "新能源汽车产业园", "园区设有新能源汽车产业园"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a short title set after the 文号 in the same bracket, or used before its bracket, names the cited item",
          "[ingest][recognize]") {
  const Case cases[] = {
      {"某市政策解读\n\n近日,某市印发《某市加快未来产业创新发展实施方案》(某政办发〔2025〕2号,以下简称《实施方案》)。"
       "《实施方案》提出,建设概念验证中心。\n",
       "Initiative", "某市加快未来产业创新发展实施方案", "实施方案"},
      {"某市政策问答\n\n问:《若干政策措施》出台的背景是什么?\n答:某市制定了《某市支持汽车零部件产业发展若干政策措施》"
       "(某经信发〔2025〕31号,以下简称《若干政策措施》)。\n",
       "Policy", "某市支持汽车零部件产业发展若干政策措施", "若干政策措施"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("每款 / 每月 / 每项 / 连续 before a subsidy's head name no subsidy", "[ingest][recognize]") {
  const Case cases[] = {
      {"某市若干政策措施\n\n对首次通过车规级认证的芯片产品,每款奖励100万元。\n", "Policy", "", "每款奖励"},
      {"某开发区简介\n\n对新引进的硕士以上学历人才,给予生活补贴,连续补贴3年。\n", "Policy", "", "连续补贴"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a firm's or university's name ends before the verb it governs (X大学共建Y)", "[ingest][recognize]") {
  const Case cases[] = {
      {"某区若干措施\n\n支持企业联合中国科学技术大学、合肥工业大学共建新能源汽车零部件创新联合体。\n", "Enterprise", "合肥工业大学",
       ""},
      {"某区若干措施\n\n支持企业联合中国科学技术大学、合肥工业大学共建新能源汽车零部件创新联合体。\n", "Platform",
       "新能源汽车零部件创新联合体", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a 工作专班 is a working mechanism (Policy), a 领导小组 a body (Agency)", "[ingest][recognize]") {
  const Case cases[] = {
      {"某省意见\n\n建立省推进新型工业化工作专班,统筹推进重大事项。\n", "Policy", "省推进新型工业化工作专班", ""},
      {"某省意见\n\n建立省推进新型工业化工作专班,统筹推进重大事项。\n", "Agency", "", "省推进新型工业化工作专班"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("中央 alone opens a fiscal term, not the party centre (中央财政资金)", "[ingest][recognize]") {
  const Case cases[] = {
      {"某部通知\n\n通过中央财政资金支持地方政府开展试点。\n", "Agency", "", "党中央"},
      // (党中央、国务院 owning a directive carried out are weak: recognize_lexicon.cc, DirectiveOwner.)
      {"某省意见\n\n国务院印发《关于促进低空经济发展的意见》,中央财政资金予以支持。\n", "Agency", "国务院", "党中央"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("an indicator's subject drops a whole list of places before it (青岛、烟台、威海三大X基地产值)", "[ingest][recognize]") {
  const Case cases[] = {
      {"山东省某行动方案\n\n到2027年,青岛、烟台、威海三大海洋装备制造基地产值占全省比重达到70%。\n", "Indicator",
       "三大海洋装备制造基地产值占全省比重", "、烟台、威海三大海洋装备制造基地产值占全省比重"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a registered firm's name keeps its region: in a firm list, and before a verb-like word (城市建设)",
          "[ingest][recognize]") {
  const Case cases[] = {
      // The first member after an agency and 与, and one after 、: the actor strip took 安徽 and 江苏.
      {"某县招商新闻\n\n签约仪式上,宿松县人民政府与安徽华储新能源科技有限公司、江苏恒拓智能装备有限公司等12家企业分别签订投资协议。\n",
       "Enterprise", "江苏恒拓智能装备有限公司", "恒拓智能装备有限公司"},
      {"某县招商新闻\n\n签约仪式上,宿松县人民政府与安徽华储新能源科技有限公司、江苏恒拓智能装备有限公司等12家企业分别签订投资协议。\n",
       "Enterprise", "安徽华储新能源科技有限公司", "华储新能源科技有限公司"},
      // 建设 inside a firm's name is read as a verb; four characters back reach the region.
      {"某县招商新闻\n\n宿松县设立产业发展引导基金,由宿松县城市建设投资集团有限公司作为出资主体。\n", "Enterprise",
       "宿松县城市建设投资集团有限公司", "投资集团有限公司"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a plain-text table row's value cell takes its subject from the cell before it (项目单位满意度 ≥90%)",
          "[ingest][recognize]") {
  const char* table =
      "某省资金通知\n\n区域绩效目标表\n\n一级指标 二级指标 三级指标 指标值\n"
      "产出指标 数量指标 首台(套)重大技术装备投保项目数量 ≥45个\n效益指标 经济效益指标 带动企业技术改造投资 ≥150亿元\n"
      "满意度指标 服务对象满意度指标 项目单位满意度 ≥90%\n";
  const Case cases[] = {
      // A count named with 数量 already gets no second one.
      {table, "Indicator", "首台(套)重大技术装备投保项目数量", "首台(套)重大技术装备投保项目数量数量"},
      {table, "Indicator", "带动企业技术改造投资", ""},
      {table, "Indicator", "项目单位满意度", ""},
      // A cell holding a number of its own lends no subject (a header row, an allocation table).
      {"某省资金通知\n\n单位:万元\n1 合肥市 9850 4200\n", "Indicator", "", "合肥市"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a demonstration or trial network (示范网络, 试验示范网) is a Pilot", "[ingest][recognize]") {
  const Case cases[] = {
      {"某市新闻\n\n在政务、金融、电力等领域建设量子保密通信示范网络,推动应用。\n", "Pilot", "量子保密通信示范网络", "量子保密通信示范"},
      {"某市新闻\n\n据介绍,合肥城域量子通信试验示范网已覆盖市区主要政务部门。\n", "Pilot", "合肥城域量子通信试验示范网", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("an amount right after a fund's name is the fund's, not an indicator (统筹X专项资金不少于3亿元)",
          "[ingest][recognize]") {
  const Case cases[] = {
      {"某市工作要点\n\n(二)加大资金支持。统筹市工业和信息化专项资金不少于3亿元,用于支持智改数转项目。\n", "Indicator", "",
       "市工业和信息化专项资金"},
      // 下达 governs the fund it allocates, whose batch stays out of an indicator too.
      {"某省通知\n\n经审核,现下达2026年省制造业高质量发展专项资金(第一批)38600万元,用于支持企业技术改造。\n", "Fund",
       "省制造业高质量发展专项资金", "现下达2026年省制造业高质量发展专项资金"},
      {"某省通知\n\n经审核,现下达2026年省制造业高质量发展专项资金(第一批)38600万元,用于支持企业技术改造。\n", "Indicator", "",
       "现下达2026年省制造业高质量发展专项资金(第一批)"},
      // An indicator of a sector's output keeps its amount.
      {"某市方案\n\n到2027年,全市集成电路产业规模达到1000亿元。\n", "Indicator", "集成电路产业规模", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a purpose clause's goal neither starts after a list item's verb nor holds an amount", "[ingest][recognize]") {
  const char* text =
      "某省通知\n\n为贯彻落实《某省制造业高质量发展专项资金管理办法》,现下达2026年省制造业高质量发展专项资金(第一批)38600万元,"
      "用于支持制造业数字化转型、智能工厂建设、首台(套)重大技术装备推广应用和专精特新中小企业培育。\n";
  const Case cases[] = {
      {text, "Goal", "", "专项资金(第一批)38600万元"},
      {text, "Goal", "", "、首台(套)重大技术装备推广应用和专精特新中小企业培育"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a measure named after a list's 、 starts there (智能化技术改造、工业互联网平台建设)", "[ingest][recognize]") {
  const Case cases[] = {
      {"某市条例\n\n市人民政府设立智能制造专项资金,用于支持智能化技术改造、工业互联网平台建设和人才培养。\n", "Platform",
       "工业互联网平台", "智能化技术改造、工业互联网平台"},
      {"某省办法\n\n第三条 专项资金采取以奖代补、贷款贴息、股权投资等方式予以支持。\n", "Policy", "", "以奖代补、贷款贴息"},
      // A head right after the 、 names no item of its own from the list before it.
      {"某省通知\n\n现下达专项资金,用于支持制造业数字化转型、智能工厂建设和专精特新中小企业培育。\n", "Platform", "",
       "制造业数字化转型、智能工厂"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a known fund, agency or firm before a governing verb (投资) is its subject, not part of the object's name",
          "[ingest][recognize]") {
  const char* text = "某部通知\n\n鼓励国家制造业转型升级基金、国家中小企业发展基金投资中试平台和中试服务机构。\n";
  const Case cases[] = {
      {text, "Fund", "国家中小企业发展基金", ""},
      {text, "TargetGroup", "", "国家中小企业发展基金投资中试平台和中试服务机构"},
      // 投资 governs its object: a heading "基金投资和贷款贴息" names the 贴息 policy alone.
      {"某区措施\n\n第七条 基金投资和贷款贴息。对生物医药企业给予贴息支持。\n", "Policy", "", "基金投资和贷款贴息"},
      // A fund's own name keeps its verb-like words (产业投资基金).
      {"某区措施\n\n发挥广州开发区生物医药产业投资基金引导作用。\n", "Fund", "广州开发区生物医药产业投资基金", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a fund named for two aims joined by 和 is one fund (产业基础再造和制造业高质量发展专项资金)", "[ingest][recognize]") {
  const char* text = "某部指南\n\n中央财政通过产业基础再造和制造业高质量发展专项资金,对国家制造业中试平台建设给予支持。\n";
  const Case cases[] = {
      {text, "Fund", "产业基础再造和制造业高质量发展专项资金", "制造业高质量发展专项资金"},
      {text, "Fund", "", "中央财政通过产业基础再造专项资金"},
      // A programme named for two aims is still two programmes.
      {"某省方案\n\n实施产业基础再造和重点产业链高质量发展工程。\n", "Initiative", "产业基础再造工程", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("an infrastructure network built by policy (低空智联网, 算力网, 专网) is a Platform", "[ingest][recognize]") {
  const Case cases[] = {
      {"某省意见\n\n推进机场改扩建工程,建设低空智联网,实现重点区域低空通信全覆盖。\n", "Platform", "低空智联网", ""},
      {"某市方案\n\n加快建设城市算力网,推动算力资源统一调度。\n", "Platform", "城市算力网", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("an enumerator inside a line (附件:1.2026年…) opens no name", "[ingest][recognize]") {
  const char* text = "某省通知\n\n附件:1.2026年省制造业高质量发展专项资金(第一批)分配表\n     2.区域绩效目标表\n";
  const Case cases[] = {
      {text, "Fund", "", "1.2026年省制造业高质量发展专项资金"},
  };
  for (const Case& c : cases) Check(c);
  // A decimal stays a number: 1.5亿元 opens no name either way, and no Fund is cut from it.
  CHECK_FALSE(Has(NodesOf("某市方案\n\n设立规模1.5亿元的天使投资基金。\n", "Fund"), "5亿元的天使投资基金"));
}

TEST_CASE("制造业 is a generic (weak) sector: a node only where an edge uses it, and it still names its firms",
          "[ingest][recognize]") {
  const Case cases[] = {
      // Inside a goal's phrase it names no sector of its own.
      {"某省规划\n\n第一节 指导思想\n\n全面推进制造业数字化转型,为建设制造强省提供有力支撑。\n", "Industry", "", "制造业"},
      // Its firms are a group (SectorBefore accepts a weak sector of three characters or more).
      {"某部通知\n\n一、工作目标\n\n聚焦制造业中小企业,以城市为载体推动数字化转型。\n", "TargetGroup", "制造业中小企业", ""},
      // 工业 alone still names no firms: 工业企业 only where the clause aims at someone.
      {"某市通知\n\n推动工业企业开展技术改造。\n", "TargetGroup", "", "工业企业"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("工业互联网 is a generic (weak) field: named inside a platform's name it is no sector node", "[ingest][recognize]") {
  const Case cases[] = {
      {"某市工作要点\n\n一、重点任务\n\n加快建设工业互联网标识解析二级节点,培育工业互联网平台。\n", "Industry", "", "工业互联网"},
      {"某市工作要点\n\n一、重点任务\n\n加快建设工业互联网标识解析二级节点,培育工业互联网平台。\n", "Platform", "工业互联网标识解析二级节点", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("places named as the subject of their own verb stay out of the object (支持A市、B市做好X试点工作)", "[ingest][recognize]") {
  const char* text = "某省工作要点\n\n(三)推进城市试点。支持长沙市、株洲市、湘潭市做好国家中小企业数字化转型城市试点工作,每个城市打造样板。\n";
  const Case cases[] = {
      {text, "Pilot", "国家中小企业数字化转型城市试点", "做好国家中小企业数字化转型城市试点"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a Latin abbreviation in brackets is cut from an indicator's name and kept in an alias (R&D)", "[ingest][recognize]") {
  const char* text = "某市统计公报\n\n全年研究与试验发展(R&D)经费支出占地区生产总值比重为3.45%。\n";
  const Case cases[] = {
      {text, "Indicator", "研究与试验发展经费支出占地区生产总值比重", "研究与试验发展(R&D)经费支出占地区生产总值比重"},
  };
  for (const Case& c : cases) Check(c);
  bool alias = false;
  Status s = TestExtractor().Extract(DocumentInput{"test.txt", text, ""}, [&](Statement&& st) {
    if (auto* n = std::get_if<NodeStatement>(&st); n && n->type == "Indicator") {
      alias |= std::find(n->aliases.begin(), n->aliases.end(), "研究与试验发展(R&D)经费支出占地区生产总值比重") != n->aliases.end();
    }
  });
  REQUIRE(s.ok());
  CHECK(alias);
}

TEST_CASE("a super node of an identifier network is a platform (“星火·链网”超级节点)", "[ingest][recognize]") {
  const Case cases[] = {
      {"某省方案\n\n推进工业互联网创新发展工程,加快建设“星火·链网”超级节点(福州)。\n", "Platform", "星火·链网超级节点", ""},
      {"某省方案\n\n推进工业互联网创新发展工程,加快建设“星火·链网”超级节点(福州)。\n", "Goal", "", "星火·链网"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("汇聚 aims a clause at the group it gathers; a counted heading clause states no goal", "[ingest][recognize]") {
  const char* text = "某省方案\n\n一是实施诊断服务行动。二是建设省级数字化转型公共服务平台,汇聚数字化转型服务商500家以上。\n";
  const Case cases[] = {
      {text, "TargetGroup", "数字化转型服务商", ""},
      {text, "Goal", "", "汇聚数字化转型服务商500家以上"},
      {text, "Indicator", "数字化转型服务商数量", "汇聚数字化转型服务商数量"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a budget line named for what it pays for is one fund (智能工厂和数字化车间建设奖补资金)", "[ingest][recognize]") {
  const char* text =
      "某省通知\n\n其中,按因素法下达智能工厂和数字化车间建设奖补资金18000万元,按项目法下达首台(套)重大技术装备保险补偿资金"
      "12600万元、专精特新“小巨人”企业奖励资金8000万元。\n";
  const Case cases[] = {
      {text, "Fund", "智能工厂和数字化车间建设奖补资金", "数字化车间建设奖补资金"},
      {text, "Platform", "", "按因素法下达智能工厂"},
      {text, "Fund", "首台(套)重大技术装备保险补偿资金", ""},
      {text, "Fund", "专精特新小巨人企业奖励资金", ""},
      // A generic head with no item named before it is no fund.
      {"某市通知\n\n对弄虚作假的,予以通报并收回奖补资金。\n", "Fund", "", "予以通报并收回奖补资金"},
      {"某市办法\n\n奖励资金从市工业和信息化专项资金中列支。\n", "Fund", "", "奖励资金"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("paperwork that carries a measure out is no programme (资金分配方案, 年度使用计划, 年度工作计划)", "[ingest][recognize]") {
  const Case cases[] = {
      {"某省专项资金管理办法\n\n第五条 省财政厅会同省工信厅制定资金分配方案。\n", "Initiative", "", "资金分配方案"},
      {"某市专项资金管理办法\n\n第四条 市工信局负责编制专项资金年度使用计划。\n", "Initiative", "", "专项资金年度使用计划"},
      {"某市工作要点\n\n各区要对照本要点制定年度工作计划。\n", "Initiative", "", "年度工作计划"},
      // A programme is still one.
      {"某市方案\n\n实施中小企业数字化转型行动计划。\n", "Initiative", "中小企业数字化转型行动计划", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("按照X认定工作安排 names the year's recognition round; the name as written with its place is an alias", "[ingest][recognize]") {
  const char* text =
      "关于2025年度浙江省专精特新中小企业拟认定名单的公示\n\n按照2025年度浙江省专精特新中小企业认定工作安排,经企业自愿申报、专家评审,"
      "拟认定12家企业为2025年度浙江省专精特新中小企业,现予以公示。\n";
  const Case cases[] = {
      {text, "Initiative", "专精特新中小企业认定工作", "专精特新中小企业认定工作安排"},
  };
  for (const Case& c : cases) Check(c);
  bool alias = false;
  Status s = TestExtractor().Extract(DocumentInput{"test.txt", text, ""}, [&](Statement&& st) {
    if (auto* n = std::get_if<NodeStatement>(&st); n && n->type == "Initiative") {
      alias |= std::find(n->aliases.begin(), n->aliases.end(), "浙江省专精特新中小企业认定工作") != n->aliases.end();
    }
  });
  REQUIRE(s.ok());
  CHECK(alias);
}

TEST_CASE("an evaluative predicate (X是…的关键举措) names no policy", "[ingest][recognize]") {
  const Case cases[] = {
      {"某省方案\n\n推进制造业数字化转型,是加快推进新型工业化、建设现代化产业体系的关键举措。\n", "Policy", "", "关键举措"},
      {"某市若干措施\n\n出台支持集成电路产业发展的若干举措。\n", "Policy", "", "关键举措"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a budget allocation (安排资金10亿元) is no indicator", "[ingest][recognize]") {
  const char* text = "某省方案\n\n省级财政设立制造业数字化转型专项资金,2025年安排资金10亿元,重点支持诊断服务。\n";
  const Case cases[] = {
      {text, "Indicator", "", "安排资金"},
      {text, "Fund", "制造业数字化转型专项资金", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a page's related-stories line (相关稿件, 相关文件) ends the document text", "[ingest][recognize]") {
  const char* text =
      "某省新闻发布会\n\n省级财政设立制造业数字化转型专项资金,重点支持诊断服务。\n【关闭窗口】\n"
      "相关稿件: 某省工业和信息化厅关于开展2025年智能制造示范工厂遴选工作的通知 | 某省数字经济发展工作要点\n";
  const Case cases[] = {
      {text, "Fund", "制造业数字化转型专项资金", ""},
      {text, "Industry", "", "智能制造"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a platform named by a long head word alone repeats the earlier platform ending in it", "[ingest][recognize]") {
  const char* text =
      "某省方案\n\n四是建设省级数字化转型公共服务平台,面向中小企业提供服务。\n"
      "省级财政设立制造业数字化转型专项资金,重点支持诊断服务和公共服务平台建设。\n";
  const Case cases[] = {
      {text, "Platform", "数字化转型公共服务平台", "公共服务平台"},
  };
  for (const Case& c : cases) Check(c);
}

// The figures' (name, period, target) of the Indicator nodes for `text`.
static std::vector<std::string> FiguresOf(const std::string& text) {
  std::vector<std::string> out;
  Status s = TestExtractor().Extract(DocumentInput{"test.txt", text, ""}, [&](Statement&& st) {
    auto* n = std::get_if<NodeStatement>(&st);
    if (!n || n->type != "Indicator") return;
    const Value* p = FindProperty(n->props, "period");
    const Value* t = FindProperty(n->props, "target");
    out.push_back(n->name + "|" + (p ? p->ToDisplay() : "") + "|" + (t ? t->ToDisplay() : ""));
  });
  REQUIRE(s.ok());
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("a period opening a paragraph dates its figures; a restated figure keeps its period",
          "[ingest][recognize]") {
  struct Case {
    std::string text;
    std::vector<std::string> want;
  };
  const std::string head = "某市工作会议讲话\n发布日期:2025-03-07\n\n";
  const Case cases[] = {
      // "2024年," opens the paragraph; "今年" opens the next, whose 目标 makes targets.
      {head + "2024年,全市工业经济稳中有进。全年规上工业增加值增长8.2%。\n"
              "今年的总体要求是稳中求进。主要目标是:规上工业增加值增长7.5%以上。\n",
       {"规上工业增加值增长|2024年|", "规上工业增加值增长|2025年|true"}},
      // 去年 is the year before the document's.
      {head + "去年,全市经济回升向好。规上工业增加值增长6.1%。\n", {"规上工业增加值增长|2024年|"}},
      // A year inside the paragraph, not at its start, dates nothing else.
      {head + "全市经济回升向好,2023年基数较高。规上工业增加值增长6.1%。\n", {"规上工业增加值增长||"}},
      // The same figure restated in a task below is the same node.
      {head + "2025年,新培育省级智能制造示范工厂50家。\n2.开展智能制造示范。新培育省级智能制造示范工厂50家。\n",
       {"新培育省级智能制造示范工厂数量|2025年|"}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(FiguresOf(c.text) == c.want);
  }
}

TEST_CASE("a speech's strategies, reforms, means and subjects are named as such", "[ingest][recognize]") {
  const Case cases[] = {
      // 战略 after the quotes: the slogan is a goal, not an initiative.
      {"某市讲话\n\n坚定不移实施“制造强市”战略。\n", "Goal", "制造强市", ""},
      {"某市讲话\n\n坚定不移实施“制造强市”战略。\n", "Initiative", "", "制造强市"},
      // 改革 after the quotes: a policy named with its word.
      {"某市讲话\n\n深化“亩均论英雄”改革,盘活低效工业用地。\n", "Policy", "亩均论英雄改革", ""},
      {"某市讲话\n\n深化“亩均论英雄”改革,盘活低效工业用地。\n", "Initiative", "", "亩均论英雄"},
      // "我讲三点意见" is the speaker's outline, no policy.
      {"某市讲话\n\n下面,我讲三点意见。\n", "Policy", "", "我讲三点意见"},
      // 落实好 governs the policy; 好 is no part of its name.
      {"某市讲话\n\n落实好研发费用加计扣除等政策,让企业应享尽享。\n", "Policy", "研发费用加计扣除政策",
       "好研发费用加计扣除政策"},
      // 以X为契机 / 为抓手: X is named.
      {"某市讲话\n\n要以中小企业数字化转型城市试点为契机,开展免费诊断服务。\n", "Pilot", "中小企业数字化转型城市试点", ""},
      // A heading clause opened by a governing verb that is no heading verb states an action, not a goal.
      {"某市答复\n\n下一步重点做好以下工作:一是用好试点政策;三是依托公共服务平台,组建数字化转型专家服务团。\n", "Goal", "",
       "组建数字化转型专家服务团"},
      // A party committee in an official's title is no actor; nor is the title itself.
      {"宿松县某新闻\n\n县委书记、县长出席仪式并见证签约,县委常委、常务副县长主持。\n", "Agency", "", "中共宿松县委员会"},
      {"宿松县某新闻\n\n县委书记、县长出席仪式并见证签约,县委常委、常务副县长主持。\n", "Agency", "", "县委常委"},
      // An item marker's ) is no part of a compound sector; a 发展资金 with its amount is a fund.
      {"某局预算说明\n\n三、项目支出\n(三)机器人及智能装备产业发展资金4000万元。\n", "Industry", "", "三)机器人"},
      {"某局预算说明\n\n三、项目支出\n(三)机器人及智能装备产业发展资金4000万元。\n", "Fund", "机器人及智能装备产业发展资金", ""},
      // A heading that names a sum of money states no goal.
      {"某局预算说明\n\n三、项目支出\n(一)芜湖市制造业高质量发展专项资金32000万元。主要用于支持企业技术改造。\n", "Goal", "",
       "专项资金32000万元"},
      // 入驻 governs the park.
      {"某局预算说明\n\n对入驻芜湖机器人产业园的重点企业给予研发补助。\n", "Platform", "芜湖机器人产业园", "入驻芜湖机器人产业园"},
      // A platform as the subject of 建成投用 / 争创.
      {"某市讲话\n\n集成电路产业创新中心建成投用。\n", "Platform", "集成电路产业创新中心", ""},
      {"某市讲话\n\n支持集成电路产业创新中心争创国家级制造业创新中心。\n", "Platform", "集成电路产业创新中心", ""},
  };
  for (const Case& c : cases) Check(c);
}
