// Tests for DocContext::FindIn (ingest/mention.h, np_scan.cc): with the
// document's word hits (IndexWords) and without them, it must answer exactly
// as a scan of the clause would (WordSet::Find on the text cut at `end`), for
// every start and end on a character boundary, including words that run
// past `end`.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ingest/mention.h"
#include "ingest/np_scan.h"
#include "ingest/rules.h"
#include "ingest/utf8.h"

using namespace pkg::ingest;

TEST_CASE("FindIn answers as a scan of the clause would", "[ingest][np_scan]") {
  RuleSet rules;
  REQUIRE(rules.AddText("speech.a\tspeech_verb\t\t提出|提出了|表示\n"
                        "host.a\thost_lead\t\t依托|依靠\n",
                        "test")
              .ok());
  const std::string text =
      "《方案》提出,依托实验室建设中心。他表示提出了新要求;依靠企业。提出";
  const bool indexed = GENERATE(false, true);
  DocContext ctx;
  ctx.text = text;
  ctx.rules = &rules;
  if (indexed) ctx.IndexWords();
  std::vector<size_t> bounds;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) bounds.push_back(i);
  }
  int found = 0;
  for (RuleKind k : {RuleKind::speech_verb, RuleKind::host_lead}) {
    const WordSet& words = rules.Words(k);
    for (size_t from : bounds) {
      for (size_t end : bounds) {
        size_t want_len = 0, got_len = 0;
        const Rule* want_rule = nullptr;
        const Rule* got_rule = nullptr;
        size_t want = end >= from ? words.Find(std::string_view(text).substr(0, end), from, &want_len, &want_rule)
                                  : std::string_view::npos;
        size_t got = ctx.FindIn(k, from, end, &got_len, &got_rule);
        INFO("indexed " << indexed << " kind " << RuleKindName(k) << " from " << from << " end " << end);
        REQUIRE(got == want);
        if (got != std::string_view::npos) {
          CHECK(got_len == want_len);
          CHECK(got_rule == want_rule);
          ++found;
        }
      }
    }
  }
  CHECK(found > 100);
  // 提出了 cut after 提出 is still 提出.
  size_t len = 0;
  const size_t at = text.find("提出了");
  CHECK(ctx.FindIn(RuleKind::speech_verb, at, at + 6, &len) == at);
  CHECK(len == 6);
}

TEST_CASE("CleanName drops quotes, title marks and spaces, and nothing else", "[ingest][np_scan]") {
  CHECK(CleanName("“人工智能+”行动") == "人工智能+行动");
  CHECK(CleanName("《上海市 促进条例》") == "上海市促进条例");
  // Spaces between Latin words stay (one for a run); beside Chinese they go.
  CHECK(CleanName("State  Council") == "State Council");
  CHECK(CleanName(" AI Agent 创新中心 ") == "AI Agent创新中心");
  CHECK(CleanName("“AI” 创新") == "AI创新");
  CHECK(CleanName("「智造」『基金』") == "智造基金");
  CHECK(CleanName("‘专精特新’\"中小企业\"") == "专精特新中小企业");
  CHECK(CleanName("") == "");
  CHECK(CleanName("“”") == "");
  // Neighbours of the dropped characters in the same Unicode blocks stay: 、。〔〕—….
  CHECK(CleanName("、。〔2025〕—…") == "、。〔2025〕—…");
  // A dropped character's lead byte at the very end, cut short, is kept as it is.
  CHECK(CleanName(std::string("AB\xE2\x80")) == std::string("AB\xE2\x80"));
}

// WordChars counts Han characters, ASCII letters and digits; its fast paths
// (ASCII, lead bytes E5-E9) must agree with decoding every code point, on
// names and on random bytes (truncated and stray sequences included).
TEST_CASE("WordChars agrees with a code-point count", "[ingest][np_scan]") {
  auto slow = [](std::string_view s) {
    size_t n = 0;
    for (size_t i = 0; i < s.size();) {
      char32_t c = NextCp(s, i);
      n += IsHan(c) || IsAsciiAlpha(c) || IsAsciiDigit(c);
    }
    return n;
  };
  for (std::string_view s : {"", "国家统计局嘉兴调查队", "5G基站", "研究与试验发展(R&D)经费", "䷀䷁ 〇一二", "\xE5\x90", "A\xE9"}) {
    INFO(s);
    CHECK(WordChars(s) == slow(s));
  }
  uint64_t x = 88172645463325252ull;
  for (int k = 0; k < 20000; ++k) {
    std::string s;
    const size_t len = k % 13;
    for (size_t i = 0; i < len; ++i) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      static const unsigned char kBytes[] = {'a', '1', ' ', 0x80, 0xA5, 0xBF, 0xC3, 0xE4, 0xE5, 0xE9, 0xEA, 0xF0};
      s.push_back(static_cast<char>(kBytes[x % sizeof kBytes]));
    }
    std::string hex;
    for (unsigned char c : s) hex += std::to_string(c) + " ";
    INFO(hex);
    REQUIRE(WordChars(s) == slow(s));
  }
}
