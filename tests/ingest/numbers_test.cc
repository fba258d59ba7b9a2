// Tests for ingest/numbers.h: Arabic and Chinese numerals, magnitudes, money.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/numbers.h"
#include "ingest/utf8.h"

using namespace pkg::ingest;

TEST_CASE("ParseNumberAt reads the numbers of policy texts", "[ingest][numbers]") {
  struct Case {
    std::string text;
    double value;
    std::string rest;
  };
  const Case cases[] = {
      {"5.2%", 5.2, "%"},        {"3,700家", 3700, "家"},    {"1.2万家", 12000, "家"},
      {"5万亿元", 5e12, "元"},    {"1000亿元", 1e11, "元"},   {"三大", 3, "大"},
      {"二十项", 20, "项"},       {"一百二十三个", 123, "个"}, {"十五条", 15, "条"},
      {"两个", 2, "个"},          {"二〇二五年", 2025, "年"},  {"500千万", 5e9, ""},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto n = ParseNumberAt(c.text, 0);
    REQUIRE(n);
    CHECK(n->value == Approx(c.value));
    CHECK(c.text.substr(n->end) == c.rest);
  }
  CHECK_FALSE(ParseNumberAt("基金", 0));
  CHECK_FALSE(ParseNumberAt("", 0));
  CHECK_FALSE(ParseNumberAt("1", 5));
}

TEST_CASE("ParseAmountAt reads money", "[ingest][numbers]") {
  struct Case {
    std::string text;
    double written;
    std::string unit;
    double cny;
  };
  const Case cases[] = {
      {"1000亿元的", 1000, "亿元", 1e11},
      {"500万元", 500, "万元", 5e6},
      {"2亿美元", 2, "亿美元", 0},
      {"30元", 30, "元", 30},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto a = ParseAmountAt(c.text, 0);
    REQUIRE(a);
    CHECK(a->written == Approx(c.written));
    CHECK(a->unit == c.unit);
    CHECK(a->cny == Approx(c.cny));
  }
  CHECK_FALSE(ParseAmountAt("20家", 0));
}

TEST_CASE("ParseNumberAt reads decimals as strtod does", "[ingest][numbers]") {
  // Up to 15 significant digits DecimalValue divides exactly; longer ones go to strtod.
  std::mt19937 rng(3);
  std::uniform_int_distribution<int> digit(0, 9), len(1, 20), coin(0, 3);
  for (int round = 0; round < 20000; ++round) {
    std::string digits;
    const int n = len(rng);
    for (int k = 0; k < n; ++k) digits += static_cast<char>('0' + digit(rng));
    if (coin(rng) && n > 1) digits.insert(digits.begin() + 1 + digit(rng) % (n - 1), '.');
    const auto parsed = ParseNumberAt(digits + "家", 0);
    REQUIRE(parsed);
    INFO(digits);
    REQUIRE(parsed->written == std::strtod(digits.c_str(), nullptr));
    REQUIRE(parsed->end == digits.size());
  }
}

TEST_CASE("IsNumberStart reads the code point as NextCp does", "[ingest][numbers]") {
  // A reference: the code point NextCp decodes, then the same test.
  auto reference = [](std::string_view t, size_t pos) {
    if (pos >= t.size()) return false;
    size_t i = pos;
    const char32_t c = NextCp(t, i);
    const std::u32string_view digits = U"〇零一二两三四五六七八九";
    return (c >= U'0' && c <= U'9') || digits.find(c) != std::u32string_view::npos || (c == U'十' && i < t.size());
  };
  std::mt19937 rng(5);
  const std::vector<std::string> pieces = {"一", "十", "两", "〇", "零", "九", "百", "5", "x", "\xC0\xB5", "\xE4", "\xB8",
                                           "\xF0\x84\xB8\x80", "等", "\xE5\x8D"};
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  for (int round = 0; round < 3000; ++round) {
    std::string t;
    for (int k = 0; k < round % 8; ++k) t += pieces[pick(rng)];
    for (size_t pos = 0; pos <= t.size(); ++pos) {
      INFO(round << " @ " << pos);
      REQUIRE(IsNumberStart(t, pos) == reference(t, pos));
    }
  }
}

TEST_CASE("AmountAfter gives what ParseAmountAt gives", "[ingest][numbers]") {
  for (std::string_view t : {"1000亿元", "5万元的", "2亿美元", "20家", "3.5元", "十亿元"}) {
    INFO(t);
    const auto n = ParseNumberAt(t, 0);
    REQUIRE(n);
    const auto a = AmountAfter(t, *n), b = ParseAmountAt(t, 0);
    REQUIRE(a.has_value() == b.has_value());
    if (a) {
      CHECK(a->unit == b->unit);
      CHECK(a->cny == b->cny);
      CHECK(a->end == b->end);
    }
  }
}

TEST_CASE("ParseNumberAt reads magnitudes as the first match of the list would", "[ingest][numbers]") {
  // The list in its order (the first word that the text starts with wins), as MagnitudeAt read it before.
  const std::pair<std::string_view, double> mags[] = {{"万亿", 1e12}, {"千亿", 1e11}, {"百亿", 1e10}, {"亿", 1e8},
                                                      {"千万", 1e7},  {"百万", 1e6},  {"万", 1e4}};
  const std::string_view tails[] = {"", "万", "亿", "千", "百", "元", "个", "x", "\xE4", "\xE4\xB8"};
  for (std::string_view lead : {"7", "12.5"}) {
    for (std::string_view t1 : tails) {
      for (std::string_view t2 : tails) {
        const std::string text = std::string(lead) + std::string(t1) + std::string(t2);
        const std::string_view after = std::string_view(text).substr(lead.size());
        std::string want_word;
        double want = 1;
        for (const auto& [w, m] : mags) {
          if (after.substr(0, w.size()) == w) {
            want_word = std::string(w);
            want = m;
            break;
          }
        }
        INFO(text);
        const auto n = ParseNumberAt(text, 0);
        REQUIRE(n);
        CHECK(n->magnitude == want_word);
        CHECK(n->value == n->written * want);
        CHECK(n->end == lead.size() + want_word.size());
      }
    }
  }
}
