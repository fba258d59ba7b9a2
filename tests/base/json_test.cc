// Tests for base/json.h: the hardened parse (depth, encoding, numbers).
#include "base/json.h"

#include <catch2/catch.hpp>

namespace pkg {
namespace {

TEST_CASE("ParseJson keeps numbers apart from strings", "[json]") {
  rapidjson::Document d;
  REQUIRE_FALSE(ParseJson(R"({"n": 12, "s": "12", "big": 123456789012345678901234567890})", d));
  CHECK(JsonNumberOf(d["n"]) == 12.0);
  CHECK_FALSE(JsonNumberOf(d["s"]).has_value());
  CHECK(JsonIsText(d["s"]));
  CHECK_FALSE(JsonIsText(d["n"]));
  CHECK(*JsonNumberOf(d["big"]) == Approx(1.2345678901234568e29));
  CHECK(JsonKindName(d["n"]) == "a number");
}

TEST_CASE("ParseJson errors carry line and column", "[json]") {
  struct Case { std::string text; std::string message; size_t line, column; };
  const std::vector<Case> cases = {
      {"{\n  \"a\": ,\n}", "invalid value", 2, 8},
      {"", "empty input", 1, 1},
      {std::string(50, '['), "nesting deeper than 32", 1, 33},
      {"{\"a\":\"\xC3\x28\"}", "invalid UTF-8", 1, 7},
      {"{} {}", "unexpected text after the JSON value", 1, 4},
      {"1e999", "number too big", 1, 1},
      {"[1e308]", "", 1, 1},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    rapidjson::Document d;
    auto e = ParseJson(c.text, d);
    if (c.message.empty()) {
      // The token parses (kept as a string); conversion refuses it.
      REQUIRE_FALSE(e);
      CHECK(JsonNumberOf(d[0]).has_value());
      continue;
    }
    REQUIRE(e);
    CHECK_THAT(e->message, Catch::Contains(c.message));
    CHECK(e->line == c.line);
    CHECK(e->column == c.column);
  }
}

TEST_CASE("ParseJsonInteger and JsonQuote", "[json]") {
  CHECK(ParseJsonInteger("42") == 42);
  CHECK_FALSE(ParseJsonInteger("99999999999999999999").has_value());
  CHECK_FALSE(ParseJsonInteger("4.2").has_value());
  CHECK(JsonQuote("a\"b\n") == "\"a\\\"b\\n\"");
}

}  // namespace
}  // namespace pkg
