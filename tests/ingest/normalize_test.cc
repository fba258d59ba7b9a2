// Tests for ingest/normalize.h and page_chrome.h: character folding, scraper
// artifacts, page chrome, and the offset map back to the original bytes.
#include <catch2/catch.hpp>

#include <string>

#include "base/text.h"
#include "ingest/decode.h"
#include "ingest/normalize.h"
#include "ingest/rules.h"

using namespace pkg::ingest;

namespace {

PageChrome TestChrome() {
  PageChrome c;
  c.line_markers = {"当前位置", "分享到", "点击:次", "上一篇"};
  c.tail_markers = {"相关文章", "相关阅读"};
  return c;
}

NormalizedText Norm(const std::string& bytes) {
  auto d = Decode(bytes);
  REQUIRE(d.ok());
  return Normalize(*d, TestChrome());
}

}  // namespace

TEST_CASE("Normalize folds characters and removes scraper artifacts", "[ingest][normalize]") {
  struct Case {
    const char* what;
    std::string in, out;
  };
  const Case cases[] = {
      {"full-width ASCII", "ＡＩ＋制造，２０２５（一）", "AI+制造,2025(一)"},
      {"ideographic space", "一　二", "一 二"},
      {"traditional to simplified", "產業規劃與經濟", "产业规划与经济"},
      // Traditional characters next to those the character pass decides one
      // by one (punctuation, full-width forms, pinyin) are simplified too.
      {"traditional beside punctuation", "《發展規劃》、「產業」，（經濟）。", "《发展规划》、“产业”,(经济)。"},
      {"compatibility ideograph", "\uF900\uF901", pkg::ToSimplified("\u8C48\u66F4")},
      {"inline pinyin", "產(chǎn)業(yè)發(fā)展", "产业发展"},
      {"pinyin in full-width brackets", "產（chǎn）業", "产业"},
      {"latin in brackets kept", "工业领域(AEO)试点", "工业领域(AEO)试点"},
      {"lost characters", "新??工业化", "新工业化"},
      {"single question mark kept", "是什么?", "是什么?"},
      {"zero width and replacement", "产\xE2\x80\x8B业\xEF\xBF\xBD", "产业"},
      {"corner quotes", "「加速计划」", "“加速计划”"},
      {"tabs", "甲\t乙", "甲 乙"},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    CHECK(Norm(c.in).text == c.out);
  }
}

TEST_CASE("Normalize drops page chrome lines", "[ingest][normalize]") {
  struct Case {
    const char* what;
    std::string in, out;
  };
  const Case cases[] = {
      {"breadcrumb", "当前位置:首页 > 新闻\n正文第一段。\n", "正文第一段。\n"},
      {"menu entries", "- 政策解读\n- 高新区新闻\n正文。\n", "正文。\n"},
      {"latin-only short line", "Network\n正文。\n", "正文。\n"},
      {"related list ends the text", "正文。\n相关文章\n别的新闻一\n别的新闻二\n", "正文。\n"},
      {"a line of related links is chrome", "正文。\n相关阅读: 中国政府网 | 工业和信息化部\n主办单位:某部\n",
       "正文。\n主办单位:某部\n"},
      {"a related-marker line without links is text", "正文。\n相关阅读:本办法的解读稿。\n",
       "正文。\n相关阅读:本办法的解读稿。\n"},
      {"marker inside a long sentence is text",
       "本措施适用于工商注册、税务征管和统计关系均在本区的企业,不含已上一篇所述的情形以及其他各类需要另行研究确定的特殊情况和例外事项等等。\n",
       "本措施适用于工商注册、税务征管和统计关系均在本区的企业,不含已上一篇所述的情形以及其他各类需要另行研究确定的特殊情况和例外事项等等。\n"},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    CHECK(Norm(c.in).text == c.out);
  }
}

TEST_CASE("Normalize keeps a map to the original bytes", "[ingest][normalize]") {
  // "產(chǎn)業" → "产业": 业 starts after the removed pinyin.
  std::string in = "產(chǎn)業";
  NormalizedText n = Norm(in);
  REQUIRE(n.text == "产业");
  CHECK(n.orig.size() == n.text.size() + 1);
  auto [b, e] = n.OriginalSpan(3, 6);  // 业
  CHECK(in.substr(b, e - b) == "業");
  auto [b0, e0] = n.OriginalSpan(0, 6);  // 产业: from 產 to the end of 業
  CHECK(b0 == 0);
  CHECK(e0 == in.size());
  CHECK(n.pinyin_removed == 1);
}

TEST_CASE("PageChrome gives the same verdicts with its markers as one WordSet", "[ingest][normalize]") {
  RuleSet rs;
  REQUIRE(rs.AddText("c.line\tchrome_line\t\t当前位置|分享到|点击:次|上一篇|EN\n", "t").ok());
  PageChrome plain = TestChrome();
  plain.line_markers.push_back("EN");
  PageChrome fast = plain;
  fast.line_marker_words = &rs.Words("chrome_line");
  const char* lines[] = {"当前位置:首页 > 政策", "  分享到: 微信 微博 ", "点击:次", "上一篇:关于印发的通知",
                         "- 政策解读", "English", "ENGLISH 版", "第一条 为了促进产业发展,制定本办法。",
                         "这是一段很长的正文,其中提到分享到这个词,但是这一行的字数超过了六十个字符,所以它仍然是正文而不是页面的导航部分的内容。",
                         "相关文章", "", "2025"};
  for (const char* l : lines) {
    INFO(l);
    CHECK(fast.Classify(l) == plain.Classify(l));
  }
  CHECK(fast.Classify("当前位置:首页") == PageChrome::Verdict::kChrome);
  CHECK(fast.Classify("相关文章") == PageChrome::Verdict::kTail);
  CHECK(fast.Classify("第一条 为了促进产业发展") == PageChrome::Verdict::kText);
}

TEST_CASE("A metadata line stays text when it also holds a chrome marker", "[ingest][normalize]") {
  RuleSet rs;
  REQUIRE(rs.AddText("c.line\tchrome_line\t\t浏览次数|分享到\n"
                     "meta.publisher\tmeta_label\tpublisher\t来源|发布机构\n"
                     "meta.date\tmeta_label\tdate\t发布时间|日期\n",
                     "t")
              .ok());
  PageChrome c;
  c.line_markers = {"浏览次数", "分享到"};
  c.line_marker_words = &rs.Words("chrome_line");
  c.metadata_labels = &rs.Words("meta_label");
  const std::pair<const char*, PageChrome::Verdict> cases[] = {
      {"来源:绍兴市人民政府办公室 发布时间:2025-03-07 09:30 浏览次数:1256", PageChrome::Verdict::kText},
      {"发布时间:2025-03-07 浏览次数:88", PageChrome::Verdict::kText},
      {"浏览次数:1256", PageChrome::Verdict::kChrome},
      // A label word without its colon is no metadata: 来源 in a phrase.
      {"分享到 来源广泛", PageChrome::Verdict::kChrome},
  };
  for (const auto& [line, want] : cases) {
    INFO(line);
    CHECK(c.Classify(line) == want);
  }
}
