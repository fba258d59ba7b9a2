// Tests for ingest/structure.h: enumeration markers, items and their extent,
// sentences and clauses.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ingest/structure.h"

using namespace pkg::ingest;

TEST_CASE("MarkerAt recognises the enumerations of policy texts", "[ingest][structure]") {
  struct Case {
    std::string text;
    int level;
    std::string marker;
  };
  const Case cases[] = {
      {"第一章 总则", 0, "第一章"},   {"第十二条 本办法", 1, "第十二条"}, {"一、总体要求", 1, "一、"},
      {"(三)加快发展", 2, "(三)"},    {"1.建设平台", 3, "1."},          {"12、推进", 3, "12、"},
      {"(2)支持", 4, "(2)"},         {"①设立", 4, "①"},               {"一是夯实", 5, "一是"},
      {"二十是", 5, "二十是"},        {"2025年以来", -1, ""},           {"5.2%的增长", -1, ""},
      {"第一批企业", -1, ""},         {"普通句子", -1, ""},
      // A speech's points: 第一,… at a paragraph start (normalised comma).
      {"第二,全面推进", 2, "第二,"},   {"第一次会议", -1, ""},          {"第3,", 2, "第3,"},
      // A plan's box (专栏) is a heading above its numbered lines.
      {"专栏2 重点产业链数字化改造工程", 2, "专栏2"}, {"专栏三:重点工程", 2, "专栏三"},
      {"专栏作者", -1, ""},           {"专栏12", 2, "专栏12"},
      // A post's numbered sections: two digits and a space before Chinese text.
      {"01 强化算力供给", 1, "01 "},   {"12 完善服务保障", 1, "12 "},   {"20 强化", -1, ""},
      {"2025 年", -1, ""},            {"01 ABC", -1, ""},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    size_t len = 0;
    CHECK(MarkerAt(c.text, 0, &len, false) == c.level);
    if (c.level >= 0) CHECK(c.text.substr(0, len) == c.marker);
  }
  size_t len = 0;
  CHECK(MarkerAt("一、", 0, &len, true) == -1);  // only 一是 may appear mid-line
  CHECK(MarkerAt("二是", 0, &len, true) == 5);
}

TEST_CASE("AnalyzeStructure nests items and splits sentences and clauses", "[ingest][structure]") {
  std::string text =
      "总述一句。\n"
      "一、总体要求\n"
      "(一)加快发展新质生产力。推进A行动,实施B计划;建设C平台。\n"
      "(二)强化保障。一是完善机制;二是加大投入。\n"
      "二、保障措施\n"
      "加强组织领导(责任单位:市经信委)。\n";
  Structure st = AnalyzeStructure(text, 0, static_cast<uint32_t>(text.size()));
  std::vector<std::string> sentences;
  for (const auto& s : st.sentences) sentences.push_back(text.substr(s.span.begin, s.span.end - s.span.begin));
  const std::vector<std::string> want = {"总述一句",       "一、总体要求",   "(一)加快发展新质生产力", "推进A行动,实施B计划",
                                         "建设C平台",       "(二)强化保障",   "一是完善机制",          "二是加大投入",
                                         "二、保障措施",     "加强组织领导(责任单位:市经信委)"};
  CHECK(sentences == want);
  REQUIRE(st.items.size() == 6);
  CHECK(st.items[0].marker == "一、");
  CHECK(st.items[1].parent == 0);  // (一) under 一、
  CHECK(st.items[2].parent == 0);  // (二) under 一、
  CHECK(st.items[3].parent == 2);  // 一是 under (二)
  CHECK(st.items[5].parent == -1);  // 二、 closes 一、
  CHECK(st.sentences[3].item == 1);
  CHECK(st.sentences[2].heading);
  CHECK_FALSE(st.sentences[3].heading);
  // Clauses: split at , and around brackets.
  REQUIRE(st.sentences[3].clauses.size() == 2);
  CHECK(st.sentences[9].clauses.size() == 3);  // 加强组织领导 | (责任单位 | 市经信委)
  CHECK(st.SentenceAt(st.sentences[4].span.begin) == 4);
}

TEST_CASE("Sentence and clause ends are found wherever they fall in the text's 8-byte words",
          "[ingest][structure]") {
  // The scan steps over Chinese text eight bytes at a time: an end mark or a
  // comma after any number of leading bytes, and the lead bytes E2/E3 of …
  // and 。 next to other non-ASCII bytes (《 is E3 80 8A, — is E2 80 94),
  // must all be seen.
  for (size_t pad = 0; pad < 10; ++pad) {
    for (size_t han = 1; han < 12; ++han) {
      std::string words;
      for (size_t i = 0; i < han; ++i) words += "政";
      const std::string text = std::string(pad, 'x') + words + "," + words + "。" + words + "—《" + words + "》…" + words;
      Structure st = AnalyzeStructure(text, 0, static_cast<uint32_t>(text.size()));
      INFO("pad " << pad << ", han " << han);
      REQUIRE(st.sentences.size() == 3);
      CHECK(text.substr(st.sentences[0].span.begin, st.sentences[0].span.end - st.sentences[0].span.begin) ==
            std::string(pad, 'x') + words + "," + words);
      CHECK(st.sentences[0].clauses.size() == 2);
      CHECK(text.substr(st.sentences[1].span.begin, st.sentences[1].span.end - st.sentences[1].span.begin) ==
            words + "—《" + words + "》");
      CHECK(text.substr(st.sentences[2].span.begin, st.sentences[2].span.end - st.sentences[2].span.begin) == words);
    }
  }
}

TEST_CASE("AnalyzeStructure survives hostile text", "[ingest][structure]") {
  const std::vector<std::string> cases = {"", "。。。,,,;;;", "((((((((", "))))))", "一是一是一是", "\n\n\n",
                                          std::string(10000, '(') + "结尾"};
  for (const auto& t : cases) {
    Structure st = AnalyzeStructure(t, 0, static_cast<uint32_t>(t.size()));
    for (const auto& s : st.sentences) CHECK(s.span.end <= t.size());
  }
}

TEST_CASE("Long sentences and clauses are cut at the first character start past the limit",
          "[ingest][structure]") {
  // 200 Han characters (600 bytes) with no delimiter: the clause is cut at
  // byte 513 (the first character start at or past 512), the rest is one clause.
  std::string han;
  for (int i = 0; i < 200; ++i) han += "产";
  Structure st = AnalyzeStructure(han + "。", 0, static_cast<uint32_t>(han.size() + 3));
  REQUIRE(st.sentences.size() == 1);
  REQUIRE(st.sentences[0].clauses.size() == 2);
  CHECK(st.sentences[0].clauses[0].begin == 0);
  CHECK(st.sentences[0].clauses[0].end == 513);
  CHECK(st.sentences[0].clauses[1].end == 600);

  // Random texts: every sentence and clause starts and ends on a character
  // start, lies inside its line, and no clause is longer than the limit plus
  // one character; sentences end before a sentence-ending mark.
  const char* pieces[] = {"产业", "基金", ",", "。", "(", ")", ";", "!", " ", "AI ", "…", "\n", "、", "1.", "(集团)"};
  uint32_t seed = 7;
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const int n = 1 + static_cast<int>((seed = seed * 1103515245u + 12345u) % 3000);
    for (int i = 0; i < n; ++i) {
      seed = seed * 1103515245u + 12345u;
      // Mostly Han words, so that long sentences and clauses occur.
      text += (seed >> 16) % 10 < 7 ? pieces[(seed >> 8) % 2] : pieces[(seed >> 8) % 15];
    }
    Structure s = AnalyzeStructure(text, 0, static_cast<uint32_t>(text.size()));
    auto char_start = [&](uint32_t p) { return p >= text.size() || (static_cast<unsigned char>(text[p]) & 0xC0) != 0x80; };
    for (const auto& sen : s.sentences) {
      INFO("round " << round << " sentence at " << sen.span.begin);
      CHECK(char_start(sen.span.begin));
      CHECK(char_start(sen.span.end));
      CHECK(text.substr(sen.span.begin, sen.span.end - sen.span.begin).find("。") == std::string::npos);
      CHECK(text.substr(sen.span.begin, sen.span.end - sen.span.begin).find('\n') == std::string::npos);
      for (const auto& c : sen.clauses) {
        CHECK(char_start(c.begin));
        CHECK(c.end - c.begin <= 512 + 3);
        CHECK(c.begin >= sen.span.begin);
      }
    }
  }
}
