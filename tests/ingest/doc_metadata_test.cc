// Tests for ingest/doc_metadata.h: title, publisher, date, 文号, reprint source.
#include <catch2/catch.hpp>

#include <string>

#include "ingest/doc_metadata.h"

using namespace pkg::ingest;

TEST_CASE("ParseDateAt reads the date forms of policy texts", "[ingest][metadata]") {
  struct Case {
    std::string text, date;
  };
  const Case cases[] = {{"2025年12月29日", "2025-12-29"}, {"2025-12-29 10:00", "2025-12-29"}, {"2025.3.6", "2025-03-06"},
                        {"2025/03/06", "2025-03-06"},   {"2025年3月", "2025-03"},           {"2025年", "2025"},
                        {"1234年", ""},                 {"20251229", ""},                  {"2025年13月1日", "2025"}};
  for (const auto& c : cases) {
    INFO(c.text);
    size_t len = 0;
    CHECK(ParseDateAt(c.text, 0, &len) == c.date);
  }
}

TEST_CASE("FindDocNumber finds 文号 in their bracket styles", "[ingest][metadata]") {
  struct Case {
    std::string text, number;
  };
  const Case cases[] = {{"见沪经信规〔2025〕3号文", "见沪经信规〔2025〕3号"},
                        {"(国发[2025]11号)", "国发[2025]11号"},
                        {"工信厅科函(2024)346号", "工信厅科函(2024)346号"},
                        {"2025年3号", ""},
                        // Words before a cited number are not part of it.
                        {"为落实国发〔2025〕11号文件精神", "国发〔2025〕11号"},
                        {"根据工信厅科函〔2024〕346号", "工信厅科函〔2024〕346号"},
                        // Five digits are no year; a bracket with no issuer before it is no 文号.
                        {"国发〔20251〕11号", ""},
                        {"〔2025〕11号", ""},
                        {"2025、2026,国发【2026】7号", "国发【2026】7号"},
                        // The first of several, whatever its bracket style.
                        {"京政发[2024]5号和沪府发〔2025〕8号", "京政发[2024]5号"}};
  for (const auto& c : cases) {
    INFO(c.text);
    auto [b, e] = FindDocNumber(c.text, 0);
    CHECK((b == std::string::npos ? std::string() : c.text.substr(b, e - b)) == c.number);
  }
  // From an offset: the next one at or after it, its bracket included.
  const std::string two = "京政发[2024]5号和沪府发〔2025〕8号";
  const size_t second = two.find("沪府发");
  auto [b, e] = FindDocNumber(two, two.find("和") + 3);
  CHECK(b == second);
  CHECK(two.substr(b, e - b) == "沪府发〔2025〕8号");
  // Starting at the bracket itself: found, as the bracket is at or after `from`.
  auto [b2, e2] = FindDocNumber(two, two.find("〔"));
  CHECK(b2 != std::string::npos);
  auto [b3, e3] = FindDocNumber(two, two.find("〔") + 1);
  CHECK(b3 == std::string::npos);
  (void)e2;
  (void)e3;
}

TEST_CASE("ReadMetadata reads the head and tail of a document", "[ingest][metadata]") {
  RuleSet rules;
  REQUIRE(rules.AddText("meta.publisher\tmeta_label\tpublisher\t来源|发布机构\n"
                        "meta.date\tmeta_label\tdate\t日期|发布日期\n"
                        "meta.docnum\tmeta_label\tdoc_number\t发文字号\n"
                        "meta.reprint\treprint\treprinted_from\t转载自\n"
                        "doc_head.policy\tdoc_head\tPolicy\t通知|意见\n",
                        "test")
              .ok());
  struct Case {
    const char* what;
    std::string text;
    std::string title, publisher, date, number, reprint, issuer;
  };
  const Case cases[] = {
      {"news reprint", "机构甲:强化高端产业引领功能\n来源:高新院 achie.org 日期:2025-12-29 点击:次\n正文。\n(转载自:某某公众号)\n",
       "机构甲:强化高端产业引领功能", "高新院", "2025-12-29", "", "某某公众号", "机构甲"},
      {"notice with number and signature", "某某市人民政府关于印发某方案的通知\n某府发〔2025〕3号\n各区:\n正文。\n某某市人民政府\n2025年4月8日\n",
       "某某市人民政府关于印发某方案的通知", "", "2025-04-08", "某府发〔2025〕3号", "", ""},
      {"labelled fields", "发布机构:某部\n发文字号:某发〔2024〕1号\n关于推进某事的意见\n正文。\n", "关于推进某事的意见", "某部", "",
       "某发〔2024〕1号", "", ""},
      {"number cited in the first sentence", "某区关于推动某事的若干措施\n为落实国发〔2025〕11号文件精神,结合本区实际,制定本措施。\n",
       "某区关于推动某事的若干措施", "", "", "", "", ""},
      {"regulation with its announcement", "某市促进某产业条例\n(2025年8月27日某市人大常委会通过)\n某市人民代表大会常务委员会公告\n第35号\n《某市促进某产业条例》现予公布。\n某市人民代表大会常务委员会\n2025年12月5日\n第一条 为了促进某产业发展,制定本条例。\n",
       "某市促进某产业条例", "某市人民代表大会常务委员会", "2025-12-05", "", "", ""},
      {"government order", "某市数据条例实施办法\n某市人民政府令\n(第12号)\n现公布,自2026年1月1日起施行。\n市长 某某\n2025年10月9日\n第一条 正文。\n",
       "某市数据条例实施办法", "某市人民政府", "2025-10-09", "", "", ""},
      {"a notice about an announcement is no announcement", "关于某事的公告\n第3号\n正文。\n", "关于某事的公告", "", "", "", "", ""},
      {"a portal's banner (a body's name alone) above the title",
       "某经济技术开发区管理委员会\n某开发区招商引资优惠政策简介(2025年版)\n来源:开发区投资促进局\n正文。\n",
       "某开发区招商引资优惠政策简介(2025年版)", "开发区投资促进局", "", "", "", ""},
      {"a body's name with nothing title-like after it stays the title", "某市人民政府\n", "某市人民政府", "", "", "", "", ""},
      {"empty", "", "", "", "", "", "", ""},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    DocMetadata md = ReadMetadata(c.text, rules);
    CHECK(md.title == c.title);
    CHECK(md.publisher == c.publisher);
    CHECK(md.date == c.date);
    CHECK(md.doc_number == c.number);
    CHECK(md.reprinted_from == c.reprint);
    CHECK(md.issuer_text == c.issuer);
    CHECK(md.body_begin <= c.text.size());
  }
  // A page flattened onto one line: its fields are read, but the line is body, not head
  // (as a head line it would leave the document no body and no sentences).
  {
    std::string line = "当前位置:首页 > 新闻 来源:高新院 日期:2025-12-29 点击:次 ";
    while (line.size() < 3000) line += "推进产业基础再造工程,设立先导产业母基金。";
    DocMetadata flat = ReadMetadata(line, rules);
    CHECK(flat.publisher == "高新院");
    CHECK(flat.date == "2025-12-29");
    CHECK(flat.body_begin == 0);
    CHECK(flat.meta_lines.empty());
  }
  DocMetadata reg = ReadMetadata(cases[4].text, rules);  // the announcement's signer line
  CHECK(cases[4].text.substr(reg.signature.begin, reg.signature.end - reg.signature.begin) == "某市人民代表大会常务委员会");
}

TEST_CASE("Publishers splits a 来源: list at 、 and commas", "[ingest][metadata]") {
  using V = std::vector<std::string_view>;
  CHECK(Publishers("") == V{});
  CHECK(Publishers("北京市科学技术委员会") == V{"北京市科学技术委员会"});
  CHECK(Publishers("北京市科学技术委员会、中关村科技园区管理委员会") == V{"北京市科学技术委员会", "中关村科技园区管理委员会"});
  CHECK(Publishers("甲局,乙局、、丙局、") == V{"甲局", "乙局", "丙局"});
}

TEST_CASE("ReadMetadata reads a WeChat byline, a source under the text, and no font widget as a number", "[ingest][metadata]") {
  RuleSet rules;
  REQUIRE(rules.AddText("meta.publisher\tmeta_label\tpublisher\t来源\n"
                        "meta.docnum\tmeta_label\tdoc_number\t文号|字号\n"
                        "meta.byline\tmeta_label\tbyline\t原创\n",
                        "test")
              .ok());
  {
    const std::string text = "原创 西海岸发布 西海岸发布 2026年05月20日 08:02 山东\n\n重磅!某新区出台十条措施\n\n正文第一段。\n\n"
                             "来源:区工业和信息化局\n编辑:王晓 审核:刘强\n";
    DocMetadata md = ReadMetadata(text, rules);
    CHECK(md.byline);
    CHECK(md.date == "2026-05-20");
    CHECK(md.title == "重磅!某新区出台十条措施");
    CHECK(md.publisher == "区工业和信息化局");
  }
  {
    DocMetadata md = ReadMetadata("某某新闻标题很长\n来源:某厅 字号:[大 中 小]\n正文。\n", rules);
    CHECK(md.doc_number.empty());
    CHECK(md.publisher == "某厅");
    CHECK_FALSE(md.byline);
  }
  // 原创 without a space is a word of the text, not a byline.
  CHECK_FALSE(ReadMetadata("原创精神的标题行\n正文。\n", rules).byline);
}
