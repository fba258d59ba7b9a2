// Tests for base/text.h: name normalisation, Traditional→Simplified, pinyin,
// display width, UTF-8 checks.
#include "base/text.h"

#include <catch2/catch.hpp>
#include <unicode/utf8.h>

#include <string>

namespace pkg {
namespace {

TEST_CASE("NormalizeName folds scripts, widths, case and quotes", "[text]") {
  struct Case { const char* in; const char* out; };
  const Case cases[] = {
      {"“AI+制造”行动", "ai+制造行动"}, {"ＡＩ＋制造", "ai+制造"}, {"產業基礎再造工程", "产业基础再造工程"},
      {"《上海市促进人工智能产业发展条例》", "上海市促进人工智能产业发展条例"}, {"  M0 土地 ", "m0土地"},
      {"「五个中心」", "五个中心"}, {"AI+Manufacturing", "ai+manufacturing"}, {"", ""},
      {"經濟和信息化委員會", "经济和信息化委员会"},
      // Plain Han and ASCII (the fast path) and every other form (ICU) agree.
      {"A\t產 業\n5G‘基金’`x`", "a产业5g基金x"}, {"產業（一期）", "产业(一期)"}, {"产业\u3000基金", "产业基金"},
      {"\uF900产业", "岂产业"}, {"㐀產Ⅻ", "㐀产xii"}, {"\xE4\xBA", "\uFFFD"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(NormalizeName(c.in) == c.out);
  }
}

TEST_CASE("ToSimplified and ToPinyin", "[text]") {
  CHECK(ToSimplified("產業規劃 abc") == "产业规划 abc");
  CHECK(ToPinyin("上海") == "shanghai");
  CHECK(ToPinyin("集成電路") == "jichengdianlu");
  CHECK(ToPinyin("AI+制造") == "aizhizao");
}

TEST_CASE("SimplifyInPlace gives ToSimplified's bytes, offsets kept", "[text]") {
  const std::string cases[] = {
      "產業規劃 abc",
      "臺灣積體電路製造股份有限公司,與國家發展改革委員會",
      std::string("\xE5\x80") + "產業",                 // a cut character before a good one
      std::string("\xF0") + "業" + "\xE5\xA4" + "規劃",  // stray lead bytes
      std::string("\xED\xA0\x80") + "發展",            // an encoded surrogate
      "𠀀𡃁 (extension B, untouched) ＡＩ＋製造",
      "",
  };
  for (const auto& c : cases) {
    std::string in_place = c;
    REQUIRE(SimplifyInPlace(in_place));
    INFO(c);
    CHECK(in_place == ToSimplified(c));
    CHECK(in_place.size() == c.size());
  }
}

TEST_CASE("DisplayWidth counts Chinese as two columns", "[text]") {
  CHECK(DisplayWidth("abc") == 3);
  CHECK(DisplayWidth("基金") == 4);
  CHECK(DisplayWidth("ＡＩ") == 4);
  CHECK(DisplayWidth("e\xCC\x81") == 1);  // combining accent
  CHECK(PadToWidth("基金", 6) == "基金  ");
}

TEST_CASE("UTF-8 validation and safe prefixes", "[text]") {
  size_t bad = 0;
  CHECK(IsValidUtf8("中文"));
  CHECK_FALSE(IsValidUtf8("ab\xE4\xB8", &bad));
  CHECK(bad == 2);
  CHECK(Utf8Prefix("中文", 4) == "中");
  CHECK(Utf8Prefix("中文", 6) == "中文");
}

TEST_CASE("IsValidUtf8 agrees with ICU's U8_NEXT on every byte string", "[text]") {
  // The reference: step with U8_NEXT; the first negative code point is the bad offset.
  auto reference = [](const std::string& s, size_t* bad) {
    int32_t i = 0, n = static_cast<int32_t>(s.size());
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    while (i < n) {
      int32_t start = i;
      UChar32 c;
      U8_NEXT(p, i, n, c);
      if (c < 0) {
        *bad = static_cast<size_t>(start);
        return false;
      }
    }
    return true;
  };
  // Pieces that mix well-formed text with every kind of malformation:
  // truncated, overlong, surrogate (ED A0..), above U+10FFFF, stray continuation.
  const char* pieces[] = {"a", "abcdefgh", "中", "文", "\xEF\xBF\xBF", "\xE0\xA0\x80", "\xE0\x80\x80", "\xED\x9F\xBF",
                          "\xED\xA0\x80", "\xF0\x9F\x98\x80", "\xF4\x90\x80\x80", "\xC3\xA9", "\xC0\xAF", "\x80", "\xE4\xB8",
                          "\xFF", "\n"};
  uint32_t seed = 11;
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int len = static_cast<int>((seed = seed * 1103515245u + 12345u) >> 16) % 24;
    for (int k = 0; k < len; ++k) {
      seed = seed * 1103515245u + 12345u;
      // Mostly well-formed pieces, so that a bad one lands at many offsets.
      s += pieces[(seed >> 16) % 10 < 8 ? (seed >> 8) % 5 : (seed >> 8) % 17];
    }
    size_t want_bad = 0, got_bad = 0;
    const bool want = reference(s, &want_bad);
    INFO("round " << round);
    REQUIRE(IsValidUtf8(s, &got_bad) == want);
    if (!want) CHECK(got_bad == want_bad);
  }
}

}  // namespace
}  // namespace pkg
