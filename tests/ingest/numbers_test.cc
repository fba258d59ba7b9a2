// Tests for ingest/numbers.h: Arabic and Chinese numerals, magnitudes, money.
#include <catch2/catch.hpp>

#include <string>

#include "ingest/numbers.h"

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
